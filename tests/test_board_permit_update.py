"""After another program changes permits of a twin with the edit history, the kept match table is brought up to date
(those permits read again) instead of built again, and every row equals that of a table built from scratch: after
new dates, a move away and back, a new permit, a deletion, new parties, a status the card rules do not admit and an
emergency dig (the dig-ban exemption)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digiresan_plugin.core.coordination import matches, permit_update
from digiresan_plugin.core.coordination.board import Board
from digiresan_plugin.core.coordination.model import Window
from digiresan_plugin.core.identify import TwinEngine

from .coordination_fixture import TODAY, X0, Y0, build_coordination_twin, d
from .fixtures_twin import open_layers

WINDOWS = (Window(), Window(TODAY, d(14)), Window(d(30), d(90)), Window(None, d(-30)))


def _rows(board: Board) -> list[list[tuple]]:
    return [[(r.rule, r.conflict_class, r.severity, r.permit_id, r.other_id, r.segment_id, r.street, r.start, r.end,
              r.message, r.fingerprint, r.permit_fids, r.segment_fid, r.key) for r in board.conflicts(w)]
            for w in WINDOWS]


def _table(board: Board) -> tuple:
    """The match table's permits, near pairs, segments and the permits on each segment."""
    m = board.stored.matches()[0]
    return (m.permits, sorted(m.near), m.segments, {sid: [p.id for p in on] for sid, on in m.on_segment.items()},
            sorted((lo, hi, p.id) for lo, hi, p in m.spans))


def _board(path: Path, catalog) -> tuple[Board, dict]:
    layers = open_layers(path, catalog)
    engine = TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3})
    return Board(engine, {"dig_notice_months": 3, "work_window_hours": 6}), layers


def _box(x0: float, y0: float, x1: float, y1: float) -> str:
    x0, y0, x1, y1 = X0 + x0, Y0 + y0, X0 + x1, Y0 + y1
    return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


def _sql(sql: str):
    def run(path: Path) -> None:
        from osgeo import ogr

        ds = ogr.Open(str(path), 1)
        ds.ExecuteSQL(sql)
        ds = None
    return run


def _geometry(permit: str, wkt: str):
    def run(path: Path) -> None:
        from osgeo import ogr

        ds = ogr.Open(str(path), 1)
        layer = ds.GetLayerByName("excavation_permits")
        layer.SetAttributeFilter(f"permit_id = '{permit}'")
        feature = layer.GetNextFeature()
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.SetFeature(feature)
        ds = None
    return run


def _new_permit(permit: str, like: str, wkt: str, start: str, end: str):
    def run(path: Path) -> None:
        from osgeo import ogr

        ds = ogr.Open(str(path), 1)
        layer = ds.GetLayerByName("excavation_permits")
        layer.SetAttributeFilter(f"permit_id = '{like}'")
        feature = layer.GetNextFeature().Clone()
        feature.SetFID(-1)
        feature.SetField("permit_id", permit)
        feature.SetField("start_date", start)
        feature.SetField("end_date", end)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
        ds = None
    return run


EDITS = [
    ("emergency dig (GT-1 on Malmgatan, paved a year ago)",
     _sql("UPDATE excavation_permits SET emergency = 1 WHERE permit_id = 'GT-1'")),
    ("new dates", _sql("UPDATE excavation_permits SET start_date = '2026-12-06' WHERE permit_id = 'GT-4'")),
    ("moved away", _geometry("GT-1", _box(20, 500, 30, 506))),
    ("moved onto O1", _geometry("GT-1", _box(40, -3, 50, 3))),
    ("new permit at a crossing", _new_permit("GT-N1", "GT-T3", _box(97, 990, 103, 1010), "2026-12-08", "2026-12-20")),
    ("moved within 2 m of GT-3 and GT-4 (near, not on O1)", _geometry("GT-11", _box(20, 4.5, 30, 8))),
    ("moved out of their reach again", _geometry("GT-11", _box(20, 200, 30, 204))),
    ("deleted", _sql("DELETE FROM excavation_permits WHERE permit_id = 'GT-3'")),
    ("new parties", _sql("UPDATE excavation_permits SET applicant = 'Nya AB', utility = 'gas' "
                         "WHERE permit_id IN ('GT-T1', 'GT-S2')")),
    ("not admitted", _sql("UPDATE excavation_permits SET status = 'Avslutad' WHERE permit_id = 'GT-4'")),
    ("two at once", _sql("UPDATE excavation_permits SET end_date = '2027-03-01' "
                         "WHERE permit_id IN ('GT-10', 'GT-S1')")),
]


