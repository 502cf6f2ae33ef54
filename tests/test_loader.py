"""Loading the twin into a project: groups, styles, no duplicates, problems by name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsNetworkAccessManager,
    QgsNetworkRequestParameters,
    QgsProject,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize

from digiresan_plugin.core.compat import attribution
from digiresan_plugin.core.layers import LAYER_ID_PROPERTY, background_maps, twin_layer, twin_layers
from digiresan_plugin.core.loader import TwinLoader, stored_source
from digiresan_plugin.core.twin_source import TwinSource
from tests.tile_server import TileServer, loopback_catalog

ALL_LAYERS = {
    "road_segments", "road_condition", "paving_plan", "traffic_signs", "excavation_permits",
    "traffic_counts", "buildings", "properties", "parks", "water",
    "park_assets", "local_regulations", "agreements", "documents",
}


def group_titles(group: QgsLayerTreeGroup) -> list[str]:
    return [child.name() for child in group.children() if isinstance(child, QgsLayerTreeGroup)]


def test_load_puts_every_layer_in_its_group_with_its_style(project, catalog, demo_twin):
    report = TwinLoader(catalog, project, "en").load(TwinSource.geopackage(demo_twin))

    assert report.problems == []
    assert set(report.added) == ALL_LAYERS
    root = project.layerTreeRoot()
    twin_group = root.children()[0]
    assert twin_group.name() == "Digital twin"
    assert group_titles(twin_group) == ["Streets", "Works", "Buildings & properties", "Parks",
                                        "Agreements & documents", "Background"]
    streets = twin_group.children()[0]
    assert [n.layer().customProperty(LAYER_ID_PROPERTY) for n in streets.findLayers()] == [
        "traffic_signs", "road_segments", "road_condition", "paving_plan", "traffic_counts", "local_regulations",
    ]
    roads = twin_layer(project, "road_segments")
    assert roads.crs().authid() == "EPSG:3006"
    renderer = roads.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == "latest_condition_class"
    assert roads.flags() & QgsMapLayer.LayerFlag.Identifiable
    assert report.extent is not None and report.extent.contains(roads.extent().center())
    assert stored_source(project) == f"gpkg:{demo_twin}"


def test_swedish_titles(project, catalog, demo_twin):
    TwinLoader(catalog, project, "sv").load(TwinSource.geopackage(demo_twin))
    twin_group = project.layerTreeRoot().children()[0]
    assert twin_group.name() == "Digital tvilling"
    assert group_titles(twin_group) == ["Gator", "Arbeten", "Byggnader och fastigheter", "Parker",
                                        "Avtal och dokument", "Bakgrund"]
    assert twin_layer(project, "excavation_permits").name() == "Grävtillstånd"


def test_loading_twice_does_not_duplicate(project, catalog, demo_twin):
    loader = TwinLoader(catalog, project, "en")
    loader.load(TwinSource.geopackage(demo_twin))
    ids = {lid: layer.id() for lid, layer in twin_layers(project).items()}
    second = loader.load(TwinSource.geopackage(demo_twin))
    assert second.added == [] and set(second.reused) == ALL_LAYERS
    assert len(project.mapLayers()) == len(ALL_LAYERS)
    assert {lid: layer.id() for lid, layer in twin_layers(project).items()} == ids
    assert len(project.layerTreeRoot().children()) == 1


def test_layer_removed_by_hand_comes_back_in_place(project, catalog, demo_twin):
    loader = TwinLoader(catalog, project, "en")
    loader.load(TwinSource.geopackage(demo_twin))
    project.removeMapLayer(twin_layer(project, "road_segments").id())
    assert twin_layer(project, "road_segments") is None
    report = loader.load(TwinSource.geopackage(demo_twin))
    assert report.added == ["road_segments"]
    streets = project.layerTreeRoot().children()[0].children()[0]
    assert [n.layer().customProperty(LAYER_ID_PROPERTY) for n in streets.findLayers()][:2] == [
        "traffic_signs", "road_segments",
    ]


@pytest.fixture()
def damaged_twin(demo_twin: Path, tmp_path: Path) -> Path:
    """The demo twin without the parks table and without road_segments.surface."""
    path = tmp_path / "damaged.gpkg"
    shutil.copy(demo_twin, path)
    ds = ogr.Open(str(path), 1)
    for i in range(ds.GetLayerCount()):
        if ds.GetLayerByIndex(i).GetName() == "parks":
            ds.DeleteLayer(i)
            break
    roads = ds.GetLayerByName("road_segments")
    roads.DeleteField(roads.GetLayerDefn().GetFieldIndex("surface"))
    ds = None
    return path


def test_missing_table_and_field_are_named_and_the_rest_loads(project, catalog, damaged_twin):
    report = TwinLoader(catalog, project, "en").load(TwinSource.geopackage(damaged_twin))
    assert set(report.added) == ALL_LAYERS - {"parks"}
    assert any("'parks'" in p and "not found" in p for p in report.problems), report.problems
    assert any("'road_segments'" in p and "surface" in p for p in report.problems), report.problems
    assert twin_layer(project, "road_segments") is not None


def test_a_twin_without_the_optional_lake_loads_without_a_problem(project, catalog, demo_twin, tmp_path):
    path = tmp_path / "no_lake.gpkg"
    shutil.copy(demo_twin, path)
    ds = ogr.Open(str(path), 1)
    ds.DeleteLayer(next(i for i in range(ds.GetLayerCount()) if ds.GetLayerByIndex(i).GetName() == "water"))
    ds = None
    report = TwinLoader(catalog, project, "en").load(TwinSource.geopackage(path))
    assert report.problems == []
    assert set(report.added) == ALL_LAYERS - {"water"}


@pytest.fixture(autouse=True)
def _stop_watching():
    yield
    for slot in _WATCHERS:
        _request_signal().disconnect(slot)
    _WATCHERS.clear()


_WATCHERS: list = []


def _request_signal():
    """QGIS's signal for every request about to be made, in any thread (the overload with parameters)."""
    return QgsNetworkAccessManager.instance().requestAboutToBeCreated[QgsNetworkRequestParameters]


