"""CSV cells a spreadsheet will not run: a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
gets a leading apostrophe (OWASP's "CSV injection" advice), so ``=HYPERLINK(…)`` stays text. Plain numbers
(``-12``, ``+3.5``) are left as they are."""

from __future__ import annotations

import re
from typing import Any

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def spreadsheet_safe(value: Any) -> Any:
    """``value`` unchanged unless it is a text a spreadsheet would read as a formula: then ``'`` + the text."""
    if not isinstance(value, str) or not value.startswith(_TRIGGERS) or _NUMBER.match(value):
        return value
    return "'" + value


__all__ = ["spreadsheet_safe"]