@pytest.fixture()
def counted(monkeypatch) -> dict[str, int]:
    """Tables built and brought up to date, counted."""
    counts = {"built": 0, "updated": 0}
    real_build, real_update = matches.StoredReader._build, matches.update_permits

    def build(*args, **kwargs):
        counts["built"] += 1
        return real_build(*args, **kwargs)

    def update(*args, **kwargs):
        counts["updated"] += 1
        return real_update(*args, **kwargs)

    monkeypatch.setattr(matches.StoredReader, "_build", build)
    monkeypatch.setattr(matches, "update_permits", update)
    return counts


def test_each_permit_change_gives_the_rows_of_a_table_built_from_scratch(tmp_path, catalog, counted):
    from digiresan_plugin.core.gpkg_triggers import install_triggers

    path = build_coordination_twin(tmp_path / "coord.gpkg")
    install_triggers(path, catalog)
    board, layers = _board(path, catalog)
    before = _rows(board)
    assert counted == {"built": 1, "updated": 0}
    for n, (what, edit) in enumerate(EDITS, start=1):
        edit(path)
        updated = _rows(board)
        assert counted == {"built": n, "updated": n}, what  # brought up to date, not built
        fresh_path = tmp_path / f"fresh_{n}.gpkg"  # another file: nothing kept for it
        shutil.copy(path, fresh_path)
        fresh, fresh_layers = _board(fresh_path, catalog)
        assert updated == _rows(fresh), what
        assert _table(board) == _table(fresh), what
        assert counted["built"] == n + 1
        assert updated != before, what  # the edit changed an answer (else the comparison proves little)
        before = updated
        fresh = None
        fresh_layers.clear()
    board = None
    layers.clear()


def test_many_changed_permits_build_the_table_again(tmp_path, catalog, counted, monkeypatch):
    from digiresan_plugin.core.gpkg_triggers import install_triggers

    monkeypatch.setattr(matches, "MAX_UPDATED", 1)
    path = build_coordination_twin(tmp_path / "coord.gpkg")
    install_triggers(path, catalog)
    board, layers = _board(path, catalog)
    board.conflicts(Window())
    EDITS[-1][1](path)  # two permits
    board.conflicts(Window())
    assert counted == {"built": 2, "updated": 0}
    board = None
    layers.clear()


def test_the_rows_of_another_language_are_made_again_not_updated(tmp_path, catalog, counted):
    """Rows kept for a language the board does not ask for at the update are dropped then, so never stale: the
    Swedish rows after an update made in English equal a fresh Swedish board's."""
    from digiresan_plugin.core.gpkg_triggers import install_triggers

    path = build_coordination_twin(tmp_path / "coord.gpkg")
    install_triggers(path, catalog)
    board, layers = _board(path, catalog)
    board.conflicts(Window())
    board.language = "sv"
    board.conflicts(Window())  # Swedish rows kept too
    dict(EDITS)["new dates"](path)
    board.language = "en"
    board.conflicts(Window())
    assert [key[0] for key in board.stored.matches()[0].pair_rows] == ["en"]
    board.language = "sv"
    swedish = _rows(board)
    shutil.copy(path, tmp_path / "fresh.gpkg")
    fresh, fresh_layers = _board(tmp_path / "fresh.gpkg", catalog)
    fresh.language = "sv"
    assert swedish == _rows(fresh)
    assert counted == {"built": 2, "updated": 1}
    board = fresh = None
    layers.clear()
    fresh_layers.clear()


def test_the_update_reads_only_the_changed_permits(tmp_path, catalog, monkeypatch):
    """A date change reads that permit (and no other permit's values); the table is a new object."""
    from digiresan_plugin.core.coordination.stored import StoredTable
    from digiresan_plugin.core.gpkg_triggers import install_triggers

    path = build_coordination_twin(tmp_path / "coord.gpkg")
    install_triggers(path, catalog)
    board, layers = _board(path, catalog)
    board.conflicts(Window())
    first = board.stored.matches()[0]
    read: list[tuple[str, list, bool]] = []
    whole: list[str] = []
    real_by_fids, real_rows = StoredTable.by_fids, StoredTable.rows

    def by_fids(self, fids, names, geometry=False):
        read.append((self.table, sorted(fids), bool(names)))
        return real_by_fids(self, fids, names, geometry)

    def rows(self, names, geometry=False, where="", params=()):
        if not where:
            whole.append(self.table)
        return real_rows(self, names, geometry, where, params)

    monkeypatch.setattr(StoredTable, "by_fids", by_fids)
    monkeypatch.setattr(StoredTable, "rows", rows)
    dict(EDITS)["new dates"](path)
    board.conflicts(Window())
    assert board.stored.matches()[0] is not first
    gt4 = first.permits["GT-4"].fid
    permit_reads = [(fids, with_values) for table, fids, with_values in read if table == "excavation_permits"]
    assert permit_reads[0] == ([gt4], True)  # its values
    assert all(not with_values for _fids, with_values in permit_reads[1:])  # the others near it: geometry only
    assert "excavation_permits" not in whole
    assert permit_update.MAX_UPDATED >= 100
    board = None
    layers.clear()
