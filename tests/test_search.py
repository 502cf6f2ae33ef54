"""Text search behind the locator: streets, designations, permit ids; literal text."""

from __future__ import annotations

import pytest
from qgis.core import QgsFeedback, QgsLocatorContext, QgsPointXY

from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.search import TwinSearch
from digiresan_plugin.core.twin_source import TwinSource
from digiresan_plugin.gui.locator import TwinLocatorFilter


def loaded(project, catalog, demo_twin):
    TwinLoader(catalog, project, "en").load(TwinSource.geopackage(demo_twin))
    return TwinSearch(catalog, lambda lid: twin_layer(project, lid), "en")


def test_street_name_groups_all_its_segments(project, catalog, demo_twin):
    search = loaded(project, catalog, demo_twin)
    hits = [h for h in search.search("storgat") if h.layer_id == "road_segments" and h.kind == "street"]
    assert [h.text for h in hits] == ["Storgatan"]
    roads = twin_layer(project, "road_segments")
    expected = {f.id() for f in roads.getFeatures() if f["street_name"] == "Storgatan"}
    assert set(hits[0].fids) == expected and len(expected) > 1


def test_property_designation_is_found_case_insensitively(project, catalog, demo_twin):
    search = loaded(project, catalog, demo_twin)
    properties = twin_layer(project, "properties")
    designation = next(properties.getFeatures())["designation"]
    hits = search.search(designation.upper())
    assert any(h.layer_id == "properties" and h.text == designation for h in hits)


def test_wildcards_and_quotes_are_literal(project, catalog, demo_twin):
    search = loaded(project, catalog, demo_twin)
    assert search.search("%%") == []
    assert search.search("_a") == []
    assert search.search("x' OR 1=1 --") == []
    assert search.search("s") == []  # too short


def test_locator_triggers_zoom_and_selection(project, catalog, demo_twin, qgis_canvas, qgis_parent):
    qgis_parent.show()  # the canvas has no extent until shown
    TwinLoader(catalog, project, "en").load(TwinSource.geopackage(demo_twin))
    qgis_canvas.setDestinationCrs(twin_layer(project, "road_segments").crs())
    hits = []
    locator = TwinLocatorFilter(catalog, qgis_canvas, hits.append)
    locator.prepare("Prästgatan", QgsLocatorContext())
    results = []
    locator.resultFetched.connect(results.append)
    locator.fetchResults("Prästgatan", QgsLocatorContext(), QgsFeedback())
    street = [r for r in results if r.displayString.startswith("Prästgatan")]
    assert street, [r.displayString for r in results]
    locator.triggerResult(street[0])
    roads = twin_layer(project, "road_segments")
    selected = {f["street_name"] for f in roads.selectedFeatures()}
    assert selected == {"Prästgatan"}
    assert project.selectionColor().name() == "#00c8ff"  # not QGIS's yellow, which reads as condition class 3
    centre = roads.selectedFeatures()[0].geometry().centroid().asPoint()
    assert qgis_canvas.extent().contains(QgsPointXY(centre))
    assert hits and hits[0].text == "Prästgatan"


def test_natural_order_and_a_street_scale_zoom(project, catalog, demo_twin, qgis_canvas, qgis_parent):
    """Hjorten 1, 3, 10 in number order; a permit (a few metres wide) is shown at 1:1 500, not closer."""
    from digiresan_plugin.core.search import natural_key

    assert sorted(["Hjorten 10", "Hjorten 3", "Hjorten 1"], key=natural_key) == ["Hjorten 1", "Hjorten 3",
                                                                                 "Hjorten 10"]
    qgis_parent.show()
    TwinLoader(catalog, project, "en").load(TwinSource.geopackage(demo_twin))
    qgis_canvas.setDestinationCrs(twin_layer(project, "road_segments").crs())
    locator = TwinLocatorFilter(catalog, qgis_canvas, lambda hit: None)
    locator.prepare("GT-0001", QgsLocatorContext())
    results = []
    locator.resultFetched.connect(results.append)
    locator.fetchResults("GT-0001", QgsLocatorContext(), QgsFeedback())
    permit = next(r for r in results if r.displayString == "GT-0001")
    locator.triggerResult(permit)
    assert qgis_canvas.scale() == pytest.approx(1500.0, rel=0.01)
