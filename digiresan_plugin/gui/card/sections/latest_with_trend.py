"""Kind ``latest_with_trend`` on the card: the trend of the two latest in colour (▲ improving, ▼ worsening), the
whole sequence muted below it, then the measurements, the latest in bold."""

from __future__ import annotations

from ....core.identify.report import Section
from ..formatting import esc
from ..theme import MUTED, TREND_COLORS, TREND_SIGNS
from .base import Card, SectionRenderer


class LatestWithTrendRenderer(SectionRenderer):
    bold_first = True

    def before_items_html(self, card: Card, section: Section) -> str:
        text = section.summary.get("trend_text")
        if not text:
            return ""
        trend = section.summary.get("trend")
        colour = TREND_COLORS.get(trend, MUTED)
        sign = TREND_SIGNS.get(trend, "")
        sign_html = f'<span style="color:{colour}">{sign}</span> ' if sign else ""
        history = section.summary.get("history_text")
        history_html = f'<br><span style="color:{MUTED}">{esc(history)}</span>' if history else ""
        return (f'<p style="margin-bottom:4px">{sign_html}<span style="color:{colour}; font-weight:600">'
                f'{esc(text)}</span>{history_html}</p>')
