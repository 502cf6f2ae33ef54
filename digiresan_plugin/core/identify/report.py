"""The twin report: plain data the card dock, Processing and exports consume (see docs/report_schema.md).

Values are kept raw (a ``<script>`` in an attribute stays ``<script>``): escaping is the renderer's job.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .texts import message
from .values import text

REPORT_VERSION = 1
CSV_HEADER = ["section", "layer", "key", "fid", "field", "label", "value"]


@dataclass
class Attribute:
    field: str
    label: str
    value: Any
    type: str = "text"

    def to_dict(self) -> dict:
        return {"field": self.field, "label": self.label, "value": self.value, "type": self.type}


@dataclass
class Ref:
    layer: str
    key: Any
    fid: Optional[int]

    def to_dict(self) -> dict:
        return {"layer": self.layer, "key": self.key, "fid": self.fid}


@dataclass
class TwinWarning:
    kind: str
    severity: str
    message: str
    refs: list[Ref] = field(default_factory=list)
    rule: Optional[str] = None  # catalog warning id

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "refs": [r.to_dict() for r in self.refs],
            "rule": self.rule,
        }

    def refers_to(self, layer: str, fid: int) -> bool:
        return any(r.layer == layer and r.fid == fid for r in self.refs)


@dataclass
class Column:
    field: str
    label: str
    type: str = "text"

    def to_dict(self) -> dict:
        return {"field": self.field, "label": self.label, "type": self.type}


@dataclass
class Item:
    layer: str
    key: Any
    fid: Optional[int]
    title: str
    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "layer": self.layer,
            "key": self.key,
            "fid": self.fid,
            "title": self.title,
            "values": dict(self.values),
            "extra": dict(self.extra),
        }


@dataclass
class Section:
    id: str
    title: str
    kind: str
    layer: str
    layer_title: str
    total: int = 0
    truncated: bool = False
    cap: int = 200
    columns: list[Column] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    error: Optional[str] = None
    relation: Optional[str] = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "layer": self.layer,
            "layer_title": self.layer_title,
            "relation": self.relation,
            "total": self.total,
            "truncated": self.truncated,
            "cap": self.cap,
            "columns": [c.to_dict() for c in self.columns],
            "items": [i.to_dict() for i in self.items],
            "summary": dict(self.summary),
            "error": self.error,
        }


@dataclass
class Subject:
    layer: str
    layer_title: str
    key_field: Optional[str]
    key: Any
    fid: int
    title: str
    attributes: list[Attribute] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "layer": self.layer,
            "layer_title": self.layer_title,
            "key_field": self.key_field,
            "key": self.key,
            "fid": self.fid,
            "title": self.title,
            "attributes": [a.to_dict() for a in self.attributes],
        }

    def value(self, field_name: str) -> Any:
        for attribute in self.attributes:
            if attribute.field == field_name:
                return attribute.value
        raise KeyError(field_name)


@dataclass
class TwinReport:
    language: str = "en"
    query: Optional[dict[str, Any]] = None
    subject: Optional[Subject] = None
    fallback: Optional[dict[str, Any]] = None
    warnings: list[TwinWarning] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    ideas: list[Any] = field(default_factory=list)

    # -- access ------------------------------------------------------------------------------
    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def has_section(self, section_id: str) -> bool:
        return any(s.id == section_id for s in self.sections)

    # -- exports -----------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "report_version": REPORT_VERSION,
            "language": self.language,
            "query": dict(self.query) if self.query is not None else None,
            "subject": self.subject.to_dict() if self.subject else None,
            "fallback": dict(self.fallback) if self.fallback is not None else None,
            "warnings": [w.to_dict() for w in self.warnings],
            "sections": [s.to_dict() for s in self.sections],
            "ideas": list(self.ideas),
        }

    def to_json(self, indent: Optional[int] = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def write_json(self, path: Path | str) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")

    def to_text(self) -> str:
        """The card as plain text (for the clipboard): title, warnings, attributes, then each section."""
        lang = self.language
        lines: list[str] = []
        if self.subject is None:
            lines.append(message("nothing_here", lang))
        else:
            lines.append(f"{self.subject.layer_title}: {self.subject.title}")
        if self.fallback:
            lines.append(str(self.fallback.get("reason") or ""))
        if self.warnings:
            lines.append("")
            lines.append(message("warnings", lang))
            lines.extend(f"  ! {w.message}" for w in self.warnings)
        if self.subject is not None and self.subject.attributes:
            lines.append("")
            lines.extend(f"  {a.label}: {text(a.value)}" for a in self.subject.attributes)
        for section in self.sections:
            lines.append("")
            lines.append(f"{section.title} ({section.total})")
            if section.error:
                lines.append(f"  {section.error}")
            summary = _summary_text(section)
            if summary:
                lines.append(f"  {summary}")
            for item in section.items:
                values = "; ".join(
                    f"{c.label}: {text(item.values.get(c.field))}" for c in section.columns if c.field in item.values
                )
                extra = "; ".join(f"{k}: {text(v)}" for k, v in item.extra.items() if v is not None)
                line = f"  - {item.title}" + (f" — {values}" if values else "")
                lines.append(line + (f" ({extra})" if extra else ""))
            if section.truncated:
                lines.append("  " + message("truncated", lang, shown=len(section.items), total=section.total))
        return "\n".join(lines) + "\n"

    def to_csv_rows(self) -> list[list[str]]:
        """Long-format rows (header first): section, layer, key, fid, field, label, value."""
        rows: list[list[str]] = [list(CSV_HEADER)]

        def add(section: str, layer: str, key: Any, fid: Any, field_name: str, label: str, value: Any) -> None:
            rows.append([section, layer, text(key, ""), text(fid, ""), field_name, label, text(value, "")])

        if self.subject is not None:
            s = self.subject
            for a in s.attributes:
                add("subject", s.layer, s.key, s.fid, a.field, a.label, a.value)
        for w in self.warnings:
            ref = w.refs[0] if w.refs else Ref("", None, None)
            add("warnings", ref.layer, ref.key, ref.fid, w.kind, w.severity, w.message)
        for section in self.sections:
            if section.error:
                add(section.id, section.layer, None, None, "error", "", section.error)
            for name, value in section.summary.items():
                if isinstance(value, (list, dict)):
                    value = json.dumps(value, ensure_ascii=False)
                add(section.id, section.layer, None, None, f"summary.{name}", name, value)
            labels = {c.field: c.label for c in section.columns}
            for item in section.items:
                for name, value in item.values.items():
                    add(section.id, item.layer, item.key, item.fid, name, labels.get(name, name), value)
                for name, value in item.extra.items():
                    add(section.id, item.layer, item.key, item.fid, f"extra.{name}", name, value)
        return rows

    def to_csv(self) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(self.to_csv_rows())
        return out.getvalue()

    def write_csv(self, path: Path | str) -> None:
        Path(path).write_text(self.to_csv(), encoding="utf-8")


def _summary_text(section: Section) -> str:
    s = section.summary
    if section.kind == "latest_with_trend":
        return str(s.get("trend_text") or "")
    if section.kind == "hourly_profile":
        return str(s.get("text") or "")
    if section.kind == "sign_list" and s.get("codes"):
        return ", ".join(s["codes"])
    return ""
