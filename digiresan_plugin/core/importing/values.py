"""Typed values from what files hold: numbers with decimal commas and spaces, ISO and Swedish dates, yes/no words,
sign codes in any usual spelling.

Every converter returns the typed value (None for an empty cell) or raises :class:`ValueProblemError` saying what was
expected; nothing is guessed.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any, Optional

from ..sign_codes import sign_table
from ..tr import tr

KINDS = ("text", "integer", "real", "date", "datetime", "boolean")

SWEDISH_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
TRUE_WORDS = {"1", "true", "t", "yes", "y", "ja", "j", "x", "sant"}
FALSE_WORDS = {"0", "false", "f", "no", "n", "nej", "falskt"}

_NUMBER_RE = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
_DMY_RE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./ ]\s*(\d{4})$")
_SV_DAY_MONTH_RE = re.compile(r"^(\d{1,2})/(\d{1,2})\s+(\d{4})$")
_WORD_DATE_RE = re.compile(r"^(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})$")
_SIGN_RE = re.compile(r"^(?:SE\s*[:\-]?\s*)?([A-Z])\s*(\d{1,3})(?:\s*[-:\s.]\s*(\d+))?$")


class ValueProblemError(ValueError):
    """A value cannot be read as what the twin field needs; the message says what was expected."""


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    kind = type(value)
    if kind is str:
        return not value.strip()
    if kind is int or kind is bool:
        return False
    if kind is float:
        return math.isnan(value)
    if hasattr(value, "isNull") and callable(value.isNull) and not isinstance(value, str):
        try:
            return bool(value.isNull())  # QVariant NULL, QDate()
        except TypeError:
            return False
    return isinstance(value, str) and not value.strip()


def plain(value: Any) -> Any:
    """A Qt value (QDate, QDateTime, QVariant) as a Python one."""
    if type(value) in (str, int, float, bool):
        return value
    if hasattr(value, "toPyDateTime"):
        return value.toPyDateTime()
    if hasattr(value, "toPyDate"):
        return value.toPyDate()
    return value


def to_real(value: Any) -> Optional[float]:
    if type(value) is int or (type(value) is float and math.isfinite(value)):
        return float(value)
    if is_empty(value):
        return None
    value = plain(value)
    if isinstance(value, bool):
        raise ValueProblemError(tr("a number"))
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
        if not _NUMBER_RE.match(text):
            raise ValueProblemError(tr("a number (decimal point or comma)"))
        number = float(text.replace(",", "."))
    if not math.isfinite(number):
        raise ValueProblemError(tr("a finite number"))
    return number


def to_integer(value: Any) -> Optional[int]:
    number = to_real(value)
    if number is None:
        return None
    if number != int(number):
        raise ValueProblemError(tr("a whole number"))
    return int(number)


def to_date(value: Any) -> Optional[str]:
    """A date as ISO text ``YYYY-MM-DD``: from ISO (with or without time), ``YYYYMMDD``, ``D.M.YYYY``,
    ``D/M YYYY`` and ``D maj 2026``."""
    if is_empty(value):
        return None
    value = plain(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip().lower()
    try:
        if re.match(r"^\d{4}[-/]\d{1,2}[-/]\d{1,2}([ t].*)?$", text):
            y, m, d = re.split(r"[-/]", re.split(r"[ t]", text)[0])
            return date(int(y), int(m), int(d)).isoformat()
        if re.match(r"^\d{8}$", text):
            return date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
        match = _SV_DAY_MONTH_RE.match(text) or _DMY_RE.match(text)
        if match:
            d, m, y = (int(g) for g in match.groups())
            return date(y, m, d).isoformat()
        match = _WORD_DATE_RE.match(text)
        if match and match.group(2) in SWEDISH_MONTHS:
            return date(int(match.group(3)), SWEDISH_MONTHS[match.group(2)], int(match.group(1))).isoformat()
    except ValueError as exc:
        raise ValueProblemError(tr("a real calendar date ({error})").format(error=exc)) from None
    raise ValueProblemError(tr("a date (2026-05-03, 20260503, 3.5.2026, 3/5 2026 or 3 maj 2026)"))


def to_datetime(value: Any) -> Optional[str]:
    if is_empty(value):
        return None
    value = plain(value)
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    text = str(value).strip().replace(" ", "T", 1)
    try:
        return datetime.fromisoformat(text).replace(microsecond=0).isoformat()
    except ValueError:
        raise ValueProblemError(tr("a date and time (2026-05-03 14:00)")) from None


def to_boolean(value: Any) -> Optional[bool]:
    if is_empty(value):
        return None
    value = plain(value)
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueProblemError(tr("yes or no (ja/nej, true/false, 1/0)"))


def to_text(value: Any) -> Optional[str]:
    if is_empty(value):
        return None
    value = plain(value)
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value).strip()


CONVERTERS = {"text": to_text, "integer": to_integer, "real": to_real, "date": to_date, "datetime": to_datetime,
              "boolean": to_boolean}


def convert(kind: str, value: Any) -> Any:
    return CONVERTERS[kind](value)


def map_key(value: Any) -> str:
    """How a value is looked up in a mapping's value map: its text, case-folded, ``1.0`` as ``1``."""
    return (to_text(value) or "").casefold()


def sign_code(value: Any) -> tuple[Optional[str], Optional[int]]:
    """``"SE:C31-50"``, ``"C31:50"``, ``"c31 50"`` → ``("C31-50", 50)``; ``"B1"`` → ``("B1", None)``.
    Raises :class:`ValueProblemError` for a code that is not in the bundled sign-code table."""
    text = to_text(value)
    if text is None:
        return None, None
    match = _SIGN_RE.match(text.upper())
    if not match:
        raise ValueProblemError(tr("a sign code such as C31-50, C31:50, SE:C31-50 or c31 50"))
    letter, number, amount = match.groups()
    base = f"{letter}{int(number)}"
    entry = sign_table()["codes"].get(base)
    if not isinstance(entry, dict):
        raise ValueProblemError(tr("a code of the sign-code table ('{code}' is not one)").format(code=base))
    if amount is None:
        return base, None
    return f"{base}-{int(amount)}", int(amount)


def comparable(kind: str, value: Any) -> Any:
    """A stored value as the importer would type it (None when empty; as stored when it does not convert): what an
    upsert compares with the incoming value."""
    if is_empty(value):
        return None
    try:
        return convert(kind, value)
    except ValueProblemError:
        return value
