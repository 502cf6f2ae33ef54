"""Item 7: a stored value the twin cannot read (``2024-13-45`` in a date, ``fast`` in a number) is shown as
unreadable and reported on the card — never silently dropped (a coordination warning vanishing) nor zeroed
("0 km/h"). The values are written into a real GeoPackage the way another program would (SQLite keeps them)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from qgis.core import QgsCoordinateReferenceSystem

from demo import KNOWN_CASES
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource
from tests.conftest import TODAY

from .pg_faults import case_points

EPSG_3006 = QgsCoordinateReferenceSystem("EPSG:3006")


def write_raw(path, sql: str, params: tuple) -> None:
    """An UPDATE as another program makes it (plain SQLite; the GeoPackage's geometry triggers get stubs)."""
    con = sqlite3.connect(path)
    for name in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY", "ST_GeometryType", "ST_SRID"):
        con.create_function(name, 1, lambda _g: None)
    # a file from before the plugin's refusal triggers (a loaded demo twin has them: they would refuse 'fast')
    for (trigger,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%digiresan|%'"
                                  ).fetchall():
        con.execute(f'DROP TRIGGER "{trigger}"')
    before = con.total_changes
    con.execute(sql, params)
    assert con.total_changes == before + 1
    con.commit()
    con.close()


@pytest.fixture()
def broken_twin(tmp_path, demo_twin):
    path = tmp_path / "broken.gpkg"
    shutil.copy(demo_twin, path)
    write_raw(path, "UPDATE road_segments SET last_paved = ?, speed_limit_kmh = ? WHERE segment_id = ?",
              ("2024-13-45", "fast", KNOWN_CASES["moratorium_conflict"]["segment_id"]))
    write_raw(path, "UPDATE excavation_permits SET start_date = ? WHERE permit_id = ?",
              ("garbage", KNOWN_CASES["overlapping_permits"]["permit_ids"][0]))
    return path


def cards(project, catalog, path, language="en"):
    assert TwinLoader(catalog, project, "en").load(TwinSource.geopackage(path)).problems == []
    engine = TwinEngine(catalog, lambda lid: twin_layer(project, lid), today=TODAY, language=language)
    return [engine.report_at_point(p, EPSG_3006, 2.0) for p in case_points(project)[:2]]


def test_good_twin_has_no_unreadable_warning(project, catalog, demo_twin):
    moratorium, overlap = cards(project, catalog, demo_twin)
    assert "moratorium" in {w.kind for w in moratorium.warnings}
    assert "permit_overlap" in {w.kind for w in overlap.warnings}
    assert not any(w.kind == "unreadable_value" for w in moratorium.warnings + overlap.warnings)


def test_unreadable_date_and_number_are_named_not_dropped_or_zeroed(project, catalog, broken_twin):
    moratorium, overlap = cards(project, catalog, broken_twin)
    segment = KNOWN_CASES["moratorium_conflict"]["segment_id"]
    assert moratorium.subject.key == segment
    speed = next(a for a in moratorium.subject.attributes if a.field == "speed_limit_kmh")
    paved = next(a for a in moratorium.subject.attributes if a.field == "last_paved")
    assert speed.value is None and paved.value is None  # not 0, not a made-up date
    unreadable = [w.message for w in moratorium.warnings if w.kind == "unreadable_value"]
    assert len(unreadable) == 2
    assert any("'2024-13-45'" in m and "Last paved" in m and segment in m and "date" in m for m in unreadable)
    assert any("'fast'" in m and "Speed limit" in m and "whole number" in m for m in unreadable)
    permit = KNOWN_CASES["overlapping_permits"]["permit_ids"][0]
    messages = [w.message for w in overlap.warnings if w.kind == "unreadable_value"]
    assert any("'garbage'" in m and permit in m for m in messages), messages


def test_unreadable_value_in_swedish(project, catalog, broken_twin):
    moratorium, _overlap = cards(project, catalog, broken_twin, language="sv")
    assert any(w.message.startswith("Oläsligt värde") and "'fast'" in w.message and "heltal" in w.message
               for w in moratorium.warnings)


def test_http_idea_with_an_unreadable_amount_is_named_and_the_list_stays():
    from digiresan_plugin.core.ideas.http import HttpIdeaRepository

    from .loopback import Loopback, page

    items = [{"idea_id": n, "reference": f"DR-{n}", "title": f"Idé {n}", "granted_sek": 1000 * n,
              "submitted_on": "2026-01-05"} for n in (1, 2, 3)]
    items[1]["granted_sek"] = "lots"
    items[2]["submitted_on"] = "2024-13-45"
    server = Loopback(lambda path, headers: (200, [page(items)], 0))
    try:
        repository = HttpIdeaRepository(server.url, timeout=2, retries=0)
        ideas = repository.list_ideas()
    finally:
        server.close()
    assert [(i.idea_id, i.granted_sek) for i in ideas] == [(1, 1000.0), (2, None), (3, 3000.0)]
    assert ideas[2].submitted_on is None
    assert repository.problems == ("Idea DR-2: granted_sek is 'lots', not an amount; shown as empty",
                                   "Idea DR-3: submitted_on is '2024-13-45', not a date (YYYY-MM-DD); shown as empty")


def test_gpkg_idea_with_an_unreadable_amount_is_named_and_the_list_stays(tmp_path, demo_twin):
    from digiresan_plugin.core.ideas.gpkg import GeoPackageIdeaRepository
    from digiresan_plugin.core.ideas.summary import programme_summary

    path = tmp_path / "ideas.gpkg"
    shutil.copy(demo_twin, path)
    con = sqlite3.connect(path)
    first, reference = con.execute("SELECT idea_id, reference FROM ideas ORDER BY idea_id LIMIT 1").fetchone()
    total = con.execute("SELECT count(*) FROM ideas").fetchone()[0]
    con.close()
    write_raw(path, "UPDATE ideas SET granted_sek = 'lots' WHERE idea_id = ?", (first,))
    repository = GeoPackageIdeaRepository(path)
    ideas = repository.list_ideas()
    ideas.complete()
    assert len(ideas) == total and ideas[0].granted_sek is None
    assert repository.problems == (f"Idea {reference}: granted_sek is 'lots', not an amount; shown as empty",)
    programme_summary(list(ideas))  # the summary adds the amounts up: no TypeError from a text