def watch_requests() -> list[str]:
    """URLs of every network request QGIS makes from now on in this test (from any thread)."""
    requested: list[str] = []

    def slot(request: QgsNetworkRequestParameters) -> None:
        requested.append(request.request().url().toString())

    _request_signal().connect(slot)
    _WATCHERS.append(slot)
    return requested


def render_visible(project: QgsProject) -> None:
    """Draw what the layer tree shows, as the map canvas would, over the twin."""
    settings = QgsMapSettings()
    settings.setLayers([node.layer() for node in project.layerTreeRoot().findLayers() if node.isVisible()])
    settings.setDestinationCrs(twin_layer(project, "road_segments").crs())
    settings.setExtent(twin_layer(project, "road_segments").extent())
    settings.setOutputSize(QSize(300, 300))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    for _ in range(10):  # requests made while rendering are reported to the main thread in queued signals
        QCoreApplication.processEvents()


def test_background_map_is_off_until_asked_for_and_carries_its_attribution(project, catalog, demo_twin):
    requested = watch_requests()
    loader = TwinLoader(catalog, project, "sv")
    loader.load(TwinSource.geopackage(demo_twin))
    assert background_maps(project) == {}  # off by default: not even in the project
    render_visible(project)
    assert [url for url in requested if "openstreetmap" in url] == []
    osm = loader.show_background_map("osm", True)  # (not drawn here: no test fetches from the internet)
    assert background_maps(project) == {"osm": osm}
    assert isinstance(osm, QgsRasterLayer) and osm.providerType() == "wms" and osm.isValid()
    assert "tile.openstreetmap.org" in osm.source() and "type=xyz" in osm.source()
    assert attribution(osm) == "© OpenStreetMap contributors"
    assert osm.metadata().rights() == ["© OpenStreetMap contributors"]
    assert osm.name() == "OpenStreetMap (online, © OpenStreetMap-bidragsgivare)"
    node = project.layerTreeRoot().findLayer(osm.id())
    background = project.layerTreeRoot().children()[0].children()[-1]
    assert background.name() == "Bakgrund" and background.children()[-1] is node  # under the lake
    assert loader.show_background_map("osm", True) is osm  # asked twice: still one
    loader.load(TwinSource.geopackage(demo_twin))  # a reload keeps it
    assert background_maps(project) == {"osm": osm}
    assert loader.show_background_map("osm", False) is None and background_maps(project) == {}
    loader.show_background_map("osm", True)
    loader.unload()  # removing the twin removes the map too
    assert background_maps(project) == {} and project.mapLayers() == {}
    assert [url for url in requested if "openstreetmap" in url] == []


def test_background_map_is_fetched_only_while_shown(project, demo_twin, tmp_path):
    """The negative control of the test above: the same drawing fetches tiles once the map is shown (from a
    loopback server, never from the internet) and the request signal sees them."""
    server = TileServer()
    requested = watch_requests()
    try:
        loader = TwinLoader(loopback_catalog(tmp_path, server.url), project, "en")
        loader.load(TwinSource.geopackage(demo_twin))
        render_visible(project)
        assert server.hits == []
        loader.show_background_map("osm", True)
        render_visible(project)
        assert server.hits and all(hit.endswith(".png") for hit in server.hits)
        assert any(url.startswith("http://127.0.0.1:") for url in requested)
        loader.show_background_map("osm", False)
        fetched = server.settle()  # the last tiles of the drawing above may still be on their way
        render_visible(project)
        assert server.settle() == fetched
    finally:
        server.close()


def test_missing_file_is_reported_and_nothing_added(project, catalog, tmp_path):
    report = TwinLoader(catalog, project, "en").load(TwinSource.geopackage(tmp_path / "absent.gpkg"))
    assert report.added == []
    assert report.problems == [f"GeoPackage not found: {tmp_path / 'absent.gpkg'}"]
    assert project.mapLayers() == {}


def test_saved_project_restores_the_twin(project, catalog, demo_twin, tmp_path):
    TwinLoader(catalog, project, "en").load(TwinSource.geopackage(demo_twin))
    path = str(tmp_path / "twin.qgz")
    assert project.write(path)
    project.clear()
    assert twin_layers(project) == {}
    assert project.read(path)
    assert set(twin_layers(project)) == ALL_LAYERS
    assert stored_source(project) == f"gpkg:{demo_twin}"


def test_unload_removes_layers_and_group(project, catalog, demo_twin):
    loader = TwinLoader(catalog, project, "en")
    loader.load(TwinSource.geopackage(demo_twin))
    loader.unload()
    assert twin_layers(project) == {}
    assert project.layerTreeRoot().children() == []
    assert stored_source(QgsProject.instance()) is None
