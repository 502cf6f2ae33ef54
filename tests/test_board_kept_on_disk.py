"""The board's match table kept in the profile between sessions: the next session reads it instead of building it,
with the same rows; it is built again when the twin changed in what it reads, when the file is another twin's
history, when the kept file is damaged, and a new day recomputes only the rows that depend on the date.

A "session" here: the in-memory tables dropped (:func:`matches.forget`), the layers opened again, a new board."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from digiresan_plugin.core.coordination import matches, persisted
from digiresan_plugin.core.coordination.board import Board
from digiresan_plugin.core.coordination.model import Window
from digiresan_plugin.core.identify import TwinEngine

from .coordination_fixture import EXPECTED_FULL, TODAY, build_coordination_twin, d
from .fixtures_twin import open_layers

WINDOWS = (Window(), Window(TODAY, d(14)), Window(d(30), d(90)))


@pytest.fixture()
def builds(monkeypatch) -> list[str]:
    """The match tables built (file names), counted."""
    built: list[str] = []
    real = matches.StoredReader._build

    def counted(self, stamp, pt, *args, **kwargs):
        built.append(Path(pt.path).name)
        return real(self, stamp, pt, *args, **kwargs)

    monkeypatch.setattr(matches.StoredReader, "_build", counted)
    return built


class Session:
    """The twin opened afresh: its layers and a board (as of ``today``)."""

    def __init__(self, path: Path, catalog, today=TODAY, language: str = "en"):
        matches.forget()
        self.layers = open_layers(path, catalog)
        engine = TwinEngine(catalog, self.layers.get, today=today, language=language,
                            setting_values={"dig_moratorium_years": 3})
        self.board = Board(engine, {"dig_notice_months": 3, "work_window_hours": 6})

    def rows(self, window: Window = Window()) -> list[tuple]:
        return [(r.rule, r.permit_id, r.other_id, r.segment_id, r.start, r.end, r.message, r.fingerprint,
                 r.permit_fids, r.segment_fid) for r in self.board.conflicts(window)]

    def close(self) -> None:
        self.board = None
        self.layers.clear()  # the layers go before QGIS does


def _once(path: Path, catalog, **kwargs) -> list[tuple]:
    """One session's full-network rows (the session closed after)."""
    session = Session(path, catalog, **kwargs)
    try:
        return session.rows()
    finally:
        session.close()


def _write(path: Path, sql: str) -> None:
    """Another program (GDAL) writes the twin."""
    from osgeo import ogr

    ds = ogr.Open(str(path), 1)
    ds.ExecuteSQL(sql)
    ds = None


def _write_plain(path: Path, sql: str) -> None:
    """Another program writes the twin through SQLite itself (``gpkg_contents.last_change`` stays as it was); the
    GeoPackage functions of the R-tree triggers are there, as in any GeoPackage-aware writer."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        for name in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
            conn.create_function(name, 1, lambda _geometry: 0)
        conn.execute(sql)
    conn.close()


def _put_over(source: Path, target: Path) -> None:
    """``source`` put in ``target``'s place (copied next to it, then renamed over it)."""
    shutil.copy(source, target.with_suffix(".new"))
    os.replace(target.with_suffix(".new"), target)


def _twin(tmp_path: Path, catalog, history: bool = True, name: str = "coord.gpkg") -> Path:
    from digiresan_plugin.core.gpkg_triggers import install_triggers

    path = build_coordination_twin(tmp_path / name)
    if history:
        install_triggers(path, catalog)
    return path


def test_the_next_session_reads_the_kept_table_and_answers_the_same(tmp_path, catalog, builds, board_cache_dir):
    path = _twin(tmp_path, catalog)
    first = Session(path, catalog)
    answers = [first.rows(w) for w in WINDOWS]
    first.close()
    assert builds == ["coord.gpkg"] and len(list(board_cache_dir.glob("*" + persisted.SUFFIX))) == 1
    assert {row[0] for row in answers[0]} == set(EXPECTED_FULL)

    second = Session(path, catalog)
    assert [second.rows(w) for w in WINDOWS] == answers
    assert builds == ["coord.gpkg"]  # read, not built
    swedish = Session(path, catalog, language="sv")  # another language: the rows are made, the table is read
    assert len(swedish.rows()) == len(answers[0]) and builds == ["coord.gpkg"]
    second.close()
    swedish.close()


