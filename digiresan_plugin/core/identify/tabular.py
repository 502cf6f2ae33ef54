"""One flat row per report (for the "report for features" table): columns derived from the card's sections.

Column names are ``<section id>_<what>``: e.g. ``condition_latest``, ``signs_codes``, ``excavations_count``,
``excavations_next_start``, ``traffic_peak_hours``, ``traffic_aadt``; plus ``key``, ``title``, ``warnings``.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from .config import IdentifyConfig, SectionSpec
from .report import TwinReport

TypeOf = Callable[[str, str], Optional[str]]  # (layer id, field) -> report type


def _section_columns(section: SectionSpec, type_of: TypeOf, target_layer: str) -> list[tuple[str, str]]:
    sid = section.id
    if section.kind == "latest_with_trend":
        value_type = type_of(target_layer, section.option("value_field")) or "real"
        return [(f"{sid}_latest", value_type), (f"{sid}_latest_date", "date"), (f"{sid}_trend", "text")]
    if section.kind == "sign_list":
        return [(f"{sid}_count", "int"), (f"{sid}_codes", "text")]
    if section.kind == "hourly_profile":
        return [(f"{sid}_peak_hours", "text"), (f"{sid}_aadt", "real")]
    if section.kind == "list" and section.option("start_field"):
        return [(f"{sid}_count", "int"), (f"{sid}_next_start", "date")]
    return [(f"{sid}_count", "int")]


def summary_fields(config: IdentifyConfig, layer_id: str, type_of: Optional[TypeOf] = None) -> list[tuple[str, str]]:
    """(name, type) of the flat row for subjects of ``layer_id``; types: text | int | real | date."""
    type_of = type_of or (lambda _layer, _field: None)
    columns = [("key", "text"), ("title", "text")]
    for section in config.card(layer_id).sections:
        target = config.relations[section.relation].to_layer
        columns.extend(_section_columns(section, type_of, target))
    columns.extend([("warning_count", "int"), ("warnings", "text")])
    return columns


def summary_values(report: TwinReport) -> dict[str, Any]:
    """The flat row of ``report`` (names as in :func:`summary_fields`; None where there is no data)."""
    row: dict[str, Any] = {}
    if report.subject is not None:
        row["key"] = report.subject.key
        row["title"] = report.subject.title
    for section in report.sections:
        sid, s = section.id, section.summary
        ok = section.error is None
        if section.kind == "latest_with_trend":
            row[f"{sid}_latest"] = s.get("latest_value")
            row[f"{sid}_latest_date"] = s.get("latest_date")
            row[f"{sid}_trend"] = s.get("trend")
        elif section.kind == "sign_list":
            row[f"{sid}_count"] = section.total if ok else None
            row[f"{sid}_codes"] = ", ".join(s.get("codes") or []) if ok else None
        elif section.kind == "hourly_profile":
            row[f"{sid}_peak_hours"] = s.get("peak_text")
            row[f"{sid}_aadt"] = s.get("aadt")
        else:
            row[f"{sid}_count"] = section.total if ok else None
            if "next_start" in s:
                row[f"{sid}_next_start"] = s.get("next_start")
    coordination = [w for w in report.warnings if w.kind != "missing_layer"]
    row["warning_count"] = len(coordination)
    row["warnings"] = " | ".join(w.message for w in report.warnings) or None
    return row
