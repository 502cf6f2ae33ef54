"""The plugin object QGIS creates: actions, docks, map tools, Processing provider."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon, QKeySequence
from qgis.PyQt.QtWidgets import QToolBar

from .core.catalog import Catalog, CatalogError, load_catalog
from .core.catalog_check import check_catalog
from .core.i18n import ui_language
from .core.ideas.dense_starts import stop_worker
from .core.identify.handles import release_handles
from .core.layers import release_layer_indexes
from .core.log import get_logger
from .core.paths import i18n_dir, resources_dir
from .core.signals import SignalBag
from .gui.qt_compat import QAction

LOG = get_logger(__name__)

MENU = "&Digiresan"


def icon(name: str) -> QIcon:
    """A bundled icon from resources/icons, or QGIS's theme icon of that name."""
    path = resources_dir() / "icons" / name
    return QIcon(str(path)) if path.is_file() else QgsApplication.getThemeIcon(name)


class DigiresanPlugin:
    """Adds the Digiresan docks and tools to QGIS and removes every trace of them on unload."""

    def __init__(self, iface):
        self.iface = iface
        self.catalog: Optional[Catalog] = None
        self.actions: list[QAction] = []  # every action we put in the menu and toolbar
        self._owned_actions: list[QAction] = []  # the ones we created (the rest belong to docks)
        self.toolbar: Optional[QToolBar] = None
        self.twin_dock = None
        self.card_dock = None
        self.ideas_dock = None
        self.plan_dock = None
        self.coordination_dock = None
        self.identify = None
        self.translator: Optional[QTranslator] = None
        self.provider = None
        self.options_factory = None
        self.locator_filter = None
        self._undo_locator_order = None
        self.edit_watch = None
        self.gpkg_watch = None
        self.dock_layout = None
        self._signals = SignalBag()
        self._install_translator()

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("DigiresanPlugin", text)

    # -- QGIS lifecycle --------------------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802 - QGIS API
        if self.provider is not None:
            return
        try:
            from .processing.provider import DigiresanProvider
        except ImportError as exc:  # e.g. Processing disabled: the rest of the plugin still works
            LOG.warning(f"Processing provider not available: {exc}")
            return
        self.provider = DigiresanProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 - QGIS API
        try:
            self._init_gui()
        except Exception:
            self.unload()  # leave nothing half-registered (e.g. the Processing provider) behind
            raise

    def _init_gui(self) -> None:
        self.initProcessing()
        try:
            self.catalog = check_catalog(load_catalog())  # a broken part is named now, not at first use
        except CatalogError as exc:
            LOG.error(str(exc))
            self.iface.messageBar().pushCritical(self.tr("Digiresan"), str(exc))
            return
        self.toolbar = self.iface.addToolBar(self.tr("Digiresan"))
        self.toolbar.setObjectName("DigiresanToolbar")
        self._init_twin_dock()
        self._init_twin_info()
        self._init_ideas_dock()
        self._init_plan_dock()
        self._init_coordination_dock()
        self._init_dock_layout()
        self._init_options()
        self._init_locator()
        self._init_maintenance()

    def unload(self) -> None:
        self._signals.disconnect_all()
        release_handles()  # the engine's kept layer handles and layer index hold layer references
        release_layer_indexes()
        if self.dock_layout is not None:
            self.dock_layout.close()
            self.dock_layout.deleteLater()
            self.dock_layout = None
        for watch in (self.edit_watch, self.gpkg_watch):
            if watch is not None:
                watch.cleanup()
        self.edit_watch = self.gpkg_watch = None
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
        for action in self._owned_actions:
            action.deleteLater()
        self.actions.clear()
        self._owned_actions.clear()
        if self.identify is not None:
            self.identify.unload()
            self.identify.deleteLater()
            self.identify = None
        if self.coordination_dock is not None:
            self.coordination_dock.cleanup()
            self._remove_dock(self.coordination_dock)
            self.coordination_dock = None
        if self.ideas_dock is not None:
            self.ideas_dock.cleanup()
            self._remove_dock(self.ideas_dock)
            self.ideas_dock = None
        stop_worker()  # the ideas search's worker thread
        if self.plan_dock is not None:
            self.plan_dock.cleanup()
            self._remove_dock(self.plan_dock)
            self.plan_dock = None
        if self.card_dock is not None:
            self.card_dock.cleanup()
            self._remove_dock(self.card_dock)
            self.card_dock = None
        if self.twin_dock is not None:
            self.twin_dock.cleanup()
            self._remove_dock(self.twin_dock)
            self.twin_dock = None
        if self.locator_filter is not None:
            self.iface.deregisterLocatorFilter(self.locator_filter)
            self.locator_filter = None
        if self._undo_locator_order is not None:
            self._undo_locator_order()
            self._undo_locator_order = None
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None

    # -- parts -----------------------------------------------------------------------------
    def _init_twin_dock(self) -> None:
        from .gui.twin_dock import TwinDock

        self.twin_dock = TwinDock(
            self.catalog, self.iface.mapCanvas(), self.iface.messageBar(), self.iface.mainWindow()
        )
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.twin_dock)
        action = self.twin_dock.toggleViewAction()
        action.setIcon(icon("twin_dock.svg"))
        action.setText(self.tr("Digital twin"))
        action.setToolTip(self.tr("Show or hide the Digital twin dock"))
        self._add_action(action, owned=False)

    def _init_twin_info(self) -> None:
        """The Twin info map tool and the card dock it fills."""
        from .core.investment.card import MaintenanceCard
        from .core.layers import twin_layers
        from .gui.card.dock import TwinCardDock
        from .gui.help import open_help
        from .gui.identify_controller import IdentifyController

        self.card_dock = TwinCardDock(
            self.iface.mapCanvas(), self.iface.mainWindow(), message_bar=self.iface.messageBar()
        )
        self.card_dock.setObjectName("DigiresanTwinCardDock")
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.card_dock)
        self.card_dock.hide()
        warn = lambda text: self.card_dock.message(text, Qgis.MessageLevel.Warning, 10)  # noqa: E731
        self._signals.connect(self.card_dock.helpRequested, lambda: open_help("card", warn))
        self.identify = IdentifyController(self.iface, self.catalog, self.card_dock)
        # the road card's Maintenance section (core/investment/card.py): level, next limit, treatment, cost
        self.identify.extra_sections.append(MaintenanceCard(self.catalog, lambda: twin_layers(QgsProject.instance())))
        action = QAction(icon("twin_info.svg"), self.tr("Twin info"), self.iface.mainWindow())
        action.setObjectName("DigiresanTwinInfoAction")
        action.setCheckable(True)
        action.setShortcut(QKeySequence("Ctrl+Alt+I"))
        action.setToolTip(self.tr("Twin info (Ctrl+Alt+I): click anywhere on the map for one card with everything"))
        self.identify.tool.setAction(action)
        self._add_action(action, slot=self.identify.activate)

    def _init_ideas_dock(self) -> None:
        """The Digiresan ideas list (read from the twin source unless the ideas source setting says otherwise)."""
        from .gui.ideas.dock import IdeasDock

        self.ideas_dock = IdeasDock(
            self.iface.mapCanvas(), self.iface.messageBar(), self.iface.mainWindow(), catalog=self.catalog, load=False
        )
        self.ideas_dock.setObjectName("DigiresanIdeasDock")
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.ideas_dock)
        self.ideas_dock.hide()
        action = self.ideas_dock.toggleViewAction()
        action.setIcon(icon("ideas.svg"))
        action.setText(self.tr("Digiresan ideas"))
        action.setToolTip(self.tr("Show or hide the list of Digiresan ideas and their funding"))
        self._add_action(action, owned=False)
        self._signals.connect(self.twin_dock.loaded, lambda _report: self.ideas_dock.set_repository(None))
        self._signals.connect(self.ideas_dock.visibilityChanged, self._ideas_dock_visible)
        if self.identify is not None:
            # ideas linked to the card's subject or located within 25 m of it (public fields only)
            self.identify.extra_sections.append(self.ideas_dock.store.card_section)
        if self.card_dock is not None:
            self._signals.connect(self.card_dock.ideaRequested, self._locator_idea)  # an idea on the card

    def _init_dock_layout(self) -> None:
        """Twin dock and card tabbed on the right, the ideas at the bottom, the user's arrangement remembered."""
        from .gui.dock_layout import DockLayout

        window = self.iface.mainWindow()
        self.dock_layout = DockLayout(window, {"twin": self.twin_dock, "card": self.card_dock,
                                               "ideas": self.ideas_dock, "plan": self.plan_dock,
                                               "coordination": self.coordination_dock})
        self.dock_layout.apply()
        if window.isVisible():  # enabled in a running QGIS
            self.dock_layout.settle()
        elif hasattr(self.iface, "initializationCompleted"):  # start-up: after QGIS restored its window state
            self._signals.connect(self.iface.initializationCompleted, self.dock_layout.settle)

    def _init_plan_dock(self) -> None:
        """The maintenance plan: candidates and budget scenarios of the loaded twin (gui/investment)."""
        from .core.layers import twin_layers
        from .gui.investment.dock import MaintenancePlanDock

        open_feature = self.identify.show_feature if self.identify is not None else None
        self.plan_dock = MaintenancePlanDock(self.catalog, lambda: twin_layers(QgsProject.instance()), open_feature,
                                             self.iface.mainWindow(), self.iface.messageBar())
        self.plan_dock.setObjectName("DigiresanMaintenancePlanDock")
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.plan_dock)
        self.plan_dock.hide()
        action = self.plan_dock.toggleViewAction()
        action.setIcon(icon("twin_dock.svg"))
        action.setText(self.tr("Maintenance plan"))
        action.setToolTip(self.tr("Show or hide the maintenance candidates and the budget scenarios"))
        self._add_action(action, owned=False)

    def _init_coordination_dock(self) -> None:
        """The coordination board; the permits get time on the map (temporal properties) after each load."""
        from .core.coordination.temporal import apply_temporal
        from .core.layers import twin_layer
        from .gui.coordination.dock import CoordinationDock

        self.coordination_dock = CoordinationDock(
            self.catalog, self.iface.mapCanvas(), self.iface.messageBar(), self.iface.mainWindow(),
            show_feature=self.identify.show_feature if self.identify is not None else None)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.coordination_dock)
        self.coordination_dock.hide()
        action = self.coordination_dock.toggleViewAction()
        action.setIcon(icon("coordination.svg"))
        action.setText(self.tr("Coordination"))
        action.setToolTip(self.tr("Show or hide the coordination board: every conflict of the coming weeks"))
        self._add_action(action, owned=False)

        def loaded(_report=None) -> None:
            apply_temporal(self.catalog, lambda layer_id: twin_layer(QgsProject.instance(), layer_id))

        loaded()
        self._signals.connect(self.twin_dock.loaded, loaded)
        if self.identify is not None:  # the work window on segment and permit cards
            from .core.coordination.card import WorkWindowCard

            self.work_window = WorkWindowCard(self.catalog, lambda layer_id: twin_layer(QgsProject.instance(),
                                                                                       layer_id))
            self.identify.extra_sections.append(self.work_window.card_section)
            from .core.coordination.handling_card import HandlingCard

            self.handling_card = HandlingCard(self.catalog, lambda layer_id: twin_layer(QgsProject.instance(),
                                                                                       layer_id))
            self.identify.extra_sections.append(self.handling_card.card_section)
        self._signals.connect(self.coordination_dock.visibilityChanged,
                              lambda visible: visible and self.coordination_dock.rows is None
                              and self.coordination_dock.refresh())

    def _ideas_dock_visible(self, visible: bool) -> None:
        """Read the ideas the first time the list is opened."""
        if visible and self.ideas_dock is not None and not self.ideas_dock.ideas():
            self.ideas_dock.refresh()

    def _init_options(self) -> None:
        from .gui.options_page import DigiresanOptionsFactory

        self.options_factory = DigiresanOptionsFactory(icon("digiresan.svg"))
        self.iface.registerOptionsWidgetFactory(self.options_factory)

    def _init_locator(self) -> None:
        from .gui.locator import TwinLocatorFilter
        from .gui.locator_order import keep_locator_order

        self.locator_filter = TwinLocatorFilter(
            self.catalog, self.iface.mapCanvas(), on_hit=self._locator_hit,
            ideas_for=lambda: self.ideas_dock.ideas() if self.ideas_dock is not None else [],
            on_idea=self._locator_idea,
        )
        self.iface.registerLocatorFilter(self.locator_filter)
        self._undo_locator_order = keep_locator_order(self.iface.mainWindow())  # QGIS 3.40's lost scores

    def _init_maintenance(self) -> None:
        """Edits of twin layers followed (history user, refusals in words, redraws), GeoPackage layers reopened
        after another program wrote the file, GeoPackage triggers after a load, the card cleared when its layer
        goes."""
        from .core.edit_watch import EditWatch
        from .core.gpkg_watch import GeoPackageWatch
        from .core.history_card import HistoryReader
        from .core.maintenance import install_gpkg_triggers
        from .core.twin_source import TwinSource
        from .gui.twin_guard import clear_card_if_removed

        bar = self.iface.messageBar()
        self.edit_watch = EditWatch(self.catalog)
        self.gpkg_watch = GeoPackageWatch()  # another program's edit must not leave our layers unreadable
        self._signals.connect(self.edit_watch.message, lambda title, text, level: bar.pushMessage(title, text,
                                                                                                  level, 15))

        self.history = HistoryReader(self.catalog)  # "Last changed … by …" on every card
        if self.identify is not None:
            self.identify.extra_sections.append(self.history.card_section)

        def prepared(problem: Optional[str]) -> None:
            self.history.reopen()  # the triggers created the history table
            if problem:
                bar.pushWarning(self.tr("Digital twin"), problem)

        def loaded(report) -> None:
            source = TwinSource.parse(report.source)
            self.history.set_source(source)
            install_gpkg_triggers(self.catalog, source, prepared)

        self._signals.connect(self.twin_dock.loaded, loaded)
        project = QgsProject.instance()
        self._signals.connect(project.layersWillBeRemoved,
                              lambda ids: clear_card_if_removed(self.card_dock, project, list(ids)))

    def _locator_hit(self, hit) -> None:
        """A twin feature found in the locator: show its card."""
        if self.identify is not None and hit.fids:
            self.identify.show_feature(hit.layer_id, hit.fids[0])

    def _locator_idea(self, idea_id: int) -> None:
        """An idea found in the locator or clicked on the card: open the ideas list on it."""
        if self.ideas_dock is not None:
            self.ideas_dock.setUserVisible(True)
            self.ideas_dock.clear_filters()
            self.ideas_dock.select_idea(idea_id)

    def _add_action(self, action: QAction, owned: bool = True, slot: Optional[Callable] = None) -> QAction:
        if slot is not None:
            self._signals.connect(action.triggered, slot)
        self.iface.addPluginToMenu(MENU, action)
        self.toolbar.addAction(action)
        self.actions.append(action)
        if owned:
            self._owned_actions.append(action)
        return action

    def _remove_dock(self, dock) -> None:
        remove = getattr(self.iface, "removeDockWidget", None)
        if callable(remove):
            remove(dock)
        dock.setParent(None)
        dock.deleteLater()

    def _install_translator(self) -> None:
        language = ui_language()
        if language == "en":
            return
        path = Path(i18n_dir()) / f"digiresan_{language}.qm"
        if not path.is_file():
            return
        translator = QTranslator()
        if translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            self.translator = translator
