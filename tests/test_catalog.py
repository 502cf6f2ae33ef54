"""The twin catalog: the bundled file is valid, malformed files get precise errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digiresan_plugin.core.catalog import CatalogError, load_catalog
from digiresan_plugin.core.paths import default_catalog_path

CONTRACT_TABLES = {
    "road_segments", "road_condition", "paving_plan", "traffic_signs", "excavation_permits",
    "traffic_counts", "buildings", "properties", "parks",
}


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "catalog.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def bundled() -> dict:
    return json.loads(default_catalog_path().read_text(encoding="utf-8"))


def test_bundled_catalog_describes_the_contract_tables():
    catalog = load_catalog()
    assert {spec.table for spec in catalog.layers} >= CONTRACT_TABLES
    assert [g.id for g in catalog.groups] == ["streets", "works", "buildings_properties", "parks",
                                              "agreements_documents", "background"]
    assert catalog.layer("road_segments").key == "segment_id"
    assert catalog.layer("road_condition").geometry is None
    # subjects in priority order: road segment before permit, sign, building, property, park
    assert [s.id for s in catalog.identifiable_layers()] == [
        "road_segments", "excavation_permits", "park_assets", "traffic_signs", "buildings", "parks", "properties",
        "local_regulations",
    ]
    for spec in catalog.layers:
        style = catalog.style_path(spec)
        assert style is None or style.is_file(), f"{spec.id}: style {style} missing"


def test_background_is_the_lake_and_an_optional_online_map():
    catalog = load_catalog()
    water = catalog.layer("water")
    assert water.group == "background" and water.optional and not water.identifiable
    assert water.title.text("sv") == "Vatten"
    memory = {"agreements", "local_regulations", "documents", "park_assets"}  # newer tables an older twin lacks
    assert all(not spec.optional for spec in catalog.layers if spec.id not in memory | {"water"})
    (osm,) = catalog.background_maps
    assert osm.group == "background"
    assert osm.attribution == "© OpenStreetMap contributors" and "openstreetmap.org/copyright" in osm.attribution_url
    assert "©" in osm.title.text("en") and "©" in osm.title.text("sv")
    assert osm.url.startswith("https://") and osm.uri() == "type=xyz&url=https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png&zmin=0&zmax=19"


def test_titles_in_both_languages():
    catalog = load_catalog()
    assert catalog.layer("excavation_permits").title.text("sv") == "Grävtillstånd"
    assert catalog.layer("excavation_permits").title.text("en") == "Excavation permits"
    assert catalog.group("streets").title.text("sv_SE") == "Gator"


@pytest.mark.parametrize(
    ("mutate", "key", "expected"),
    [
        (lambda d: d.pop("layers"), "layers", "a non-empty list of layers (missing)"),
        (lambda d: d.__setitem__("catalog_version", 2), "catalog_version", "the integer 1, got 2"),
        (lambda d: d["layers"][0].pop("table"), "layers[0:excavation_permits].table", "a table name (missing)"),
        (lambda d: d["layers"][2].__setitem__("group", "nowhere"), "layers[2:road_segments].group", "got 'nowhere'"),
        (lambda d: d["layers"][2].__setitem__("geometry", "Curve"), "layers[2:road_segments].geometry", "'Curve'"),
        (lambda d: d["layers"][3].__setitem__("identifiable", True), "layers[3:road_condition].identifiable",
         "false for a layer without geometry"),
        (lambda d: d["layers"][1]["title"].pop("sv"), "layers[1:traffic_signs].title.sv", "a non-empty text"),
        (lambda d: d["layers"][1].__setitem__("priority", "high"), "layers[1:traffic_signs].priority", "an integer"),
        (lambda d: d["layers"][1].__setitem__("id", "excavation_permits"), "layers", "appears twice"),
        (lambda d: d["groups"].append(dict(d["groups"][0])), "groups", "unique group ids"),
        (lambda d: d["layers"][-1].__setitem__("optional", "yes"), "layers[13:water].optional", "true or false"),
        (lambda d: d["background_maps"][0].__setitem__("url", "https://tile.example/{z}/{x}.png"),
         "background_maps[0:osm].url", "an http(s) tile URL with {x}, {y} and {z}"),
        (lambda d: d["background_maps"][0].__setitem__("url", "file:///{z}/{x}/{y}.png"),
         "background_maps[0:osm].url", "an http(s) tile URL"),
        (lambda d: d["background_maps"][0].__setitem__("attribution", " "), "background_maps[0:osm].attribution",
         "the attribution"),
        (lambda d: d["background_maps"][0].__setitem__("group", "nowhere"), "background_maps[0:osm].group",
         "got 'nowhere'"),
        (lambda d: d["background_maps"][0].__setitem__("id", "parks"), "background_maps[0:parks].id",
         "an id no layer"),
        (lambda d: d["background_maps"][0].__setitem__("type", "wmts"), "background_maps[0:osm].type", "'xyz'"),
        (lambda d: d["background_maps"][0].__setitem__("zmax", 40), "background_maps[0:osm].zmax", "zoom levels"),
    ],
)
def test_malformed_catalog_names_file_key_and_expectation(tmp_path, mutate, key, expected):
    data = bundled()
    mutate(data)
    path = write(tmp_path, data)
    with pytest.raises(CatalogError) as info:
        load_catalog(path)
    error = info.value
    assert error.path == str(path)
    assert error.key == key
    assert expected in error.expected
    assert str(path) in str(error) and key in str(error)


def test_invalid_json_reports_line_and_column(tmp_path):
    path = write(tmp_path, '{\n  "catalog_version": 1,\n  "layers": [,]\n}')
    with pytest.raises(CatalogError) as info:
        load_catalog(path)
    assert info.value.key == "(line 3, column 14)"
    assert "valid JSON" in info.value.expected


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(CatalogError) as info:
        load_catalog(tmp_path / "nope.json")
    assert "nope.json" in str(info.value) and "readable file" in str(info.value)


def test_unknown_top_level_keys_are_kept_for_the_engine(tmp_path):
    data = bundled()
    data["x_test"] = {"a": 1}
    assert load_catalog(write(tmp_path, data)).extra["x_test"] == {"a": 1}
