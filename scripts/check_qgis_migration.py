"""QGIS's own Qt 6 migration script (``pyqt5to6``, PyPI ``qgis-pyqt5to6``) over a copy of the code: nothing may change.

Usage: python scripts/check_qgis_migration.py DIR…   (the venv's Python: ``make lint`` calls it)

The script rewrites files in place, so it runs on a temporary copy of each DIR; every line it would change (a
unified diff against the original) and every warning it prints is a finding, and the exit status is 1. It
introspects the real PyQt6 (Debian's ``python3-pyqt6``, ``.qsci``, ``.qtsvg``) for the Qt enums; QGIS's own
classes it can only introspect in a QGIS built with Qt 6, which no Debian ships, so this run keeps ``qgis`` out
of the script's process (QGIS 3's PyQt5 bindings and PyQt6 cannot share one process) and
``scripts/check_qt6.py`` checks QGIS's enums against the running QGIS instead. One more check the script does
not make: every name imported from ``qgis.PyQt.<Module>`` must exist in ``PyQt6.<Module>`` (``QAction`` moved
from QtWidgets to QtGui in Qt 6).
"""

from __future__ import annotations

import ast
import difflib
import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: what qgis.PyQt adds on Qt 6 to the PyQt6 module of the same name (QGIS's python/PyQt/PyQt6 wrappers)
WRAPPER_ADDITIONS: dict[str, set[str]] = {"QtCore": {"NULL"}}
SKIPPED_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
PARTIAL_NOTICE = "QGIS classes not available for introspection"
REQUIRED_MODULES = ("pyqt5to6", "tokenize_rt", "PyQt6.QtSvg", "PyQt6.Qsci")


def _python_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if not SKIPPED_DIRS & set(p.parts))


def _copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*SKIPPED_DIRS))


def migration_findings(source: Path, workdir: Path) -> list[str]:
    """Run ``pyqt5to6`` on a copy of ``source``: its warnings and the diff of what it changed."""
    copy = workdir / "tree" / source.name
    _copy_tree(source, copy)
    blocker = workdir / "no_qgis" / "qgis"
    blocker.mkdir(parents=True, exist_ok=True)
    (blocker / "__init__.py").write_text('raise ImportError("qgis (PyQt5) is kept out of the PyQt6 process")\n')
    env = dict(os.environ, PYTHONPATH=str(blocker.parent), QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-m", "pyqt5to6.pyqt5to6", str(copy)], capture_output=True, text=True,
                         env=env, timeout=600)
    findings = [line for line in (run.stdout + run.stderr).splitlines()
                if line.strip() and PARTIAL_NOTICE not in line]
    if run.returncode not in (0, 1) or "Traceback" in run.stderr:
        findings.append(f"{source}: pyqt5to6 failed (exit {run.returncode})")
    for changed in _python_files(copy):
        original = source / changed.relative_to(copy)
        before = original.read_text(encoding="utf-8").splitlines()
        after = changed.read_text(encoding="utf-8").splitlines()
        if before != after:
            findings.extend(difflib.unified_diff(before, after, str(original), f"{original} (pyqt5to6)", lineterm=""))
    return [line.replace(str(copy), str(source)) for line in findings]


def missing_qt6_imports(path: Path) -> list[str]:
    """Names imported from ``qgis.PyQt.<Module>`` that ``PyQt6.<Module>`` lacks."""
    findings = []
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    for node in ast.walk(ast.parse(text, filename=str(path))):
        if not (isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("qgis.PyQt.")):
            continue
        if "noqa: qt6" in lines[node.lineno - 1]:
            continue  # the Qt 5 branch of a Qt 5/6 import (gui/qt_compat.py)
        module_name = node.module.split(".", 2)[2]
        try:
            module = importlib.import_module(f"PyQt6.{module_name}")
        except ImportError:
            findings.append(f"{path}:{node.lineno}: qgis.PyQt.{module_name} has no PyQt6 counterpart here")
            continue
        for alias in node.names:
            if not hasattr(module, alias.name) and alias.name not in WRAPPER_ADDITIONS.get(module_name, set()):
                findings.append(f"{path}:{node.lineno}: {alias.name} is not in PyQt6.{module_name} (Qt 6)")
    return findings


def main(argv: list[str]) -> int:
    missing = [name for name in REQUIRED_MODULES if importlib.util.find_spec(name) is None]
    if missing:  # found, not imported: the script's module would import qgis next to PyQt6
        print(f"check_qgis_migration: QGIS's pyqt5to6 cannot run here (missing {', '.join(missing)}); install "
              "python3-pyqt6, python3-pyqt6.qsci, python3-pyqt6.qtsvg and requirements-qt6.txt (make venv does)",
              file=sys.stderr)
        return 1
    roots = [Path(arg) for arg in argv] or [Path(".")]
    findings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="pyqt5to6-") as tmp:
        for index, root in enumerate(roots):
            work = Path(tmp) / str(index)
            if root.is_dir():
                findings += migration_findings(root, work)
                findings += [f for path in _python_files(root) for f in missing_qt6_imports(path)]
    for line in findings:
        print(line)
    if findings:
        print(f"check_qgis_migration: QGIS's pyqt5to6 would change or warn about {len(findings)} line(s)",
              file=sys.stderr)
        return 1
    print(f"check_qgis_migration: QGIS's pyqt5to6 leaves {', '.join(map(str, roots))} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
