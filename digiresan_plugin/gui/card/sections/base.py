"""What the section renderers share: related features as a compact table when few columns fit the dock, else two
lines per feature; links to each feature. Subclasses add what their kind shows (a trend, a chart)."""

from __future__ import annotations

from typing import Any, Protocol

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QWidget

from ....core.formatting import DASH, Formatter
from ....core.identify.display import item_title, item_value, kept_columns
from ....core.identify.report import Column, Item, Section
from ..formatting import NOWRAP, esc, pair, zebra_list
from ..links import feature_href
from ..theme import HEAD_BG, INFO_INK, PEAK_COLOR, ZEBRA_BG

TABLE_MAX_COLUMNS = 4  # more columns than this do not fit a dock: two lines per feature instead
COMPACT = ("date", "datetime", "int", "real", "bool")  # never wrapped inside a table cell
translate = QCoreApplication.translate


class Card(Protocol):
    """What a section renderer uses of the card renderer (``render.CardRenderer``)."""

    fmt: Formatter

    def nothing_found_html(self) -> str: ...

    def attributes_table(self, pairs: list[tuple[str, str]]) -> str: ...


def item_link(item: Item, text: str) -> str:
    if item.fid is None:
        return esc(text)
    return f'<a href="{esc(feature_href(item.layer, item.fid))}">{esc(text)}</a>'


def _has_extra(items: list[Item], name: str) -> bool:
    for item in items:
        extra = item.extra
        if name == "when":
            if any(extra.get(k) is not None for k in ("state", "days_until_start", "days_left")):
                return True
        elif name == "distance_m":
            if isinstance(extra.get(name), (int, float)) and extra[name] > 0:
                return True
        elif name in extra:
            return True
    return False


class SectionRenderer:
    """A section of related features listed as a table (kind ``list`` and the default for any other kind)."""

    #: the first row stands out (e.g. the latest inspection)
    bold_first = False

    def body_html(self, card: Card, section: Section, chart: bool) -> str:
        """The section's body below an error message (if any) and above "Showing n of m"."""
        if section.error:
            return ""
        return self.before_items_html(card, section) + (
            self.items_html(card, section) if section.items else card.nothing_found_html())

    def before_items_html(self, card: Card, section: Section) -> str:
        return ""

    def widgets(self, card: Card, section: Section, parent: QWidget) -> list[QWidget]:
        """Widgets the dock shows above the section's text (e.g. a chart); none by default."""
        return []

    def update_widgets(self, card: Card, section: Section, widgets: list[QWidget]) -> bool:
        """Show ``section`` in ``widgets`` (made by :meth:`widgets` for an earlier card) and say whether they can;
        False: the dock makes new ones. Kinds without widgets can always."""
        return not widgets

    def items_html(self, card: Card, section: Section) -> str:
        """Related features: a compact table when few columns fit the dock, else two lines per feature."""
        items = section.items
        title_label, kept = kept_columns(section, items)
        extras = [e for e in ("name", "when", "distance_m") if _has_extra(items, e)]
        if 1 + len(kept) + len(extras) <= TABLE_MAX_COLUMNS:
            return self._table(card, section, title_label, kept, extras)
        return self._two_line_list(card, section, kept, extras)

    def _table(self, card: Card, section: Section, title_label: str, kept: list[Column],
               extras: list[str]) -> str:
        fmt = card.fmt
        headers = [title_label]
        if "name" in extras:
            headers.append(translate("CardRenderer", "Meaning"))
        headers += [c.label or c.field for c in kept]
        if "when" in extras:
            headers.append(translate("CardRenderer", "When"))
        if "distance_m" in extras:
            headers.append(translate("CardRenderer", "Distance (m)"))
        head = "".join(f'<th align="left" valign="bottom" bgcolor="{HEAD_BG}" style="font-size:small">{esc(h)}</th>'
                       for h in headers)
        rows = []
        for i, item in enumerate(section.items):
            extra = item.extra
            cells: list[tuple[str, bool]] = [(item_link(item, item_title(section, item, fmt)), True)]
            if "name" in extras:
                cells.append((esc(fmt.value(extra.get("name"))), False))
            # a domain label ("4 – poor") may wrap between its words; a bare number or date never
            cells += [(esc(item_value(item, c, fmt)), c.type in COMPACT and c.field not in item.labels) for c in kept]
            if "when" in extras:
                cells.append((esc(fmt.when(extra) or DASH), True))
            if "distance_m" in extras:
                cells.append((esc(fmt.value(extra.get("distance_m"), "real")), True))
            bg = f' bgcolor="{ZEBRA_BG}"' if i % 2 else ""
            weight = ' style="font-weight:600"' if self.bold_first and i == 0 else ""
            rows.append(f"<tr{bg}{weight}>" + "".join(
                f'<td valign="top"{NOWRAP if nowrap else ""}>{c}</td>' for c, nowrap in cells) + "</tr>")
        return (f'<table cellspacing="0" cellpadding="3" width="100%"><thead><tr>{head}</tr></thead>'
                f'{"".join(rows)}</table>')

    def _two_line_list(self, card: Card, section: Section, kept: list[Column], extras: list[str]) -> str:
        """Title, meaning and timing on the first line; "label value · …" on the second."""
        fmt = card.fmt
        rows = []
        for item in section.items:
            extra = item.extra
            first = f"<b>{item_link(item, item_title(section, item, fmt))}</b>"
            if "name" in extras and extra.get("name"):
                first += f" {esc(fmt.value(extra.get('name')))}"
            when = fmt.when(extra) if "when" in extras else None
            if when:
                colour = PEAK_COLOR if extra.get("state") == "ongoing" else INFO_INK
                first += f' · <span style="color:{colour}; font-weight:600">{esc(when)}</span>'
            details = [pair(c.label or c.field, item_value(item, c, fmt)) for c in kept]
            distance: Any = extra.get("distance_m") if "distance_m" in extras else None
            if isinstance(distance, (int, float)) and distance > 0:
                details.append(pair(translate("CardRenderer", "Distance"), f"{fmt.value(distance, 'real')} m"))
            second = " · ".join(details)
            rows.append(first + (f"<br>{second}" if second else ""))
        return zebra_list(rows)
