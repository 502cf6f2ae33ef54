"""What is left of formatting that only HTML needs: escaping, and "label value" pairs that wrap between pairs.
Values themselves are formatted by :class:`digiresan_plugin.core.formatting.Formatter`."""

from __future__ import annotations

from typing import Any

from ..long_text import capped_html
from .theme import MUTED, ZEBRA_BG

NOWRAP = ' style="white-space:nowrap"'


def esc(text: Any) -> str:
    """HTML-escaped text (quotes too), line breaks kept; a value longer than 2 000 characters is cut with a
    "Show all" link (:mod:`..long_text`), so no value can freeze the card."""
    return capped_html(text)


def pair(label: Any, value: str) -> str:
    """``label value`` (label muted) that wraps only between pairs, never inside."""
    return (f'<span style="color:{MUTED}">{esc(label).replace(" ", "&nbsp;")}</span>&nbsp;'
            f'{esc(value).replace(" ", "&nbsp;") if len(value) <= 24 else esc(value)}')


def zebra_list(rows: list[str]) -> str:
    """Rich-text rows one under the other, every second on the zebra background: paragraphs, not a one-column
    table — Qt lays a table out several times slower, and never squeezes a paragraph to a letter's width."""
    return "".join(f'<p style="margin:0; line-height:115%;{f" background-color:{ZEBRA_BG};" if i % 2 else ""}">'
                   f"{row}</p>" for i, row in enumerate(rows))


def bullet_list(rows: list[str], indent_px: int = 12) -> str:
    """Rich-text rows each after a bullet, wrapped lines indented under the text (a hanging indent)."""
    return "".join(f'<p style="margin:0 0 1px {indent_px}px; text-indent:-{indent_px}px">•&nbsp;{row}</p>'
                   for row in rows)
