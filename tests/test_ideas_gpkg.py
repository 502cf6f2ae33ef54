"""Ideas in the twin GeoPackage: the demo ideas written with OGR, read, saved, conflicts and the audit log.

Expected values are read back with plain sqlite3 (not through the repository) or set by the test itself.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from qgis.core import QgsFeatureRequest, QgsVectorLayer

from demo.ideas import write_ideas, write_ideas_for_twin
from digiresan_plugin.core.ideas.gpkg import GeoPackageIdeaRepository
from digiresan_plugin.core.ideas.model import STATUSES, IdeaChange
from digiresan_plugin.core.ideas.repository import RepositoryError
from tests.conftest import SEED, TODAY
from tests.sqlite_rows import rows


def twin_ids(path: Path) -> tuple[list[str], list[str], tuple[float, float, float, float]]:
    conn = sqlite3.connect(path)
    try:
        segments = [r[0] for r in conn.execute("SELECT segment_id FROM road_segments ORDER BY fid")]
        buildings = [r[0] for r in conn.execute("SELECT building_id FROM buildings ORDER BY fid")]
        extent = conn.execute(
            "SELECT min(min_x), min(min_y), max(max_x), max(max_y) FROM gpkg_contents WHERE data_type = 'features'"
            " AND table_name NOT IN ('ideas', 'water')").fetchone()  # the town, not the lake around it
    finally:
        conn.close()
    return segments, buildings, tuple(extent)


def make_twin(path: Path, seed: int = SEED, count=None) -> int:
    """A demo twin with ideas at ``path``."""
    from demo import generate_twin

    generate_twin(path, seed=seed, today=TODAY)
    segments, buildings, extent = twin_ids(path)
    return write_ideas(path, seed, TODAY, segments, buildings, extent, count=count)


@pytest.fixture(scope="module")
def ideas_twin(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ideas") / "twin.gpkg"
    assert make_twin(path) == 200
    return path


@pytest.fixture()
def twin_copy(ideas_twin, tmp_path) -> Path:
    path = tmp_path / "twin.gpkg"
    shutil.copy(ideas_twin, path)
    return path




# --- the demo ideas -----------------------------------------------------------------------------------------------
def test_demo_ideas_follow_the_programme(ideas_twin):
    # The programme's shape moved to the 2 years 10 months before TODAY (2026-11-27): it starts 2024-01-02,
    # the first call (employees only) runs ten months to 2024-11-02, the newest idea is a week old.
    assert rows(ideas_twin, "SELECT count(*) FROM ideas") == [(200,)]
    assert rows(ideas_twin, "SELECT min(submitted_on), max(submitted_on) FROM ideas") == [("2024-01-02",
                                                                                         "2026-11-21")]
    # just over 60 employee ideas in the first call, then everyone
    first_call = rows(ideas_twin, "SELECT submitter_category, count(*) FROM ideas WHERE submitted_on < '2024-11-03'"
                                  " GROUP BY 1")
    assert dict(first_call) == {"medarbetare": 62}
    by_nov = rows(ideas_twin, "SELECT count(*) FROM ideas WHERE submitted_on <= '2024-11-30' AND "
                              "submitter_category = 'medarbetare'")[0][0]
    assert 60 <= by_nov <= 66
    categories = dict(rows(ideas_twin, "SELECT submitter_category, count(*) FROM ideas GROUP BY 1"))
    assert set(categories) == {"medarbetare", "invånare", "företag", "organisation"}
    years = [r[0] for r in rows(ideas_twin, "SELECT DISTINCT substr(submitted_on, 1, 4) FROM ideas ORDER BY 1")]
    assert years == ["2024", "2025", "2026"]
    statuses = {r[0] for r in rows(ideas_twin, "SELECT DISTINCT status FROM ideas")}
    assert statuses <= set(STATUSES) and len(statuses) >= 7
    themes = {r[0] for r in rows(ideas_twin, "SELECT DISTINCT theme FROM ideas")}
    assert themes == {"skola", "vård och omsorg", "samhällsbyggnad", "administration", "kultur och fritid", "miljö"}
    titles = {r[0] for r in rows(ideas_twin, "SELECT title FROM ideas")}
    for example in ("Digital signering av läkemedel", "Snödjupssensorer för snöröjning", "Skolplaneringsverktyg",
                    "App för kostregistrering", "Digital tvilling"):
        assert example in titles
    (lo, hi), = rows(ideas_twin, "SELECT min(estimated_cost_sek), max(estimated_cost_sek) FROM ideas")
    assert 50_000 <= lo and hi <= 5_000_000
    (granted,), = rows(ideas_twin, "SELECT sum(granted_sek) FROM ideas WHERE status IN ('Beviljad', "
                                   "'Delvis beviljad', 'Genomförd')")
    assert 15_000_000 <= granted <= 50_000_000  # a plausible share of the 50 MSEK, never more
    # references DR-<year>-NNNN, unique; personal data filled
    assert rows(ideas_twin, "SELECT count(DISTINCT reference) FROM ideas WHERE reference GLOB "
                            "'DR-202[4-6]-[0-9][0-9][0-9][0-9]'") == [(200,)]
    assert rows(ideas_twin, "SELECT count(*) FROM ideas WHERE submitter_name IS NULL OR submitter_contact IS NULL"
                            " OR submitter_name = ''") == [(0,)]
    # a decision has its date and text; money only where granted
    assert rows(ideas_twin, "SELECT count(*) FROM ideas WHERE status IN ('Beviljad', 'Delvis beviljad', "
                            "'Avslagen', 'Genomförd utan medel') AND (decided_on IS NULL OR decision_text IS NULL)"
                ) == [(0,)]
    assert rows(ideas_twin, "SELECT count(*) FROM ideas WHERE status IN ('Avslagen', 'Genomförd utan medel', "
                            "'Inkommen', 'Under bedömning') AND coalesce(granted_sek, 0) > 0") == [(0,)]


def test_demo_ideas_statuses_and_dates_move_with_today(ideas_twin, tmp_path):
    today = TODAY.isoformat()
    # decisions after the submission and before today; what still waits for a first look is recent
    assert rows(ideas_twin, "SELECT count(*) FROM ideas WHERE decided_on IS NOT NULL AND NOT "
                            "(submitted_on < decided_on AND decided_on < ?)", (today,)) == [(0,)]
    assert rows(ideas_twin, "SELECT count(*) FROM ideas WHERE status = 'Inkommen' AND "
                            "julianday(?) - julianday(submitted_on) > 45", (today,)) == [(0,)]
    assert rows(ideas_twin, "SELECT max(changed_at) < ? FROM idea_events", (today,)) == [(1,)]
    old = dict(rows(ideas_twin, "SELECT status, count(*) FROM ideas WHERE julianday(?) - julianday(submitted_on) "
                                "> 400 GROUP BY 1", (today,)))
    assert not set(old) & {"Inkommen", "Under bedömning"} and "Genomförd" in old
    # another today, another timeline: the same shape ends the day before it
    earlier = date(2023, 3, 1)
    path = tmp_path / "earlier.gpkg"
    from demo import generate_twin

    generate_twin(path, seed=SEED, today=earlier)
    assert rows(path, "SELECT min(submitted_on), max(submitted_on), max(decided_on) < '2023-03-01' FROM ideas"
                ) == [("2020-04-05", "2023-02-23", 1)]


def test_demo_ideas_are_located_and_linked_in_the_twin(ideas_twin):
    segments, buildings, (xmin, ymin, xmax, ymax) = twin_ids(ideas_twin)
    located = rows(ideas_twin, "SELECT count(*) FROM ideas WHERE geom IS NOT NULL")[0][0]
    assert 80 <= located <= 160
    linked = rows(ideas_twin, "SELECT linked_layer, linked_key FROM ideas WHERE linked_layer IS NOT NULL")
    assert {layer for layer, _ in linked} == {"road_segments", "buildings"}
    assert len(linked) >= 30
    for layer, key in linked:
        assert key in (segments if layer == "road_segments" else buildings)
    layer = QgsVectorLayer(f"{ideas_twin}|layername=ideas", "ideas", "ogr")
    assert layer.isValid() and layer.featureCount() == 200 and layer.crs().authid() == "EPSG:3006"
    request = QgsFeatureRequest().setFilterExpression("$geometry IS NOT NULL")
    for feature in layer.getFeatures(request):
        point = feature.geometry().asPoint()
        assert xmin <= point.x() <= xmax and ymin <= point.y() <= ymax
    assert layer.fields().indexOf("idea_id") >= 0  # the FID column keeps its name (load_twin.sh relies on it)
    # no idea lies in Storsjön: they are placed in the town
    lake = QgsVectorLayer(f"{ideas_twin}|layername=water", "water", "ogr")
    water = next(lake.getFeatures()).geometry()
    located_points = [f.geometry() for f in layer.getFeatures(request)]
    assert len(located_points) == located and not any(water.contains(point) for point in located_points)


def test_demo_versions_match_the_audit_log(ideas_twin):
    # version = 1 + number of saves; a save is the events of one idea at one moment
    mismatches = rows(ideas_twin, """
        SELECT i.idea_id, i.version, (SELECT count(DISTINCT changed_at) FROM idea_events e
                                       WHERE e.idea_id = i.idea_id) AS saves
          FROM ideas i WHERE i.version <> saves + 1""")
    assert mismatches == []
    # the last status event gives the current status
    wrong = rows(ideas_twin, """
        SELECT i.idea_id FROM ideas i
         WHERE i.status <> coalesce((SELECT new_value FROM idea_events e WHERE e.idea_id = i.idea_id
                                      AND e.field = 'status' ORDER BY changed_at DESC, event_id DESC LIMIT 1),
                                     'Inkommen')""")
    assert wrong == []


def test_demo_ideas_are_deterministic(tmp_path):
    a, b, c = tmp_path / "a.gpkg", tmp_path / "b.gpkg", tmp_path / "c.gpkg"
    make_twin(a)
    make_twin(b)
    make_twin(c, seed=SEED + 1)
    query = "SELECT * FROM ideas ORDER BY idea_id"
    assert rows(a, query) == rows(b, query)
    assert rows(a, "SELECT * FROM idea_events ORDER BY event_id") == rows(b, "SELECT * FROM idea_events "
                                                                             "ORDER BY event_id")
    assert rows(a, query) != rows(c, query)


def test_write_ideas_scales_for_benchmarks(tmp_path):
    from demo import generate_twin

    path = tmp_path / "big.gpkg"
    generate_twin(path, seed=SEED, today=TODAY)
    assert write_ideas_for_twin(path, SEED, TODAY, count=3000) == 3000
    assert rows(path, "SELECT count(*), count(DISTINCT reference) FROM ideas") == [(3000, 3000)]
    assert len(GeoPackageIdeaRepository(path).list_ideas()) == 3000


# --- the repository -----------------------------------------------------------------------------------------------
def test_list_get_and_personal_data(ideas_twin):
    repo = GeoPackageIdeaRepository(ideas_twin)
    planner = repo.list_ideas()
    coordinator = repo.list_ideas(include_personal=True)
    assert len(planner) == 200 and [i.idea_id for i in planner] == list(range(1, 201))
    assert all(i.submitter_name is None and i.submitter_contact is None for i in planner)
    expected = rows(ideas_twin, "SELECT idea_id, reference, submitter_name, status, granted_sek, version, "
                                "submitted_on FROM ideas WHERE idea_id = 17")[0]
    got = next(i for i in coordinator if i.idea_id == 17)
    assert (got.idea_id, got.reference, got.submitter_name, got.status, got.granted_sek, got.version,
            got.submitted_on.isoformat()) == expected
    assert repo.get(17).submitter_name is None and repo.get(17, include_personal=True).submitter_name == expected[2]
    assert repo.get(99999) is None
    assert repo.can_read_personal_data()
    # located ideas read their point back
    xy = rows(ideas_twin, "SELECT idea_id FROM ideas WHERE geom IS NOT NULL LIMIT 1")[0][0]
    assert next(i for i in planner if i.idea_id == xy).located


def test_save_writes_the_change_and_its_events(twin_copy):
    repo = GeoPackageIdeaRepository(twin_copy)
    (idea_id, status, version), = rows(twin_copy, "SELECT idea_id, status, version FROM ideas WHERE status = "
                                                  "'Under bedömning' ORDER BY idea_id LIMIT 1")
    before = rows(twin_copy, "SELECT count(*) FROM idea_events WHERE idea_id = ?", (idea_id,))[0][0]
    change = IdeaChange(idea_id, version, {"status": "Beviljad", "granted_sek": 125_000.0,
                                           "decision_text": "Beviljas <b>'; DROP TABLE ideas; --",
                                           "decided_on": date(2022, 12, 1)}, user="Test Koordinator")
    result = repo.save(change)
    assert result.ok and result.conflict is None
    stored = rows(twin_copy, "SELECT status, granted_sek, decision_text, decided_on, version, updated_by "
                             "FROM ideas WHERE idea_id = ?", (idea_id,))[0]
    assert stored == ("Beviljad", 125_000.0, "Beviljas <b>'; DROP TABLE ideas; --", "2022-12-01", version + 1,
                      "Test Koordinator")
    assert result.idea.version == version + 1 and result.idea.status == "Beviljad"
    events = rows(twin_copy, "SELECT field, old_value, new_value, changed_by FROM idea_events WHERE idea_id = ? "
                             "ORDER BY event_id", (idea_id,))[before:]
    changed = {f: (o, n) for f, o, n, _by in events}
    assert set(changed) == {"status", "granted_sek", "decision_text", "decided_on"}
    assert changed["status"] == (status, "Beviljad")
    assert changed["granted_sek"] == (None, "125000.00")
    assert changed["decision_text"] == (None, "Beviljas <b>'; DROP TABLE ideas; --")
    assert changed["decided_on"] == (None, "2022-12-01")
    assert {by for *_rest, by in events} == {"Test Koordinator"}
    assert rows(twin_copy, "SELECT count(*) FROM ideas") == [(200,)]  # nothing dropped


def test_stale_save_is_a_conflict_and_writes_nothing(twin_copy):
    repo = GeoPackageIdeaRepository(twin_copy)
    base = repo.get(9, include_personal=True)
    first = repo.save(IdeaChange(9, base.version, {"decision_text": "Coordinator A"}, user="A"))
    assert first.ok
    snapshot = rows(twin_copy, "SELECT * FROM ideas WHERE idea_id = 9")
    events = rows(twin_copy, "SELECT count(*) FROM idea_events")
    second = repo.save(IdeaChange(9, base.version, {"decision_text": "Coordinator B", "granted_sek": 123.0},
                                  user="B"))
    assert not second.ok and second.conflict is not None
    assert second.conflict.current.decision_text == "Coordinator A"
    assert second.conflict.current.version == base.version + 1
    assert ("decision_text", "Coordinator B", "Coordinator A") in second.conflict.differences()
    assert rows(twin_copy, "SELECT * FROM ideas WHERE idea_id = 9") == snapshot
    assert rows(twin_copy, "SELECT count(*) FROM idea_events") == events
    # B chooses to keep their text after seeing A's: a new save on the current version
    third = repo.save(IdeaChange(9, second.conflict.current.version, {"decision_text": "Coordinator B"}, user="B"))
    assert third.ok
    texts = [r[0] for r in rows(twin_copy, "SELECT new_value FROM idea_events WHERE idea_id = 9 AND "
                                           "field = 'decision_text' ORDER BY event_id")][-2:]
    assert texts == ["Coordinator A", "Coordinator B"]


def test_two_savers_at_once_one_wins(twin_copy):
    base = GeoPackageIdeaRepository(twin_copy).get(3)
    results = {}
    start = threading.Barrier(2)

    def save(name: str) -> None:
        start.wait()
        results[name] = GeoPackageIdeaRepository(twin_copy).save(
            IdeaChange(3, base.version, {"decision_text": f"by {name}"}, user=name))

    threads = [threading.Thread(target=save, args=(n,)) for n in ("A", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(r.ok for r in results.values()) == [False, True]
    winner = next(n for n, r in results.items() if r.ok)
    loser = next(r for r in results.values() if not r.ok)
    assert loser.conflict.current.decision_text == f"by {winner}"
    assert rows(twin_copy, "SELECT version FROM ideas WHERE idea_id = 3") == [(base.version + 1,)]


def test_saving_the_same_value_writes_no_event(twin_copy):
    repo = GeoPackageIdeaRepository(twin_copy)
    idea = repo.get(1)
    events = rows(twin_copy, "SELECT count(*) FROM idea_events")
    result = repo.save(IdeaChange(1, idea.version, {"status": idea.status}, user="x"))
    assert result.ok and result.idea.version == idea.version
    assert rows(twin_copy, "SELECT count(*) FROM idea_events") == events


def test_history_hides_personal_values_unless_allowed(twin_copy):
    conn = sqlite3.connect(twin_copy)
    conn.execute("INSERT INTO idea_events (idea_id, changed_at, changed_by, field, old_value, new_value) "
                 "VALUES (2, '2023-01-01T10:00:00.000Z', 'admin', 'submitter_contact', 'old@x.example', "
                 "'new@x.example')")
    conn.commit()
    conn.close()
    repo = GeoPackageIdeaRepository(twin_copy)
    public = [e for e in repo.history(2) if e.field == "submitter_contact"]
    private = [e for e in repo.history(2, include_personal=True) if e.field == "submitter_contact"]
    assert (public[0].old_value, public[0].new_value) == (None, None)
    assert (private[0].old_value, private[0].new_value) == ("old@x.example", "new@x.example")
    history = repo.history(2)
    assert [e.changed_at for e in history] == sorted(e.changed_at for e in history)


def test_edited_file_stays_a_valid_geopackage_for_qgis(twin_copy):
    repo = GeoPackageIdeaRepository(twin_copy)
    idea = next(i for i in repo.list_ideas() if i.located)
    assert repo.save(IdeaChange(idea.idea_id, idea.version, {"status": "Genomförd"}, user="x")).ok
    layer = QgsVectorLayer(f"{twin_copy}|layername=ideas", "ideas", "ogr")
    assert layer.isValid()
    feature = next(layer.getFeatures(QgsFeatureRequest().setFilterExpression(f'"idea_id" = {idea.idea_id}')))
    assert feature["status"] == "Genomförd" and not feature.geometry().isNull()
    assert rows(twin_copy, "PRAGMA integrity_check") == [("ok",)]


def test_missing_file_or_table_is_a_message(tmp_path):
    with pytest.raises(RepositoryError, match="not found"):
        GeoPackageIdeaRepository(tmp_path / "nope.gpkg").list_ideas()
    empty = tmp_path / "empty.gpkg"
    sqlite3.connect(empty).execute("CREATE TABLE t (a)").connection.close()
    with pytest.raises(RepositoryError, match="no 'ideas' table"):
        GeoPackageIdeaRepository(empty).list_ideas()


# --- the list read in two parts ------------------------------------------------------------------------------------
def test_list_is_shown_before_it_is_complete_and_completes_to_the_same_ideas(twin_copy):
    repo = GeoPackageIdeaRepository(twin_copy)
    ideas = repo.list_ideas(include_personal=True)
    assert not ideas.is_complete and len(ideas) == 200
    early = ideas[16]  # read on its own, as a visible row is before the rest has arrived
    assert not ideas.is_complete
    assert early == repo.get(17, include_personal=True)
    ideas.complete()
    assert ideas.is_complete
    expected = rows(twin_copy, "SELECT idea_id, reference, title, status, granted_sek, decision_text, "
                               "submitter_contact, submitted_on FROM ideas ORDER BY idea_id")
    got = [(i.idea_id, i.reference, i.title, i.status, i.granted_sek, i.decision_text, i.submitter_contact,
            i.submitted_on.isoformat()) for i in ideas]
    assert got == expected
    assert ideas.column("title") == [r[2] for r in expected]
    repo.close()


def test_completing_after_changes_keeps_rows_aligned_by_id(twin_copy):
    repo = GeoPackageIdeaRepository(twin_copy)
    ideas = repo.list_ideas()
    title_of_9 = rows(twin_copy, "SELECT title FROM ideas WHERE idea_id = 9")[0][0]
    conn = repo._connect()  # with the ST_* functions the GeoPackage triggers call
    conn.execute("DELETE FROM idea_events WHERE idea_id = 5")
    conn.execute("UPDATE ideas SET title = 'Ny titel' WHERE idea_id = 9")
    conn.execute("DELETE FROM ideas WHERE idea_id = 5")
    conn.close()
    ideas.complete()
    assert len(ideas) == 200  # the list keeps what was listed until the next refresh
    assert ideas[8].idea_id == 9 and ideas[8].title == "Ny titel" != title_of_9
    assert ideas[4].idea_id == 5 and ideas[4].title == ""  # gone meanwhile: an empty row, not a shifted one
    assert ideas[9].idea_id == 10 and ideas[9].reference == rows(twin_copy, "SELECT reference FROM ideas WHERE "
                                                                           "idea_id = 10")[0][0]
