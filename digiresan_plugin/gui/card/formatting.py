"""What is left of formatting that only HTML needs: escaping, and "label value" pairs that wrap between pairs.
Values themselves are formatted by :class:`digiresan_plugin.core.formatting.Formatter`."""

from __future__ import annotations

import html
from typing import Any

from .theme import MUTED

NOWRAP = ' style="white-space:nowrap"'


def esc(text: Any) -> str:
    """HTML-escaped text (quotes too), line breaks kept."""
    return html.escape(str(text), quote=True).replace("\n", "<br>")


def pair(label: Any, value: str) -> str:
    """``label value`` (label muted) that wraps only between pairs, never inside."""
    return (f'<span style="color:{MUTED}">{esc(label).replace(" ", "&nbsp;")}</span>&nbsp;'
            f'{esc(value).replace(" ", "&nbsp;") if len(value) <= 24 else esc(value)}')
