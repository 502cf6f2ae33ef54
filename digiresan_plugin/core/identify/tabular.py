"""One flat row per report (for the "report for features" table): columns derived from the card's sections.

Column names are ``<section id>_<what>``, chosen by each section's kind (:mod:`.sections`): e.g.
``condition_latest``, ``signs_codes``, ``excavations_count``, ``excavations_next_start``, ``traffic_peak_hours``,
``traffic_aadt``; plus ``key``, ``title``, ``warnings``.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from .config import IdentifyConfig
from .report import TwinReport
from .sections import kind_of

TypeOf = Callable[[str, str], Optional[str]]  # (layer id, field) -> report type


def summary_fields(config: IdentifyConfig, layer_id: str, type_of: Optional[TypeOf] = None) -> list[tuple[str, str]]:
    """(name, type) of the flat row for subjects of ``layer_id``; types: text | int | real | date."""
    type_of = type_of or (lambda _layer, _field: None)
    columns = [("key", "text"), ("title", "text")]
    for section in config.card(layer_id).sections:
        target = config.relations[section.relation].to_layer
        columns.extend(kind_of(section.kind).flat_columns(section, lambda name, t=target: type_of(t, name)))
    columns.extend([("warning_count", "int"), ("warnings", "text")])
    return columns


def summary_values(report: TwinReport) -> dict[str, Any]:
    """The flat row of ``report`` (names as in :func:`summary_fields`; None where there is no data)."""
    row: dict[str, Any] = {}
    if report.subject is not None:
        row["key"] = report.subject.key
        row["title"] = report.subject.title
    for section in report.sections:
        row.update(kind_of(section.kind).flat_values(section))
    coordination = [w for w in report.warnings if w.kind != "missing_layer"]
    row["warning_count"] = len(coordination)
    row["warnings"] = " | ".join(w.message for w in report.warnings) or None
    return row
