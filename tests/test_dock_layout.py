"""The docks' layout in a real QMainWindow of a 1366×768 and a 1920×1080 screen: the card gets the room after a click,
the ideas dock is a wide bottom panel, the window never grows past its screen, the user's arrangement comes back."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsSettings
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QRect, Qt
from qgis.PyQt.QtWidgets import QApplication, QMainWindow, QWidget

from digiresan_plugin.core import settings
from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.gui.card.dock import TwinCardDock
from digiresan_plugin.gui.dock_layout import DockLayout
from digiresan_plugin.gui.ideas.dock import IdeasDock
from digiresan_plugin.gui.twin_dock import TwinDock

from .fixtures_twin import ON_S1, TODAY, build_twin, open_layers

SCREENS = {"laptop": QRect(0, 0, 1366, 768), "desktop": QRect(0, 0, 1920, 1080)}


@pytest.fixture()
def clean_layout_setting(qgis_app):
    QgsSettings().remove("digiresan/dock_layout")
    yield
    QgsSettings().remove("digiresan/dock_layout")


@pytest.fixture(scope="module")
def twin(tmp_path_factory):
    return build_twin(tmp_path_factory.mktemp("layout") / "twin.gpkg")


class Window:
    """A QGIS-like main window: the plugin's three docks around the middle, a bounded screen."""

    def __init__(self, catalog, screen: QRect, canvas: QgsMapCanvas):
        self.screen = screen
        self.window = QMainWindow()
        self.canvas = canvas  # pytest-qgis's canvas: the window deleted after the test never takes it along
        self.window.setCentralWidget(QWidget(self.window))
        bar = QgsMessageBar()
        self.twin = TwinDock(catalog, self.canvas, bar, self.window)
        self.twin.setObjectName("DigiresanTwinDock")
        self.card = TwinCardDock(self.canvas, self.window, message_bar=bar)
        self.card.setObjectName("DigiresanTwinCardDock")
        self.ideas = IdeasDock(self.canvas, bar, self.window, catalog=catalog, load=False)
        self.ideas.setObjectName("DigiresanIdeasDock")
        for dock in (self.twin, self.card, self.ideas):  # where QGIS's addDockWidget puts them: one column
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.card.hide()
        self.ideas.hide()
        self.window.setGeometry(screen)
        self.window.show()
        self.layout = DockLayout(self.window, {"twin": self.twin, "card": self.card, "ideas": self.ideas},
                                 bounds=lambda: self.screen)
        self.layout.settle()
        settle()

    def close(self) -> None:
        if sip.isdeleted(self.window):
            return
        self.layout.close()
        for dock in (self.twin, self.card, self.ideas):
            dock.cleanup()
        self.window.hide()
        sip.delete(self.window)


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


@pytest.fixture()
def make_window(qgis_app, qgis_canvas, catalog, clean_layout_setting):
    made = []

    def make(screen: QRect) -> Window:
        made.append(Window(catalog, screen, qgis_canvas))
        return made[-1]

    yield make
    while made:
        made.pop().close()


def show_card(w: Window, catalog, twin, project) -> None:
    layers = open_layers(twin, catalog, project)
    engine = TwinEngine(catalog, layers.get, today=TODAY)
    w.card.show_report(engine.report_at_point(QgsPointXY(*ON_S1), QgsCoordinateReferenceSystem("EPSG:3006"), 2.0))
    w.card.setUserVisible(True)  # what the controller does after each click
    settle()


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_card_gets_the_dock_area_and_the_window_stays_on_screen(make_window, catalog, twin, project, screen):
    w = make_window(SCREENS[screen])
    show_card(w, catalog, twin, project)
    assert w.card.isUserVisible() and w.twin.isVisible()
    assert w.card in w.window.tabifiedDockWidgets(w.twin)  # one tabbed area, the card raised
    area_height = w.window.height() - w.window.menuWidget().height() if w.window.menuWidget() else w.window.height()
    assert w.card.height() >= 0.5 * area_height
    w.ideas.setUserVisible(True)
    settle()
    assert w.window.dockWidgetArea(w.ideas) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert w.ideas.width() > w.card.width()  # wide
    assert w.card.height() >= 0.5 * area_height
    frame = w.window.frameGeometry()
    assert frame.width() <= w.screen.width() and frame.height() <= w.screen.height()


def test_docks_stacked_by_the_user_never_push_the_window_off_screen(make_window):
    w = make_window(SCREENS["laptop"])
    for dock in (w.twin, w.card, w.ideas):  # the old layout: all three in one column
        w.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.show()
    settle()
    frame = w.window.frameGeometry()
    assert frame.height() <= 768 and frame.width() <= 1366


def test_the_users_arrangement_comes_back(make_window):
    w = make_window(SCREENS["desktop"])
    w.ideas.show()
    w.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, w.ideas)  # the user drags the ideas to the left
    settle()
    saved = json.loads(settings.get("dock_layout"))
    assert saved["ideas"]["area"] == int(Qt.DockWidgetArea.LeftDockWidgetArea)
    assert saved["twin"]["area"] == int(Qt.DockWidgetArea.RightDockWidgetArea)
    w.close()

    again = make_window(SCREENS["desktop"])
    assert again.window.dockWidgetArea(again.ideas) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert again.window.dockWidgetArea(again.twin) == Qt.DockWidgetArea.RightDockWidgetArea
    again.card.setUserVisible(True)
    settle()
    assert again.card in again.window.tabifiedDockWidgets(again.twin)  # the card still shares the twin's area
    again.layout.reset()
    settle()
    assert again.window.dockWidgetArea(again.ideas) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert settings.get("dock_layout") == ""


def test_a_broken_setting_gives_the_default_layout(make_window):
    settings.set_value("dock_layout", "{not json")
    w = make_window(SCREENS["laptop"])
    assert w.window.dockWidgetArea(w.ideas) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert w.card in w.window.tabifiedDockWidgets(w.twin)
