"""A mistake in any part of the catalog is named when the catalog loads (plugin start, every algorithm), not at
the first search, click or board that reads that part."""

from __future__ import annotations

import copy
import json

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtWidgets import QDockWidget

import digiresan_plugin.plugin as plugin_module
from digiresan_plugin import classFactory
from digiresan_plugin.core.catalog import CatalogError, load_catalog
from digiresan_plugin.core.catalog_check import check_catalog
from digiresan_plugin.core.paths import default_catalog_path
from tests.real_iface import RealIface


def bundled() -> dict:
    return json.loads(default_catalog_path().read_text(encoding="utf-8"))


def written(tmp_path, data: dict):
    path = tmp_path / "twin_catalog.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for name in ("styles", "sign_codes.json"):
        (tmp_path / name).symlink_to(default_catalog_path().parent / name)
    return path


def test_the_bundled_catalog_reads_in_every_part(qgis_app):
    catalog = load_catalog()
    assert check_catalog(catalog) is catalog


@pytest.mark.parametrize("change, key", [
    (lambda d: d["search"]["streets"].update(name_field="gatunamn"), "search.streets.name_field"),
    (lambda d: d["field_rules"]["road_segments"]["surface"].update(domain="ytor"),
     "field_rules.road_segments.surface.domain"),
    (lambda d: d["coordination"].update(near_relation="no_such_relation"), "coordination"),
])
def test_a_broken_part_is_named_at_load(qgis_app, tmp_path, change, key):
    data = copy.deepcopy(bundled())
    change(data)
    catalog = load_catalog(written(tmp_path, data))  # the file itself parses
    with pytest.raises(CatalogError, match=key.replace(".", r"\.")) as raised:
        check_catalog(catalog)
    assert str(tmp_path / "twin_catalog.json") in str(raised.value)


def test_the_plugin_says_so_at_start_and_adds_nothing(qgis_app, tmp_path, monkeypatch):
    data = copy.deepcopy(bundled())
    data["search"]["streets"]["name_field"] = "gatunamn"
    path = written(tmp_path, data)
    monkeypatch.setattr(plugin_module, "load_catalog", lambda: load_catalog(path))
    iface = RealIface()
    plugin = classFactory(iface)
    plugin.initGui()
    try:
        assert iface.window.findChildren(QDockWidget) == []
        item = iface.messageBar().currentItem()
        shown = item.text() if item is not None else ""
        assert "search.streets.name_field" in shown and "gatunamn" in shown
    finally:
        plugin.unload()


def test_an_algorithm_refuses_a_catalog_with_a_broken_part(qgis_app, tmp_path):
    from digiresan_plugin.processing.provider import DigiresanProvider

    data = copy.deepcopy(bundled())
    data["search"]["streets"]["name_field"] = "gatunamn"
    path = written(tmp_path, data)
    provider = DigiresanProvider()
    provider.loadAlgorithms()
    algorithm = next(a for a in provider.algorithms() if a.name() == "check_twin").create()
    with pytest.raises(QgsProcessingException, match=r"search\.streets\.name_field"):
        algorithm.prepareAlgorithm({"CATALOG": str(path)}, QgsProcessingContext(), QgsProcessingFeedback())
