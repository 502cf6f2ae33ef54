"""The ideas list as a CSV file for a spreadsheet in the UI language (UTF-8 with a BOM, so Excel reads å, ä, ö;
Swedish: semicolons and a decimal comma); personal data only when asked for; formula-like texts neutralised
(:mod:`..csv_safe`)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any, Sequence

from ..csv_safe import spreadsheet_safe
from ..csv_style import CsvStyle, csv_style
from .model import PERSONAL_FIELDS, Idea

CSV_FIELDS = (
    "reference", "title", "theme", "department", "submitter_category", "status", "submitted_on",
    "estimated_cost_sek", "granted_sek", "expected_yearly_effect_sek", "ratio", "decision_text", "decided_on",
    "linked_layer", "linked_key", "x", "y",
)
CSV_PERSONAL_FIELDS = PERSONAL_FIELDS


def write_csv(path: Path | str, ideas: Sequence[Idea], personal: bool = False,
              style: CsvStyle = csv_style("en")) -> int:
    """Write ``ideas`` in their order (a header row first; the submitter columns only if ``personal``) in
    ``style``; returns the number of ideas written. Raises OSError when the file cannot be written."""
    fields = CSV_FIELDS + (CSV_PERSONAL_FIELDS if personal else ())
    with open(path, "w", encoding=style.encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=style.delimiter)
        writer.writerow(fields)
        for idea in ideas:
            writer.writerow([spreadsheet_safe(_styled(csv_value(idea, f), style)) for f in fields])
    return len(ideas)


def _styled(value: Any, style: CsvStyle) -> Any:
    """Numbers (money, ratio, coordinates) with the style's decimal sign."""
    if isinstance(value, str) and value and value.replace(".", "", 1).lstrip("-").isdigit():
        return style.number(value)
    return value


def csv_value(idea: Idea, name: str) -> Any:
    """A field as written: money without decimals when whole, the ratio to 2 decimals, ISO dates, "" for empty."""
    value = idea.ratio if name == "ratio" else getattr(idea, name)
    if value is None:
        return ""
    if name == "ratio":
        return f"{value:.2f}"
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return value
