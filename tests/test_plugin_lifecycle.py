"""Plugin lifecycle against a real QMainWindow: nothing is left behind after unload."""

from __future__ import annotations

import gc

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QEvent
from qgis.PyQt.QtWidgets import QDockWidget, QToolBar

from digiresan_plugin import classFactory
from digiresan_plugin.core.signals import SignalBag
from digiresan_plugin.gui.qt_compat import QAction
from tests.real_iface import RealIface


def counts(iface: RealIface) -> tuple[int, ...]:
    QgsApplication.processEvents()
    QgsApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # run deleteLater
    gc.collect()
    window = iface.window
    return (
        len(window.findChildren(QAction)),
        len(window.findChildren(QDockWidget)),
        len(window.findChildren(QToolBar)),
        len(iface.submenus),
        len([p for p in QgsApplication.processingRegistry().providers() if p.id() == "digiresan"]),
        len(iface.options_factories) + len(iface.locator_filters),
    )


def test_initgui_adds_toolbar_menu_and_dock(qgis_app):
    iface = RealIface()
    plugin = classFactory(iface)
    plugin.initGui()
    assert plugin.twin_dock is not None
    assert set(iface.window.findChildren(QDockWidget)) == {plugin.twin_dock, plugin.card_dock, plugin.ideas_dock,
                                                           plugin.plan_dock, plugin.coordination_dock}
    assert "&Digiresan" in iface.submenus
    texts = [a.text() for a in iface.submenus["&Digiresan"].actions()]
    assert {"Digital twin", "Twin info", "Digiresan ideas", "Maintenance plan", "Coordination"} <= set(texts)
    twin_info = next(a for a in iface.submenus["&Digiresan"].actions() if a.text() == "Twin info")
    twin_info.trigger()
    assert iface.canvas.mapTool() is plugin.identify.tool
    assert twin_info.isChecked()
    plugin.unload()


def test_load_unload_twenty_times_leaves_nothing_behind(qgis_app):
    iface = RealIface()
    before = counts(iface)
    live_before = SignalBag.live
    for _ in range(20):
        plugin = classFactory(iface)
        plugin.initGui()
        assert counts(iface) != before
        plugin.unload()
    assert counts(iface) == before
    assert SignalBag.live == live_before
    # the project's signals reach no unloaded dock (a connected deleted dock would raise here)
    QgsProject.instance().clear()


def test_options_page_round_trips_settings(qgis_app):
    from digiresan_plugin.core import settings
    from digiresan_plugin.gui.options_page import DigiresanOptionsPage

    settings.set_value("dig_moratorium_years", 3)
    page = DigiresanOptionsPage()
    assert page.moratorium.value() == 3
    page.moratorium.setValue(5)
    page.planner_view.setChecked(True)
    changed = []
    settings.notifier().changed.connect(changed.append)
    page.apply()
    assert settings.get("dig_moratorium_years") == 5
    assert settings.get("ideas_planner_view") is True
    assert {"dig_moratorium_years", "ideas_planner_view"} <= set(changed)  # the docks follow at once
    settings.notifier().changed.disconnect(changed.append)
    settings.set_value("dig_moratorium_years", 3)
    settings.set_value("ideas_planner_view", False)


def test_options_factory_registered_and_removed(qgis_app):
    iface = RealIface()
    plugin = classFactory(iface)
    plugin.initGui()
    assert len(iface.options_factories) == 1
    assert iface.options_factories[0].title() == "Digiresan"
    plugin.unload()
    assert iface.options_factories == []


def plugin_with_twin(demo_twin, show: bool = False):
    """The plugin on a real main window, the twin loaded through its dock and the ideas list read."""
    import time

    from digiresan_plugin.core.twin_source import TwinSource

    iface = RealIface()
    if show:
        iface.window.show()
    plugin = classFactory(iface)
    plugin.initGui()
    plugin.twin_dock.load(TwinSource.geopackage(demo_twin))
    deadline = time.monotonic() + 30
    while len(plugin.ideas_dock.ideas()) < 200 and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    return plugin


def test_loading_the_twin_fills_the_ideas_list(project, demo_twin):


    plugin = plugin_with_twin(demo_twin)
    try:
        assert len(plugin.ideas_dock.ideas()) == 200  # the demo generator writes 200 ideas
    finally:
        plugin.unload()


def test_twin_card_lists_ideas_linked_to_the_clicked_segment(project, demo_twin):
    import sqlite3

    from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest

    from digiresan_plugin.core.layers import twin_layer

    reference, segment_id = sqlite3.connect(demo_twin).execute(
        "SELECT reference, linked_key FROM ideas WHERE linked_layer = 'road_segments' ORDER BY reference LIMIT 1"
    ).fetchone()
    plugin = plugin_with_twin(demo_twin)
    try:
        roads = twin_layer(project, "road_segments")
        segment = next(roads.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{segment_id}'")))
        middle = segment.geometry().interpolate(segment.geometry().length() / 2).asPoint()
        shown = []
        plugin.identify.reportShown.connect(shown.append)
        plugin.identify.identify_at(middle, QgsCoordinateReferenceSystem("EPSG:3006"), 1.0)
        assert shown and shown[-1]["subject"]["key"] == segment_id
        ideas = next(s for s in shown[-1]["sections"] if s["id"] == "ideas")
        assert reference in [item["key"] for item in ideas["items"]]
        assert all("submitter" not in str(item) for item in ideas["items"])  # no personal data on a card
    finally:
        plugin.unload()


def test_locator_jumps_to_a_permit_card_and_to_an_idea(project, demo_twin, qgis_parent):
    import sqlite3

    from qgis.core import QgsFeedback, QgsLocatorContext

    from demo import KNOWN_CASES

    reference, idea_id = sqlite3.connect(demo_twin).execute(
        "SELECT reference, idea_id FROM ideas ORDER BY reference DESC LIMIT 1").fetchone()
    plugin = plugin_with_twin(demo_twin, show=True)
    try:
        locator = plugin.locator_filter
        shown = []
        plugin.identify.reportShown.connect(shown.append)

        def results_for(text):
            """As QgsLocator does it: prepare and fetch on a clone, trigger on the original."""
            found = []
            clone = locator.clone()
            clone.resultFetched.connect(found.append)
            clone.prepare(text, QgsLocatorContext())
            clone.fetchResults(text, QgsLocatorContext(), QgsFeedback())
            return found

        permit = KNOWN_CASES["moratorium_conflict"]["permit_id"]
        hit = next(r for r in results_for(permit) if r.displayString == permit)
        locator.triggerResult(hit)
        assert shown[-1]["subject"]["key"] == permit
        assert any(w["kind"] == "moratorium" for w in shown[-1]["warnings"])

        idea = next(r for r in results_for(reference.lower()) if r.displayString.startswith(reference))
        locator.triggerResult(idea)
        assert plugin.ideas_dock.current_idea().idea_id == idea_id
    finally:
        plugin.unload()
