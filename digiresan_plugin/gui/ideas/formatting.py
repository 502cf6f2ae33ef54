"""Short display forms shared by the ideas widgets."""

from __future__ import annotations

from datetime import date
from typing import Any

from ...core.i18n import ui_language
from ...core.ideas.formats import number


def short(text: Any, limit: int = 80) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def value_text(value: Any) -> str:
    """A field value for the user: "–" for empty, money in the locale without decimals, ISO dates."""
    if value is None or value == "":
        return "–"
    if isinstance(value, float):
        return number(value, 0, ui_language())
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
