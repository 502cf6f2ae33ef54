"""Kind ``documents``: papers linked to the subject; each item's file or address (``path_field``) becomes a link.

A relative path is resolved against the twin's folder (the GeoPackage's folder, else the ``documents_folder``
setting); a file that is not there is reported as missing (``missing`` extra, counted in the summary). An address
with a scheme (``https://…``) is linked as it is, without being fetched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Sequence
from urllib.parse import urlparse

from ..report import Section
from ..specs import SectionSpec
from .base import KindEnv, RowLike, SectionKind, TypeOf

URL_SCHEMES = ("http", "https", "ftp", "file")


def resolve_document(value: Any, folder: Optional[str]) -> dict[str, Any]:
    """``href`` (an address or a ``file://`` URL), ``missing`` (a file that is not there), ``path`` (the file) of
    one document's ``value``; an empty value gives no link."""
    text = str(value).strip() if value is not None else ""
    if not text:
        return {"href": None, "missing": False, "path": None}
    scheme = urlparse(text).scheme.lower()
    if scheme in URL_SCHEMES and scheme != "file":
        return {"href": text, "missing": False, "path": None}
    path = Path(urlparse(text).path) if scheme == "file" else Path(text)
    if not path.is_absolute():
        if not folder:
            return {"href": None, "missing": True, "path": text}
        path = Path(folder) / path
    try:
        present = path.is_file()
    except OSError:
        present = False
    return {"href": path.resolve().as_uri() if present else None, "missing": not present, "path": str(path)}


class DocumentsKind(SectionKind):
    name = "documents"
    options = {"path_field": (str, True, None)}

    def item_extra(self, spec: SectionSpec, attrs: dict[str, Any], env: KindEnv) -> dict[str, Any]:
        return resolve_document(attrs.get(spec.option("path_field")), env.folder)

    def summary(self, spec: SectionSpec, rows: Sequence[RowLike], subject: dict[str, Any],
                env: KindEnv) -> dict[str, Any]:
        field = spec.option("path_field")
        missing = sum(1 for r in rows if resolve_document(r.attrs.get(field), env.folder)["missing"])
        return {"count": len(rows), "missing": missing}

    def flat_columns(self, spec: SectionSpec, type_of: TypeOf) -> list[tuple[str, str]]:
        return [(f"{spec.id}_count", "int"), (f"{spec.id}_missing", "int")]

    def flat_values(self, section: Section) -> dict[str, Any]:
        ok = section.error is None
        return {f"{section.id}_count": section.total if ok else None,
                f"{section.id}_missing": section.summary.get("missing") if ok else None}
