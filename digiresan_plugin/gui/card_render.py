"""A twin report (the dict of docs/report_schema.md) as HTML fragments, plain text, JSON and CSV. No widgets.

Every value from the report is ``html.escape``d before it goes into HTML, so attribute text such as ``<b>`` or
``<script>`` shows literally. Nulls show as an en dash, dates and numbers follow the UI locale (QGIS's
``locale/userLocale``). The HTML keeps to the rich-text subset ``QTextBrowser`` understands (tables, ``bgcolor``,
a few inline styles).

Links in the HTML: ``feature:<layer>:<fid>`` (a related feature) and ``showall:<section id>`` (a truncated section).
"""

from __future__ import annotations

import csv
import html
import io
import json
from datetime import date, datetime
from typing import Any, Optional
from urllib.parse import quote, unquote

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, Qt

CONTEXT = "CardRenderer"
DASH = "–"
FEATURE_SCHEME = "feature"
SHOW_ALL_SCHEME = "showall"
CSV_HEADER = ["section", "layer", "key", "fid", "field", "label", "value"]

# colours shared by the HTML and the dock's widgets
INK = "#1f2a33"
MUTED = "#5b6873"
HEAD_BG = "#e9eef3"
ZEBRA_BG = "#f5f7f9"
WARN_BG = "#fff4d6"
WARN_BORDER = "#e0a100"
WARN_INK = "#5c4300"
INFO_BG = "#e8f1fa"
INFO_BORDER = "#6f9fcf"
INFO_INK = "#23425f"
ERROR_INK = "#a4262c"
BAR_COLOR = "#5b8db8"
PEAK_COLOR = "#d9822b"
TREND_COLORS = {"worsening": "#b3261e", "improving": "#2e7d32", "stable": MUTED}
TREND_SIGNS = {"worsening": "▼", "improving": "▲", "stable": "●"}
SPARKS = "▁▂▃▄▅▆▇█"
TABLE_MAX_COLUMNS = 4  # more columns than this do not fit a dock: two lines per feature instead
COMPACT = ("date", "datetime", "int", "real", "bool")  # never wrapped inside a table cell
NOWRAP = ' style="white-space:nowrap"'

# The card's own words: English source strings (found by pylupdate5 in the CardRenderer context) and the
# Swedish used until a compiled translation provides them.
_SV = {
    QT_TRANSLATE_NOOP("CardRenderer", "Nothing found here"): "Inget hittat här",
    QT_TRANSLATE_NOOP("CardRenderer", "Attributes"): "Egenskaper",
    QT_TRANSLATE_NOOP("CardRenderer", "Warnings"): "Varningar",
    QT_TRANSLATE_NOOP("CardRenderer", "Nothing found"): "Inget hittat",
    QT_TRANSLATE_NOOP("CardRenderer", "Showing {shown} of {total}"): "Visar {shown} av {total}",
    QT_TRANSLATE_NOOP("CardRenderer", "Show all"): "Visa alla",
    QT_TRANSLATE_NOOP("CardRenderer", "When"): "När",
    QT_TRANSLATE_NOOP("CardRenderer", "Meaning"): "Betydelse",
    QT_TRANSLATE_NOOP("CardRenderer", "Distance (m)"): "Avstånd (m)",
    QT_TRANSLATE_NOOP("CardRenderer", "Distance"): "Avstånd",
    QT_TRANSLATE_NOOP("CardRenderer", "Feature"): "Objekt",
    QT_TRANSLATE_NOOP("CardRenderer", "today"): "i dag",
    QT_TRANSLATE_NOOP("CardRenderer", "tomorrow"): "i morgon",
    QT_TRANSLATE_NOOP("CardRenderer", "in {n} days"): "om {n} dagar",
    QT_TRANSLATE_NOOP("CardRenderer", "last day"): "sista dagen",
    QT_TRANSLATE_NOOP("CardRenderer", "{n} days left"): "{n} dagar kvar",
    QT_TRANSLATE_NOOP("CardRenderer", "ongoing"): "pågår",
    QT_TRANSLATE_NOOP("CardRenderer", "ended"): "avslutad",
    QT_TRANSLATE_NOOP("CardRenderer", "upcoming"): "kommande",
    QT_TRANSLATE_NOOP("CardRenderer", "yes"): "ja",
    QT_TRANSLATE_NOOP("CardRenderer", "no"): "nej",
    QT_TRANSLATE_NOOP("CardRenderer", "No counts"): "Inga mätningar",
    QT_TRANSLATE_NOOP("CardRenderer", "Counted in {year}"): "Mätår {year}",
    QT_TRANSLATE_NOOP("CardRenderer", "Peak hours {peaks}"): "Högtrafik {peaks}",
    QT_TRANSLATE_NOOP("CardRenderer", "ÅDT {aadt}"): "ÅDT {aadt}",
    QT_TRANSLATE_NOOP("CardRenderer", "Vehicles per hour, weekday"): "Fordon per timme, vardag",
    QT_TRANSLATE_NOOP("CardRenderer", "{hour}: {value} vehicles"): "{hour}: {value} fordon",
    QT_TRANSLATE_NOOP("CardRenderer", "{hour}: no count"): "{hour}: ingen mätning",
    QT_TRANSLATE_NOOP("CardRenderer", "Latest"): "Senaste",
    QT_TRANSLATE_NOOP("CardRenderer", "Hour"): "Timme",
    QT_TRANSLATE_NOOP("CardRenderer", "Notes"): "Upplysningar",
    QT_TRANSLATE_NOOP("CardRenderer", "Dig moratorium"): "Grävstopp",
    QT_TRANSLATE_NOOP("CardRenderer", "Overlapping permits"): "Överlappande grävtillstånd",
    QT_TRANSLATE_NOOP("CardRenderer", "Dig before paving"): "Gräv före beläggning",
    QT_TRANSLATE_NOOP("CardRenderer", "Missing layers"): "Lager som saknas",
}


