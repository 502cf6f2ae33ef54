"""`make package`: the zip passes the QGIS plugin repository's checks and loads in a fresh QGIS profile.

The checks follow QGIS-Django's ``plugins/validator.py`` (what plugins.qgis.org runs on upload). The load test
unpacks the zip into ``<tmp>/profiles/p/python/plugins/``, enables the plugin in that profile's ``QGIS3.ini`` and
starts the real ``qgis`` under an Xvfb server of its own; a ``--code`` script writes what QGIS really loaded to a
JSON file and quits. A negative control runs the same check on a zip with a file removed and expects it to fail.
"""

from __future__ import annotations

import configparser
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "digiresan_plugin"
MAX_SIZE = 25_000_000  # PLUGIN_MAX_UPLOAD_SIZE of the plugin repository
REQUIRED = ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about", "tracker",
            "repository")
WANTED = ("homepage", "tags", "changelog", "icon")  # optional for the validator, required by the issue
URL_KEYS = ("tracker", "repository", "homepage")
FORBIDDEN_DIRS = ("__MACOSX", ".git", "__pycache__")
QGIS_TIMEOUT_S = 60


def _version() -> str:
    text = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    match = re.search(r"^version=(.+)$", text, re.MULTILINE)
    assert match, "metadata.txt has no version"
    return match.group(1).strip()


@pytest.fixture(scope="module")
def package() -> Path:
    """Run ``make package`` from the repository root, as a user would; the zip it reports."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    done = subprocess.run(["make", "--no-print-directory", "package"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, f"make package failed:\n{done.stdout}\n{done.stderr}"
    path = ROOT / "dist" / f"{PLUGIN}-{_version()}.zip"
    assert path.is_file(), f"make package did not write {path}:\n{done.stdout}"
    assert f"dist/{PLUGIN}-{_version()}.zip" in done.stdout
    return path


@pytest.fixture(scope="module")
def names(package: Path) -> list[str]:
    with zipfile.ZipFile(package) as archive:
        return archive.namelist()


@pytest.fixture(scope="module")
def metadata(package: Path) -> dict[str, str]:
    with zipfile.ZipFile(package) as archive:
        text = archive.read(f"{PLUGIN}/metadata.txt").decode("utf-8")
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive (qgisMinimumVersion)
    parser.read_file(io.StringIO(text))
    assert parser.has_section("general"), "metadata.txt has no [general] section"
    return {key: value.strip() for key, value in parser.items("general")}


# -- the plugin repository's rules -----------------------------------------------------------------------------
def test_zip_is_small_and_intact(package: Path) -> None:
    assert package.stat().st_size <= MAX_SIZE
    with zipfile.ZipFile(package) as archive:
        assert archive.testzip() is None


def test_one_top_folder_named_like_a_python_package(names: list[str]) -> None:
    # the validator takes the package name from the first entry, which must therefore be inside a folder
    assert "/" in names[0]
    top = names[0].split("/")[0]
    assert top == PLUGIN
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9-_]+", top)
    assert {name.split("/")[0] for name in names} == {PLUGIN}


def test_no_unsafe_paths_or_caches(names: list[str]) -> None:
    for name in names:
        assert ".." not in name and not name.startswith("/") and not PurePosixPath(name).is_absolute(), name
        assert "\\" not in name, name
        assert ".pyc" not in name, name
        assert not set(name.split("/")) & set(FORBIDDEN_DIRS), name


def test_required_files_inside_the_folder(names: list[str]) -> None:
    for required in ("__init__.py", "metadata.txt", "LICENSE"):
        assert f"{PLUGIN}/{required}" in names, f"{required} missing from the zip"


def test_every_source_module_is_in_the_zip(names: list[str]) -> None:
    """A file the build forgot would break the installed plugin."""
    source = ROOT / PLUGIN
    modules = {
        f"{PLUGIN}/{path.relative_to(source).as_posix()}"
        for path in source.rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert modules, "no Python modules found in the source tree"
    assert modules <= set(names), sorted(modules - set(names))


def test_development_tools_are_not_shipped(names: list[str]) -> None:
    """The demo generator, tests and benchmarks stay in the repository; only the demo GeoPackage is shipped."""
    for folder in ("demo", "tests", "bench", "scripts", "db"):
        assert not [n for n in names if n.startswith(f"{PLUGIN}/{folder}/")], f"{folder}/ is in the zip"
    assert f"{PLUGIN}/data/ostersund_twin.gpkg" in names


def test_resources_translations_and_help_are_shipped(names: list[str]) -> None:
    assert f"{PLUGIN}/resources/twin_catalog.json" in names
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        if shutil.which("lrelease"):
            assert f"{PLUGIN}/i18n/{ts.stem}.qm" in names, f"compiled {ts.name} missing"
    for language in ("en", "sv"):
        assert f"{PLUGIN}/help/{language}/index.html" in names
    images = [n for n in names if n.startswith(f"{PLUGIN}/help/img/") and not n.endswith("/")]
    assert len(images) == len(list((ROOT / "docs" / "help" / "img").glob("*.png")))


def test_metadata_is_complete(metadata: dict[str, str], package: Path) -> None:
    for key in REQUIRED + WANTED:
        assert metadata.get(key), f"metadata.txt: '{key}' is missing or empty"
    assert metadata["version"] == _version() and package.name == f"{PLUGIN}-{metadata['version']}.zip"
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?", metadata["qgisMinimumVersion"])
    assert tuple(int(p) for p in metadata["qgisMinimumVersion"].split(".")) >= (3, 22)
    assert re.fullmatch(r"[^/]+", metadata["author"]), "the author must not contain slashes"
    assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", metadata["email"])
    assert len(metadata["about"]) >= 80, "the about text should say what the plugin is for"


def test_metadata_urls_are_valid(metadata: dict[str, str]) -> None:
    # the repository also asks each URL with HEAD; this test runs offline, so only the form is checked
    for key in URL_KEYS:
        url = urlparse(metadata[key])
        assert url.scheme in ("http", "https") and url.netloc, f"{key}: {metadata[key]!r} is not an http(s) URL"
        assert metadata[key] not in ("http://bugs", "http://repo", "http://homepage")


def test_icon_resolves_inside_the_zip(metadata: dict[str, str], package: Path) -> None:
    icon = metadata["icon"].removeprefix("./")
    with zipfile.ZipFile(package) as archive:
        data = archive.read(f"{PLUGIN}/{icon}")
    assert data.startswith(b"\x89PNG") or b"<svg" in data[:400], "the icon is neither a PNG nor an SVG"


# -- loading the zip in a real QGIS ----------------------------------------------------------------------------
STARTUP = """
import sys, traceback
import qgis.utils

