"""The coordination board over the whole network: each rule and class fires once on a fixture built for it,
the near-misses do not, a date window narrows the rows, the work window comes from the hourly profile."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QLocale

from digiresan_plugin.core.coordination.board import Board
from digiresan_plugin.core.coordination.model import Window
from digiresan_plugin.core.identify import TwinEngine

from .coordination_fixture import EXPECTED_14_DAYS, EXPECTED_FULL, TODAY, build_coordination_twin, d
from .fixtures_twin import open_layers


@pytest.fixture(scope="module")
def coord_twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_coordination_twin(tmp_path_factory.mktemp("coord") / "coord.gpkg")


@pytest.fixture()
def board(coord_twin, catalog):
    layers = open_layers(coord_twin, catalog)
    engine = TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3})
    board = Board(engine, {"dig_notice_months": 3, "work_window_hours": 6})
    board.layers = layers  # keep the layers alive
    return board


def test_each_rule_fires_exactly_once_on_the_full_network(board):
    rows = board.conflicts(Window())
    fired = {}
    for row in rows:
        fired.setdefault(row.rule, []).append((row.permit_id, row.other_id, row.segment_id))
    assert fired == {rule: [keys] for rule, keys in EXPECTED_FULL.items()}


def test_classes_and_periods(board):
    rows = {r.rule: r for r in board.conflicts(Window())}
    assert rows["coordination_space_time"].conflict_class == "space_time"
    assert (rows["coordination_space_time"].start, rows["coordination_space_time"].end) == (d(7), d(40))
    assert rows["coordination_space"].conflict_class == "space"
    assert rows["coordination_time"].conflict_class == "time"
    assert (rows["coordination_time"].start, rows["coordination_time"].end) == (d(40), d(50))
    assert rows["moratorium"].conflict_class == "" and rows["dig_notice"].conflict_class == ""
    assert "Torggatan" in rows["coordination_time"].message and "Tvärgatan" in rows["coordination_time"].message
    assert "100 days" in rows["coordination_space"].message
    notice = rows["dig_notice"]
    assert (notice.start.isoformat(), notice.end.isoformat()) == ("2027-02-01", "2027-04-30")
    assert "Elnät AB (GT-10)" in notice.message and "2027-05-01" in notice.message
    assert rows["moratorium_in_force"].end.isoformat() == "2028-11-26"  # paved 2025-11-27 + 3 years, exclusive
    assert "emergency dig" in rows["moratorium_exempt"].message


def test_a_fourteen_day_window(board):
    rows = board.conflicts(Window(TODAY, d(14)))
    assert {r.rule for r in rows} == EXPECTED_14_DAYS
    assert [r.start for r in rows] == sorted(r.start for r in rows)


def test_swedish_texts(coord_twin, catalog):
    layers = open_layers(coord_twin, catalog)
    engine = TwinEngine(catalog, layers.get, today=TODAY, language="sv", setting_values={"dig_moratorium_years": 3})
    rows = {r.rule: r for r in Board(engine).conflicts(Window())}
    assert "samförlägg" in rows["coordination_space"].message
    assert "akut grävning" in rows["moratorium_exempt"].message


def test_work_window_from_the_hourly_profile(board):
    board.conflicts(Window())
    window = board.work_window("T1")
    assert (window.label(), window.vehicles, window.peaks_label()) == ("09–15", 600, "07–08, 16–17")
    assert board.work_window("M1") is None


@pytest.mark.parametrize("change, key", [
    (lambda c: c["rules"][0].update(kind="nearby"), "coordination.rules[0:coordination_space_time].kind"),
    (lambda c: c.update(near_relation="segment_signs"), "coordination.near_relation"),
    (lambda c: c["permits"]["fields"].pop("start"), "coordination.permits.fields.start"),
    (lambda c: c.update(paving_day="13-01"), "coordination.paving_day"),
    (lambda c: c["rules"].append(dict(c["rules"][0])), "coordination.rules"),
    (lambda c: c["handling"]["statuses"].pop("resolved"), "coordination.handling.statuses.resolved"),
    (lambda c: c["handling"]["layers"].append("roads"), "coordination.handling.layers[2]"),
    (lambda c: c["handling"]["columns"].update(owner={"en": "Owner", "sv": "Ägare"}),
     "coordination.handling.columns.owner"),
])
def test_a_bad_coordination_key_names_the_key(tmp_path, change, key):
    import json

    from digiresan_plugin.core.catalog import CatalogError, load_catalog
    from digiresan_plugin.core.coordination.config import parse_coordination
    from digiresan_plugin.core.identify.config import identify_config
    from digiresan_plugin.core.paths import default_catalog_path

    data = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    change(data["coordination"])
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    catalog = load_catalog(path)
    with pytest.raises(CatalogError) as caught:
        parse_coordination(catalog, identify_config(catalog).relations)
    assert caught.value.key == key and str(path) in str(caught.value)


def test_work_window_spans_and_limits():
    from digiresan_plugin.core.coordination.work_window import work_window

    midday = [10] * 6 + [200] * 5 + [900, 1000, 950, 980, 800] + [300] * 6 + [10] * 2  # peaks 11–16
    window = work_window(midday, 6, 6, 22)
    assert (window.label(), window.peaks_label()) == ("16–22", "11–16")
    assert work_window(midday, 6, 6, 10) is None  # six hours do not fit between 06 and 10
    assert work_window(midday[:23], 6) is None and work_window([None] + midday[1:], 6) is None


def _keys(rows):
    return [(r.rule, r.permit_id, r.other_id, r.segment_id, r.start, r.end, r.message, r.fingerprint) for r in rows]


@pytest.mark.parametrize("window", [Window(), Window(TODAY, d(14)), Window(d(30), d(90)), Window(None, d(-30))])
def test_the_stored_match_table_answers_as_the_qgis_read(board, window):
    assert board.stored.matches() is not None  # a plain GeoPackage in the metric CRS: read through SQLite
    stored = _keys(board.conflicts(window))
    board.stored.matches = lambda progress=None: None  # force the read through QGIS
    assert _keys(board.conflicts(window)) == stored


def _move_gt1_away(path: Path) -> None:
    """Another program moves permit GT-1 200 m north, away from Malmgatan."""
    from osgeo import ogr

    from .coordination_fixture import X0, Y0

    ds = ogr.Open(str(path), 1)
    layer = ds.GetLayerByName("excavation_permits")
    layer.SetAttributeFilter("permit_id = 'GT-1'")
    feature = layer.GetNextFeature()
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        f"POLYGON(({X0 + 20} {Y0 + 500}, {X0 + 30} {Y0 + 500}, {X0 + 30} {Y0 + 506}, {X0 + 20} {Y0 + 506}, "
        f"{X0 + 20} {Y0 + 500}))"))
    layer.SetFeature(feature)
    ds = None


def test_the_match_table_is_built_again_when_a_permit_changes(tmp_path, catalog):
    from osgeo import ogr


    path = build_coordination_twin(tmp_path / "coord.gpkg")
    layers = open_layers(path, catalog)
    board = Board(TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3}))
    rows = {r.rule: r for r in board.conflicts(Window())}
    first = board.stored.matches()[0]
    assert board.stored.matches()[0] is first  # unchanged file: the same table
    assert (rows["coordination_space_time"].start, rows["coordination_space_time"].end) == (d(7), d(40))

    ds = ogr.Open(str(path), 1)  # the dates of GT-4 change: the overlap with GT-3 ends with GT-3 + 30 days
    ds.ExecuteSQL("UPDATE excavation_permits SET start_date = '2026-12-06' WHERE permit_id = 'GT-4'")
    ds = None
    rows = {r.rule: r for r in board.conflicts(Window())}
    assert board.stored.matches()[0] is not first
    assert rows["coordination_space_time"].start == d(9)

    _move_gt1_away(path)  # 200 m away from Malmgatan: no moratorium warning any more
    rows = board.conflicts(Window())
    assert "moratorium" not in {r.rule for r in rows}
    assert board.network.permits["GT-1"].segments == ()


def test_a_handling_note_keeps_the_match_table_and_a_permit_change_does_not(tmp_path, catalog):
    """Saving a note (the plugin's own write, which touches none of the table's inputs) keeps the built table; a
    write by anyone else to the notes keeps it too (the inputs' stamps), a permit change after the note builds it
    again, with the new answer."""
    import sqlite3

    from osgeo import ogr

    from digiresan_plugin.core.coordination.notes import GpkgNotes, Note

    path = build_coordination_twin(tmp_path / "coord.gpkg")
    layers = open_layers(path, catalog)
    board = Board(TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3}))
    rows = {r.rule: r for r in board.conflicts(Window())}
    first = board.stored.matches()[0]
    notes = GpkgNotes(path, user="anna")
    notes.save(Note.for_conflict(rows["coordination_time"], "in_progress"))  # creates the notes table too
    notes.save(Note.for_conflict(rows["dig_notice"], "accepted", reason="paving moved to 2028"))
    assert board.stored.matches()[0] is first  # two notes later: the same table, not built again
    assert {r.rule: r for r in board.conflicts(Window())}.keys() == rows.keys()

    with sqlite3.connect(path) as conn:  # someone else's write (another program): the inputs' stamps decide, and
        conn.execute("UPDATE coordination_notes SET notes = 'x'")  # the permits and segments did not change
    second = board.stored.matches()[0]
    assert second is first

    notes.save(Note.for_conflict(rows["coordination_time"], "resolved"))
    assert board.stored.matches()[0] is second
    ds = ogr.Open(str(path), 1)  # then GT-4's dates change: built again, with the new overlap
    ds.ExecuteSQL("UPDATE excavation_permits SET start_date = '2026-12-06' WHERE permit_id = 'GT-4'")
    ds = None
    rows = {r.rule: r for r in board.conflicts(Window())}
    assert board.stored.matches()[0] is not second
    assert rows["coordination_space_time"].start == d(9)
    del board, rows, first, second
    layers.clear()  # the layers go before QGIS does


def test_the_match_table_is_kept_when_other_tables_change(tmp_path, catalog):
    """Freshness per input table: a saved note, an inspection and a permit's contractor (not read) keep the table;
    a segment's paving date and the paving plan build it again."""
    from osgeo import ogr

    from digiresan_plugin.core.coordination.notes import GpkgNotes, Note

    path = build_coordination_twin(tmp_path / "coord.gpkg")
    layers = open_layers(path, catalog)
    board = Board(TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3}))
    board.conflicts(Window())
    first = board.stored.matches()[0]

    def write(sql: str) -> None:
        ds = ogr.Open(str(path), 1)
        ds.ExecuteSQL(sql)
        ds = None

    GpkgNotes(path, "test").save(Note("moratorium", "GT-1", "", "M1", "resolved", notes="klart"))
    board.conflicts(Window())
    assert board.stored.matches()[0] is first  # the file changed, the permits and segments did not
    write("INSERT INTO road_condition (segment_id, inspected_on, iri_mm_m, rut_depth_mm, condition_class) "
          "VALUES ('M1', '2026-11-01', 2.0, 5.0, 2)")
    write("UPDATE excavation_permits SET contractor = 'Annan AB' WHERE permit_id = 'GT-1'")
    assert board.stored.matches()[0] is first

    write("UPDATE road_segments SET last_paved = '2020-01-01' WHERE segment_id = 'M1'")  # moratorium long over
    rows = board.conflicts(Window())
    second = board.stored.matches()[0]
    assert second is not first
    assert "moratorium" not in {r.rule for r in rows}

    write("DELETE FROM paving_plan WHERE segment_id = 'F1'")  # no paving planned: no dig-now notice
    rows = board.conflicts(Window())
    assert board.stored.matches()[0] is not second
    assert "dig_notice" not in {r.rule for r in rows}
    del board, rows, first, second
    layers.clear()


