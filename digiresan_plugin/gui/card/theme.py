"""The card's look: colours shared by the HTML and the dock's widgets, and the HTML templates of the whole card
(``resources/card/*.html``, ``$name`` placeholders)."""

from __future__ import annotations

from functools import cache
from string import Template

from ...core.paths import resources_dir

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
AXIS_COLOR = "#d5dbe1"
NO_COUNT_COLOR = "#e3e7eb"
# the card's subject on the map: a magenta halo on a white casing, unlike any condition class, road or sign colour
HIGHLIGHT_COLOR = "#e000e0"
HIGHLIGHT_FILL_ALPHA = 40
HIGHLIGHT_WIDTH_PX = 5
HIGHLIGHT_BUFFER_MM = 0.6
HIGHLIGHT_MIN_WIDTH_MM = 1.2
CASING_COLOR = "#ffffff"
CASING_WIDTH_PX = 10
TREND_COLORS = {"worsening": "#b3261e", "improving": "#2e7d32", "stable": MUTED}
TREND_SIGNS = {"worsening": "▼", "improving": "▲", "stable": "●"}
# (severity, background, border, ink) of the warning and the note boxes, in card order
NOTICES = (("warning", WARN_BG, WARN_BORDER, WARN_INK), ("info", INFO_BG, INFO_BORDER, INFO_INK))


@cache
def template(name: str) -> Template:
    """``resources/card/<name>``, its lines joined without the line breaks (they are only for reading)."""
    text = (resources_dir() / "card" / name).read_text(encoding="utf-8")
    return Template("".join(line.strip() for line in text.splitlines()))
