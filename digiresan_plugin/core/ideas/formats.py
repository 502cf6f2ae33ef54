"""Numbers and money for the ideas: in Swedish as Swedish reports write them — thousands separated by a thin space
that never breaks (U+202F), a decimal comma, "kr" and "mnkr" — and in English with a decimal point and the same
thin-space thousands (no Qt here). :func:`sek` and :func:`mnkr` are always Swedish (decision texts are)."""

from __future__ import annotations

THIN = "\u202f"  # narrow no-break space: "330 000 kr" never breaks inside the number


def grouped(value: float, decimals: int = 0) -> str:
    """``1234567.5`` → "1 234 567" (0 decimals) or "1 234 567,50" (2); thin-space thousands, decimal comma."""
    text = f"{value:,.{decimals}f}"  # "1,234,567.50"
    return text.replace(",", THIN).replace(".", ",")


def sek(value: float | None) -> str:
    """Whole kronor: "330 000 kr" ("–" for none)."""
    return "–" if value is None else f"{grouped(round(value))} kr"


def mnkr(value: float | None, decimals: int = 1) -> str:
    """Millions of kronor with a decimal comma: 12 345 678 → "12,3 mnkr" ("–" for none)."""
    return "–" if value is None else f"{grouped(value / 1e6, decimals)} mnkr"


def mnkr_number(value: float, decimals: int = 1) -> str:
    """Millions without the unit: 12 345 678 → "12,3"."""
    return grouped(value / 1e6, decimals)


def number(value: float, decimals: int = 0, language: str = "sv") -> str:
    """``value`` for the UI: Swedish "12 345,6" (``language`` "sv") or English "12 345.6"."""
    text = grouped(value, decimals)
    return text if language == "sv" else text.replace(",", ".")
