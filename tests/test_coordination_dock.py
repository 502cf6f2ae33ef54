"""The Coordination dock: the board for the coming two weeks grouped by street, filters, counts, a click that
zooms and opens the card, handling saved in the twin."""

from __future__ import annotations

import time

import pytest
from qgis.core import QgsRectangle
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication

from digiresan_plugin.core.coordination.notes import GpkgNotes
from digiresan_plugin.gui.coordination.dock import ROW_ROLE, CoordinationDock

from .coordination_fixture import EXPECTED_14_DAYS, TODAY, X0, Y0, build_coordination_twin
from .fixtures_twin import open_layers


def wait(condition, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out waiting")
        QCoreApplication.processEvents()
        time.sleep(0.005)


@pytest.fixture()
def board_dock(tmp_path, catalog, qgis_canvas):
    path = build_coordination_twin(tmp_path / "coord.gpkg")
    layers = open_layers(path, catalog)
    qgis_canvas.setDestinationCrs(layers["road_segments"].crs())
    qgis_canvas.setLayers(list(layers.values()))
    qgis_canvas.setExtent(QgsRectangle(X0 - 100, Y0 - 100, X0 + 200, Y0 + 2000))
    opened = []
    dock = CoordinationDock(catalog, qgis_canvas, layer_for=layers.get, today=TODAY,
                            show_feature=lambda layer, fid: opened.append((layer, fid)))
    dock.refresh()
    wait(lambda: not dock.is_busy())
    QCoreApplication.processEvents()
    yield dock, path, layers, opened
    dock.cleanup()
    sip.delete(dock)  # now: its widgets' slots hold the dock (and through it the layers) in a cycle
    qgis_canvas.stopRendering()
    qgis_canvas.setLayers([])  # the session's canvas must not keep (or render) layers this test releases
    QCoreApplication.processEvents()


def children(dock):
    out = []
    for i in range(dock.tree.topLevelItemCount()):
        group = dock.tree.topLevelItem(i)
        for j in range(group.childCount()):
            out.append((group.text(0), group.child(j).data(0, ROW_ROLE)))
    return out


def test_the_coming_two_weeks_grouped_by_street(board_dock):
    dock = board_dock[0]
    rows = children(dock)
    assert {row.rule for _street, row in rows} == EXPECTED_14_DAYS
    assert {street for street, _row in rows} == {"Malmgatan (1)", "Ovägen (2)", "Sjögatan (1)"}
    assert all(street.startswith(f"{row.street} (") for street, row in rows)
    assert dock.counts.text() == "Space and time: 1 · Space only: 1 · Other rules: 2"


def test_filters_by_rule_status_and_text(board_dock):
    dock = board_dock[0]
    dock.rule_filter.setCurrentIndex(dock.rule_filter.findData("permit_overlap"))
    assert [row.rule for _s, row in children(dock)] == ["permit_overlap"]
    dock.rule_filter.setCurrentIndex(0)
    dock.text_filter.setText("gt-s2")
    assert [row.rule for _s, row in children(dock)] == ["coordination_space"]
    dock.text_filter.setText("")
    dock.status_filter.setCurrentIndex(dock.status_filter.findData("resolved"))
    assert children(dock) == []


def test_a_click_zooms_and_opens_the_card_and_handling_is_saved(board_dock):
    dock, path, layers, opened = board_dock
    group = next(dock.tree.topLevelItem(i) for i in range(dock.tree.topLevelItemCount())
                 if dock.tree.topLevelItem(i).text(0) == "Ovägen (2)")
    item = next(group.child(j) for j in range(group.childCount())
                if group.child(j).data(0, ROW_ROLE).rule == "coordination_space_time")
    dock.tree.setCurrentItem(item)
    assert dock.window_label.text() == "No hourly counts on Ovägen"
    dock._open(item)
    permit = next(f for f in layers["excavation_permits"].getFeatures() if f["permit_id"] == "GT-3")
    assert opened == [("excavation_permits", permit.id())]
    assert dock.canvas.extent().contains(permit.geometry().boundingBox())
    assert dock.canvas.extent().height() < 300  # zoomed in from the 2 km view
    dock.editor.status.setCurrentIndex(dock.editor.status.findData("resolved"))
    dock.editor.assignee.setText("Anna")
    dock.editor.save.click()
    row = item.data(0, ROW_ROLE)
    wait(lambda: dock.statuses.get(row.key) == "resolved")
    assert GpkgNotes(path).load()[row.key].assignee == "Anna"
    dock.status_filter.setCurrentIndex(dock.status_filter.findData("resolved"))
    assert [r.rule for _s, r in children(dock)] == ["coordination_space_time"]


def test_accepted_needs_a_reason(board_dock):
    dock = board_dock[0]
    item = dock.tree.topLevelItem(0).child(0)
    dock.tree.setCurrentItem(item)
    dock.editor.status.setCurrentIndex(dock.editor.status.findData("accepted"))
    saved = []
    dock.editor.saveRequested.connect(saved.append)
    dock.editor.save.click()
    assert saved == [] and dock.editor.reason.placeholderText() == "An accepted warning needs a reason"


def test_the_timeline_of_a_street_and_its_png(board_dock, tmp_path):
    from qgis.PyQt.QtGui import QImage

    from digiresan_plugin.gui.coordination.timeline import TimelineView

    dock = board_dock[0]
    data = dock.timeline_for("Malmgatan")
    assert data.lanes == (("M1", "Malmgatan (M1)"),)
    assert data.as_of == TODAY  # the line marks the board's day, not the clock's (a test run on 2026-12-04 drew it
    # through GT-1's bar)
    bars = {(b.kind, b.label, b.start.isoformat(), b.end.isoformat(), b.conflict) for b in data.bars}
    # as of 2026-11-27, from 2026-09-27 for a year: GT-2 (ended) is before it; GT-1 is in the moratorium
    assert bars == {("permit", "GT-1", "2026-12-02", "2026-12-17", True),
                    ("moratorium", "", "2026-09-27", "2027-09-27", False)}
    fjall = {(b.kind, b.start.isoformat(), b.end.isoformat()) for b in dock.timeline_for("Fjällgatan").bars}
    assert ("notice", "2027-02-01", "2027-04-30") in fjall and ("paving", "2027-05-01", "2027-05-07") in fjall
    view = TimelineView(data, today=TODAY)  # the dashed today line where the fixture's today is, not across GT-1
    path = tmp_path / "timeline.png"
    assert view.export_png(str(path))
    image = QImage(str(path))
    assert image.width() == view.sizeHint().width() and image.height() == view.sizeHint().height()
    x = int(view.x_of(data.bars[0].start)) + 5  # inside GT-1's bar
    assert image.pixelColor(x, 34 + 18 + 12).name() == "#2f5d8a"


def test_filters_by_utility_and_applicant(board_dock):
    dock = board_dock[0]
    utilities = [dock.utility_filter.itemText(i) for i in range(dock.utility_filter.count())]
    assert utilities == ["Any utility", "fiber", "tele", "VA"]  # the permits of the 14 days' rows
    dock.utility_filter.setCurrentIndex(dock.utility_filter.findData("tele"))
    assert sorted(row.rule for _s, row in children(dock)) == ["coordination_space_time", "permit_overlap"]
    dock.applicant_filter.setCurrentIndex(dock.applicant_filter.findData("VA-bolaget"))
    assert children(dock) == []  # no row with a Tele AB permit and a VA-bolaget one
    dock.utility_filter.setCurrentIndex(0)
    assert sorted(row.rule for _s, row in children(dock)) == ["coordination_space", "moratorium"]
    assert dock.applicant_filter.findData("Elnät AB") == -1  # GT-2 and GT-10 are in no row of the two weeks


def test_party_filters_in_core():
    from datetime import date

    from digiresan_plugin.core.coordination.board import filter_rows, party_values
    from digiresan_plugin.core.coordination.model import Conflict, PermitRow

    a = PermitRow(1, "A", date(2026, 1, 1), None, "Fiber AB", "fiber")
    b = PermitRow(2, "B", date(2026, 1, 1), None, "VA-bolaget", "VA")
    c = PermitRow(3, "C", date(2026, 1, 1), None, "Fiber AB", "el")
    pair = Conflict("r", "", "warning", "A", "B", "S", "St", None, None, "", "", (1, 2))
    notice = Conflict("dig_notice", "", "warning", None, None, "S", "St", None, None, "", "", (3,))
    by_fid = {1: a, 2: b, 3: c}
    assert party_values([pair, notice], by_fid, "utility") == ["el", "fiber", "VA"]
    assert party_values([pair], by_fid, "applicant") == ["Fiber AB", "VA-bolaget"]
    assert filter_rows([pair, notice], {}, utility="el", by_fid=by_fid) == [notice]  # the notice's holders
    assert filter_rows([pair, notice], {}, applicant="Fiber AB", by_fid=by_fid) == [pair, notice]
    assert filter_rows([pair, notice], {}, utility="VA", applicant="Fiber AB", by_fid=by_fid) == [pair]


def test_the_board_dates_read_as_the_locale_and_sort_as_dates(tmp_path, catalog, qgis_canvas, monkeypatch):
    from qgis.PyQt.QtCore import QLocale, Qt

    from digiresan_plugin.gui.coordination import dock as dock_module

    monkeypatch.setattr(dock_module, "card_locale", lambda: QLocale(QLocale.Language.English,
                                                                    QLocale.Country.UnitedStates))
    path = build_coordination_twin(tmp_path / "coord.gpkg")
    layers = open_layers(path, catalog)
    dock = CoordinationDock(catalog, qgis_canvas, layer_for=layers.get, today=TODAY, show_feature=lambda *_: None)
    dock.from_edit.setDate(dock.from_edit.date().addYears(-3))
    dock.to_edit.setDate(dock.to_edit.date().addYears(3))
    dock.refresh()
    wait(lambda: not dock.is_busy())
    QCoreApplication.processEvents()
    try:
        texts, starts = [], []
        for i in range(dock.tree.topLevelItemCount()):
            group = dock.tree.topLevelItem(i)
            column = [(group.child(j).text(0), group.child(j).data(0, ROW_ROLE).start)
                      for j in range(group.childCount())]
            texts += [t for t, _ in column]
            starts.append([s for _, s in column if s is not None])
        notice = next(r for _, r in children(dock) if r.rule == "dig_notice")
        assert notice.start.isoformat() == "2027-02-01"
        assert "2/1/2027" in texts and "2027-02-01" not in texts
        assert "5/1/2027" in notice.message
        dock.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for i in range(dock.tree.topLevelItemCount()):  # by date, not by text ("12/…" before "2/…")
            group = dock.tree.topLevelItem(i)
            days = [group.child(j).data(0, ROW_ROLE).start for j in range(group.childCount())]
            days = [d for d in days if d is not None]
            assert days == sorted(days)
        assert any(len(s) > 1 for s in starts)
    finally:
        dock.cleanup()
        sip.delete(dock)
        qgis_canvas.setLayers([])
        QCoreApplication.processEvents()


def test_long_rule_titles_and_applicant_names_do_not_widen_the_dock(board_dock):
    """The board fits a side panel (≤ 500 px on a 1366 px screen) whatever the filters list."""
    dock = board_dock[0]
    long_name = "Jämtkraft Elnät AB, avdelningen för ledningsnät och fiberutbyggnad i centrala Östersund"
    dock.applicant_filter.addItem(long_name, long_name)
    dock.rule_filter.addItem("Samordning i rum och tid: två grävtillstånd på samma plats samtidigt", "x")
    QCoreApplication.processEvents()
    assert dock.widget().minimumSizeHint().width() <= 500
    assert dock.applicant_filter.findText(long_name) >= 0  # listed in full in the drop-down


def test_the_board_is_kept_for_the_next_session_after_it_is_on_screen(board_dock, board_cache_dir):
    """The dock shows the board first; the profile's file is written by a task of its own afterwards."""
    from digiresan_plugin.core.coordination import persisted

    dock = board_dock[0]
    assert dock.board is not None and dock.board.keep_now is False and children(dock)
    wait(lambda: list(board_cache_dir.glob("*" + persisted.SUFFIX)))
    assert dock.board._unkept is None
