"""Dates and amounts in the locale's format: a four-digit year in every short date, Swedish thin-space groups."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from qgis.PyQt.QtCore import QLocale

from digiresan_plugin.core.formatting import THIN_SPACE, Formatter, amount, four_digit_year, grouped


@pytest.mark.parametrize("locale, day, moment", [
    ("en_US", "12/13/2009", "12/13/2009 2:05 PM"),
    ("sv_SE", "2009-12-13", "2009-12-13 14:05"),
])
def test_dates_follow_the_locale_with_a_four_digit_year(qgis_app, locale, day, moment):
    formatter = Formatter(QLocale(locale))
    assert formatter.date(date(2009, 12, 13)) == day
    assert formatter.date("2009-12-13") == day
    assert formatter.value("2009-12-13", "date") == day
    assert formatter.date(datetime(2009, 12, 13, 14, 5)) == moment


def test_only_a_two_digit_year_is_widened():
    assert four_digit_year("M/d/yy") == "M/d/yyyy"
    assert four_digit_year("yyyy-MM-dd") == "yyyy-MM-dd"
    assert four_digit_year("dd.MM.yy HH:mm") == "dd.MM.yyyy HH:mm"


def test_amounts_in_the_locale_format(qgis_app):
    sv, en = QLocale("sv_SE"), QLocale("en_US")
    assert amount(330000, sv) == f"330{THIN_SPACE}000\u00a0kr"
    assert grouped(330000, sv, 2) == f"330{THIN_SPACE}000,00"
    assert grouped(1234567.5, en, 1) == "1,234,567.5"


def test_maintenance_amounts_in_the_ui_language(qgis_app):
    """The maintenance dock, card and Processing texts: kronor and MSEK in the UI language's format."""
    from digiresan_plugin.core.investment.candidates import number, sek

    assert sek(330000, "sv") == f"330{THIN_SPACE}000\u00a0kr"
    assert sek(330000, "en") == "330,000\u00a0kr"
    assert number(5.84, 1, "sv") == "5,8" and number(12345.6, 1, "sv") == f"12{THIN_SPACE}345,6"
    assert number(9000, 0, "en") == "9,000" and number(5.84, 1, "en") == "5.8"