def test_a_write_between_sessions_keeps_the_table_unless_it_touches_what_the_table_reads(tmp_path, catalog, builds,
                                                                                         monkeypatch):
    scanned: list[str] = []
    real_stamp = matches.table_stamp
    monkeypatch.setattr(matches, "table_stamp", lambda table, *a, **k: scanned.append(table.table) or real_stamp(
        table, *a, **k))
    path = _twin(tmp_path, catalog)
    _once(path, catalog)
    _write(path, "INSERT INTO road_condition (segment_id, inspected_on, iri_mm_m, rut_depth_mm, condition_class) "
                 "VALUES ('M1', '2026-11-01', 2.0, 5.0, 2)")
    _write(path, "UPDATE excavation_permits SET contractor = 'Annan AB' WHERE permit_id = 'GT-1'")
    second = Session(path, catalog)
    before = {r[0]: r for r in second.rows()}
    assert builds == ["coord.gpkg"] and scanned == []  # the history told: nothing read changed

    _write(path, "UPDATE excavation_permits SET start_date = '2026-12-06' WHERE permit_id = 'GT-4'")
    third = Session(path, catalog)
    after = {r[0]: r for r in third.rows()}
    assert builds == ["coord.gpkg"] and scanned == []  # only a permit changed: read again, not built
    assert (before["coordination_space_time"][4], after["coordination_space_time"][4]) == (d(7), d(9))
    for session in (second, third):
        session.close()


def test_without_the_history_the_kept_input_stamps_decide(tmp_path, catalog, builds):
    path = _twin(tmp_path, catalog, history=False)
    _once(path, catalog)
    _write(path, "UPDATE excavation_permits SET contractor = 'Annan AB' WHERE permit_id = 'GT-1'")  # not read
    second = Session(path, catalog)
    second.rows()
    assert builds == ["coord.gpkg"]
    _write(path, "UPDATE excavation_permits SET start_date = '2026-12-06' WHERE permit_id = 'GT-4'")
    third = Session(path, catalog)
    assert {r[0]: r[4] for r in third.rows()}["coordination_space_time"] == d(9)
    assert builds == ["coord.gpkg", "coord.gpkg"]
    second.close()
    third.close()


def test_a_copy_that_went_its_own_way_is_not_taken_for_the_twin(tmp_path, catalog, builds):
    """Two copies with the same history until the table was kept; each then wrote one history row (so the history
    is as long in both). The other copy put over the twin is not taken for it: its own history row since the
    shared position (a permit's new dates) brings the table up to date, with its answer."""
    path = _twin(tmp_path, catalog)
    other = tmp_path / "copy.gpkg"
    shutil.copy(path, other)
    _once(path, catalog)
    _write(path, "UPDATE excavation_permits SET contractor = 'Annan AB' WHERE permit_id = 'GT-1'")
    _write(other, "UPDATE excavation_permits SET start_date = '2026-12-06' WHERE permit_id = 'GT-4'")
    _put_over(other, path)
    second = Session(path, catalog)
    assert {r[0]: r[4] for r in second.rows()}["coordination_space_time"] == d(9)
    assert builds == ["coord.gpkg"]
    second.close()


def test_a_copy_whose_history_is_as_long_and_looks_harmless_is_not_taken_for_the_twin(tmp_path, catalog, builds):
    """As above, but the copy went its own way before the table was kept, and neither write set the tables' last
    change: the history is as long, nothing since the kept position says what changed. Its last row is another
    one, and that tells."""
    path = _twin(tmp_path, catalog)
    other = tmp_path / "copy.gpkg"
    shutil.copy(path, other)
    _write_plain(other, "UPDATE excavation_permits SET start_date = '2026-12-06' WHERE permit_id = 'GT-4'")
    _write_plain(path, "UPDATE excavation_permits SET contractor = 'Annan AB' WHERE permit_id = 'GT-1'")
    _once(path, catalog)
    _put_over(other, path)
    second = Session(path, catalog)
    assert {r[0]: r[4] for r in second.rows()}["coordination_space_time"] == d(9)
    assert builds == ["coord.gpkg", "coord.gpkg"]
    second.close()


def test_a_damaged_kept_file_is_built_again(tmp_path, catalog, builds, board_cache_dir):
    path = _twin(tmp_path, catalog)
    first = Session(path, catalog)
    answer = first.rows()
    first.close()
    (kept,) = board_cache_dir.glob("*" + persisted.SUFFIX)
    data = bytearray(kept.read_bytes())
    data[-10] ^= 0xFF  # a byte of the body
    kept.write_bytes(bytes(data))
    second = Session(path, catalog)
    assert second.rows() == answer
    assert builds == ["coord.gpkg", "coord.gpkg"]
    third = Session(path, catalog)  # the table built again was kept again
    assert third.rows() == answer and len(builds) == 2
    second.close()
    third.close()