def test_with_the_edit_history_a_write_is_told_without_scanning_the_inputs(tmp_path, catalog, monkeypatch):
    """On a twin with the plugin's history triggers, another program's writes are told apart by the history rows
    written since: an inspection, a permit's contractor (not read) and a note keep the table, a permit's dates
    and a moved permit build it again, and no input table is scanned. Once a watched table's history trigger is
    gone (the table made again by another tool), the inputs are scanned as before."""
    from osgeo import ogr

    from digiresan_plugin.core.coordination import matches
    from digiresan_plugin.core.coordination.notes import GpkgNotes, Note
    from digiresan_plugin.core.gpkg_triggers import install_triggers


    path = build_coordination_twin(tmp_path / "coord.gpkg")
    install_triggers(path, catalog)
    scanned: list[str] = []
    real_stamp = matches.table_stamp
    monkeypatch.setattr(matches, "table_stamp", lambda table, *a, **k: scanned.append(table.table) or real_stamp(
        table, *a, **k))
    layers = open_layers(path, catalog)
    board = Board(TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3}))
    assert {r.rule for r in board.conflicts(Window())} == set(EXPECTED_FULL)
    first = board.stored.matches()[0]

    def write(sql: str) -> None:
        ds = ogr.Open(str(path), 1)
        ds.ExecuteSQL(sql)
        ds = None

    GpkgNotes(path, "test").save(Note("moratorium", "GT-1", "", "M1", "resolved", notes="klart"))
    write("INSERT INTO road_condition (segment_id, inspected_on, iri_mm_m, rut_depth_mm, condition_class) "
          "VALUES ('M1', '2026-11-01', 2.0, 5.0, 2)")  # also sets M1's latest condition class (a derived field)
    write("UPDATE excavation_permits SET contractor = 'Annan AB' WHERE permit_id = 'GT-1'")
    assert board.stored.matches()[0] is first
    assert scanned == []

    write("UPDATE excavation_permits SET start_date = '2026-12-06' WHERE permit_id = 'GT-4'")
    rows = {r.rule: r for r in board.conflicts(Window())}
    second = board.stored.matches()[0]
    assert second is not first and rows["coordination_space_time"].start == d(9)
    _move_gt1_away(path)  # 200 m away from Malmgatan: no moratorium warning any more
    assert "moratorium" not in {r.rule for r in board.conflicts(Window())}
    third = board.stored.matches()[0]
    assert third is not second and scanned == []

    write('DROP TRIGGER "digiresan_history_road_segments_update"')  # the history no longer sees segment edits
    write("UPDATE road_segments SET last_paved = '2020-01-01' WHERE segment_id = 'F1'")
    board.conflicts(Window())
    assert board.stored.matches()[0] is not third
    assert "road_segments" in scanned
    del board, rows, first, second, third
    layers.clear()


@pytest.mark.parametrize(("locale", "paving", "paved"), [
    (None, "2027-05-01", "2025-11-27"),  # Processing and data: ISO
    (QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "5/1/2027", "11/27/2025"),
    (QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden), "2027-05-01", "2025-11-27"),
])
def test_messages_date_as_the_card_does(coord_twin, catalog, locale, paving, paved):
    layers = open_layers(coord_twin, catalog)
    engine = TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3}, locale=locale)
    rows = {r.rule: r for r in Board(engine, {"dig_notice_months": 3}).conflicts(Window())}
    assert paving in rows["dig_notice"].message  # the planned paving on 2027-05-01 (fixture)
    assert paved in rows["moratorium_in_force"].message  # paved 2025-11-27
    if locale is not None and paving != "2027-05-01":
        assert "2027-05-01" not in rows["dig_notice"].message
    assert rows["dig_notice"].start.isoformat() == "2027-02-01"  # the data stays dates
