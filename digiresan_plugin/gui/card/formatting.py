"""What is left of formatting that only HTML needs: escaping, and "label value" pairs that wrap between pairs.
Values themselves are formatted by :class:`digiresan_plugin.core.formatting.Formatter`."""

from __future__ import annotations

from typing import Any

from ..long_text import capped_html
from .theme import MUTED

NOWRAP = ' style="white-space:nowrap"'


def esc(text: Any) -> str:
    """HTML-escaped text (quotes too), line breaks kept; a value longer than 2 000 characters is cut with a
    "Show all" link (:mod:`..long_text`), so no value can freeze the card."""
    return capped_html(text)


def pair(label: Any, value: str) -> str:
    """``label value`` (label muted) that wraps only between pairs, never inside."""
    return (f'<span style="color:{MUTED}">{esc(label).replace(" ", "&nbsp;")}</span>&nbsp;'
            f'{esc(value).replace(" ", "&nbsp;") if len(value) <= 24 else esc(value)}')