def _report(type_, value, tb, msg=None, pop_error=True):
    text = "".join(traceback.format_exception(type_, value, tb))
    with open(ERRORS, "a", encoding="utf-8") as handle:
        handle.write(str(msg) + "\\n" + text + "\\n")
    sys.stderr.write(str(msg) + "\\n" + text)

qgis.utils.open_stack_dialog = _report  # a broken plugin must not stall start-up behind a modal dialog
"""

PROBE = """
import json, traceback
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget
import qgis.utils

result = {"active_plugins": list(qgis.utils.active_plugins)}
try:
    plugin = qgis.utils.plugins.get("digiresan_plugin")
    result["plugin_class"] = type(plugin).__name__ if plugin is not None else None
    module = __import__("sys").modules.get("digiresan_plugin")
    result["module_file"] = getattr(module, "__file__", None)
    window = qgis.utils.iface.mainWindow()
    result["docks"] = sorted(d.objectName() for d in window.findChildren(QDockWidget)
                             if d.objectName().startswith("Digiresan"))
    provider = QgsApplication.processingRegistry().providerById("digiresan")
    result["provider"] = provider.id() if provider is not None else None
    result["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider is not None else []
    if plugin is not None:
        from digiresan_plugin.core.twin_source import TwinSource
        from digiresan_plugin.gui.help import help_url
        source = TwinSource.demo()
        result["demo"] = source.location
        plugin.twin_dock.load(source)
        result["layer_sources"] = sorted({layer.source().split("|")[0]
                                          for layer in QgsProject.instance().mapLayers().values()})
        result["layer_count"] = len(QgsProject.instance().mapLayers())
        result["help_sv"] = help_url("sv").toLocalFile()
except Exception:
    result["error"] = traceback.format_exc()
with open(RESULT, "w", encoding="utf-8") as handle:
    json.dump(result, handle)
QTimer.singleShot(0, lambda: QgsApplication.exit(0))
"""


class Xvfb:
    """An X server of our own on a free display number (``-displayfd``)."""

    def __init__(self) -> None:
        read_fd, write_fd = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as reader:
            number = reader.readline().strip()
        if not number:
            self.stop()
            raise RuntimeError("Xvfb did not report a display number")
        self.display = f":{number}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture(scope="module")
def xvfb():
    missing = [tool for tool in ("Xvfb", "qgis") if shutil.which(tool) is None]
    if missing:
        reason = f"{' and '.join(missing)} not installed: cannot start the real QGIS (apt-get install xvfb qgis)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    server = Xvfb()
    yield server
    server.stop()


def install_zip(zip_path: Path, profiles: Path, drop: tuple[str, ...] = ()) -> Path:
    """Unpack the zip into a fresh profile ``p`` (as Plugins › Install from ZIP does) and enable the plugin."""
    plugins = profiles / "profiles" / "p" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins)
    for name in drop:
        (plugins / name).unlink()
    ini = profiles / "profiles" / "p" / "QGIS" / "QGIS3.ini"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "enable_plugin.py"), str(ini), PLUGIN], check=True)
    return plugins / PLUGIN


def run_qgis(profiles: Path, display: str) -> dict:
    """Start QGIS on the profile, wait for the probe's JSON, let QGIS quit; the result plus logs."""
    result_file, errors_file, log_file = profiles / "result.json", profiles / "errors.txt", profiles / "qgis.log"
    startup, probe = profiles / "startup.py", profiles / "probe.py"
    startup.write_text(f"ERRORS = {str(errors_file)!r}\n" + textwrap.dedent(STARTUP), encoding="utf-8")
    probe.write_text(f"RESULT = {str(result_file)!r}\n" + textwrap.dedent(PROBE), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_PLUGINPATH", "QT_QPA_PLATFORM", "PYTHONPATH")}
    env.update(DISPLAY=display, PYQGIS_STARTUP=str(startup), QGIS_DEBUG="0")
    with log_file.open("w") as log:
        process = subprocess.Popen(
            ["qgis", "--profiles-path", str(profiles), "--profile", "p", "--nologo", "--noversioncheck",
             "--code", str(probe)],
            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=profiles, start_new_session=True,
        )
        try:
            deadline = time.monotonic() + QGIS_TIMEOUT_S
            while not result_file.exists() and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.25)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                pass
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)
    result = json.loads(result_file.read_text(encoding="utf-8")) if result_file.exists() else {}
    result["_errors"] = errors_file.read_text(encoding="utf-8") if errors_file.exists() else ""
    result["_log"] = log_file.read_text(encoding="utf-8", errors="replace")[-3000:]
    return result


