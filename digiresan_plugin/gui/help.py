"""The bundled offline help (Swedish and English), opened in the user's web browser.

In the built plugin the help lives in ``<plugin>/help/<lang>/index.html`` (``make build`` copies ``docs/help``
there); in a source checkout it is ``docs/help/<lang>/index.html``. Anchors name the chapters, e.g. ``"card"``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QDesktopServices

from ..core.i18n import SUPPORTED, ui_language

PACKAGE_DIR = Path(__file__).resolve().parent.parent
FALLBACK_LANGUAGE = "en"

#: Chapter anchors present in both languages (tests check they exist).
ANCHORS = ("twin", "dock", "sources", "card", "warnings", "processing", "ideas", "settings", "locator")


def help_roots() -> list[Path]:
    """Folders that may hold the help: the built plugin's ``help`` first, then the source tree's ``docs/help``."""
    return [PACKAGE_DIR / "help", PACKAGE_DIR.parent / "docs" / "help"]


def help_file(language: str) -> Optional[Path]:
    """``index.html`` of the help in ``language`` (English when that language is missing), or None."""
    wanted = (language or "").lower()[:2]
    languages = [wanted] if wanted in SUPPORTED else []
    if FALLBACK_LANGUAGE not in languages:
        languages.append(FALLBACK_LANGUAGE)
    for lang in languages:
        for root in help_roots():
            candidate = root / lang / "index.html"
            if candidate.is_file():
                return candidate
    return None


def help_url(language: str, anchor: str = "") -> QUrl:
    """A ``file:`` URL of the help page in ``language`` (English fallback), at ``anchor`` if given.

    Returns an invalid (empty) QUrl when no help is installed.
    """
    path = help_file(language)
    if path is None:
        return QUrl()
    url = QUrl.fromLocalFile(str(path))
    if anchor:
        url.setFragment(anchor.lstrip("#"))
    return url


def open_help(anchor: str = "", tell: Optional[Callable[[str], None]] = None) -> bool:
    """Open the help in QGIS's UI language (Swedish or English) in the default browser; False if none found or
    no browser opened, and then ``tell`` (e.g. a dock's message) says so and where the help file is."""
    url = help_url(ui_language(), anchor)
    if not url.isValid() or url.isEmpty():
        if tell is not None:
            tell(QCoreApplication.translate("DigiresanHelp", "The help is not installed with the plugin."))
        return False
    if QDesktopServices.openUrl(url):
        return True
    if tell is not None:
        tell(QCoreApplication.translate("DigiresanHelp", "No web browser opened. The help is at {path}").format(
            path=url.toLocalFile()))
    return False
