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