def assert_loaded(result: dict, plugin_dir: Path) -> None:
    """The plugin really runs from ``plugin_dir``: active, docks, Processing provider, the embedded demo twin."""
    context = f"\nPython errors:\n{result.get('_errors')}\nQGIS output (tail):\n{result.get('_log')}"
    assert "active_plugins" in result, "QGIS did not run the probe script" + context
    assert "error" not in result, result.get("error", "") + context
    assert PLUGIN in result["active_plugins"], f"{PLUGIN} is not active: {result['active_plugins']}" + context
    assert result["plugin_class"] == "DigiresanPlugin"
    assert Path(result["module_file"]).resolve().parent == plugin_dir.resolve(), result["module_file"]
    assert "DigiresanTwinDock" in result["docks"], result["docks"]
    assert result["provider"] == "digiresan"
    assert "digiresan:report_at_point" in result["algorithms"], result["algorithms"]
    # the embedded demo is opened from the user's copy in the profile (issue #11), made from the plugin's file
    profile = plugin_dir.parents[2]  # profiles/p
    demo_copy = (profile / "digiresan" / "ostersund_twin.gpkg").resolve()
    assert Path(result["demo"]).resolve() == demo_copy, result["demo"]
    assert result["layer_count"] >= 9, result
    assert all(Path(s).resolve() == demo_copy for s in result["layer_sources"]), result
    shipped = plugin_dir / "data" / "ostersund_twin.gpkg"
    assert shipped.is_file() and not any(shipped.parent.glob("*-wal")), "the plugin folder was written"
    assert Path(result["help_sv"]).resolve() == (plugin_dir / "help" / "sv" / "index.html").resolve()


@pytest.mark.timeout(180)
def test_zip_installs_and_loads_in_a_fresh_qgis_profile(package: Path, xvfb: Xvfb, tmp_path: Path) -> None:
    plugin_dir = install_zip(package, tmp_path)
    result = run_qgis(tmp_path, xvfb.display)
    assert_loaded(result, plugin_dir)
    assert not result["_errors"], result["_errors"]
    with zipfile.ZipFile(package) as archive:  # the shipped demo is exactly as packaged: never written
        assert archive.read(f"{PLUGIN}/data/ostersund_twin.gpkg") == (plugin_dir / "data" /
                                                                       "ostersund_twin.gpkg").read_bytes()


@pytest.mark.timeout(180)
def test_a_zip_missing_a_file_does_not_pass(package: Path, xvfb: Xvfb, tmp_path: Path) -> None:
    """Negative control: the same check on a zip without the twin dock module must fail."""
    plugin_dir = install_zip(package, tmp_path, drop=(f"{PLUGIN}/gui/twin_dock.py",))
    result = run_qgis(tmp_path, xvfb.display)
    assert "active_plugins" in result, "QGIS did not run the probe script:\n" + result["_log"]
    assert PLUGIN not in result["active_plugins"]
    assert "twin_dock" in result["_errors"], result["_errors"]
    with pytest.raises(AssertionError):
        assert_loaded(result, plugin_dir)
