"""The offline help: both languages resolve, every image and in-page link exists, Help opens the right page."""

from __future__ import annotations

import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QObject, QUrl, pyqtSlot
from qgis.PyQt.QtGui import QDesktopServices

from digiresan_plugin.gui import help as help_module
from digiresan_plugin.gui.help import ANCHORS, help_file, help_url, open_help

ROOT = Path(__file__).resolve().parent.parent
HELP = ROOT / "docs" / "help"
LANGUAGES = ("en", "sv")
MAX_IMAGE_BYTES = 320_000
MAX_IMAGE_WIDTH = 1200


class Page(HTMLParser):
    """What a help page links to and which ids it defines."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.lang = None
        self.ids: set[str] = set()
        self.images: list[str] = []
        self.anchor_links: list[str] = []
        self.file_links: list[str] = []
        self.stylesheets: list[str] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "img":
            self.images.append(attributes.get("src") or "")
            assert attributes.get("alt"), f"{self.path.name}: an image without alt text"
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.stylesheets.append(attributes["href"])
        if tag == "a" and attributes.get("href"):
            href = attributes["href"]
            if href.startswith("#"):
                self.anchor_links.append(href[1:])
            elif "://" not in href and not href.startswith("mailto:"):
                self.file_links.append(href)


@pytest.fixture(scope="module", params=LANGUAGES)
def page(request) -> Page:
    return Page(HELP / request.param / "index.html")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_both_languages_resolve_to_their_own_page() -> None:
    for language in LANGUAGES:
        url = help_url(language)
        assert url.isLocalFile()
        path = Path(url.toLocalFile())
        assert path.is_file()
        assert path.parent.name == language and path.name == "index.html"


def test_unknown_language_falls_back_to_english_and_anchor_is_kept() -> None:
    assert Path(help_url("de").toLocalFile()) == Path(help_url("en").toLocalFile())
    assert Path(help_url("").toLocalFile()).parent.name == "en"
    url = help_url("sv_SE", "card")
    assert Path(url.toLocalFile()).parent.name == "sv"
    assert url.fragment() == "card"
    assert help_url("en", "#warnings").fragment() == "warnings"


def test_built_plugin_help_comes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the installed plugin the help is ``<plugin>/help/<lang>/index.html``."""
    plugin = tmp_path / "digiresan_plugin"
    (plugin / "help" / "sv").mkdir(parents=True)
    (plugin / "help" / "sv" / "index.html").write_text("<html lang='sv'></html>", encoding="utf-8")
    monkeypatch.setattr(help_module, "PACKAGE_DIR", plugin)
    assert help_file("sv") == plugin / "help" / "sv" / "index.html"
    assert help_file("en") is None  # no English there and no source tree next to it
    assert not help_url("en").isValid()


def test_page_language_attribute(page: Page) -> None:
    assert page.lang == page.path.parent.name
    if page.path.parent.name == "sv":
        assert page.lang == "sv"


def test_every_image_exists_and_is_small(page: Page) -> None:
    assert len(page.images) >= 6, "the help should show the real application"
    for src in page.images:
        path = (page.path.parent / src).resolve()
        assert path.is_file(), f"{page.path.parent.name}: image {src} is missing"
        assert path.is_relative_to(HELP.resolve()), f"{src} points outside docs/help"
        width, _height = png_size(path)
        assert width <= MAX_IMAGE_WIDTH, f"{src} is {width} px wide"
        assert path.stat().st_size <= MAX_IMAGE_BYTES, f"{src} is {path.stat().st_size} bytes"


def test_every_in_page_link_has_a_target(page: Page) -> None:
    assert page.anchor_links, "no table of contents"
    missing = sorted(set(page.anchor_links) - page.ids)
    assert not missing, f"{page.path.parent.name}: links to missing anchors {missing}"


def test_links_to_files_and_stylesheet_exist(page: Page) -> None:
    assert page.stylesheets == ["../help.css"]
    for href in page.file_links + page.stylesheets:
        target = (page.path.parent / href.split("#")[0]).resolve()
        assert target.is_file(), f"{page.path.parent.name}: {href} does not exist"


def test_chapters_the_plugin_opens_exist_in_both_languages() -> None:
    pages = {language: Page(HELP / language / "index.html") for language in LANGUAGES}
    for language, parsed in pages.items():
        missing = [anchor for anchor in ANCHORS if anchor not in parsed.ids]
        assert not missing, f"{language}: help_module.ANCHORS not in the page: {missing}"
    assert {i for i in pages["en"].ids} == {i for i in pages["sv"].ids}, "the two languages have different chapters"


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @pyqtSlot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(QUrl(url))


@pytest.mark.parametrize(("locale", "language"), [("sv_SE", "sv"), ("en_GB", "en")])
def test_open_help_follows_the_qgis_ui_language(qgis_app, locale: str, language: str) -> None:
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")  # a real Qt hook: nothing is launched
    try:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", locale)
        assert open_help("card")
    finally:
        QDesktopServices.unsetUrlHandler("file")
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
    assert len(catcher.urls) == 1
    url = catcher.urls[0]
    assert url.fragment() == "card"
    assert Path(url.toLocalFile()) == HELP / language / "index.html"


def test_open_help_says_so_when_no_browser_opens(qgis_app, monkeypatch) -> None:
    told = []
    monkeypatch.setattr("digiresan_plugin.gui.help.QDesktopServices.openUrl", staticmethod(lambda url: False))
    assert not open_help("card", told.append)
    assert len(told) == 1 and told[0].startswith("No web browser opened. The help is at ")
    assert told[0].endswith("index.html")