WARNING_KINDS = {
    "moratorium": "Dig moratorium",
    "permit_overlap": "Overlapping permits",
    "dig_before_paving": "Dig before paving",
    "missing_layer": "Missing layers",
}


def tr(text: str, language: str = "en") -> str:
    """``text`` translated in the ``CardRenderer`` context; Swedish cards fall back to the built-in words."""
    translated = QCoreApplication.translate(CONTEXT, text)
    if translated == text and (language or "").startswith("sv"):
        return _SV.get(text, text)
    return translated


def card_locale() -> QLocale:
    """The locale for dates and numbers: QGIS's ``locale/globalLocale`` when overridden, else ``locale/userLocale``."""
    settings = QgsSettings()
    name = ""
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/globalLocale", "", type=str)
    name = name or settings.value("locale/userLocale", "", type=str)
    return QLocale(name) if name else QLocale()


# -- links ----------------------------------------------------------------------------------------
def feature_href(layer: str, fid: Any) -> str:
    return f"{FEATURE_SCHEME}:{quote(str(layer), safe='')}:{int(fid)}"


def show_all_href(section_id: str) -> str:
    return f"{SHOW_ALL_SCHEME}:{quote(str(section_id), safe='')}"


def parse_href(href: str) -> Optional[tuple[str, Any]]:
    """``("feature", (layer, fid))``, ``("showall", section_id)`` or None for any other link."""
    scheme, _, rest = href.partition(":")
    if scheme == FEATURE_SCHEME:
        layer, _, fid = rest.rpartition(":")
        try:
            return FEATURE_SCHEME, (unquote(layer), int(fid))
        except ValueError:
            return None
    if scheme == SHOW_ALL_SCHEME and rest:
        return SHOW_ALL_SCHEME, unquote(rest)
    return None


# -- values ---------------------------------------------------------------------------------------
def esc(text: Any) -> str:
    """HTML-escaped text (quotes too), line breaks kept."""
    return html.escape(str(text), quote=True).replace("\n", "<br>")


