"""How a CSV file is written for the UI language, so a spreadsheet opens it in columns: Swedish Excel expects
semicolons and a decimal comma, English comma and dot; both get UTF-8 with a byte order mark (å, ä, ö)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CsvStyle:
    """Delimiter, decimal sign and encoding of one language's CSV files."""

    language: str
    delimiter: str
    decimal: str
    encoding: str = "utf-8-sig"

    def number(self, text: str) -> str:
        """A number already written with a dot (``"3.4"``) in this style (``"3,4"``)."""
        return text.replace(".", self.decimal) if self.decimal != "." else text

    def boolean(self, value: bool) -> str:
        return ("ja" if value else "nej") if self.language == "sv" else ("yes" if value else "no")


RAW = CsvStyle("en", ",", ".", "utf-8")  # machine-readable: comma, dot, no byte order mark
STYLES = {"en": CsvStyle("en", ",", "."), "sv": CsvStyle("sv", ";", ",")}


def csv_style(language: Any) -> CsvStyle:
    """The style of ``language`` ("sv…": Swedish; anything else: English)."""
    return STYLES["sv" if str(language or "").startswith("sv") else "en"]
