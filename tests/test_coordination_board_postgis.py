"""On PostGIS the board keeps no match table (it reads through QGIS or the direct reader on every call): a
handling note changes no row, a permit's changed dates are on the very next board."""

from __future__ import annotations

import gc

import pytest

from digiresan_plugin.core.coordination.board import Board, BoardError
from digiresan_plugin.core.coordination.model import Window
from digiresan_plugin.core.coordination.notes import Note, PgNotes
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.identify.handles import release_handles
from digiresan_plugin.core.identify.standalone import open_twin_layers
from digiresan_plugin.core.twin_source import TwinSource

from .coordination_fixture import TODAY, build_coordination_twin, d
from .reliability.pg_faults import slots_taken


@pytest.fixture(scope="module")
def pg_coord(pg_cluster, tmp_path_factory, demo_twin):
    pg_cluster.load_gpkg(build_coordination_twin(tmp_path_factory.mktemp("coordpg") / "coord.gpkg"))
    yield pg_cluster
    pg_cluster.load_gpkg(demo_twin)  # the shared test database holds the demo twin again for the other tests


def _board(pg, catalog) -> Board:
    layers, _problems = open_twin_layers(TwinSource.parse(f"pgservice:{pg.service_uri('editor')}"), catalog)
    assert {"road_segments", "excavation_permits", "paving_plan"} <= set(layers)  # (empty layers are not loaded)
    board = Board(TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3}))
    board.layers = layers
    board.notes = PgNotes(pg.dsn("editor"), "editor")
    return board


@pytest.fixture()
def board(pg_coord, catalog):
    board = _board(pg_coord, catalog)
    yield board
    board.layers.clear()  # the layers go before QGIS does (a PostGIS layer deleted after exitQgis aborts)
    release_handles()
    gc.collect()


def test_a_note_on_postgis_changes_no_row_and_a_date_change_is_seen_at_once(qgis_app, board, pg_coord):
    assert board.stored.matches() is None  # not a GeoPackage: nothing kept, nothing to go stale
    rows = {r.rule: r for r in board.conflicts(Window())}
    assert (rows["coordination_space_time"].start, rows["coordination_space_time"].end) == (d(7), d(40))
    before = sorted(r.key for r in board.conflicts(Window()))
    board.notes.save(Note.for_conflict(rows["coordination_space_time"], "resolved"))
    assert sorted(r.key for r in board.conflicts(Window())) == before
    conn = pg_coord.connect("editor", autocommit=True)
    try:
        conn.cursor().execute("UPDATE twin.excavation_permits SET start_date = %s WHERE permit_id = %s",
                              (d(9), "GT-4"))
    finally:
        conn.close()
    rows = {r.rule: r for r in board.conflicts(Window())}
    assert rows["coordination_space_time"].start == d(9)



def test_a_board_the_database_cannot_answer_is_a_fault_not_an_empty_board(qgis_app, board, pg_coord):
    assert board.conflicts(Window())  # known by construction: the fixture's permits conflict
    editors = pg_coord.connect("superuser", autocommit=True)
    try:  # the board's connections cut, and every slot taken: QGIS's reads fail (and log why)
        editors.cursor().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname ="
                                 " current_database() AND usename = 'digiresan_editor'")
    finally:
        editors.close()
    with slots_taken(pg_coord):
        with pytest.raises(BoardError):
            board.conflicts(Window())
        assert board.last_rows == []
    assert board.conflicts(Window())  # the server answers again: so does the board