class Formatter:
    """Report values as display text (not escaped): locale dates and numbers, a dash for null."""

    def __init__(self, locale: Optional[QLocale] = None, language: str = "en"):
        self.locale = QLocale(locale) if locale is not None else card_locale()
        self.locale.setNumberOptions(self.locale.numberOptions() | QLocale.OmitGroupSeparator)
        self.language = language

    def _t(self, text: str) -> str:
        return tr(text, self.language)

    def date(self, value: Any) -> Optional[str]:
        """An ISO date (or date-time) in the locale's short format; None if it is not one."""
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, date):
            value = value.isoformat()
        if not isinstance(value, str) or len(value) < 10:
            return None
        if len(value) > 10:
            moment = QDateTime.fromString(value[:19], Qt.ISODate)
            if moment.isValid():
                return self.locale.toString(moment, QLocale.ShortFormat)
        day = QDate.fromString(value[:10], Qt.ISODate)
        return self.locale.toString(day, QLocale.ShortFormat) if day.isValid() else None

    def number(self, value: Any) -> str:
        if isinstance(value, bool):
            return self._t("yes") if value else self._t("no")
        if isinstance(value, int):
            return self.locale.toString(value)
        if isinstance(value, float):
            if value == int(value) and abs(value) < 1e15:
                return self.locale.toString(int(value))
            return self.locale.toString(value, "g", 6)
        return str(value)

    def value(self, value: Any, type_: str = "text") -> str:
        if value is None or value == "":
            return DASH
        if isinstance(value, bool) or type_ == "bool":
            if isinstance(value, str):
                return value
            return self._t("yes") if value else self._t("no")
        if type_ in ("date", "datetime"):
            return self.date(value) or str(value)
        if isinstance(value, (int, float)):
            return self.number(value)
        if isinstance(value, (list, dict)):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    def when(self, extra: dict) -> Optional[str]:
        """Days until start / days left of dated work (a permit), from the item's ``extra``."""
        state = extra.get("state")
        until, left = extra.get("days_until_start"), extra.get("days_left")
        if until is not None:
            if until == 0:
                return self._t("today")
            if until == 1:
                return self._t("tomorrow")
            return self._t("in {n} days").format(n=until)
        if left is not None:
            if left == 0:
                return self._t("last day")
            return self._t("{n} days left").format(n=left)
        if state in ("ongoing", "ended", "upcoming"):
            return self._t(state)
        return None


def hour_label(hour: int) -> str:
    return f"{hour:02d}–{(hour + 1) % 24:02d}" if hour < 23 else "23–24"


def hourly_values(section: dict) -> list[Optional[float]]:
    """The 24 hourly values of an ``hourly_profile`` section (None where not counted)."""
    hours = list((section.get("summary") or {}).get("hours") or [])
    hours = (hours + [None] * 24)[:24]
    out: list[Optional[float]] = []
    for h in hours:
        out.append(float(h) if isinstance(h, (int, float)) and not isinstance(h, bool) else None)
    return out


def sparkline(hours: list[Optional[float]]) -> str:
    top = max((h for h in hours if h is not None), default=0.0)
    if top <= 0:
        return " " * len(hours)
    return "".join(" " if h is None else SPARKS[min(7, int(round(7 * h / top)))] for h in hours)


