"""Shared helpers of the maintenance tests: a private copy of the demo twin, editor widgets, an unwritable file."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from qgis.core import QgsGeometry, QgsVectorLayerTools, QgsVectorLayerUtils
from qgis.gui import QgsGui


def private_copy(demo_twin: Path, tmp_path: Path, name: str = "twin.gpkg") -> Path:
    """A copy of the session's demo twin that a test may change."""
    target = tmp_path / name
    shutil.copyfile(demo_twin, target)
    return target


def init_editor_widgets() -> None:
    """QGIS's editor widgets (ValueMap, Range, …): registered once per process, as QGIS itself does."""
    registry = QgsGui.editorWidgetRegistry()
    if "ValueMap" not in registry.factories():
        registry.initEditors()


def one(path: Path, sql: str, params: tuple = ()) -> Any:
    """The first column of the first row of a read-only query (attribute tables only: no GDAL functions)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute(sql, params).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


class AddingTools(QgsVectorLayerTools):
    """What QGIS's own tools do when a relation editor adds a child, minus the dialog: the feature is created with
    the values the relation editor hands over and added to the edit buffer."""

    def __init__(self) -> None:
        super().__init__()
        self.added: list = []

    def addFeature(self, layer, defaultValues=None, defaultGeometry=None, feature=None, *args):  # noqa: N802, N803
        created = QgsVectorLayerUtils.createFeature(layer, defaultGeometry or QgsGeometry(), defaultValues or {})
        ok = layer.addFeature(created)
        self.added.append(created)
        return ok, created

    def startEditing(self, layer):  # noqa: N802
        return layer.startEditing()

    def stopEditing(self, layer, allowCancel=True):  # noqa: N802, N803
        return layer.commitChanges()

    def saveEdits(self, layer):  # noqa: N802
        return layer.commitChanges()

    def copyMoveFeatures(self, *args):  # noqa: N802
        return False


def make_unwritable(path: Path) -> None:
    """Make ``path`` unwritable even for root (immutable flag), or skip when this machine cannot."""
    os.chmod(path, 0o444)
    if os.access(path, os.W_OK):  # root ignores modes: try the immutable attribute
        subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if os.access(path, os.W_OK):
        pytest.skip("cannot make a file unwritable for this user (root without chattr)")


def make_writable(path: Path) -> None:
    subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
    os.chmod(path, 0o644)
