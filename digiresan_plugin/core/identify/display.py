"""How a report reads, the same on the card and in its plain-text copy: section titles with their count, the
columns worth showing, item titles formatted like their values, coded values as their domain labels."""

from __future__ import annotations

import re
from typing import Any

from qgis.PyQt.QtCore import QCoreApplication

from ..formatting import DASH, Formatter
from .report import Attribute, Column, Item, Section
from .sections import kind_of


def section_title(section: Section, fmt: Formatter) -> str:
    """A section's title and number of related features (no number after an error or for a profile)."""
    title = section.title or section.id or DASH
    if section.error or not kind_of(section.kind).lists_items or section.total is None:
        return str(title)
    return f"{title} ({fmt.number(section.total)})"


def item_value(item: Item, column: Column, fmt: Formatter) -> str:
    """An item's value in ``column`` as it reads: its domain label, else formatted for the locale."""
    label = item.labels.get(column.field) if item.labels else None
    return label if label is not None else fmt.value(item.values.get(column.field), column.type)


def attribute_value(attribute: Attribute, fmt: Formatter) -> str:
    """A subject attribute as it reads: its domain label, else formatted for the locale."""
    return attribute.text if attribute.text is not None else fmt.value(attribute.value, attribute.type)


_UNIT = re.compile(r"\s*\(([^()]+)\)\s*$")  # "Speed limit (km/h)" → "km/h"
_SHOWN_AS = {"SEK": "kr"}  # a label's unit → how values write it


def attribute_label(attribute: Attribute, shown: str) -> str:
    """A subject attribute's label beside its ``shown`` text, without a unit the text already ends with:
    "Speed limit: 30 km/h" rather than "Speed limit (km/h): 30 km/h"."""
    label = attribute.label or attribute.field or DASH
    match = _UNIT.search(label)
    if match and match.start() > 0:
        unit = match.group(1).strip()
        unit = _SHOWN_AS.get(unit, unit)
        if shown.endswith(unit) and len(shown) > len(unit) and shown[-len(unit) - 1].isspace():
            return label[:match.start()]
    return label


def _same(value: Any, title: Any) -> bool:
    return value is not None and title is not None and str(value) == str(title)


def kept_columns(section: Section, items: list[Item]) -> tuple[str, list[Column]]:
    """The title column's label and the columns worth showing: one that only repeats the title (as stored or as
    its label reads) is dropped (the title column takes its label)."""
    title_label = QCoreApplication.translate("CardRenderer", "Feature")
    kept = []
    for column in section.columns:
        name = column.field
        if items and all(_same(i.labels.get(name, i.values.get(name)), i.title) for i in items):
            title_label = column.label or title_label
            continue
        kept.append(column)
    return title_label, kept


def item_title(section: Section, item: Item, fmt: Formatter) -> str:
    """An item's title; a date title (e.g. an inspection's) formatted like the date it is."""
    title = item.title
    if title in (None, ""):
        return DASH
    for column in section.columns:
        if column.type in ("date", "datetime") and item.values.get(column.field) == title:
            return fmt.value(title, column.type)
    return str(title)