# -- HTML -----------------------------------------------------------------------------------------
class CardRenderer:
    """Renders one report dict; the dock asks for the parts, :func:`report_to_html` for the whole card."""

    def __init__(self, report: dict, locale: Optional[QLocale] = None):
        self.report = report or {}
        self.language = str(self.report.get("language") or "en")
        self.fmt = Formatter(locale, self.language)

    def t(self, text: str) -> str:
        return tr(text, self.language)

    @property
    def subject(self) -> Optional[dict]:
        return self.report.get("subject")

    @property
    def warnings(self) -> list[dict]:
        return list(self.report.get("warnings") or [])

    @property
    def sections(self) -> list[dict]:
        return list(self.report.get("sections") or [])

    # header ----------------------------------------------------------------------------------
    def header_html(self) -> str:
        subject = self.subject
        parts = []
        if subject is None:
            parts.append(f'<p style="margin:0"><span style="font-size:large; font-weight:600; color:{INK}">'
                         f'{esc(self.t("Nothing found here"))}</span></p>')
        else:
            title = esc(subject.get("title") if subject.get("title") not in (None, "") else DASH)
            if subject.get("fid") is not None:
                title = (f'<a href="{esc(feature_href(subject.get("layer", ""), subject["fid"]))}" '
                         f'style="color:{INK}; text-decoration:none">{title}</a>')
            parts.append(f'<p style="margin:0"><span style="font-size:large; font-weight:600; color:{INK}">'
                         f'{title}</span></p>')
            parts.append(f'<p style="margin:0; color:{MUTED}">{esc(subject.get("layer_title") or DASH)}</p>')
        fallback = self.report.get("fallback") or {}
        if fallback.get("reason"):
            parts.append(f'<p style="margin-top:4px; color:{INFO_INK}">ℹ {esc(fallback["reason"])}</p>')
        return "".join(parts)

    # warnings --------------------------------------------------------------------------------
    def warning_html(self, warning: dict) -> str:
        """One warning's message and links to the features it names (other than the subject)."""
        subject = self.subject or {}
        links = []
        for ref in warning.get("refs") or []:
            if ref.get("fid") is None:
                continue
            if ref.get("layer") == subject.get("layer") and ref.get("fid") == subject.get("fid"):
                continue
            label = ref.get("key") if ref.get("key") not in (None, "") else f"#{ref['fid']}"
            links.append(f'<a href="{esc(feature_href(ref.get("layer", ""), ref["fid"]))}">{esc(label)}</a>')
        body = esc(warning.get("message") or DASH)
        if links:
            body += f' <span style="white-space:nowrap">→ {" · ".join(links)}</span>'
        return body

    def warnings_html(self, severity: Optional[str] = None) -> str:
        """The warnings (of one severity, or all), grouped by kind in report order; "" when there are none."""
        chosen = [w for w in self.warnings if severity is None or (w.get("severity") or "warning") == severity]
        if not chosen:
            return ""
        groups: dict[str, list[dict]] = {}
        for w in chosen:
            groups.setdefault(str(w.get("kind") or ""), []).append(w)
        rows = []
        for kind, warnings in groups.items():
            heading = self.t(WARNING_KINDS[kind]) if kind in WARNING_KINDS else ""
            if heading and (len(groups) > 1 or len(warnings) > 1):
                rows.append(f'<tr><td colspan="2" style="padding-top:3px"><b>{esc(heading)}</b></td></tr>')
            rows += [f'<tr><td valign="top" width="12">•</td><td>{self.warning_html(w)}</td></tr>' for w in warnings]
        return f'<table cellspacing="0" cellpadding="1" width="100%">{"".join(rows)}</table>'

    def warnings_heading(self, severity: str = "warning") -> str:
        count = sum(1 for w in self.warnings if (w.get("severity") or "warning") == severity)
        title = self.t("Warnings") if severity == "warning" else self.t("Notes")
        sign = "⚠ " if severity == "warning" else "ℹ "
        return sign + (f"{title} ({count})" if count > 1 else title)

    # subject attributes ----------------------------------------------------------------------
    def attributes_table(self, pairs: list[tuple[str, str]]) -> str:
        """A two-column label/value table; ``pairs`` are already escaped HTML."""
        rows = []
        for i, (label, value) in enumerate(pairs):
            bg = f' bgcolor="{ZEBRA_BG}"' if i % 2 else ""
            rows.append(f'<tr{bg}><td width="42%" style="color:{MUTED}">{label}</td><td>{value}</td></tr>')
        return f'<table cellspacing="0" cellpadding="3" width="100%">{"".join(rows)}</table>'

    def subject_html(self) -> str:
        subject = self.subject
        if not subject or not subject.get("attributes"):
            return ""
        pairs = [(esc(a.get("label") or a.get("field") or DASH), esc(self.fmt.value(a.get("value"), a.get("type"))))
                 for a in subject["attributes"]]
        return self.attributes_table(pairs)

    # sections --------------------------------------------------------------------------------
    def section_title(self, section: dict) -> str:
        """Plain-text header of a section: title and number of related features."""
        title = section.get("title") or section.get("id") or DASH
        kind = section.get("kind")
        total = section.get("total")
        if section.get("error") or kind == "hourly_profile" or total is None:
            return str(title)
        return f"{title} ({self.fmt.number(total)})"

    def section_html(self, section: dict, chart: bool = True) -> str:
        """A section's body. ``chart``: include the HTML bar chart of an hourly profile (the dock paints its own)."""
        parts = []
        if section.get("error"):
            parts.append(f'<p style="color:{ERROR_INK}">⚠ {esc(section["error"])}</p>')
        kind = section.get("kind")
        items = list(section.get("items") or [])
        if kind == "hourly_profile":
            if chart:
                parts.append(self.hourly_chart_html(section))
            parts.append(self.hourly_text_html(section))
        elif not section.get("error"):
            if kind == "latest_with_trend":
                parts.append(self.trend_html(section))
            if not items:
                parts.append(f'<p style="color:{MUTED}">{esc(self.t("Nothing found"))}</p>')
            elif kind == "attributes":
                parts.append(self.attribute_items_html(section, items))
            else:
                parts.append(self.items_table_html(section, items, bold_first=kind == "latest_with_trend"))
        if section.get("truncated") and kind != "hourly_profile":  # the chart is drawn from the full summary
            parts.append(self.truncated_html(section))
        return "".join(parts)

    def truncated_html(self, section: dict) -> str:
        shown = len(section.get("items") or [])
        text = self.t("Showing {shown} of {total}").format(
            shown=self.fmt.number(shown), total=self.fmt.number(section.get("total") or shown))
        href = esc(show_all_href(section.get("id") or ""))
        return (f'<p style="color:{MUTED}">{esc(text)} · '
                f'<a href="{href}"><b>{esc(self.t("Show all"))}</b></a></p>')

    def trend_html(self, section: dict) -> str:
        summary = section.get("summary") or {}
        text = summary.get("trend_text")
        if not text:
            return ""
        trend = summary.get("trend")
        colour = TREND_COLORS.get(trend, MUTED)
        sign = TREND_SIGNS.get(trend, "")
        sign_html = f'<span style="color:{colour}">{sign}</span> ' if sign else ""
        return f'<p style="margin-bottom:4px">{sign_html}<span style="color:{colour}; font-weight:600">' \
               f'{esc(text)}</span></p>'

    def _item_link(self, item: dict, text: str) -> str:
        if item.get("fid") is None:
            return esc(text)
        return f'<a href="{esc(feature_href(item.get("layer", ""), item["fid"]))}">{esc(text)}</a>'

    def _title_text(self, section: dict, item: dict) -> str:
        title = item.get("title")
        if title in (None, ""):
            return DASH
        for column in section.get("columns") or []:
            if column.get("type") in ("date", "datetime") and (item.get("values") or {}).get(column["field"]) == title:
                return self.fmt.value(title, column["type"])
        return str(title)

    def items_table_html(self, section: dict, items: list[dict], bold_first: bool = False) -> str:
        """Related features: a compact table when few columns fit the dock, else two lines per feature."""
        title_label, kept = self.kept_columns(section, items)
        extras = [e for e in ("name", "when", "distance_m") if self._has_extra(items, e)]
        if 1 + len(kept) + len(extras) <= TABLE_MAX_COLUMNS:
            return self._table(section, items, title_label, kept, extras, bold_first)
        return self._two_line_list(section, items, kept, extras)

    def kept_columns(self, section: dict, items: list[dict]) -> tuple[str, list[dict]]:
        """The title column's label and the columns worth showing: one that only repeats the title is dropped
        (the title column takes its label)."""
        title_label = self.t("Feature")
        kept = []
        for column in section.get("columns") or []:
            field = column.get("field")
            if items and all(_same(i.get("values", {}).get(field), i.get("title")) for i in items):
                title_label = column.get("label") or title_label
                continue
            kept.append(column)
        return title_label, kept

    def _table(self, section: dict, items: list[dict], title_label: str, kept: list[dict], extras: list[str],
               bold_first: bool) -> str:
        headers = [title_label]
        if "name" in extras:
            headers.append(self.t("Meaning"))
        headers += [c.get("label") or c.get("field") for c in kept]
        if "when" in extras:
            headers.append(self.t("When"))
        if "distance_m" in extras:
            headers.append(self.t("Distance (m)"))
        head = "".join(f'<th align="left" valign="bottom" bgcolor="{HEAD_BG}" style="font-size:small">{esc(h)}</th>'
                       for h in headers)
        rows = []
        for i, item in enumerate(items):
            extra = item.get("extra") or {}
            values = item.get("values") or {}
            cells = [(self._item_link(item, self._title_text(section, item)), True)]
            if "name" in extras:
                cells.append((esc(self.fmt.value(extra.get("name"))), False))
            cells += [(esc(self.fmt.value(values.get(c.get("field")), c.get("type"))), c.get("type") in COMPACT)
                      for c in kept]
            if "when" in extras:
                cells.append((esc(self.fmt.when(extra) or DASH), True))
            if "distance_m" in extras:
                cells.append((esc(self.fmt.value(extra.get("distance_m"), "real")), True))
            bg = f' bgcolor="{ZEBRA_BG}"' if i % 2 else ""
            weight = ' style="font-weight:600"' if bold_first and i == 0 else ""
            rows.append(f"<tr{bg}{weight}>" + "".join(
                f'<td valign="top"{NOWRAP if nowrap else ""}>{c}</td>' for c, nowrap in cells) + "</tr>")
        return (f'<table cellspacing="0" cellpadding="3" width="100%"><thead><tr>{head}</tr></thead>'
                f'{"".join(rows)}</table>')

    def _two_line_list(self, section: dict, items: list[dict], kept: list[dict], extras: list[str]) -> str:
        """Title, meaning and timing on the first line; "label value · …" on the second."""
        rows = []
        for i, item in enumerate(items):
            extra = item.get("extra") or {}
            values = item.get("values") or {}
            first = f"<b>{self._item_link(item, self._title_text(section, item))}</b>"
            if "name" in extras and extra.get("name"):
                first += f" {esc(self.fmt.value(extra.get('name')))}"
            when = self.fmt.when(extra) if "when" in extras else None
            if when:
                colour = PEAK_COLOR if extra.get("state") == "ongoing" else INFO_INK
                first += f' · <span style="color:{colour}; font-weight:600">{esc(when)}</span>'
            details = [_pair(c.get("label") or c.get("field"),
                             self.fmt.value(values.get(c.get("field")), c.get("type"))) for c in kept]
            distance = extra.get("distance_m") if "distance_m" in extras else None
            if isinstance(distance, (int, float)) and distance > 0:
                details.append(_pair(self.t("Distance"), f"{self.fmt.value(distance, 'real')} m"))
            second = " · ".join(details)
            bg = f' bgcolor="{ZEBRA_BG}"' if i % 2 else ""
            rows.append(f'<tr{bg}><td>{first}' + (f"<br>{second}" if second else "") + "</td></tr>")
        return f'<table cellspacing="0" cellpadding="3" width="100%">{"".join(rows)}</table>'

    @staticmethod
    def _has_extra(items: list[dict], name: str) -> bool:
        for item in items:
            extra = item.get("extra") or {}
            if name == "when":
                if any(extra.get(k) is not None for k in ("state", "days_until_start", "days_left")):
                    return True
            elif name == "distance_m":
                if isinstance(extra.get(name), (int, float)) and extra[name] > 0:
                    return True
            elif name in extra:
                return True
        return False

    def attribute_items_html(self, section: dict, items: list[dict]) -> str:
        """Each related feature with all its attributes (e.g. the property a building stands on)."""
        blocks = []
        columns = list(section.get("columns") or [])
        for item in items:
            values = item.get("values") or {}
            pairs = [(esc(c.get("label") or c.get("field")), esc(self.fmt.value(values.get(c.get("field")),
                                                                                c.get("type"))))
                     for c in columns]
            head = f'<p style="margin:4px 0 2px 0"><b>{self._item_link(item, self._title_text(section, item))}</b></p>'
            blocks.append(head + (self.attributes_table(pairs) if pairs else ""))
        return "".join(blocks)

    # traffic by hour -------------------------------------------------------------------------
    def hourly_text(self, section: dict) -> str:
        """Peak hours, ÅDT and year as one line of plain text."""
        summary = section.get("summary") or {}
        parts = []
        if summary.get("peak_text"):
            parts.append(self.t("Peak hours {peaks}").format(peaks=summary["peak_text"]))
        if summary.get("aadt") is not None:
            parts.append(self.t("ÅDT {aadt}").format(aadt=self.fmt.value(summary["aadt"])))
        if summary.get("year") is not None:
            parts.append(self.t("Counted in {year}").format(year=summary["year"]))
        if not any(h is not None for h in hourly_values(section)):
            parts.insert(0, self.t("No counts"))
        return " · ".join(parts)

    def hourly_text_html(self, section: dict) -> str:
        summary = section.get("summary") or {}
        text = self.hourly_text(section)
        if summary.get("peak_text"):
            peak = self.t("Peak hours {peaks}").format(peaks=summary["peak_text"])
            escaped = esc(text).replace(esc(peak), f'<span style="color:{PEAK_COLOR}; font-weight:600">'
                                                   f'{esc(peak)}</span>', 1)
        else:
            escaped = esc(text)
        return f'<p style="margin-top:2px">{escaped}</p>'

    def hourly_chart_html(self, section: dict, levels: int = 12) -> str:
        """24 bars as a table of coloured cells (renders in QTextBrowser, mail clients and word processors)."""
        hours = hourly_values(section)
        peaks = set((section.get("summary") or {}).get("peak_hours") or [])
        top = max((h for h in hours if h is not None), default=0.0)
        filled = [0 if h is None or top <= 0 else max(1 if h > 0 else 0, int(round(levels * h / top))) for h in hours]
        rows = []
        for level in range(levels, 0, -1):
            cells = []
            for hour, f in enumerate(filled):
                colour = (PEAK_COLOR if hour in peaks else BAR_COLOR) if f >= level else None
                bg = f' bgcolor="{colour}"' if colour else ""
                cells.append(f'<td width="4%"{bg} style="font-size:3px">&nbsp;</td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
        labels = "".join(
            f'<td width="4%" align="center" style="font-size:x-small; color:{MUTED}">'
            f'{f"{h:02d}" if h % 3 == 0 else ""}</td>' for h in range(24))
        rows.append(f"<tr>{labels}</tr>")
        return f'<table cellspacing="1" cellpadding="0" width="100%">{"".join(rows)}</table>'

    # whole card ------------------------------------------------------------------------------
    def card_html(self) -> str:
        """The whole card as one HTML document: header, warnings, attributes, sections."""
        parts = [f'<html><body style="color:{INK}">', self.header_html()]
        for severity, bg, border, ink in (("warning", WARN_BG, WARN_BORDER, WARN_INK),
                                          ("info", INFO_BG, INFO_BORDER, INFO_INK)):
            body = self.warnings_html(severity)
            if body:
                heading = f'<b>{esc(self.warnings_heading(severity))}</b><br>'
                parts.append(f'<table width="100%" cellspacing="0" cellpadding="6" bgcolor="{bg}" '
                             f'style="border:1px solid {border}; margin-top:6px"><tr><td style="color:{ink}">'
                             f"{heading}{body}</td></tr></table>")
        if self.subject_html():
            parts.append(f'<h4 style="margin-bottom:2px">{esc(self.t("Attributes"))}</h4>{self.subject_html()}')
        for section in self.sections:
            parts.append(f'<h4 style="margin-bottom:2px">{esc(self.section_title(section))}</h4>')
            parts.append(self.section_html(section, chart=True))
        parts.append("</body></html>")
        return "".join(parts)

    # plain text ------------------------------------------------------------------------------
    def text(self) -> str:
        """The card as plain text (for the clipboard), values formatted like on screen."""
        lines: list[str] = []
        subject = self.subject
        if subject is None:
            lines.append(self.t("Nothing found here"))
        else:
            lines.append(f"{subject.get('layer_title') or DASH}: {subject.get('title') or DASH}")
        fallback = self.report.get("fallback") or {}
        if fallback.get("reason"):
            lines.append(str(fallback["reason"]))
        if self.warnings:
            lines += ["", self.t("Warnings")]
            lines += [f"  ! {w.get('message') or DASH}" for w in self.warnings]
        if subject and subject.get("attributes"):
            lines.append("")
            lines += [f"  {a.get('label') or a.get('field')}: {self.fmt.value(a.get('value'), a.get('type'))}"
                      for a in subject["attributes"]]
        for section in self.sections:
            lines += ["", self.section_title(section)]
            if section.get("error"):
                lines.append(f"  {section['error']}")
            if section.get("kind") == "hourly_profile":
                hours = hourly_values(section)
                lines.append(f"  {self.hourly_text(section)}")
                if any(h is not None for h in hours):
                    lines.append(f"  {self.t('Hour')} 00–23: {sparkline(hours)}")
                    lines.append("  " + " ".join(f"{h:02d}:{self.fmt.value(v)}" for h, v in enumerate(hours)))
                continue
            summary = section.get("summary") or {}
            if section.get("kind") == "latest_with_trend" and summary.get("trend_text"):
                lines.append(f"  {summary['trend_text']}")
            items = list(section.get("items") or [])
            _title_label, columns = self.kept_columns(section, items)
            for item in items:
                values = item.get("values") or {}
                extra = item.get("extra") or {}
                fields = [f"{c.get('label') or c.get('field')}: "
                          f"{self.fmt.value(values.get(c.get('field')), c.get('type'))}"
                          for c in columns if c.get("field") in values]
                if extra.get("name"):
                    fields.insert(0, str(extra["name"]))
                when = self.fmt.when(extra)
                if when:
                    fields.append(when)
                line = f"  - {self._title_text(section, item)}"
                lines.append(line + (f" — {'; '.join(fields)}" if fields else ""))
            if section.get("truncated"):
                lines.append("  " + self.t("Showing {shown} of {total}").format(
                    shown=len(section.get("items") or []), total=section.get("total")))
        return "\n".join(lines) + "\n"


def _pair(label: Any, value: str) -> str:
    """``label value`` (label muted) that wraps only between pairs, never inside."""
    return (f'<span style="color:{MUTED}">{esc(label).replace(" ", "&nbsp;")}</span>&nbsp;'
            f'{esc(value).replace(" ", "&nbsp;") if len(value) <= 24 else esc(value)}')


def _same(value: Any, title: Any) -> bool:
    return value is not None and title is not None and str(value) == str(title)


# -- exports --------------------------------------------------------------------------------------
def report_to_html(report: dict, locale: Optional[QLocale] = None) -> str:
    return CardRenderer(report, locale).card_html()


def report_to_text(report: dict, locale: Optional[QLocale] = None) -> str:
    return CardRenderer(report, locale).text()


def report_to_json(report: dict) -> str:
    """The report as JSON (UTF-8 text, values raw): ``json.loads`` gives the dict back."""
    return json.dumps(report, ensure_ascii=False, indent=2)


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else str(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def report_to_csv_rows(report: dict) -> list[list[str]]:
    """Long-format rows, header first: section, layer, key, fid, field, label, value (raw values, ISO dates).

    The same rows as the engine's ``TwinReport.to_csv_rows`` (and the Processing output).
    """
    rows: list[list[str]] = [list(CSV_HEADER)]

    def add(section: str, layer: Any, key: Any, fid: Any, field: str, label: str, value: Any) -> None:
        rows.append([section, _csv_text(layer), _csv_text(key), _csv_text(fid), field, _csv_text(label),
                     _csv_text(value)])

    subject = report.get("subject")
    if subject:
        for a in subject.get("attributes") or []:
            add("subject", subject.get("layer"), subject.get("key"), subject.get("fid"), a.get("field", ""),
                a.get("label"), a.get("value"))
    for w in report.get("warnings") or []:
        ref = (w.get("refs") or [{}])[0]
        add("warnings", ref.get("layer"), ref.get("key"), ref.get("fid"), w.get("kind", ""), w.get("severity"),
            w.get("message"))
    for section in report.get("sections") or []:
        sid, layer = section.get("id", ""), section.get("layer")
        if section.get("error"):
            add(sid, layer, None, None, "error", "", section["error"])
        for name, value in (section.get("summary") or {}).items():
            add(sid, layer, None, None, f"summary.{name}", name, value)
        labels = {c.get("field"): c.get("label") for c in section.get("columns") or []}
        for item in section.get("items") or []:
            for name, value in (item.get("values") or {}).items():
                add(sid, item.get("layer"), item.get("key"), item.get("fid"), name, labels.get(name, name), value)
            for name, value in (item.get("extra") or {}).items():
                add(sid, item.get("layer"), item.get("key"), item.get("fid"), f"extra.{name}", name, value)
    return rows


def report_to_csv(report: dict) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(report_to_csv_rows(report))
    return out.getvalue()
