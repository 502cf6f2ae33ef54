"""Card values as JSON data (``values.json_value``): what each kind of stored value becomes, written out by hand."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from qgis.core import NULL
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from digiresan_plugin.core.identify.values import json_value


@pytest.mark.parametrize(("value", "expected"), [
    ("Storgatan", "Storgatan"), (7, 7), (True, True), (None, None),
    (4.25, 4.25), (float("nan"), None), (0.0, 0.0), (-1.5, -1.5),
    (date(2026, 5, 1), "2026-05-01"), (datetime(2026, 5, 1, 7, 30, 12, 999), "2026-05-01T07:30:12"),
    (QDate(2026, 5, 1), "2026-05-01"), (QDate(), None),
    (QDateTime(QDate(2026, 5, 1), QTime(7, 30)), "2026-05-01T07:30:00"),
    (NULL, None), (b"\x01\xff", "01ff"),
])
def test_each_kind_of_value(value, expected):
    got = json_value(value)
    assert got == expected and type(got) is type(expected)
