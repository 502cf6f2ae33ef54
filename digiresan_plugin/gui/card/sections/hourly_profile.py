"""Kind ``hourly_profile`` on the card: 24 bars (a widget in the dock, a table of coloured cells in the copied
HTML), the peak hours in the accent colour, then "Peak hours … · ÅDT … · Counted in …"."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QWidget

from ....core.identify.report import Section
from ....core.identify.sections.hourly_profile import peak_phrase, profile_hours, profile_text
from ..chart import HourlyChart
from ..formatting import esc
from ..theme import BAR_COLOR, MUTED, PEAK_COLOR
from .base import Card, SectionRenderer

translate = QCoreApplication.translate


def chart_html(section: Section, levels: int = 12) -> str:
    """24 bars as a table of coloured cells (renders in QTextBrowser, mail clients and word processors)."""
    hours = profile_hours(section)
    peaks = set(section.summary.get("peak_hours") or [])
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


class HourlyProfileRenderer(SectionRenderer):
    def body_html(self, card: Card, section: Section, chart: bool) -> str:
        text = esc(profile_text(section, card.fmt))
        peak = peak_phrase(section)
        if peak:
            text = text.replace(esc(peak), f'<span style="color:{PEAK_COLOR}; font-weight:600">{esc(peak)}</span>', 1)
        return (chart_html(section) if chart else "") + f'<p style="margin-top:2px">{text}</p>'

    def update_widgets(self, card: Card, section: Section, widgets: list[QWidget]) -> bool:
        hours = profile_hours(section)
        if section.error or not any(h is not None for h in hours):
            return not widgets
        if len(widgets) != 1 or not isinstance(widgets[0], HourlyChart):
            return False
        widgets[0].set_profile(hours, section.summary.get("peak_hours") or [])
        widgets[0].format_value = card.fmt.number
        return True

    def widgets(self, card: Card, section: Section, parent: QWidget) -> list[QWidget]:
        hours = profile_hours(section)
        if section.error or not any(h is not None for h in hours):
            return []
        chart = HourlyChart(parent)
        chart.set_profile(hours, section.summary.get("peak_hours") or [])
        chart.tip = translate("CardRenderer", "{hour}: {value} vehicles")
        chart.no_count = translate("CardRenderer", "{hour}: no count")
        chart.format_value = card.fmt.number
        chart.setToolTip(translate("CardRenderer", "Vehicles per hour, weekday"))
        return [chart]
