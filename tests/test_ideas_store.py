"""The ideas store on a real GeoPackage: the list handed over while the loading task goes on, then the index, the
summary and the map's features; a missing source reported as a fault; saves and histories through its tasks."""

from __future__ import annotations

import shutil
import time

from qgis.core import QgsApplication

from digiresan_plugin.core.ideas.gpkg import GeoPackageIdeaRepository
from digiresan_plugin.core.ideas.model import IdeaChange
from digiresan_plugin.core.ideas.store import IdeasStore, Listing
from tests.sqlite_rows import rows


def wait(condition, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out waiting"
        QgsApplication.processEvents()
        time.sleep(0.005)


def test_the_list_comes_first_while_the_load_goes_on(qgis_app, demo_twin):
    store = IdeasStore(GeoPackageIdeaRepository(demo_twin))
    events = []
    store.listed.connect(lambda listing: events.append(("listed", store.loading, listing)))
    store.indexed.connect(lambda: events.append(("indexed", store.loading, store.ideas())))
    store.summarised.connect(lambda summary: events.append(("summarised", store.loading, summary)))
    store.mapped.connect(lambda features: events.append(("mapped", store.loading, features)))
    busy = []
    store.busy_changed.connect(busy.append)
    assert store.load(personal=False)
    assert not store.load(personal=False)  # one load at a time
    wait(lambda: not store.busy)

    (total,), = rows(demo_twin, "SELECT count(*) FROM ideas")
    (located,), = rows(demo_twin, "SELECT count(*) FROM ideas WHERE geom IS NOT NULL")
    (funded,), = rows(demo_twin, "SELECT count(*) FROM ideas WHERE status IN ('Beviljad', 'Delvis beviljad', "
                                 "'Genomförd') AND granted_sek != 0")
    assert [(name, loading) for name, loading, _value in events] == [
        ("listed", True), ("indexed", True), ("summarised", True), ("mapped", False)]
    listing = events[0][2]
    assert isinstance(listing, Listing) and len(listing.ideas) == total == 200
    assert listing.editable and not listing.personal
    assert listing.index.ready and len(events[1][2]) == total
    assert events[2][2].funded_count == funded
    assert sorted(f["idea_id"] for f in events[3][2]) == [r[0] for r in rows(
        demo_twin, "SELECT idea_id FROM ideas WHERE geom IS NOT NULL ORDER BY idea_id")]
    assert len(events[3][2]) == located
    assert busy == [True, False]
    assert all(i.submitter_name is None for i in store.ideas())
    store.close()


def test_a_missing_source_is_a_fault_not_an_empty_list(qgis_app, tmp_path):
    store = IdeasStore(GeoPackageIdeaRepository(tmp_path / "nowhere" / "twin.gpkg"))
    failed, listed = [], []
    store.failed.connect(failed.append)
    store.listed.connect(listed.append)
    assert store.load(personal=False)
    wait(lambda: not store.busy)
    assert listed == [] and len(failed) == 1 and "not found" in failed[0]
    assert list(store.ideas()) == []


def test_save_and_history_through_the_store(qgis_app, demo_twin, tmp_path):
    path = tmp_path / "twin.gpkg"
    shutil.copy(demo_twin, path)
    (idea_id, version), = rows(path, "SELECT idea_id, version FROM ideas WHERE status = 'Under bedömning' "
                                     "ORDER BY idea_id LIMIT 1")
    store = IdeasStore(GeoPackageIdeaRepository(path))
    results = []
    assert store.save(IdeaChange(idea_id, version, {"decision_text": "Prövas 2023"}, user="Test"),
                      lambda result, error: results.append((result, error)))
    assert store.saving
    wait(lambda: results)
    (result, error), = results
    assert error is None and result.ok and result.idea.version == version + 1
    assert rows(path, "SELECT decision_text FROM ideas WHERE idea_id = ?", (idea_id,)) == [("Prövas 2023",)]
    histories = []
    store.history(idea_id, False, lambda events, error: histories.append((events, error)))
    wait(lambda: histories)
    (events, error), = histories
    assert error is None and [(e.field, e.new_value) for e in events][-1] == ("decision_text", "Prövas 2023")
    store.close()
