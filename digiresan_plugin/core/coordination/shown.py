"""The board's texts as the card shows dates: the rules' messages are filled with ISO dates (Processing outputs,
the handling notes and the data keep them), the board and its tooltips show each date in the card locale's
short format with a four-digit year (``core/formatting``): "12/3/2026" in English, "2026-12-03" in Swedish."""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from qgis.PyQt.QtCore import QLocale

from ..formatting import Formatter

_ISO_DAY = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")  # not inside a longer number or key


class ShownDates:
    """Dates for the board, in ``locale`` (the card's: :func:`..formatting.card_locale` when None)."""

    def __init__(self, locale: Optional[QLocale] = None):
        self._fmt = Formatter(locale)

    def day(self, value: Optional[date]) -> str:
        """One date ("" for none; an open end, ``date.max``, as none)."""
        if value is None or value in (date.max, date.min):
            return ""
        return self._fmt.date(value) or value.isoformat()

    def text(self, text: str) -> str:
        """``text`` with each ISO date (2026-12-03) in it shown in the locale; anything else as it is."""
        return _ISO_DAY.sub(lambda m: self._fmt.date(m.group(0)) or m.group(0), text)
