"""The "Digiresan ideas" dock: the coordinators' idea list with funding status, beside the map.

The ideas come from an :class:`~digiresan_plugin.core.ideas.store.IdeasStore` (reads and saves off the UI thread);
the dock puts its parts together and keeps them on the same idea. What the user may do comes from the source
(:class:`~digiresan_plugin.core.ideas.access.Access`): the database role on PostgreSQL, the server's grants over
HTTP; a local GeoPackage protects nothing, so its personal data stay hidden until the user explicitly (and
logged) shows them. The "planner view" setting only narrows. Changes of source or setting take effect at once.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from qgis.core import Qgis, QgsProject
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import settings
from ...core.catalog import Catalog
from ...core.i18n import ui_language
from ...core.ideas.access import Access
from ...core.ideas.model import Conflict, Idea
from ...core.ideas.repository import IdeaRepository
from ...core.ideas.store import IdeasStore, Listing
from ...core.ideas.summary import ProgrammeSummary, programme_summary
from ...core.log import get_logger
from ..base_dock import DigiresanDock
from ..help import open_help
from .decision_editor import DecisionEditor
from .detail_view import IdeaDetailView
from .dock_access import IdeasAccessMixin
from .filter_bar import IdeasFilterBar
from .header import IdeasHeader
from .map_layer import IdeasMapLayer
from .summary_panel import ProgrammeSummaryPanel
from .table_model import IdeasTableModel
from .table_view import IdeasTableView

LOG = get_logger(__name__)
MESSAGE_SECONDS = 5
MAP_SYNC_MS = 120  # the map follows the list's filters this long after the last change


class IdeasDock(IdeasAccessMixin, DigiresanDock):
    """The idea list, its filters and counts, the programme summary, a detail pane and coordinator editing."""

    loaded = pyqtSignal(int)  # number of ideas listed after a (re)load
    saved = pyqtSignal(object)  # SaveResult of a successful save
    failed = pyqtSignal(str)  # a load or save error message
    audit_noted = pyqtSignal(str)  # an audit note (its action) was written, or failed with a message

    def __init__(
        self,
        canvas: Optional[QgsMapCanvas] = None,
        message_bar: Optional[QgsMessageBar] = None,
        parent: Optional[QWidget] = None,
        repository: Optional[IdeaRepository] = None,
        coordinator: Optional[bool] = None,  # None: as the source allows and the settings narrow; False: planner view
        load: bool = True,
        catalog: Optional[Catalog] = None,
    ):
        super().__init__(parent, message_bar)
        self.setWindowTitle(self.tr("Digiresan ideas"))
        self.setObjectName("DigiresanIdeasDock")
        self.message_title = self.tr("Digiresan ideas")
        self.canvas = canvas
        self.project = QgsProject.instance()
        self.catalog = catalog
        self.language = ui_language()
        self.planner_view = bool(settings.get("ideas_planner_view")) if coordinator is None else not coordinator
        self._view_fixed = coordinator is not None
        self._from_settings = repository is None  # the source follows the settings
        self.access: Optional[Access] = None  # what the source gives this user (after a listing)
        self.local_personal = False  # the user chose to show a local file's personal data (logged)
        self.can_edit = False
        self.personal_available = False
        self._closed = False
        self._pending_select: Optional[int] = None
        self._shown_id: Optional[int] = None  # the idea the detail pane shows
        self._move_map = True  # user selections pan/flash the map; programmatic re-selections do not
        self.store = IdeasStore(repository, self)
        self.model = IdeasTableModel(self)
        self.model.language = self.language
        self.map_layer = IdeasMapLayer(canvas, self.project, self)
        self._map_sync = QTimer(self)  # the map follows the list's filters after typing pauses
        self._map_sync.setSingleShot(True)
        self._map_sync.setInterval(MAP_SYNC_MS)
        self._map_sync.timeout.connect(self.sync_map)
        self._build()
        self._connect()
        if load:
            QTimer.singleShot(0, self.refresh)

    # -- widgets ---------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.header = IdeasHeader(self.busy_bar(body, height=5), body)
        layout.addWidget(self.header)
        self.filters = IdeasFilterBar(body)
        layout.addWidget(self.filters)

        splitter = QSplitter(Qt.Orientation.Vertical, body)
        self.table = IdeasTableView(self.model, splitter)
        self.tabs = QTabWidget(splitter)
        self.detail = IdeaDetailView(self.store, self.tabs, self.catalog, self.language)
        self.tabs.addTab(self.detail, self.tr("Details"))
        self.editor_page = DecisionEditor(self.store, self.tabs)
        self.tabs.addTab(self.editor_page, self.tr("Decision"))
        self.summary = ProgrammeSummaryPanel(self.tabs, self.language)
        self.tabs.addTab(self.summary, self.tr("Programme"))
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([520, 420])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.setWidget(body)
        # the parts' widgets under the dock's own names (scripts and tests use these)
        h, f, d, s = self.header, self.filters, self.editor_page, self.summary
        self.refresh_button, self.pick_button, self.zoom_button = h.refresh_button, h.pick_button, h.zoom_button
        self.status_combo, self.theme_combo, self.category_combo, self.year_combo = f.combos()
        self.search_edit, self.counts_label = f.search_edit, f.counts_label
        self.edit_status, self.edit_granted, self.edit_decision = d.status, d.granted, d.decision
        self.save_button = d.save_button
        self.granted_label, self.effect_label, self.ratio_label = s.granted_label, s.effect_label, s.ratio_label
        self.granted_bar, self.year_bars = s.granted_bar, s.year_bars

    def _connect(self) -> None:
        # clicked(bool) and retry(bool) must not land in keep_selection: Reload and Retry keep the selection
        self.refresh_button.clicked.connect(lambda _checked=False: self.refresh())
        self.header.retry.connect(lambda _checked=False: self.refresh())
        self.header.personal_toggled.connect(self.show_local_personal_data)
        self._signals.connect(settings.notifier().changed, self._setting_changed)
        self.header.help_button.clicked.connect(
            lambda: open_help("ideas", lambda text: self.message(text, Qgis.MessageLevel.Warning, 10)))
        self.header.export_requested.connect(self._export)
        self.zoom_button.clicked.connect(self.zoom_to_selected)
        self.pick_button.toggled.connect(self._pick_toggled)
        self.filters.changed.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.editor_page.save_requested.connect(self.save_current)
        self.editor_page.revert_requested.connect(lambda: self.editor_page.fill(self.current_idea()))
        self.editor_page.changed.connect(self._put_idea)
        self.editor_page.message.connect(lambda text, level: self.message(text, level, MESSAGE_SECONDS))
        self.editor_page.saved.connect(self.saved)
        self.editor_page.failed.connect(self.failed)
        self.store.listed.connect(self._listed)
        self.store.indexed.connect(lambda: self.filters.add_themes(self.model.themes()))
        self.store.summarised.connect(self._show_summary)
        self.store.mapped.connect(lambda features: QTimer.singleShot(0, lambda: self.map_layer.update(features)))
        self.store.failed.connect(self._show_error)
        self.store.busy_changed.connect(self._set_busy)
        self.map_layer.picked.connect(self._select_from_map)
        self.map_layer.filled.connect(self._reselect_on_map)
        self.map_layer.filled.connect(self.sync_map)
        self.map_layer.picking_stopped.connect(lambda: self.pick_button.setChecked(False))
        self._update_mode_widgets()
        self._show_detail(None)
        self._show_counts()

    # -- mode and source -------------------------------------------------------------------------------------------
    @property
    def repository(self) -> Optional[IdeaRepository]:
        return self.store.repository

    @property
    def layer(self):
        """The ideas map layer (None until ideas with a location are loaded)."""
        return self.map_layer.layer

    # -- loading ---------------------------------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self.store.busy

    def refresh(self, keep_selection: bool = True, restart: bool = False) -> None:
        """Reload the ideas off the UI thread; keeps filters, sort and (if still there) the selected idea.
        ``restart``: also when a load is running (the source or the view changed: the running one is dropped)."""
        if self._closed or (self.store.loading and not restart):
            return
        current = self.current_idea() if keep_selection else None
        if current is not None:
            self._pending_select = current.idea_id
        elif not keep_selection:
            self._pending_select = None
        if self.store.load(personal=not self.planner_view, local_personal=self.local_personal, restart=restart):
            self._update_mode_widgets()

    def _listed(self, listing: Listing) -> None:
        self.header.clear_error()
        self.access = listing.access
        self.personal_available = bool(listing.personal)
        self.can_edit = bool(listing.editable)
        self._update_mode_widgets()
        self.model.set_ideas(listing.ideas, personal=self.show_personal, index=listing.index)
        self.filters.set_years(self.model.years())
        self.filters.add_themes(self.model.themes())
        self.table.set_column_widths()
        self._show_counts()
        self._select_pending(force=True)
        self.loaded.emit(len(listing.ideas))

    def _show_summary(self, summary: Optional[ProgrammeSummary] = None) -> None:
        """The programme numbers (``summary``: computed in the loading task; else here)."""
        ideas = self.ideas()
        self.summary.show_summary(summary if summary is not None else programme_summary(ideas), len(ideas))

    def search_ready(self) -> bool:
        """Whether filtering is instant now (the loading task has built the facets and search texts)."""
        return self.model.index_ready()

    def ideas(self) -> Sequence[Idea]:
        """The ideas as loaded (for the twin card and the locator)."""
        return self.store.ideas()

    def _set_busy(self, busy: bool) -> None:
        self.set_busy(busy)
        self.refresh_button.setEnabled(not busy)
        self.save_button.setEnabled(not self.store.saving)

    def _show_error(self, text: str) -> None:
        self.header.show_error(text)
        self.failed.emit(text)

    @property
    def error_text(self) -> str:
        """The load error shown in the dock ("" when none)."""
        return self.header.error_text

    @property
    def retry_button(self) -> Optional[QPushButton]:
        return self.header.retry_button

    # -- filters and counts ----------------------------------------------------------------------------------------
    def apply_filters(self, *_args: object) -> None:
        keep = self.current_idea()
        self.model.set_filter(self.filters.current_filter())
        self._show_counts()
        if keep is not None:
            self._pending_select = keep.idea_id
            self._select_pending(scroll=False)

    def clear_filters(self) -> None:
        self.filters.clear()
        self.apply_filters()

    def _show_counts(self) -> None:
        """The counts now; the map follows the list a moment later (typing on never waits for the map)."""
        self.filters.show_counts(self.model.result, len(self.model.ideas()), None)
        self._map_sync.start()

    @property
    def map_pending(self) -> bool:
        """Whether the map has still to follow the last change of the list."""
        return self._map_sync.isActive() or self.map_layer.writing_flags

    def sync_map(self) -> None:
        """The map shows the ideas the list shows (the ``listed`` flags), and the counts say how many."""
        self._map_sync.stop()
        self.map_layer.set_listed(self.model.visible_ids())
        self.filters.show_counts(self.model.result, len(self.model.ideas()), self.map_layer.listed_count)

    # -- selection and detail --------------------------------------------------------------------------------------
    def current_idea(self) -> Optional[Idea]:
        return self.table.current_idea()

    def select_idea(self, idea_id: int, scroll: bool = True) -> bool:
        """Select the idea's row (clearing the filters if they hide it); False if it is not loaded."""
        row = self.model.row_of(idea_id)
        if row is None and self.model.idea_by_id(idea_id) is not None:
            self.clear_filters()
            row = self.model.row_of(idea_id)
        if row is None:
            return False
        self.table.select_row(row, scroll)
        return True

    def _select_pending(self, scroll: bool = True, force: bool = False) -> None:
        """Re-select the remembered idea after a reset (no map move); ``force`` re-shows its detail."""
        idea_id, self._pending_select = self._pending_select, None
        if force:
            self._shown_id = None
        if idea_id is not None and self.model.row_of(idea_id) is not None:
            self._move_map = False
            try:
                self.select_idea(idea_id, scroll=scroll)
                self._selection_changed()  # the row may have stayed selected: show its new state anyway
            finally:
                self._move_map = True
        if self.current_idea() is None and self._shown_id is not None:
            self._shown_id = None
            self._show_detail(None)

    def _select_from_map(self, idea_id: int) -> None:
        self._move_map = False  # the user is looking at it already
        try:
            self.select_idea(idea_id)
        finally:
            self._move_map = True

    def _selection_changed(self, *_args: object) -> None:
        idea = self.current_idea()
        if idea is None:
            self.map_layer.clear_marker()
            if self._shown_id is not None:
                self._shown_id = None
                self._show_detail(None)
            return
        if idea.idea_id == self._shown_id:
            return  # the same idea re-selected after a filter or reload: keep what is shown
        self._shown_id = idea.idea_id
        self._show_detail(idea)
        self.editor_page.fill(idea)
        self.map_layer.show(idea, move=self._move_map)

    def _show_detail(self, idea: Optional[Idea]) -> None:
        self.editor_page.form.setEnabled(idea is not None)
        self.zoom_button.setEnabled(idea is not None and idea.located)
        if idea is None:
            self.detail.show_none()
        else:
            self.detail.show_idea(idea, personal=self.show_personal)

    # -- editing ---------------------------------------------------------------------------------------------------
    def save_current(self) -> None:
        self.editor_page.save(self.current_idea())

    @property
    def resolve_conflict(self) -> Callable[[Conflict], Optional[dict]]:
        """Called with a Conflict; returns the values to save (a dict, maybe empty) or None to keep theirs."""
        return self.editor_page.resolve_conflict

    @resolve_conflict.setter
    def resolve_conflict(self, resolve: Callable[[Conflict], Optional[dict]]) -> None:
        self.editor_page.resolve_conflict = resolve

    def _put_idea(self, idea: Idea) -> None:
        """Show a changed idea: model, counts, summary, detail, map; the selection stays."""
        self._pending_select = idea.idea_id
        if not self.show_personal:
            idea = idea.without_personal_data()
        self.model.replace_idea(idea)
        self._show_counts()
        self._show_summary()
        self._select_pending(scroll=False, force=True)
        self.map_layer.update_idea(idea, self.ideas())

    # -- map -------------------------------------------------------------------------------------------------------
    def zoom_to_selected(self) -> None:
        idea = self.current_idea()
        if idea is not None:
            self.map_layer.zoom_to(idea)

    def _reselect_on_map(self) -> None:
        current = self.current_idea()
        if current is not None:
            self.map_layer.show(current, move=False)

    def _pick_toggled(self, on: bool) -> None:
        if not self.map_layer.set_picking(on):
            self.pick_button.setChecked(False)

    # -- lifecycle -------------------------------------------------------------------------------------------------
    def cleanup(self, remove_layer: bool = True) -> None:
        """Disconnect everything and (by default) remove the ideas layer; called by the plugin's unload()."""
        self._closed = True
        if self.map_layer.picking:
            self.pick_button.setChecked(False)
        super().cleanup()
        self.detail.cleanup()
        self.store.close()
        self.map_layer.cleanup(remove_layer)
