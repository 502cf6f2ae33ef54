"""The ideas section of a twin card, from the subject's bounding box in the report (no feature read again).

Ideas are placed by hand around a box whose answer is known by construction: 20 m from the box is "located here"
(within 25 m), 30 m is not; a linked idea counts wherever it is.
"""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

from digiresan_plugin.core.ideas.card import card_section
from digiresan_plugin.core.ideas.model import IDEAS_CRS, Idea

BOX = [481000.0, 7004000.0, 481100.0, 7004050.0]  # EPSG:3006 (SWEREF 99 TM), central Östersund

IDEAS = [
    Idea(1, "DR-2021-0001", "Bänkar vid torget", x=481120.0, y=7004025.0, status="Beviljad",
         submitter_name="Anna Andersson"),  # 20 m east of the box
    Idea(2, "DR-2021-0002", "Cykelställ", x=481130.0, y=7004025.0),  # 30 m east: not here
    Idea(3, "DR-2021-0003", "Belysning i hörnet", x=480980.0, y=7003980.0, status="Avslagen"),  # 20 m W and 20 m S
    Idea(4, "DR-2020-0004", "Ny beläggning", x=500000.0, y=7100000.0, linked_layer="road_segments",
         linked_key="RS-1", status="Inkommen"),  # far away, linked
    Idea(5, "DR-2020-0005", "Annan väg", linked_layer="road_segments", linked_key="RS-2"),
]


def report(language: str = "en", **subject) -> dict:
    return {"language": language, "subject": {"layer": "road_segments", "key": "RS-1", "fid": 7, **subject}}


def references(section) -> list[str]:
    return [item["key"] for item in section["items"]] if section else []


def test_the_section_lists_linked_ideas_and_ideas_within_25_m_in_swedish(qgis_app):
    section = card_section(IDEAS, report("sv", bbox=BOX, bbox_crs="EPSG:3006"))
    assert section == {
        "id": "ideas", "title": "Digiresan-idéer", "kind": "ideas", "layer": "ideas", "layer_title": "Digiresan-idéer",
        "total": 3, "truncated": False, "cap": 50,
        "columns": [
            {"field": "reference", "label": "Referens", "type": "text"},
            {"field": "title", "label": "Titel", "type": "text"},
            {"field": "status", "label": "Status", "type": "text"},
        ],
        "items": [
            {"layer": "ideas", "key": "DR-2020-0004", "fid": None, "title": "DR-2020-0004 Ny beläggning",
             "values": {"reference": "DR-2020-0004", "title": "Ny beläggning", "status": "Inkommen"},
             "extra": {"relation": "kopplad till objektet", "idea_id": 4}},
            {"layer": "ideas", "key": "DR-2021-0001", "fid": None, "title": "DR-2021-0001 Bänkar vid torget",
             "values": {"reference": "DR-2021-0001", "title": "Bänkar vid torget", "status": "Beviljad"},
             "extra": {"relation": "ligger här", "idea_id": 1}},
            {"layer": "ideas", "key": "DR-2021-0003", "fid": None, "title": "DR-2021-0003 Belysning i hörnet",
             "values": {"reference": "DR-2021-0003", "title": "Belysning i hörnet", "status": "Avslagen"},
             "extra": {"relation": "ligger här", "idea_id": 3}},
        ],
        "summary": {}, "error": None,
    }
    assert "Anna" not in str(section)  # no submitter data on a card


def test_english_texts():
    section = card_section(IDEAS, report("en", bbox=BOX, bbox_crs=IDEAS_CRS))
    assert section["title"] == "Digiresan ideas"
    assert [c["label"] for c in section["columns"]] == ["Reference", "Title", "Status"]
    assert [i["extra"]["relation"] for i in section["items"]] == ["linked to this feature", "located here",
                                                                   "located here"]


def test_a_bbox_in_another_crs_is_transformed_before_the_25_m(qgis_app):
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem(IDEAS_CRS),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    corners = [to_wgs84.transform(QgsPointXY(x, y)) for x in (BOX[0], BOX[2]) for y in (BOX[1], BOX[3])]
    box = [min(p.x() for p in corners), min(p.y() for p in corners), max(p.x() for p in corners),
           max(p.y() for p in corners)]
    assert references(card_section(IDEAS, report(bbox=box, bbox_crs="EPSG:4326"))) == [
        "DR-2020-0004", "DR-2021-0001", "DR-2021-0003"]


def test_without_a_usable_bbox_only_linked_ideas(qgis_app):
    assert references(card_section(IDEAS, report())) == ["DR-2020-0004"]
    assert references(card_section(IDEAS, report(bbox=BOX))) == ["DR-2020-0004"]  # no bbox_crs: no guess
    assert references(card_section(IDEAS, report(bbox=BOX, bbox_crs="EPSG:999999"))) == ["DR-2020-0004"]
    assert references(card_section(IDEAS, report(bbox=[1.0, 2.0], bbox_crs=IDEAS_CRS))) == ["DR-2020-0004"]


def test_no_section_without_subject_ideas_or_hits():
    assert card_section(IDEAS, {"language": "en", "subject": None}) is None
    assert card_section([], report(bbox=BOX, bbox_crs=IDEAS_CRS)) is None
    far = {"language": "en", "subject": {"layer": "buildings", "key": "B-9", "bbox": [0.0, 0.0, 1.0, 1.0],
                                         "bbox_crs": IDEAS_CRS}}
    assert card_section(IDEAS, far) is None
