"""Qt 6 readiness lint (QGIS 4): what QGIS's pyqt5_to_pyqt6 migration would still change, in forms 3.22+ accepts.

Usage: python3 scripts/check_qt6.py [--fix] DIR_OR_FILE…
Exit 1 and one line per finding (``file:line:col message``); ``--fix`` rewrites the unscoped enums and ``exec_`` in
place, then reports what is left.

Checked, with the real PyQt5/PyQGIS of the running QGIS introspected (so no enum table to keep up to date):
- unscoped enum members: ``Qt.AlignLeft`` → ``Qt.AlignmentFlag.AlignLeft``, ``QDialog.Accepted`` →
  ``QDialog.DialogCode.Accepted``, ``QgsWkbTypes.PointGeometry`` → ``QgsWkbTypes.GeometryType.PointGeometry``;
  both PyQt5 (≥ 5.11) and PyQt6 accept the scoped form, PyQt6 only that one (``QVariant.Int`` … stay: QGIS's own
  script keeps them for QGIS 3 compatibility and qgis.PyQt maps them on Qt 6);
- names that do not exist in the QGIS this runs on (a scoped form written for one version that another lacks);
  a line that uses a newer API behind a version check says so with ``# noqa: qt6`` (only ``core/compat.py`` does).
- ``exec_()`` (removed in PyQt6: ``exec()``), imports of ``PyQt5``/``PyQt6`` instead of ``qgis.PyQt``;
- names removed in Qt 6: ``QRegExp``, ``qApp``, ``QDesktopWidget``, ``QAction`` from QtWidgets is fine (qgis.PyQt
  maps it), deprecated enum aliases (``Qt.MidButton``, ``QPainter.HighQualityAntialiasing``).
"""

from __future__ import annotations

import ast
import enum
import importlib
import sys
from pathlib import Path