def test_a_new_day_reads_the_table_and_makes_the_rows_of_that_day(tmp_path, catalog, builds, board_cache_dir):
    """The kept rules (moratorium, dig before paving) answer for the day; the next day's rows from the kept table
    are those of a table built that day."""
    path = _twin(tmp_path, catalog)
    _once(path, catalog)
    later = TODAY + timedelta(days=400)  # GT-1's moratorium row and the plan's rows are other rows by then
    next_day = Session(path, catalog, today=later)
    kept_answer = [next_day.rows(w) for w in WINDOWS]
    assert builds == ["coord.gpkg"]

    persisted.use_dir(board_cache_dir / "empty")
    built_that_day = Session(path, catalog, today=later)
    assert [built_that_day.rows(w) for w in WINDOWS] == kept_answer
    assert builds == ["coord.gpkg", "coord.gpkg"]
    first_day = Session(path, catalog)
    assert first_day.rows() != kept_answer[0]  # the day matters (else this test would prove nothing)
    for session in (next_day, built_that_day, first_day):
        session.close()


def test_the_folder_keeps_the_most_recently_used_files(tmp_path):
    persisted.use_dir(tmp_path)
    for n in range(persisted.MAX_FILES + 2):
        header = persisted.Header(f"twin {n}", (n,), None, (), None, ())
        assert persisted.write(header, {"n": n})
        os.utime(persisted.file_of(header.key), (1_000_000 + n, 1_000_000 + n))  # written in this order
    assert len(list(tmp_path.glob("*" + persisted.SUFFIX))) == persisted.MAX_FILES
    assert persisted.read_header("twin 0") is None and persisted.read_header("twin 1") is None
    found = persisted.read_header(f"twin {persisted.MAX_FILES + 1}")
    assert found is not None and persisted.read_body(*found[1:]) == {"n": persisted.MAX_FILES + 1}


def test_a_twin_made_again_is_not_taken_for_the_old_one(tmp_path, catalog, builds):
    """The twin made again at the same place with the same tables and an empty history (as long as the kept one's)
    but GT-4's other dates: the tables' last change tells it apart."""
    path = _twin(tmp_path, catalog)
    _once(path, catalog)
    again = build_coordination_twin(tmp_path / "again.gpkg")
    _write_plain(again, "UPDATE excavation_permits SET start_date = '2026-12-06' WHERE permit_id = 'GT-4'")
    from digiresan_plugin.core.gpkg_triggers import install_triggers

    install_triggers(again, catalog)
    _put_over(again, path)
    second = Session(path, catalog)
    assert {r[0]: r[4] for r in second.rows()}["coordination_space_time"] == d(9)
    assert builds == ["coord.gpkg", "coord.gpkg"]
    second.close()


def test_the_file_can_be_written_after_the_answer(tmp_path, catalog, builds, board_cache_dir):
    """A board that does not keep at once (the dock's) answers with nothing written; keeping afterwards writes the
    file the next session reads (no build), and keeping twice writes once."""
    path = _twin(tmp_path, catalog)
    first = Session(path, catalog)
    first.board.keep_now = False
    answer = first.rows()
    assert list(board_cache_dir.glob("*" + persisted.SUFFIX)) == []
    first.board.keep_for_next_session()
    kept = list(board_cache_dir.glob("*" + persisted.SUFFIX))
    assert len(kept) == 1
    written = kept[0].stat().st_mtime_ns
    first.board.keep_for_next_session()
    assert kept[0].stat().st_mtime_ns == written
    first.close()
    assert _once(path, catalog) == answer and builds == ["coord.gpkg"]


def test_a_kept_snapshot_is_not_disturbed_by_rows_added_meanwhile(tmp_path, catalog, board_cache_dir, monkeypatch):
    """Keeping in a task while the next board adds rows for another day to the same table: the file holds the
    rows as they were when keeping began, and the table keeps the rows added meanwhile."""
    path = _twin(tmp_path, catalog)
    session = Session(path, catalog)
    session.rows()
    (m,) = matches._CACHE.values()
    real, seen = persisted.to_plain, []

    def meanwhile(shot, exemptions, kept_day):
        m.kept_rows[(d(1), "other")] = []  # what a board in another thread does to the table itself
        seen.append((d(1), "other") in shot.kept_rows)
        return real(shot, exemptions, kept_day)

    monkeypatch.setattr(persisted, "to_plain", meanwhile)
    m.saved = None
    persisted.keep(m, session.board.spec.exemptions, TODAY)
    assert seen == [False] and (d(1), "other") in m.kept_rows and m.saved is not None
    session.close()
