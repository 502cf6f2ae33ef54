"""Another QGIS edits the twin GeoPackage: this QGIS's next card shows the edit, without reloading by hand.

(Without the watch, QGIS 3.22's read-only connections fail after the other program's WAL write and every read returns
nothing until the layers are reopened: see ``core/gpkg_watch.py``.)
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from qgis.core import QgsApplication, QgsFeatureRequest

from digiresan_plugin.core.gpkg_watch import GeoPackageWatch
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource
from tests.maintenance_fixtures import private_copy
from tests.pg_server import ROOT

SEGMENT = "OST-STORGATAN-0006"

EDITOR = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[2])
    from qgis.core import QgsApplication, QgsFeature, QgsFeatureRequest, QgsProject
    app = QgsApplication([], False)
    app.initQgis()
    from digiresan_plugin.core.catalog import load_catalog
    from digiresan_plugin.core.layers import twin_layer
    from digiresan_plugin.core.loader import TwinLoader
    from digiresan_plugin.core.twin_source import TwinSource
    project = QgsProject.instance()
    TwinLoader(load_catalog(), project).load(TwinSource.geopackage(sys.argv[1]))
    inspections, roads = twin_layer(project, "road_condition"), twin_layer(project, "road_segments")
    inspections.startEditing()
    feature = QgsFeature(inspections.fields())
    feature["segment_id"], feature["inspected_on"], feature["condition_class"] = sys.argv[3], "2026-11-26", 5
    inspections.addFeature(feature)
    assert inspections.commitChanges(), inspections.commitErrors()
    road = next(roads.getFeatures(QgsFeatureRequest().setFilterExpression(f"segment_id = '{sys.argv[3]}'")))
    roads.startEditing()
    roads.changeAttributeValue(road.id(), roads.fields().indexOf("street_name"), "Andra gatan")
    assert roads.commitChanges(), roads.commitErrors()
    print("edited", flush=True)
""")


def card(project, catalog, fid):
    report = TwinEngine(catalog, lambda lid: twin_layer(project, lid)).report_for_feature("road_segments", fid)
    data = report.to_dict()
    if not data.get("subject"):
        return None
    condition = next(s for s in data["sections"] if s["id"] == "condition")
    return data["subject"]["title"], condition["total"]


def test_an_edit_by_another_qgis_shows_in_the_next_card(project, catalog, demo_twin, tmp_path):
    path = private_copy(demo_twin, tmp_path)
    assert TwinLoader(catalog, project, "en").load(TwinSource.geopackage(path)).problems == []
    watch = GeoPackageWatch(project)
    reloads = []
    watch.reloaded.connect(lambda p, n: reloads.append(n))
    roads = twin_layer(project, "road_segments")
    fid = next(roads.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{SEGMENT}'"))).id()
    title, inspections = card(project, catalog, fid)
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(path), str(ROOT), SEGMENT], capture_output=True,
                          text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert "edited" in done.stdout, done.stderr
    deadline = time.monotonic() + 10
    while not reloads and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert reloads and reloads[0] == len(catalog.layers)
    new_title, new_inspections = card(project, catalog, fid)
    # the card is titled by the street and where the segment lies on it: the new street name leads it
    assert new_title.startswith("Andra gatan, ") and new_inspections == inspections + 1
    assert not title.startswith("Andra gatan")
    watch.cleanup()


def test_own_commits_do_not_reopen_the_layers(project, catalog, demo_twin, tmp_path):
    path = private_copy(demo_twin, tmp_path)
    TwinLoader(catalog, project, "en").load(TwinSource.geopackage(path))
    watch = GeoPackageWatch(project)
    reloads = []
    watch.reloaded.connect(lambda p, n: reloads.append(n))
    roads = twin_layer(project, "road_segments")
    feature = next(roads.getFeatures())
    roads.startEditing()
    roads.changeAttributeValue(feature.id(), roads.fields().indexOf("street_name"), "Egen gata")
    assert roads.commitChanges()
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert reloads == []
    assert roads.getFeature(feature.id())["street_name"] == "Egen gata"
    watch.cleanup()


def test_the_watch_follows_a_source_change(project, catalog, demo_twin, tmp_path):
    first, second = private_copy(demo_twin, tmp_path, "a.gpkg"), private_copy(demo_twin, tmp_path, "b.gpkg")
    TwinLoader(catalog, project, "en").load(TwinSource.geopackage(first))
    watch = GeoPackageWatch(project)
    assert str(first.resolve()) in watch.watcher.files()
    TwinLoader(catalog, project, "en").load(TwinSource.geopackage(second))  # replaces every layer
    QgsApplication.processEvents()
    assert str(second.resolve()) in watch.watcher.files() and str(first.resolve()) not in watch.watcher.files()
    project.removeAllMapLayers()
    QgsApplication.processEvents()
    assert watch.watcher.files() == []
    watch.cleanup()
