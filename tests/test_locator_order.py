"""The locator shows the twin's results in the search's order in QGIS's own model and proxy (3.22 and 3.40)."""

from __future__ import annotations

import re

import pytest
from qgis.core import QgsFeedback, QgsLocatorContext, QgsLocatorModel, QgsLocatorProxyModel
from qgis.gui import QgsLocatorWidget
from qgis.PyQt.QtCore import QSortFilterProxyModel
from qgis.PyQt.QtWidgets import QMainWindow

from digiresan_plugin.core import compat
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource
from digiresan_plugin.gui.locator import TwinLocatorFilter
from digiresan_plugin.gui.locator_order import keep_locator_order, keep_result_scores


def shown(catalog, canvas, text: str, proxy: QgsLocatorProxyModel, model: QgsLocatorModel) -> tuple[list, list]:
    """(the results as the filter sent them, the rows as QGIS's proxy shows them) for ``text``."""
    locator = TwinLocatorFilter(catalog, canvas)
    model.filters = [*getattr(model, "filters", []), locator]  # the results point to it, as QgsLocator keeps it
    sent = []
    locator.resultFetched.connect(sent.append)
    locator.resultFetched.connect(model.addResult)
    locator.prepare(text, QgsLocatorContext())
    locator.fetchResults(text, QgsLocatorContext(), QgsFeedback())
    rows = [proxy.data(proxy.index(row, 0)) for row in range(proxy.rowCount())]
    return sent, rows


def models(parent) -> tuple[QgsLocatorModel, QgsLocatorProxyModel]:
    model = QgsLocatorModel(parent)
    proxy = QgsLocatorProxyModel(model)
    proxy.setSourceModel(model)
    return model, proxy


@pytest.fixture(params=["as QGIS is", "scores restored"])
def mended(request, monkeypatch):
    """The running QGIS as it is, and with the model between QGIS's model and proxy in place (the QGIS 3.40
    remedy, exercised on every QGIS)."""
    if request.param == "scores restored":
        monkeypatch.setattr(compat, "locator_model_keeps_scores", lambda: False)
    return request.param


def test_a_street_then_its_segments_and_numbers_by_value(project, catalog, demo_twin, qgis_canvas, qgis_parent,
                                                          mended):
    TwinLoader(catalog, project, "en").load(TwinSource.geopackage(demo_twin))
    model, proxy = models(qgis_parent)
    undo = keep_result_scores(proxy)
    try:
        sent, rows = shown(catalog, qgis_canvas, "Storgatan", proxy, model)
        roads = [r.displayString for r in sent if r.group == "Road segments"]
        assert re.fullmatch(r"Storgatan \(\d+\)", roads[0]), roads
        assert len(roads) > 3 and all(r.startswith("Storgatan, ") for r in roads[1:]), roads
        assert sum("–" in r for r in roads) >= len(roads) - 3, roads  # between two cross streets but the ends
        shown_roads = rows[rows.index("  Road segments") + 1:][:len(roads)]
        assert shown_roads == roads  # the street first, then its segments along it: not by text
        assert shown_roads != sorted(roads)

        model.clear()
        sent, rows = shown(catalog, qgis_canvas, "Bagaren", proxy, model)
        properties = [r.displayString for r in sent if r.group == "Properties"]
        numbers = [int(p.rsplit(" ", 1)[1]) for p in properties]
        assert numbers == sorted(numbers) and max(numbers) >= 10 > min(numbers), properties  # "Bagaren 2 … 13"
        assert rows[rows.index("  Properties") + 1:][:len(properties)] == properties
    finally:
        undo()
    assert proxy.sourceModel() is model


def test_groups_in_the_search_order(project, catalog, demo_twin, qgis_canvas, qgis_parent, mended):
    """A text found in several layers: the groups as the catalog lists the layers, not alphabetically."""
    TwinLoader(catalog, project, "en").load(TwinSource.geopackage(demo_twin))
    model, proxy = models(qgis_parent)
    undo = keep_result_scores(proxy)
    try:
        sent, rows = shown(catalog, qgis_canvas, "Kyrk", proxy, model)  # Kyrkgatan, Kyrkparken
    finally:
        undo()
    groups = list(dict.fromkeys(r.group for r in sent))
    assert groups[:2] == ["Road segments", "Parks"], groups  # the catalog's order: not by title
    assert [row.strip() for row in rows if row.startswith("  ")] == groups


def test_the_main_windows_locator_is_mended_and_restored(qgis_parent, monkeypatch):
    monkeypatch.setattr(compat, "locator_model_keeps_scores", lambda: False)
    window = QMainWindow(qgis_parent)
    widget = QgsLocatorWidget(window)
    proxies = [p for p in window.findChildren(QSortFilterProxyModel) if p.inherits("QgsLocatorProxyModel")]
    assert len(proxies) == 1, "QGIS's locator widget has its proxy model under the window"
    source = proxies[0].sourceModel()
    undo = keep_locator_order(window)
    assert proxies[0].sourceModel() is not source and proxies[0].sourceModel().sourceModel() is source
    undo()
    assert proxies[0].sourceModel() is source
    widget.deleteLater()


def test_the_plugin_mends_the_main_windows_locator_and_restores_it_on_unload(qgis_app, monkeypatch):
    from digiresan_plugin import classFactory
    from tests.real_iface import RealIface

    monkeypatch.setattr(compat, "locator_model_keeps_scores", lambda: False)
    iface = RealIface()
    widget = QgsLocatorWidget(iface.window)
    proxy = next(p for p in iface.window.findChildren(QSortFilterProxyModel) if p.inherits("QgsLocatorProxyModel"))
    source = proxy.sourceModel()
    for _ in range(3):
        plugin = classFactory(iface)
        plugin.initGui()
        assert proxy.sourceModel().sourceModel() is source
        plugin.unload()
        assert proxy.sourceModel() is source
    widget.deleteLater()
