"""The user's own copy of the embedded demo twin: edits go there, never into the plugin folder.

The plugin ships the demo read-only (a plugin update replaces its folder). On first use the bundled file is copied
into ``<QGIS profile>/digiresan/``; that copy is what the dock loads and what edits change. "Reset demo twin" puts a
fresh copy in its place (the old one is kept next to it as ``*.bak.gpkg`` until the next reset).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Optional

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


def _stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".from")


def _bundled_stamp(bundled: Path) -> str:
    """Which bundled demo a copy was made from: its size and modification time (a plugin update changes both)."""
    info = bundled.stat()
    return f"{info.st_size}:{info.st_mtime_ns}"


def is_outdated(target: Optional[Path] = None) -> bool:
    """Whether the plugin now ships another demo twin than the one the user's copy was made from (a copy made by
    an older version has no record: outdated too). The copy itself is never replaced unasked: it may hold edits."""
    target = target or user_demo_path()
    bundled = bundled_demo_path()
    if not target.is_file() or not bundled.is_file():
        return False
    try:
        return _stamp_path(target).read_text().strip() != _bundled_stamp(bundled)
    except OSError:
        return True


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
        _stamp_path(target).write_text(_bundled_stamp(bundled) + "\n")
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
