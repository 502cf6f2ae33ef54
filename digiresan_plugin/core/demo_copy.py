"""The user's own copy of the embedded demo twin: edits go there, never into the plugin folder.

The plugin ships the demo read-only (a plugin update replaces its folder). On first use the bundled file is copied
into ``<QGIS profile>/digiresan/``; that copy is what the dock loads and what edits change. "Reset demo twin" puts a
fresh copy in its place (the old one is kept next to it as ``*.bak.gpkg`` until the next reset).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .paths import DEMO_TWIN_NAME, demo_twin_path
from .tr import tr

USER_DIR_NAME = "digiresan"
SIDE_FILES = ("-wal", "-shm", "-journal")


class DemoTwinError(OSError):
    """The demo copy cannot be made; the message says why and where."""



def user_data_dir() -> Path:
    """The plugin's folder in the current QGIS profile."""
    from qgis.core import QgsApplication

    return Path(QgsApplication.qgisSettingsDirPath()) / USER_DIR_NAME


def user_demo_path() -> Path:
    """Where the user's copy of the demo twin lives (it may not exist yet)."""
    return user_data_dir() / DEMO_TWIN_NAME


def bundled_demo_path() -> Path:
    """The demo twin shipped with the plugin (read, never written)."""
    return demo_twin_path()


def _copy(bundled: Path, target: Path) -> None:
    if not bundled.is_file():
        raise DemoTwinError(tr("The embedded demo twin is missing: {path} (a source checkout builds it with "
                               "'make demo')").format(path=bundled))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        shutil.copyfile(bundled, tmp)
        for suffix in SIDE_FILES:  # a stale journal of an older copy must never be replayed onto the new one
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, target)
    except OSError as exc:
        raise DemoTwinError(tr("Cannot copy the demo twin to {path}: {error}").format(
            path=target, error=exc.strerror or exc)) from exc


def ensure_user_demo() -> Path:
    """The user's demo copy, made from the bundled twin when it does not exist yet (file I/O: off the UI thread)."""
    target = user_demo_path()
    if not target.is_file():
        _copy(bundled_demo_path(), target)
    return target


def reset_user_demo() -> Path:
    """Replace the user's demo copy by a fresh one; the previous copy is kept as ``*.bak.gpkg``.

    Call only when no layer of the copy is open (the caller removes the twin layers first).
    """
    target = user_demo_path()
    if target.is_file():
        backup = target.with_name(target.stem + ".bak.gpkg")
        try:
            os.replace(target, backup)
            for suffix in SIDE_FILES:
                side = Path(f"{target}{suffix}")
                if side.exists():
                    os.replace(side, Path(f"{backup}{suffix}"))
        except OSError as exc:
            raise DemoTwinError(tr("Cannot replace the demo twin {path}: {error}").format(
                path=target, error=exc.strerror or exc)) from exc
    _copy(bundled_demo_path(), target)
    return target
