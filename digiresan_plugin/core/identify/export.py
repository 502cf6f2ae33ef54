"""A twin report as plain text (the card's "Copy as text"), long-format CSV rows and JSON: the one exporter of
the card dock and of Processing.

The text reads like the card (values formatted for the locale by :class:`~..formatting.Formatter`, the card's
words); CSV and JSON keep values raw (ISO dates, text as it is). Each function takes a :class:`TwinReport` or its
``to_dict()`` form.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Optional

from qgis.PyQt.QtCore import QCoreApplication, QLocale

from ..csv_safe import spreadsheet_safe
from ..csv_style import RAW, CsvStyle, csv_style
from ..formatting import DASH, Formatter
from .display import attribute_label, attribute_value, item_title, item_value, kept_columns, section_title
from .report import Ref, ReportLike, as_report
from .sections import kind_of
from .texts import message

CSV_HEADER = ["section", "layer", "key", "fid", "field", "label", "value"]
CSV_HEADER_SV = ["avsnitt", "lager", "nyckel", "fid", "fält", "etikett", "värde"]
TREND_FIELDS = ("trend",)  # summary values that are words of the report's language (improving/worsening/stable)
translate = QCoreApplication.translate


def report_to_text(report: ReportLike, locale: Optional[QLocale] = None) -> str:
    """The card as plain text (for the clipboard): title, warnings, attributes, then each section."""
    report = as_report(report)
    fmt = Formatter(locale)
    lines: list[str] = []
    subject = report.subject
    if subject is None:
        lines.append(translate("CardRenderer", "Nothing found here"))
    else:
        kind, title = subject.kind or subject.layer_title or DASH, subject.title or DASH
        lines.append(title if title.startswith(kind) else f"{kind}: {title}")  # "Building – Retail, …" names it
    reason = (report.fallback or {}).get("reason")
    if reason:
        lines.append(str(reason))
    if report.warnings:
        lines += ["", translate("CardRenderer", "Warnings")]
        lines += [f"  ! {w.message or DASH}" for w in report.warnings]
    if subject is not None and subject.attributes:
        lines.append("")
        shown = [(a, attribute_value(a, fmt)) for a in subject.attributes]
        lines += [f"  {attribute_label(a, text)}: {text}" for a, text in shown]
    for section in report.sections:
        kind = kind_of(section.kind)
        lines += ["", section_title(section, fmt)]
        if section.error:
            lines.append(f"  {section.error}")
        lines += [f"  {line}" for line in kind.text_lines(section, fmt)]
        if not kind.lists_items:
            continue
        _title_label, columns = kept_columns(section, section.items)
        for item in section.items:
            fields = [f"{c.label or c.field}: {item_value(item, c, fmt)}"
                      for c in columns if c.field in item.values]
            if item.extra.get("name"):
                fields.insert(0, str(item.extra["name"]))
            when = fmt.when(item.extra)
            if when:
                fields.append(when)
            line = f"  - {item_title(section, item, fmt)}"
            lines.append(line + (f" — {'; '.join(fields)}" if fields else ""))
        if section.truncated:
            lines.append("  " + translate("CardRenderer", "Showing {shown} of {total}").format(
                shown=len(section.items), total=section.total))
    return "\n".join(lines) + "\n"


def _csv_text(value: Any, style: CsvStyle = RAW) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return style.boolean(value)
    if isinstance(value, float):
        return style.number(f"{value:g}" if abs(value) < 1e15 else str(value))
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def report_to_csv_rows(report: ReportLike, style: CsvStyle = RAW) -> list[list[str]]:
    """Long-format rows, header first: section, layer, key, fid, field, label, value (ISO dates). ``style``
    :data:`~..csv_style.RAW`: raw values (stored codes), English header; a language's style
    (:func:`~..csv_style.csv_style`): its header, decimal sign, yes/no and trend words, coded values as their domain
    labels (as the card reads)."""
    report = as_report(report)
    swedish = style.language == "sv"
    readable = style != RAW
    rows: list[list[str]] = [list(CSV_HEADER_SV if swedish else CSV_HEADER)]

    def add(section: str, layer: Any, key: Any, fid: Any, field_name: str, label: Any, value: Any) -> None:
        if swedish and field_name.startswith("summary.") and field_name[8:] in TREND_FIELDS and value:
            value = message(str(value), style.language)
        rows.append([section, _csv_text(layer), _csv_text(key), _csv_text(fid), field_name, _csv_text(label),
                     _csv_text(value, style)])

    subject = report.subject
    if subject is not None:
        for a in subject.attributes:
            value = a.text if readable and a.text is not None else a.value
            add("subject", subject.layer, subject.key, subject.fid, a.field, a.label, value)
    for w in report.warnings:
        ref = w.refs[0] if w.refs else Ref("", None, None)
        add("warnings", ref.layer, ref.key, ref.fid, w.kind, w.severity, w.message)
    for section in report.sections:
        if section.error:
            add(section.id, section.layer, None, None, "error", "", section.error)
        for name, value in section.summary.items():
            add(section.id, section.layer, None, None, f"summary.{name}", name, value)
        labels = {c.field: c.label for c in section.columns}
        for item in section.items:
            for name, value in item.values.items():
                if readable and name in item.labels:
                    value = item.labels[name]
                add(section.id, item.layer, item.key, item.fid, name, labels.get(name, name), value)
            for name, value in item.extra.items():
                add(section.id, item.layer, item.key, item.fid, f"extra.{name}", name, value)
    return rows


def report_to_csv(report: ReportLike, style: CsvStyle = RAW) -> str:
    out = io.StringIO()
    rows = report_to_csv_rows(report, style)
    csv.writer(out, delimiter=style.delimiter, lineterminator="\n").writerows(
        [[spreadsheet_safe(cell) for cell in row] for row in rows])
    return out.getvalue()


def report_to_json(report: ReportLike) -> str:
    """The report's ``to_dict()`` as JSON (UTF-8 text, values raw): ``json.loads`` gives the dict back."""
    return json.dumps(as_report(report).to_dict(), ensure_ascii=False, indent=2)


def write_json(report: ReportLike, path: Path | str) -> None:
    Path(path).write_text(report_to_json(report), encoding="utf-8")


def write_csv(report: ReportLike, path: Path | str, excel: bool = False) -> None:
    """``excel``: for a spreadsheet in the report's language (Swedish: semicolons, decimal comma, Swedish header
    and words; both with a byte order mark, so Excel opens å, ä, ö right); else raw."""
    report = as_report(report)
    style = csv_style(report.language) if excel else RAW
    Path(path).write_text(report_to_csv(report, style), encoding=style.encoding)