REMOVED_NAMES = {
    "QRegExp": "QRegExp is removed in Qt 6: use QRegularExpression",
    "qApp": "qApp is removed in Qt 6: use QApplication.instance()",
    "QDesktopWidget": "QDesktopWidget is removed in Qt 6: use QScreen (QGuiApplication.screens())",
}
RENAMED = {
    ("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
    ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
    ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole",
    ("QPainter", "HighQualityAntialiasing"): "QPainter.RenderHint.Antialiasing",
}
INTROSPECTED = ("qgis.PyQt.", "qgis.core", "qgis.gui", "qgis.analysis")
KEEP_UNSCOPED = {"QVariant"}  # QVariant.Int …: kept (QGIS 3 API), mapped by qgis.PyQt on Qt 6


def _is_enum_member(value: object) -> bool:
    if isinstance(value, enum.Enum):
        return True
    return type(type(value)).__name__ == "enumtype"  # sip's enum metaclass (PyQt5, QGIS 3 bindings)


class Checker(ast.NodeVisitor):
    """Collects findings in one module; names imported from qgis.* are resolved to the real objects."""

    def __init__(self, path: Path):
        self.path = path
        self.names: dict[str, object] = {}
        self.findings: list[str] = []
        self.fixes: list[tuple[int, int, str]] = []  # (line, column after the dotted owner, text to insert)

    def report(self, node: ast.AST, message: str) -> None:
        self.findings.append(f"{self.path}:{node.lineno}:{node.col_offset + 1}: {message}")

    def visit_Import(self, node: ast.Import) -> None:  # noqa: N802
        for alias in node.names:
            if alias.name.split(".")[0] in {"PyQt5", "PyQt6"}:
                self.report(node, f"import {alias.name}: import from qgis.PyQt")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:  # noqa: N802
        module = node.module or ""
        if module.split(".")[0] in {"PyQt5", "PyQt6"}:
            self.report(node, f"from {module} import …: import from qgis.PyQt")
        for alias in node.names:
            if alias.name in REMOVED_NAMES:
                self.report(node, REMOVED_NAMES[alias.name])
        if node.level == 0 and (module.startswith(INTROSPECTED) or module in {m.rstrip(".") for m in INTROSPECTED}):
            try:
                mod = importlib.import_module(module)
            except ImportError:
                return
            for alias in node.names:
                obj = getattr(mod, alias.name, None)
                if obj is not None:
                    self.names[alias.asname or alias.name] = obj
        elif node.level == 0 and module == "qgis.PyQt":
            for alias in node.names:
                try:
                    self.names[alias.asname or alias.name] = importlib.import_module(f"qgis.PyQt.{alias.name}")
                except ImportError:
                    pass

    def _resolve(self, node: ast.expr) -> object | None:
        if isinstance(node, ast.Name):
            return self.names.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self._resolve(node.value)
            return getattr(base, node.attr, None) if base is not None else None
        return None

    def visit_Attribute(self, node: ast.Attribute) -> None:  # noqa: N802
        if node.attr == "exec_":
            self.report(node, "exec_() is removed in PyQt6: use exec()")
            self.fixes.append((node.end_lineno, node.end_col_offset - 1, ""))  # drop the "_"
        owner = self._resolve(node.value)
        if isinstance(owner, type) and not hasattr(owner, node.attr) and not node.attr.startswith("_"):
            self.report(node, f"{ast.unparse(node)} does not exist in this QGIS/Qt")
        elif isinstance(owner, type) and getattr(owner, "__name__", "") not in KEEP_UNSCOPED:
            dotted = ast.unparse(node.value)
            key = (getattr(owner, "__name__", ""), node.attr)
            if key in RENAMED:
                self.report(node, f"{dotted}.{node.attr} is removed in Qt 6: use {RENAMED[key]}")
            else:
                self._check_enum(node, owner, dotted)
        self.generic_visit(node)

    def _check_enum(self, node: ast.Attribute, owner: type, dotted: str) -> None:
        try:
            value = getattr(owner, node.attr)
        except AttributeError:
            return
        if not _is_enum_member(value) or isinstance(value, type):
            return
        enum_type = type(value)
        if owner is enum_type:
            return  # already scoped: Cls.Enum.Member
        enum_name = enum_type.__name__
        if getattr(owner, enum_name, None) is enum_type:
            self.report(node, f"unscoped enum {dotted}.{node.attr}: use {dotted}.{enum_name}.{node.attr}")
            self.fixes.append((node.value.end_lineno, node.value.end_col_offset, f".{enum_name}"))
        else:
            where = getattr(enum_type, "__qualname__", enum_name)
            self.report(node, f"unscoped enum {dotted}.{node.attr}: it is {where}.{node.attr}")

    def visit_Name(self, node: ast.Name) -> None:  # noqa: N802
        if node.id == "qApp":
            self.report(node, REMOVED_NAMES["qApp"])


def check_file(path: Path, fix: bool = False) -> list[str]:
    """Findings in one Python file (after rewriting what can be rewritten when ``fix``)."""
    text = path.read_text(encoding="utf-8")
    checker = Checker(path)
    checker.visit(ast.parse(text, filename=str(path)))
    if fix and checker.fixes:
        lines = text.splitlines(keepends=True)
        for line, col, insert in sorted(set(checker.fixes), reverse=True):
            raw = lines[line - 1].encode("utf-8")  # ast columns are UTF-8 byte offsets
            if insert:
                raw = raw[:col] + insert.encode("utf-8") + raw[col:]
            else:
                raw = raw[:col] + raw[col + 1:]
            lines[line - 1] = raw.decode("utf-8")
        path.write_text("".join(lines), encoding="utf-8")
        return check_file(path)
    source = text.splitlines()
    return [f for f in checker.findings if "noqa: qt6" not in source[int(f[len(str(path)) + 1:].split(":")[0]) - 1]]


def main(argv: list[str]) -> int:
    fix = "--fix" in argv
    argv = [a for a in argv if a != "--fix"]
    files: list[Path] = []
    for arg in argv or ["."]:
        p = Path(arg)
        files.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p])
    findings = [f for path in files if "__pycache__" not in path.parts for f in check_file(path, fix)]
    for line in findings:
        print(line)
    if findings:
        print(f"check_qt6: {len(findings)} place(s) to change for Qt 6 (forms that QGIS 3.22 accepts too)",
              file=sys.stderr)
        return 1
    print(f"check_qt6: {len(files)} files ready for Qt 6")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
