"""Loading the twin into a project: groups, styles, no duplicates, problems by name."""

from __future__ import annotations

import json
import shutil
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
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

from digiresan_plugin.core.catalog import load_catalog
from digiresan_plugin.core.loader import (
    LAYER_ID_PROPERTY,
    TwinLoader,
    background_maps,
    stored_source,
    twin_layer,
    twin_layers,
)
from digiresan_plugin.core.paths import default_catalog_path
from digiresan_plugin.core.twin_source import TwinSource

ALL_LAYERS = {
    "road_segments", "road_condition", "paving_plan", "traffic_signs", "excavation_permits",
    "traffic_counts", "buildings", "properties", "parks", "water",
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
    assert group_titles(twin_group) == ["Streets", "Works", "Buildings & properties", "Parks", "Background"]
    streets = twin_group.children()[0]
    assert [n.layer().customProperty(LAYER_ID_PROPERTY) for n in streets.findLayers()] == [
        "traffic_signs", "road_segments", "road_condition", "paving_plan", "traffic_counts",
    ]
    roads = twin_layer(project, "road_segments")
    assert roads.crs().authid() == "EPSG:3006"
    renderer = roads.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == "latest_condition_class"
    assert roads.flags() & QgsMapLayer.Identifiable
    assert report.extent is not None and report.extent.contains(roads.extent().center())
    assert stored_source(project) == f"gpkg:{demo_twin}"


def test_swedish_titles(project, catalog, demo_twin):
    TwinLoader(catalog, project, "sv").load(TwinSource.geopackage(demo_twin))
    twin_group = project.layerTreeRoot().children()[0]
    assert twin_group.name() == "Digital tvilling"
    assert group_titles(twin_group) == ["Gator", "Arbeten", "Byggnader och fastigheter", "Parker", "Bakgrund"]
    assert twin_layer(project, "excavation_permits").name() == "Grävtillstånd"


def test_loading_twice_does_not_duplicate(project, catalog, demo_twin):
    loader = TwinLoader(catalog, project, "en")
    loader.load(TwinSource.geopackage(demo_twin))
    ids = {lid: layer.id() for lid, layer in twin_layers(project).items()}
    second = loader.load(TwinSource.geopackage(demo_twin))
    assert second.added == [] and set(second.reused) == ALL_LAYERS
    assert len(project.mapLayers()) == len(ALL_LAYERS) + len(catalog.background_maps)
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


class TileServer:
    """A loopback HTTP server that records the tiles asked for (and has none)."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                hits.append(self.path)
                self.send_response(404)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


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


def test_background_map_is_added_switched_off_with_its_attribution(project, catalog, demo_twin):
    requested = watch_requests()
    report = TwinLoader(catalog, project, "sv").load(TwinSource.geopackage(demo_twin))
    maps = background_maps(project)
    assert set(maps) == {"osm"} and "osm" not in report.added  # not a twin layer
    osm = maps["osm"]
    assert isinstance(osm, QgsRasterLayer) and osm.providerType() == "wms" and osm.isValid()
    assert "tile.openstreetmap.org" in osm.source() and "type=xyz" in osm.source()
    assert osm.attribution() == "© OpenStreetMap contributors"
    assert osm.metadata().rights() == ["© OpenStreetMap contributors"]
    assert osm.name() == "OpenStreetMap (online, © OpenStreetMap-bidragsgivare)"
    node = project.layerTreeRoot().findLayer(osm.id())
    background = project.layerTreeRoot().children()[0].children()[-1]
    assert node.parent() is background and background.children()[-1] is node  # below the lake, at the bottom
    assert not node.isVisible()
    render_visible(project)  # drawing the twin asks the internet for nothing while the map is off
    assert [url for url in requested if "openstreetmap" in url] == []
    # the user's choice stays when the twin is loaded again; removing the twin removes the map too
    node.setItemVisibilityChecked(True)
    TwinLoader(catalog, project, "sv").load(TwinSource.geopackage(demo_twin))
    assert background_maps(project) == {"osm": osm} and node.isVisible()
    TwinLoader(catalog, project, "sv").unload()
    assert background_maps(project) == {} and project.mapLayers() == {}


def test_background_map_is_fetched_only_once_switched_on(project, demo_twin, tmp_path):
    """The negative control of the test above: the same drawing, with the map switched on, does fetch tiles
    (from a loopback server, never from the internet) and the request signal sees them."""
    server = TileServer()
    requested = watch_requests()
    try:
        data = json.loads(default_catalog_path().read_text(encoding="utf-8"))
        data["background_maps"][0]["url"] = server.url
        path = tmp_path / "catalog.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        shutil.copytree(default_catalog_path().parent / "styles", tmp_path / "styles")
        loopback = load_catalog(path)
        TwinLoader(loopback, project, "en").load(TwinSource.geopackage(demo_twin))
        render_visible(project)
        assert server.hits == []
        node = project.layerTreeRoot().findLayer(background_maps(project)["osm"].id())
        node.setItemVisibilityChecked(True)
        render_visible(project)
        assert server.hits and all(hit.endswith(".png") for hit in server.hits)
        assert any(url.startswith("http://127.0.0.1:") for url in requested)
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
