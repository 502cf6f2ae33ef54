"""Handling of coordination warnings: stored in the twin (GeoPackage table, PostGIS migration 007 with the roles),
kept across a reload, reopened when a permit's dates change."""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import ogr

from digiresan_plugin.core.coordination.board import Board
from digiresan_plugin.core.coordination.model import Window
from digiresan_plugin.core.coordination.notes import GpkgNotes, Note, NotesError, PgNotes, statuses_for
from digiresan_plugin.core.identify import TwinEngine

from .coordination_fixture import TODAY, build_coordination_twin
from .fixtures_twin import open_layers


def board_for(path: Path, catalog) -> Board:
    layers = open_layers(path, catalog)
    board = Board(TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3}))
    board.layers = layers
    board.notes = GpkgNotes(path, user="anna")
    return board


def test_handling_survives_a_reload_and_reopens_when_dates_change(tmp_path, catalog):
    path = build_coordination_twin(tmp_path / "coord.gpkg")
    board = board_for(path, catalog)
    rows = {r.rule: r for r in board.conflicts(Window())}
    assert set(statuses_for(board, rows.values()).values()) == {"new"}  # no table yet: everything is new
    saved = board.notes.save(Note.for_conflict(rows["coordination_space_time"], "resolved", assignee="Anna",
                                               notes="Fiber AB digs first, Tele AB shares the trench"))
    assert saved.updated_by == "anna" and saved.updated_at
    board.notes.save(Note.for_conflict(rows["dig_notice"], "accepted", reason="paving moved to 2028"))
    board.notes.save(Note.for_conflict(rows["coordination_time"], "in_progress"))

    again = board_for(path, catalog)  # a reload: new layers, new store
    rows = {r.rule: r for r in again.conflicts(Window())}
    statuses = statuses_for(again, rows.values())
    assert statuses[rows["coordination_space_time"].key] == "resolved"
    assert statuses[rows["dig_notice"].key] == "accepted"
    assert statuses[rows["coordination_time"].key] == "in_progress"
    assert statuses[rows["moratorium"].key] == "new"
    note = again.notes.load()[rows["coordination_space_time"].key]
    assert (note.assignee, note.notes) == ("Anna", "Fiber AB digs first, Tele AB shares the trench")

    ds = ogr.Open(str(path), 1)  # OGR: the GeoPackage's R-tree triggers need its SQL functions
    ds.ExecuteSQL("UPDATE excavation_permits SET end_date = '2026-12-20' WHERE permit_id = 'GT-4'")
    ds = None
    changed = board_for(path, catalog)
    rows = {r.rule: r for r in changed.conflicts(Window())}
    statuses = statuses_for(changed, rows.values())
    assert statuses[rows["coordination_space_time"].key] == "new"  # GT-4's dates changed: reopened
    assert statuses[rows["coordination_time"].key] == "in_progress"  # not about GT-4


def test_a_note_saved_elsewhere_is_read_at_once(tmp_path, catalog):
    """The card's store reads through a kept connection: a note another user saves (another store, its own
    connection), the table created after the first read, and a changed note are all seen on the next read."""
    path = build_coordination_twin(tmp_path / "coord.gpkg")
    card_store, other_user = GpkgNotes(path, user="anna"), GpkgNotes(path, user="bo")
    assert card_store.load() == {}  # no notes table yet
    first = Note("coordination_time", "GT-1", "GT-2", "S-1", "in_progress", assignee="Bo")
    other_user.save(first)
    assert card_store.load()[first.key].status == "in_progress"
    other_user.save(Note("coordination_time", "GT-1", "GT-2", "S-1", "resolved"))
    seen = card_store.load()
    assert seen[first.key].status == "resolved" and seen[first.key].updated_by == "bo"
    path.unlink()  # the twin is gone: a fault, not "no notes"
    with pytest.raises(NotesError, match="GeoPackage not found"):
        card_store.load()


def test_a_note_needs_a_known_status_and_an_accepted_one_a_reason(tmp_path, catalog):
    path = build_coordination_twin(tmp_path / "coord.gpkg")
    row = board_for(path, catalog).conflicts(Window())[0]
    with pytest.raises(ValueError, match="status must be one of"):
        Note.for_conflict(row, "done")
    with pytest.raises(ValueError, match="needs a reason"):
        Note.for_conflict(row, "accepted", reason="  ")
    with pytest.raises(NotesError, match="GeoPackage not found"):
        GpkgNotes(tmp_path / "missing.gpkg").load()


def test_postgis_notes_planners_read_editors_write(pg_cluster, tmp_path, catalog):
    path = build_coordination_twin(tmp_path / "coord.gpkg")
    row = next(r for r in board_for(path, catalog).conflicts(Window()) if r.rule == "coordination_space")
    editor = PgNotes(pg_cluster.dsn("editor"), "editor")
    saved = editor.save(Note.for_conflict(row, "in_progress", assignee="Bo", notes="asked VA-bolaget"))
    assert saved.updated_by == pg_cluster.role("editor")
    reader = PgNotes(pg_cluster.dsn("reader"), "reader")
    assert reader.load()[row.key].notes == "asked VA-bolaget"
    with pytest.raises(NotesError, match="permission denied"):
        reader.save(Note.for_conflict(row, "resolved"))
    editor.save(Note.for_conflict(row, "resolved"))
    assert reader.load()[row.key].status == "resolved"
