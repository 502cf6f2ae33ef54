"""The Qt 6 lint steps find what QGIS's migration would change (fixtures written to need exactly those changes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MIGRATION = REPO / "scripts" / "check_qgis_migration.py"
QT6 = REPO / "scripts" / "check_qt6.py"

OLD_STYLE = '''from qgis.PyQt.QtCore import Qt, QVariant
from qgis.PyQt.QtWidgets import QAction, QDialog, QLabel


def show(dialog: QDialog, label: QLabel):
    label.setAlignment(Qt.AlignLeft)
    empty = QVariant()
    return dialog.exec_(), empty
'''

READY = '''from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDialog, QLabel


def show(dialog: QDialog, label: QLabel):
    label.setAlignment(Qt.AlignmentFlag.AlignLeft)
    return dialog.exec()
'''


def _run(script: Path, folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(script), str(folder)], capture_output=True, text=True, timeout=300,
                          cwd=REPO, env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "HOME": "/tmp"})


def _folder(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "plugin"
    folder.mkdir()
    (folder / "dialog.py").write_text(text, encoding="utf-8")
    return folder


def test_qgis_migration_reports_each_change_and_leaves_the_file(tmp_path):
    folder = _folder(tmp_path, OLD_STYLE)
    run = _run(MIGRATION, folder)
    out = run.stdout
    assert run.returncode == 1, run.stdout + run.stderr
    assert "+    label.setAlignment(Qt.AlignmentFlag.AlignLeft)" in out
    assert "+    return dialog.exec(), empty" in out
    assert "+    empty = NULL" in out
    assert "QAction is not in PyQt6.QtWidgets" in out
    assert (folder / "dialog.py").read_text(encoding="utf-8") == OLD_STYLE  # the script ran on a copy


def test_qgis_migration_passes_ready_code(tmp_path):
    run = _run(MIGRATION, _folder(tmp_path, READY))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "unchanged" in run.stdout


@pytest.mark.parametrize(("text", "expected"), [
    (OLD_STYLE, ["unscoped enum Qt.AlignLeft: use Qt.AlignmentFlag.AlignLeft", "exec_() is removed in PyQt6"]),
    (READY, []),
])
def test_check_qt6_on_the_running_qgis(tmp_path, text, expected):
    run = subprocess.run([sys.executable, str(QT6), str(_folder(tmp_path, text))], capture_output=True, text=True,
                         timeout=300, cwd=REPO)
    assert run.returncode == (1 if expected else 0), run.stdout + run.stderr
    for finding in expected:
        assert finding in run.stdout
