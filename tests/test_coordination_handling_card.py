"""The card's "Handling" section: the notes of the coordination warnings about the card's segment or permit
(status, assignee, notes), Swedish and English texts from the catalog, reopened when a permit's dates on the card
differ from those the note was set for, nothing for a feature without notes or a twin without a notes table."""

from __future__ import annotations

import pytest
from osgeo import ogr

from digiresan_plugin.core.coordination.board import Board
from digiresan_plugin.core.coordination.handling_card import HandlingCard, is_reopened, permit_dates
from digiresan_plugin.core.coordination.model import Window
from digiresan_plugin.core.coordination.notes import GpkgNotes, Note
from digiresan_plugin.core.identify import TwinEngine

from .coordination_fixture import TODAY, build_coordination_twin
from .fixtures_twin import open_layers


@pytest.fixture()
def twin(tmp_path, catalog):
    path = build_coordination_twin(tmp_path / "coord.gpkg")
    layers = open_layers(path, catalog)
    board = Board(TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3}))
    rows = {r.rule: r for r in board.conflicts(Window())}
    notes = GpkgNotes(path, user="anna")
    notes.save(Note.for_conflict(rows["coordination_space_time"], "resolved", assignee="Anna",
                                 notes="Fiber AB digs first, Tele AB shares the trench"))
    notes.save(Note.for_conflict(rows["permit_overlap"], "accepted", reason="one trench, one contractor"))
    notes.save(Note.for_conflict(rows["coordination_time"], "in_progress", assignee="Bo"))
    return path, layers


def fid(layers, layer, field, value):
    return next(f.id() for f in layers[layer].getFeatures() if f[field] == value)


def section(card, engine, layer, fid_):
    return card.card_section(engine.report_for_feature(layer, fid_).to_dict())


def test_the_road_card_shows_the_handling_of_its_warnings(twin, catalog):
    path, layers = twin
    engine = TwinEngine(catalog, layers.get, today=TODAY)
    card = HandlingCard(catalog, store=lambda: GpkgNotes(path))
    found = section(card, engine, "road_segments", fid(layers, "road_segments", "segment_id", "O1"))
    assert (found["id"], found["title"]) == ("handling", "Handling")
    assert [c["label"] for c in found["columns"]] == ["Warning", "Status", "Assignee", "Notes", "Updated"]
    values = [i["values"] for i in found["items"]]
    assert [(v["warning"], v["status"], v["assignee"], v["notes"]) for v in values] == [
        ("Same place, same time (GT-3 – GT-4)", "Resolved", "Anna", "Fiber AB digs first, Tele AB shares the trench"),
        ("Overlapping permits (GT-3 – GT-4)", "Accepted: one trench, one contractor", "–", "–"),
    ]
    assert values[0]["updated"].endswith(" anna")
    assert found["summary"]["text"] == "0 of 2 handled warnings open"
    t1 = section(card, engine, "road_segments", fid(layers, "road_segments", "segment_id", "T1"))
    assert [(i["values"]["status"], i["values"]["assignee"]) for i in t1["items"]] == [("In progress", "Bo")]
    assert section(card, engine, "road_segments", fid(layers, "road_segments", "segment_id", "M1")) is None


def test_the_permit_card_in_swedish_and_a_reopened_warning(twin, catalog):
    path, layers = twin
    engine = TwinEngine(catalog, layers.get, today=TODAY, language="sv")
    card = HandlingCard(catalog, store=lambda: GpkgNotes(path))
    gt4 = fid(layers, "excavation_permits", "permit_id", "GT-4")
    found = section(card, engine, "excavation_permits", gt4)
    assert found["title"] == "Hantering" and found["columns"][3]["label"] == "Anteckningar"
    assert {i["values"]["status"] for i in found["items"]} == {"Löst", "Godtagen: one trench, one contractor"}

    ds = ogr.Open(str(path), 1)  # GT-4's dates change: both its handled warnings reopen on its card
    ds.ExecuteSQL("UPDATE excavation_permits SET end_date = '2026-12-20' WHERE permit_id = 'GT-4'")
    ds = None
    layers = open_layers(path, catalog)
    engine = TwinEngine(catalog, layers.get, today=TODAY, language="sv")
    found = section(card, engine, "excavation_permits", gt4)
    assert [i["extra"]["status"] for i in found["items"]] == ["new", "new"]
    assert found["items"][0]["values"]["status"].startswith("Ny (återöppnad: datumen har ändrats")
    assert found["summary"]["text"] == "2 av 2 hanterade varningar öppna"
    gt_t2 = fid(layers, "excavation_permits", "permit_id", "GT-T2")  # not about GT-4: still in progress
    assert [i["values"]["status"] for i in section(card, engine, "excavation_permits", gt_t2)["items"]] == ["Pågår"]


def test_no_section_without_a_notes_table_or_a_store(tmp_path, catalog):
    path = build_coordination_twin(tmp_path / "coord.gpkg")
    layers = open_layers(path, catalog)
    engine = TwinEngine(catalog, layers.get, today=TODAY)
    o1 = fid(layers, "road_segments", "segment_id", "O1")
    assert section(HandlingCard(catalog, store=lambda: GpkgNotes(path)), engine, "road_segments", o1) is None
    assert section(HandlingCard(catalog, store=lambda: None), engine, "road_segments", o1) is None
    assert section(HandlingCard(catalog, layers.get), engine, "road_segments", o1) is None  # the layers' store


def test_fingerprints_name_the_permits_and_their_dates():
    print_ = "GT-3:2026-11-27/2026-12-07|GT-4:2026-12-04/2026-12-17"
    assert permit_dates(print_ + "|paved:2010-06-01") == {"GT-3": "2026-11-27/2026-12-07",
                                                          "GT-4": "2026-12-04/2026-12-17"}
    assert permit_dates("plan:2027|GT-10:2026-12-17/2026-12-27") == {"GT-10": "2026-12-17/2026-12-27"}
    note = Note("r", "GT-3", "GT-4", "O1", "resolved", fingerprint=print_)
    assert not is_reopened(note, {"GT-3": "2026-11-27/2026-12-07"})
    assert is_reopened(note, {"GT-4": "2026-12-04/2026-12-20"})
