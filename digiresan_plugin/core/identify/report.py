"""The twin report: typed data the card dock, Processing and the exports consume; ``to_dict()`` is its JSON form
(docs/report_schema.md) and ``from_dict`` reads that form back (e.g. a report saved as JSON, a section dict).

Values are kept raw (a ``<script>`` in an attribute stays ``<script>``): escaping is the renderer's job. A value
whose field has a domain carries the domain's label beside it (``Attribute.text``, ``Item.labels``), in the
report's language: what the card shows; the value itself stays the stored code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Union

REPORT_VERSION = 1
BBox = tuple[float, float, float, float]  # xmin, ymin, xmax, ymax


@dataclass
class Attribute:
    field: str
    label: str
    value: Any
    type: str = "text"
    text: Optional[str] = None  # the value's domain label ("Cobblestone" for 'gatsten'); None: shown as it is

    def to_dict(self) -> dict:
        data = {"field": self.field, "label": self.label, "value": self.value, "type": self.type}
        if self.text is not None:  # only where the value has a label: older readers' form otherwise
            data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> "Attribute":
        return cls(data.get("field", ""), data.get("label", ""), data.get("value"), data.get("type", "text"),
                   data.get("text"))


@dataclass
class Ref:
    layer: str
    key: Any
    fid: Optional[int]

    def to_dict(self) -> dict:
        return {"layer": self.layer, "key": self.key, "fid": self.fid}

    @classmethod
    def from_dict(cls, data: Mapping) -> "Ref":
        return cls(data.get("layer", ""), data.get("key"), data.get("fid"))


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

    @classmethod
    def from_dict(cls, data: Mapping) -> "TwinWarning":
        return cls(data.get("kind", ""), data.get("severity", "warning"), data.get("message", ""),
                   [Ref.from_dict(r) for r in data.get("refs") or []], data.get("rule"))

    def refers_to(self, layer: str, fid: int) -> bool:
        return any(r.layer == layer and r.fid == fid for r in self.refs)


@dataclass
class Column:
    field: str
    label: str
    type: str = "text"

    def to_dict(self) -> dict:
        return {"field": self.field, "label": self.label, "type": self.type}

    @classmethod
    def from_dict(cls, data: Mapping) -> "Column":
        return cls(data.get("field", ""), data.get("label", ""), data.get("type", "text"))


@dataclass
class Item:
    layer: str
    key: Any
    fid: Optional[int]
    title: str
    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # field -> the domain label of its value (if it has one)

    def to_dict(self) -> dict:
        data = {
            "layer": self.layer,
            "key": self.key,
            "fid": self.fid,
            "title": self.title,
            "values": dict(self.values),
            "extra": dict(self.extra),
        }
        if self.labels:
            data["labels"] = dict(self.labels)
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> "Item":
        return cls(data.get("layer", ""), data.get("key"), data.get("fid"), data.get("title", ""),
                   dict(data.get("values") or {}), dict(data.get("extra") or {}), dict(data.get("labels") or {}))


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

    @classmethod
    def from_dict(cls, data: Mapping) -> "Section":
        return cls(
            id=data.get("id", ""), title=data.get("title", ""), kind=data.get("kind", "list"),
            layer=data.get("layer", ""), layer_title=data.get("layer_title", ""), total=data.get("total", 0),
            truncated=bool(data.get("truncated")), cap=data.get("cap", 200),
            columns=[Column.from_dict(c) for c in data.get("columns") or []],
            items=[Item.from_dict(i) for i in data.get("items") or []],
            summary=dict(data.get("summary") or {}), error=data.get("error"), relation=data.get("relation"),
        )


@dataclass
class Subject:
    layer: str
    layer_title: str
    key_field: Optional[str]
    key: Any
    fid: int
    title: str
    attributes: list[Attribute] = field(default_factory=list)
    bbox: Optional[BBox] = None  # bounding box in ``bbox_crs`` (the catalog's metric CRS); None: no geometry
    bbox_crs: Optional[str] = None
    # the feature's geometry in its layer's CRS (for the map highlight); not part of the JSON form
    geometry: Any = field(default=None, compare=False, repr=False)
    kind: str = ""  # what the feature is, singular ("Road segment"; the catalog layer's ``kind``); "": the layer title

    def to_dict(self) -> dict:
        data = {
            "layer": self.layer,
            "layer_title": self.layer_title,
            "key_field": self.key_field,
            "key": self.key,
            "fid": self.fid,
            "title": self.title,
            "attributes": [a.to_dict() for a in self.attributes],
            "bbox": list(self.bbox) if self.bbox is not None else None,
            "bbox_crs": self.bbox_crs,
        }
        if self.kind:
            data["kind"] = self.kind
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> "Subject":
        bbox = data.get("bbox")
        return cls(data.get("layer", ""), data.get("layer_title", ""), data.get("key_field"), data.get("key"),
                   data.get("fid"), data.get("title", ""),
                   [Attribute.from_dict(a) for a in data.get("attributes") or []],
                   tuple(bbox) if bbox is not None else None, data.get("bbox_crs"), kind=data.get("kind") or "")

    def value(self, field_name: str) -> Any:
        for attribute in self.attributes:
            if attribute.field == field_name:
                return attribute.value
        raise KeyError(field_name)


@dataclass
class Hit:
    """Another twin feature under the same click ("Also here"), best first."""

    layer: str
    layer_title: str
    key: Any
    fid: int
    title: str

    def to_dict(self) -> dict:
        return {"layer": self.layer, "layer_title": self.layer_title, "key": self.key, "fid": self.fid,
                "title": self.title}

    @classmethod
    def from_dict(cls, data: Mapping) -> "Hit":
        return cls(data.get("layer", ""), data.get("layer_title", ""), data.get("key"), data.get("fid"),
                   data.get("title", ""))


@dataclass
class TwinReport:
    language: str = "en"
    query: Optional[dict[str, Any]] = None
    subject: Optional[Subject] = None
    fallback: Optional[dict[str, Any]] = None
    warnings: list[TwinWarning] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    ideas: list[Any] = field(default_factory=list)
    also_here: list[Hit] = field(default_factory=list)  # the other features under the click, best first

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def has_section(self, section_id: str) -> bool:
        return any(s.id == section_id for s in self.sections)

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
            "also_here": [h.to_dict() for h in self.also_here],
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> "TwinReport":
        """The report of its ``to_dict()`` form; keys it does not have take their defaults."""
        subject = data.get("subject")
        return cls(
            language=data.get("language") or "en",
            query=dict(data["query"]) if data.get("query") is not None else None,
            subject=Subject.from_dict(subject) if subject else None,
            fallback=dict(data["fallback"]) if data.get("fallback") is not None else None,
            warnings=[TwinWarning.from_dict(w) for w in data.get("warnings") or []],
            sections=[Section.from_dict(s) for s in data.get("sections") or []],
            ideas=list(data.get("ideas") or []),
            also_here=[Hit.from_dict(h) for h in data.get("also_here") or []],
        )


ReportLike = Union[TwinReport, Mapping]


def as_report(report: Optional[ReportLike]) -> TwinReport:
    """``report`` as a :class:`TwinReport` (a dict in the JSON form is read with ``from_dict``; None: empty)."""
    if isinstance(report, TwinReport):
        return report
    return TwinReport.from_dict(report or {})


def as_section(section: Union[Section, Mapping]) -> Section:
    return section if isinstance(section, Section) else Section.from_dict(section)
