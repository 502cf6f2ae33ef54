"""The board shows dates as the card does (the card locale's short format, four-digit year); Processing and the
rules' messages keep ISO. Dates from the coordination fixture, known by construction (today T = 2026-11-27)."""

from __future__ import annotations

from datetime import date

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QDate, QLocale, Qt

from digiresan_plugin.core.coordination.shown import ShownDates
from digiresan_plugin.gui.coordination.dock import ROW_ROLE

from .test_coordination_dock import board_dock, children, wait  # noqa: F401 - the fixture
from .test_i18n import LOCALE_KEYS

#: locale, the date pickers' format, GT-1's start (T + 5), M1 paved (T − 365) and its dig ban's end (3 years on)
LOCALES = [("en_US", "M/d/yyyy", "12/2/2026", "11/27/2025", "11/27/2028"),
           ("sv_SE", "yyyy-MM-dd", "2026-12-02", "2025-11-27", "2028-11-27")]


@pytest.fixture(params=LOCALES, ids=[p[0] for p in LOCALES])
def card_in(request):
    """The card locale (QGIS's overridden locale) for one test; the old settings put back."""
    settings = QgsSettings()
    old = {key: settings.value(key) for key in LOCALE_KEYS}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/globalLocale", request.param[0])
    yield request.param
    for key, value in old.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def item_of(dock, rule: str):
    for i in range(dock.tree.topLevelItemCount()):
        group = dock.tree.topLevelItem(i)
        for j in range(group.childCount()):
            if group.child(j).data(0, ROW_ROLE).rule == rule:
                return group.child(j)
    raise AssertionError(f"no {rule} row")


def test_the_board_shows_the_cards_dates(card_in, board_dock):  # noqa: F811 - the fixture
    _name, picker, gt1_start, paved, until = card_in
    dock = board_dock[0]
    assert dock.from_edit.displayFormat() == picker and dock.to_edit.displayFormat() == picker
    moratorium = item_of(dock, "moratorium")
    assert moratorium.data(0, ROW_ROLE).start == date(2026, 12, 2)
    assert moratorium.text(0) == gt1_start
    assert "2026-" not in " ".join(moratorium.text(c) for c in range(8)) or card_in[0] == "sv_SE"
    dock.from_edit.setDate(QDate(2025, 11, 1))
    dock.to_edit.setDate(QDate(2025, 12, 31))
    dock.refresh()
    wait(lambda: not dock.is_busy())
    in_force = item_of(dock, "moratorium_in_force")
    assert in_force.data(0, ROW_ROLE).message == \
        f"Malmgatan (M1) was paved {paved}: no digging until {until} (3 years)"  # written so by the board
    assert in_force.text(7) == f"Malmgatan (M1) was paved {paved}: no digging until {until} (3 years)"
    assert in_force.toolTip(7) == in_force.text(7)
    assert in_force.text(0) == paved


def test_dates_in_a_text_and_sorting_by_date_not_text(card_in):
    locale = QLocale(card_in[0])
    shown = ShownDates(locale)
    assert shown.text("paved 2025-11-27, permit GT-2025-11-270, 12025-11-27") == \
        f"paved {card_in[3]}, permit GT-2025-11-270, 12025-11-27"
    assert shown.day(None) == "" and shown.day(date.max) == ""
    assert shown.day(date(2026, 12, 2)) == card_in[2]


def test_the_start_column_sorts_by_date(card_in, board_dock):  # noqa: F811 - the fixture
    dock = board_dock[0]
    dock.from_edit.setDate(QDate(2025, 1, 1))
    dock.to_edit.setDate(QDate(2027, 12, 31))
    dock.refresh()
    wait(lambda: not dock.is_busy())
    dock.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    for i in range(dock.tree.topLevelItemCount()):
        group = dock.tree.topLevelItem(i)
        starts = [group.child(j).data(0, ROW_ROLE).start or date.min for j in range(group.childCount())]
        assert starts == sorted(starts), group.text(0)
    assert any(dock.tree.topLevelItem(i).childCount() > 2 for i in range(dock.tree.topLevelItemCount()))
