"""Report values as the user reads them: dates and numbers in the UI locale, a dash for null. No widgets.

Used by the twin card (HTML) and by its plain-text export alike. The words (yes, no, "in 3 days", …) are the
card's: translated in the ``CardRenderer`` context of the .ts file.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any, Optional

from qgis.PyQt.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt

from .settings import qgis_value

DASH = "–"
THIN_SPACE = "\u202f"  # narrow no-break space: Swedish digit groups ("330 000 kr")
NO_BREAK = "\u00a0"
translate = QCoreApplication.translate
_SHORT_YEAR = re.compile(r"(?<!y)yy(?!y)")


def four_digit_year(pattern: str) -> str:
    """A QLocale date pattern with the year in four digits: en_US "M/d/yy" → "M/d/yyyy" (Swedish "yyyy-MM-dd"
    stays as it is)."""
    return _SHORT_YEAR.sub("yyyy", pattern)


def short_date(day: QDate, locale: Optional[QLocale] = None) -> str:
    """``day`` in the locale's short format with a four-digit year: "12/13/2009", "2009-12-13"."""
    loc = locale if locale is not None else card_locale()
    return loc.toString(day, four_digit_year(loc.dateFormat(QLocale.FormatType.ShortFormat)))


def short_date_time(moment: QDateTime, locale: Optional[QLocale] = None) -> str:
    """``moment`` in the locale's short format with a four-digit year: "12/13/2009 2:05 PM", "2009-12-13 14:05"."""
    loc = locale if locale is not None else card_locale()
    return loc.toString(moment, four_digit_year(loc.dateTimeFormat(QLocale.FormatType.ShortFormat)))


def card_locale() -> QLocale:
    """The locale for dates and numbers: QGIS's ``locale/globalLocale`` when overridden, else ``locale/userLocale``."""
    name = ""
    if qgis_value("locale/overrideFlag", False, bool):
        name = qgis_value("locale/globalLocale", "", str)
    name = name or qgis_value("locale/userLocale", "", str)
    return QLocale(name) if name else QLocale()


def yes_no(value: bool) -> str:
    return translate("CardRenderer", "yes") if value else translate("CardRenderer", "no")


def work_state(state: str) -> str:
    """``ongoing`` | ``ended`` | ``upcoming`` in the card's words."""
    if state == "ongoing":
        return translate("CardRenderer", "ongoing")
    if state == "ended":
        return translate("CardRenderer", "ended")
    return translate("CardRenderer", "upcoming")


def grouped(value: float, locale: Optional[QLocale] = None, decimals: int = 0) -> str:
    """``value`` with the locale's digit groups (a thin space where the locale groups with a space) and
    ``decimals`` decimals: "330 000" / "330 000,00" in Swedish, "330,000.00" in English."""
    loc = QLocale(locale) if locale is not None else card_locale()
    loc.setNumberOptions(loc.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    text = loc.toString(float(value), "f", decimals)
    separator = loc.groupSeparator()
    return text.replace(separator, THIN_SPACE) if separator in (" ", NO_BREAK, THIN_SPACE) else text


def amount(value: Optional[float], locale: Optional[QLocale] = None, decimals: int = 0) -> str:
    """An amount in SEK: "330 000 kr" (a dash for None)."""
    return DASH if value is None else f"{grouped(value, locale, decimals)}{NO_BREAK}kr"


class Formatter:
    """Report values as display text (not escaped): locale dates and numbers, a dash for null."""

    def __init__(self, locale: Optional[QLocale] = None):
        self.locale = QLocale(locale) if locale is not None else card_locale()
        self.locale.setNumberOptions(self.locale.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)

    def date(self, value: Any) -> Optional[str]:
        """An ISO date (or date-time) in the locale's short format with a four-digit year; None if it is not one."""
        if isinstance(value, (datetime, date)):
            value = value.isoformat()
        if not isinstance(value, str) or len(value) < 10:
            return None
        if len(value) > 10:
            moment = QDateTime.fromString(value[:19], Qt.DateFormat.ISODate)
            if moment.isValid():
                return short_date_time(moment, self.locale)
        day = QDate.fromString(value[:10], Qt.DateFormat.ISODate)
        return short_date(day, self.locale) if day.isValid() else None

    def number(self, value: Any) -> str:
        if isinstance(value, bool):
            return yes_no(value)
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
            return yes_no(bool(value))
        if type_ in ("date", "datetime"):
            return self.date(value) or str(value)
        if isinstance(value, (int, float)):
            return self.number(value)
        if isinstance(value, (list, dict)):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    def when(self, extra: dict) -> Optional[str]:
        """Days until start / days left of dated work (a permit), from an item's ``extra``."""
        state = extra.get("state")
        until, left = extra.get("days_until_start"), extra.get("days_left")
        if until is not None:
            if until == 0:
                return translate("CardRenderer", "today")
            if until == 1:
                return translate("CardRenderer", "tomorrow")
            return translate("CardRenderer", "in {n} days").format(n=until)
        if left is not None:
            if left == 0:
                return translate("CardRenderer", "last day")
            return translate("CardRenderer", "{n} days left").format(n=left)
        if state in ("ongoing", "ended", "upcoming"):
            return work_state(state)
        return None
