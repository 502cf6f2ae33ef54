"""A real QMainWindow-based QGIS interface for lifecycle tests (pytest-qgis's stub is too thin).

Implements the parts of QgisInterface the plugin uses with real Qt objects, so a test can count the
actions, docks, toolbars and menus that are really left behind.
"""

from __future__ import annotations

from qgis.gui import QgsMapCanvas, QgsMapTool, QgsMessageBar
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar


class RealIface:
    def __init__(self) -> None:
        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.window.setCentralWidget(self.canvas)
        self.bar = QgsMessageBar(self.window)
        self.plugin_menu = self.window.menuBar().addMenu("&Plugins")
        self.submenus: dict[str, QMenu] = {}
        self.options_factories: list = []
        self.locator_filters: list = []

    # QgisInterface subset -------------------------------------------------------------------
    def mainWindow(self) -> QMainWindow:  # noqa: N802
        return self.window

    def mapCanvas(self) -> QgsMapCanvas:  # noqa: N802
        return self.canvas

    def messageBar(self) -> QgsMessageBar:  # noqa: N802
        return self.bar

    def addToolBar(self, name: str) -> QToolBar:  # noqa: N802
        return self.window.addToolBar(name)

    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None:  # noqa: N802
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock: QDockWidget) -> None:  # noqa: N802
        self.window.removeDockWidget(dock)

    def addPluginToMenu(self, name: str, action) -> None:  # noqa: N802
        menu = self.submenus.get(name)
        if menu is None:
            menu = self.plugin_menu.addMenu(name)
            self.submenus[name] = menu
        menu.addAction(action)

    def removePluginMenu(self, name: str, action) -> None:  # noqa: N802
        menu = self.submenus.get(name)
        if menu is None:
            return
        menu.removeAction(action)
        if not menu.actions():
            self.plugin_menu.removeAction(menu.menuAction())
            del self.submenus[name]
            menu.deleteLater()

    def registerOptionsWidgetFactory(self, factory) -> None:  # noqa: N802
        self.options_factories.append(factory)

    def unregisterOptionsWidgetFactory(self, factory) -> None:  # noqa: N802
        self.options_factories.remove(factory)

    def registerLocatorFilter(self, locator_filter) -> None:  # noqa: N802
        self.locator_filters.append(locator_filter)

    def deregisterLocatorFilter(self, locator_filter) -> None:  # noqa: N802
        self.locator_filters.remove(locator_filter)

    def addCustomActionForLayerType(self, *args) -> None:  # noqa: N802
        pass

    def activeLayer(self):  # noqa: N802
        return None

    def map_tool(self) -> QgsMapTool | None:
        return self.canvas.mapTool()
