"""The "Digiresan ideas" dock: the coordinators' idea list with funding status, beside the map.

Everything that may block (reading, saving, the history) runs in a ``QgsTask``; the dock shows a busy bar and, when
the source is down, a message with a Retry button. Planners get a read-only list without personal data;
coordinators (coordinator mode) see submitters and can change status, granted amount and decision text — saves are
optimistic and a conflict shows both values to choose from.
"""

from __future__ import annotations

import csv
import html
import threading
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsProject,
    QgsRendererCategory,
    QgsTask,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsFilterLineEdit, QgsMapCanvas, QgsMapToolIdentifyFeature, QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, QItemSelectionModel, QLocale, QObject, Qt, QTimer, QVariant, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import settings
from ..core.catalog import Catalog
from ..core.i18n import ui_language
from ..core.ideas.columns import column, points
from ..core.ideas.filtering import IdeaFilter, IdeaIndex
from ..core.ideas.model import (
    CATEGORIES,
    DECISION_STATUSES,
    EFFECT_TARGET_SEK,
    PROGRAMME_BUDGET_SEK,
    PROGRAMME_YEARS,
    STATUSES,
    TARGET_RATIO,
    THEMES,
    Conflict,
    Idea,
    IdeaChange,
    IdeaEvent,
    ProgrammeSummary,
    SaveResult,
    programme_summary,
)
from ..core.ideas.repository import IdeaRepository, RepositoryError, open_repository
from ..core.log import get_logger
from ..core.signals import SignalBag
from .help import open_help
from .ideas_model import STATUS_COLOURS, IdeasTableModel, status_icon

LAYER_PROPERTY = "digiresan/ideas_layer"
LAYER_CHUNK = 2000  # map features added per event-loop turn
IDEAS_CRS = "EPSG:3006"
CSV_FIELDS = (
    "reference", "title", "theme", "department", "submitter_category", "status", "submitted_on",
    "estimated_cost_sek", "granted_sek", "expected_yearly_effect_sek", "ratio", "decision_text", "decided_on",
    "linked_layer", "linked_key", "x", "y",
)
CSV_PERSONAL_FIELDS = ("submitter_name", "submitter_contact")
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the marker pylupdate5 looks for
    return text


FIELD_LABELS = {
    "status": QT_TRANSLATE_NOOP("IdeasDock", "Status"),
    "granted_sek": QT_TRANSLATE_NOOP("IdeasDock", "Granted (SEK)"),
    "decision_text": QT_TRANSLATE_NOOP("IdeasDock", "Decision"),
    "decided_on": QT_TRANSLATE_NOOP("IdeasDock", "Decided on"),
}


def field_label(name: str) -> str:
    """The translated label of an editable idea field (its name when it has none)."""
    return QCoreApplication.translate("IdeasDock", FIELD_LABELS[name]) if name in FIELD_LABELS else name


def repository_from_settings() -> IdeaRepository:
    """The ideas source: setting ``ideas_source`` (e.g. an http(s) URL of the e-service export, with
    ``ideas_authcfg``), else the twin source (its GeoPackage or PostgreSQL database)."""
    source = str(settings.get("ideas_source", "") or "") or str(settings.get("twin_source") or "")
    return open_repository(source, authcfg=str(settings.get("ideas_authcfg", "") or ""))


def _msek(value: float, decimals: int = 1) -> str:
    return QLocale().toString(value / 1e6, "f", decimals)


_BAR_STYLE = (
    "QProgressBar {{ border: 1px solid #b8b8b8; border-radius: 4px; background: #f0f0f0; }}"
    "QProgressBar::chunk {{ background-color: {colour}; border-radius: 3px; }}"
)

LOG = get_logger(__name__)


def _set_bar(bar: QProgressBar, fraction: float, reached: bool = False, over: bool = False) -> None:
    """A thin bar at ``fraction`` (capped at 1): blue, green when a target is reached, red when over budget."""
    bar.setValue(int(round(max(0.0, min(fraction, 1.0)) * bar.maximum())))
    colour = "#c62828" if over else "#2e7d32" if reached else "#1565c0"
    bar.setStyleSheet(_BAR_STYLE.format(colour=colour))


class IdeasDock(QgsDockWidget):
    """The idea list, its filters and counts, the programme summary, a detail pane and coordinator editing."""

    loaded = pyqtSignal(int)  # number of ideas listed after a (re)load
    saved = pyqtSignal(object)  # SaveResult of a successful save
    failed = pyqtSignal(str)  # a load or save error message

    def __init__(
        self,
        canvas: Optional[QgsMapCanvas] = None,
        message_bar: Optional[QgsMessageBar] = None,
        parent: Optional[QWidget] = None,
        repository: Optional[IdeaRepository] = None,
        coordinator: Optional[bool] = None,
        load: bool = True,
        catalog: Optional[Catalog] = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Digiresan ideas"))
        self.setObjectName("DigiresanIdeasDock")
        self.canvas = canvas
        self.message_bar = message_bar
        self.project = QgsProject.instance()
        self.repository: Optional[IdeaRepository] = repository
        self.catalog = catalog
        self.language = ui_language()
        self.coordinator = bool(settings.get("coordinator_mode")) if coordinator is None else bool(coordinator)
        self._coordinator_fixed = coordinator is not None
        self.can_edit = False
        self.personal_available = False
        self.layer: Optional[QgsVectorLayer] = None
        self._fid_of: dict[int, int] = {}
        self._idea_of_fid: dict[int, int] = {}
        self._tasks: dict[str, QgsTask] = {}
        self._history_seq = 0
        self._syncing = False
        self._closed = False
        self._pending_select: Optional[int] = None
        self._pick_tool: Optional[QgsMapToolIdentifyFeature] = None
        self._layer_connected: Optional[QgsVectorLayer] = None
        self._layer_token = 0
        self._shown_id: Optional[int] = None  # the idea the detail pane shows
        self._move_map = True  # user selections pan/flash the map; programmatic re-selections do not
        self._previous_tool = None
        #: called with a Conflict; returns the values to save (a dict, maybe empty) or None to keep theirs
        self.resolve_conflict: Callable[[Conflict], Optional[dict]] = self._ask_conflict
        self._signals = SignalBag()
        self._relay = _Relay(self)
        self._relay.listed.connect(self._listed)
        self._relay.summarised.connect(self._summarised)
        self._load_token = 0
        self.model = IdeasTableModel(self)
        self._build()
        self._signals.connect(self.project.layerWillBeRemoved, self._layer_removed)
        if load:
            QTimer.singleShot(0, self.refresh)

    # =========================================================================================================
    # widgets
    # =========================================================================================================
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        top = QHBoxLayout()
        self.source_label = QLabel(body)
        self.source_label.setTextFormat(Qt.PlainText)
        top.addWidget(self.source_label, 1)
        self.refresh_button = self._tool_button(body, "mActionRefresh.svg", self.tr("Reload the ideas"))
        self.pick_button = self._tool_button(body, "mActionIdentify.svg",
                                             self.tr("Pick an idea on the map to select its row"))
        self.pick_button.setCheckable(True)
        self.zoom_button = self._tool_button(body, "mActionZoomToSelected.svg", self.tr("Zoom to the selected idea"))
        self.export_button = self._tool_button(body, "mActionFileSaveAs.svg",
                                               self.tr("Export the filtered list to CSV"))
        self.help_button = self._tool_button(body, "mActionHelpContents.svg", self.tr("Help"))
        for button in (self.refresh_button, self.pick_button, self.zoom_button, self.export_button, self.help_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.progress = QProgressBar(body)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(5)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.bar = QgsMessageBar(body)
        self.bar.hide()
        layout.addWidget(self.bar)
        self.retry_button: Optional[QPushButton] = None
        self.error_text = ""

        filters = QGridLayout()
        filters.setHorizontalSpacing(4)
        filters.setVerticalSpacing(4)
        self.status_combo = self._combo(body, self.tr("All statuses"), STATUSES, status_icons=True)
        self.theme_combo = self._combo(body, self.tr("All themes"), THEMES)
        self.category_combo = self._combo(body, self.tr("All categories"), CATEGORIES)
        self.year_combo = self._combo(body, self.tr("All years"), ())
        filters.addWidget(self.status_combo, 0, 0)
        filters.addWidget(self.theme_combo, 0, 1)
        filters.addWidget(self.category_combo, 1, 0)
        filters.addWidget(self.year_combo, 1, 1)
        self.search_edit = QgsFilterLineEdit(body)
        self.search_edit.setShowSearchIcon(True)
        self.search_edit.setPlaceholderText(self.tr("Search title and description"))
        filters.addWidget(self.search_edit, 2, 0, 1, 2)
        layout.addLayout(filters)
        self.counts_label = QLabel(body)
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextFormat(Qt.RichText)  # built from escaped text only (see _show_counts)
        layout.addWidget(self.counts_label)

        splitter = QSplitter(Qt.Vertical, body)
        self.table = QTableView(splitter)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setHighlightSections(False)
        header.setSortIndicator(5, Qt.DescendingOrder)  # newest first
        self.table.setSortingEnabled(True)
        self._set_column_widths()

        self.tabs = QTabWidget(splitter)
        self.detail = QTextBrowser(self.tabs)
        self.detail.setOpenLinks(False)
        self.tabs.addTab(self.detail, self.tr("Details"))
        self.editor_page = self._build_editor(self.tabs)
        self.tabs.addTab(self.editor_page, self.tr("Decision"))
        scroll = QScrollArea(self.tabs)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(self._build_summary(scroll))
        self.tabs.addTab(scroll, self.tr("Programme"))
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([520, 420])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.setWidget(body)

        self.refresh_button.clicked.connect(self.refresh)
        self.help_button.clicked.connect(lambda: open_help("ideas"))
        self.export_button.clicked.connect(self._export_clicked)
        self.zoom_button.clicked.connect(self.zoom_to_selected)
        self.pick_button.toggled.connect(self._pick_toggled)
        for combo in (self.status_combo, self.theme_combo, self.category_combo, self.year_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._update_mode_widgets()
        self._show_detail(None)
        self._show_counts()

    @staticmethod
    def _tool_button(parent: QWidget, icon: str, tip: str) -> QToolButton:
        button = QToolButton(parent)
        button.setIcon(QgsApplication.getThemeIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    @staticmethod
    def _combo(parent: QWidget, any_text: str, values, status_icons: bool = False) -> QComboBox:
        combo = QComboBox(parent)
        combo.addItem(any_text, None)
        for value in values:
            if status_icons:
                combo.addItem(status_icon(value), value, value)
            else:
                combo.addItem(str(value), value)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def _set_column_widths(self) -> None:
        metrics = self.table.fontMetrics()

        def width(sample: str, extra: int = 14) -> int:
            return metrics.horizontalAdvance(sample) + extra

        widths = {"reference": width("DR-2022-00000"), "title": width("x" * 34), "theme": width("vård och omsorg"),
                  "submitter_category": width("organisation"), "status": width("Genomförd utan medel", 30),
                  "submitted_on": width("2022-12-31"), "estimated_cost_sek": width("5 000 000"),
                  "granted_sek": width("5 000 000"), "expected_yearly_effect_sek": width("10 000 000"),
                  "ratio": width("10.0"), "submitter_name": width("x" * 22), "submitter_contact": width("x" * 26)}
        for section, key in enumerate(self.model.column_keys()):
            self.table.setColumnWidth(section, widths.get(key, width("x" * 12)))

    def _build_editor(self, parent: QWidget) -> QWidget:
        page = QWidget(parent)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(6, 6, 6, 6)
        self.editor_title = QLabel(page)
        self.editor_title.setTextFormat(Qt.PlainText)
        self.editor_title.setWordWrap(True)
        font = self.editor_title.font()
        font.setBold(True)
        self.editor_title.setFont(font)
        page_layout.addWidget(self.editor_title)
        box = QWidget(page)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.edit_status = QComboBox(box)
        for status in STATUSES:
            self.edit_status.addItem(status_icon(status), status, status)
        self.edit_granted = QDoubleSpinBox(box)
        self.edit_granted.setRange(0, PROGRAMME_BUDGET_SEK)
        self.edit_granted.setDecimals(0)
        self.edit_granted.setSingleStep(10000)
        self.edit_granted.setGroupSeparatorShown(True)
        self.edit_granted.setSuffix(" kr")
        self.edit_decision = QPlainTextEdit(box)
        self.edit_decision.setPlaceholderText(self.tr("Decision text"))
        self.edit_decision.setMinimumHeight(60)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save decision"), box)
        self.revert_button = QPushButton(self.tr("Revert"), box)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        form.addRow(self.tr("Status"), self.edit_status)
        form.addRow(self.tr("Granted"), self.edit_granted)
        form.addRow(self.tr("Decision"), self.edit_decision)
        form.addRow(buttons)
        self.editor = box
        page_layout.addWidget(box, 1)
        self.edit_note = QLabel(self.tr(
            "Saving checks that nobody changed the idea since you opened it; every change is kept in its history."),
            page)
        self.edit_note.setWordWrap(True)
        self.edit_note.setStyleSheet("color: gray;")
        page_layout.addWidget(self.edit_note)
        self.readonly_label = QLabel(page)
        self.readonly_label.setWordWrap(True)
        page_layout.addWidget(self.readonly_label)
        self.save_button.clicked.connect(self.save_current)
        self.revert_button.clicked.connect(lambda: self._fill_editor(self.current_idea()))
        return page

    def _build_summary(self, parent: QWidget) -> QWidget:
        page = QWidget(parent)
        grid = QGridLayout(page)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setVerticalSpacing(2)
        self.summary_title = QLabel(page)
        self.summary_title.setWordWrap(True)
        self.summary_title.setTextFormat(Qt.PlainText)
        grid.addWidget(self.summary_title, 0, 0, 1, 2)
        grid.setRowMinimumHeight(1, 6)
        row = 2
        self.year_bars: dict[int, tuple[QLabel, QProgressBar]] = {}
        self.summary_rows: dict[str, tuple[QLabel, QLabel, QProgressBar]] = {}
        keys = [(str(year), str(year)) for year in PROGRAMME_YEARS] + [
            ("granted", self.tr("Granted 2020–2022")), ("effect", self.tr("Expected yearly effect")),
            ("ratio", self.tr("Effect per granted SEK"))]
        for key, title in keys:
            if key == "granted":
                grid.setRowMinimumHeight(row, 8)
                row += 1
            name = QLabel(title, page)
            font = name.font()
            font.setBold(key in ("granted", "effect", "ratio"))
            name.setFont(font)
            value = QLabel(page)
            value.setTextFormat(Qt.PlainText)
            value.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            bar = QProgressBar(page)
            bar.setTextVisible(False)
            bar.setFixedHeight(10)
            bar.setRange(0, 1000)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(bar, row + 1, 0, 1, 2)
            grid.setRowMinimumHeight(row + 2, 4)
            row += 3
            self.summary_rows[key] = (name, value, bar)
            if key.isdigit():
                self.year_bars[int(key)] = (value, bar)
        self.granted_label, self.granted_bar = self.summary_rows["granted"][1:]
        self.effect_label, self.effect_bar = self.summary_rows["effect"][1:]
        self.ratio_label, self.ratio_bar = self.summary_rows["ratio"][1:]
        self.summary_note = QLabel(page)
        self.summary_note.setWordWrap(True)
        self.summary_note.setTextFormat(Qt.PlainText)
        self.summary_note.setStyleSheet("color: gray;")
        grid.addWidget(self.summary_note, row, 0, 1, 2)
        grid.setRowStretch(row + 1, 1)
        grid.setColumnStretch(0, 1)
        return page

    # =========================================================================================================
    # mode and source
    # =========================================================================================================
    def set_repository(self, repository: Optional[IdeaRepository], reload: bool = True) -> None:
        """Use another source (e.g. after the twin source changed); ``None``: from the settings."""
        if self.repository is not None and self.repository is not repository:
            self.repository.close()
        self.repository = repository
        if reload:
            self.refresh(keep_selection=False)

    def set_coordinator_mode(self, on: bool) -> None:
        """Switch planner/coordinator mode; reloads (personal data are only fetched in coordinator mode)."""
        on = bool(on)
        self._coordinator_fixed = True
        if on == self.coordinator:
            return
        self.coordinator = on
        self._update_mode_widgets()
        self.refresh()

    def _sync_mode_from_settings(self) -> None:
        if not self._coordinator_fixed:
            self.coordinator = bool(settings.get("coordinator_mode"))

    @property
    def show_personal(self) -> bool:
        return self.coordinator and self.personal_available

    def _update_mode_widgets(self) -> None:
        editing = self.coordinator and self.can_edit
        self.editor.setVisible(editing)
        self.edit_note.setVisible(editing)
        self.readonly_label.setVisible(not editing)
        self.readonly_label.setText(self.tr("This source is read-only for you: decisions cannot be saved here."))
        index = self.tabs.indexOf(self.editor_page)
        if hasattr(self.tabs, "setTabVisible"):  # Qt >= 5.15
            self.tabs.setTabVisible(index, self.coordinator)
        else:  # pragma: no cover
            self.tabs.setTabEnabled(index, self.coordinator)
        source = self.repository.describe() if self.repository is not None else self.tr("no source")
        mode = self.tr("coordinator") if self.coordinator else self.tr("planner, read-only")
        self.source_label.setText(f"{source} · {mode}")
        tip = source if self.coordinator else source + "\n" + self.tr(
            "Read-only list. Coordinators edit decisions in coordinator mode (Settings › Options › Digiresan).")
        self.source_label.setToolTip(tip)

    # =========================================================================================================
    # loading
    # =========================================================================================================
    def is_busy(self) -> bool:
        return bool(self._tasks.get("load") or self._tasks.get("save"))

    def refresh(self, keep_selection: bool = True) -> None:
        """Reload the ideas off the UI thread; keeps filters, sort and (if still there) the selected idea."""
        if self._closed or self._tasks.get("load") is not None:
            return
        self._sync_mode_from_settings()
        if keep_selection:
            current = self.current_idea()
            if current is not None:
                self._pending_select = current.idea_id
        else:
            self._pending_select = None
        try:
            if self.repository is None:
                self.repository = repository_from_settings()
            self.repository.prepare()  # auth manager / saved connections: UI thread
        except RepositoryError as exc:
            self._show_error(str(exc))
            return
        self._update_mode_widgets()
        repository = self.repository
        personal = self.coordinator

        relay = self._relay
        self._load_token += 1
        token = self._load_token

        def work(_task: QgsTask) -> dict:
            ideas = repository.list_ideas(include_personal=personal)
            index = IdeaIndex(ideas, search=False)
            # the list is shown now (queued to the UI thread); the rest of the work goes on here once it is shown,
            # so that this thread does not compete with the UI thread for Python meanwhile
            shown = threading.Event()
            relay.listed.emit({
                "token": token,
                "ideas": ideas,
                "index": index,
                "personal": personal and repository.can_read_personal_data(),
                "editable": repository.can_edit(),
                "shown": shown,
            })
            shown.wait(10)
            index.prepare()  # the other columns, the facets and the search texts: filtering is instant after this
            summary = programme_summary(ideas)
            relay.summarised.emit({"token": token, "summary": summary})
            return {"features": layer_features(ideas)}  # plain QgsFeature objects: safe in a task

        self._start_task("load", self.tr("Loading Digiresan ideas"), work, self._loaded)

    def _loaded(self, error: Optional[BaseException], value: Optional[dict]) -> None:
        if error is not None:
            self._show_error(self._error_text(error, self.tr("The ideas could not be loaded")))
            return
        QTimer.singleShot(0, lambda: self._update_layer(value["features"]))

    def _listed(self, value: dict) -> None:
        try:
            if not self._closed and value.get("token") == self._load_token:
                self._show_list(value)
        finally:
            QTimer.singleShot(50, value["shown"].set)  # let the table paint before the task goes on

    def _show_list(self, value: dict) -> None:
        self._clear_error()
        ideas: Sequence[Idea] = value["ideas"]
        self.personal_available = bool(value["personal"])
        self.can_edit = bool(value["editable"])
        self._update_mode_widgets()
        self.model.set_ideas(ideas, personal=self.show_personal, index=value.get("index"))
        self._fill_filter_combos()
        self._set_column_widths()
        self._show_counts()
        self._select_pending(force=True)
        self.loaded.emit(len(ideas))

    def _summarised(self, value: dict) -> None:
        if value["token"] == self._load_token and not self._closed:
            self._update_summary(value["summary"])
            self._fill_filter_combos()  # themes outside the standard list are known now

    def search_ready(self) -> bool:
        """Whether filtering is instant now (the loading task has built the facets and search texts)."""
        return self.model.index_ready()

    def ideas(self) -> Sequence[Idea]:
        """The ideas as loaded (for the twin card: see ``core.ideas.filtering.ideas_for_feature``)."""
        return self.model.ideas()

    def _fill_filter_combos(self) -> None:
        years = self.model.years()
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem(self.tr("All years"), None)
        for year in years:
            self.year_combo.addItem(str(year), year)
        index = self.year_combo.findData(current) if current is not None else 0
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)
        # themes outside the standard list still get a filter entry
        extra = [t for t in self.model.themes() if t not in THEMES]
        for theme in extra:
            if self.theme_combo.findData(theme) < 0:
                self.theme_combo.addItem(theme, theme)

    # =========================================================================================================
    # tasks, errors
    # =========================================================================================================
    def _start_task(self, name: str, description: str, work: Callable[[QgsTask], Any],
                    done: Callable[[Optional[BaseException], Any], None], busy: bool = True) -> None:
        def finished(exception: Optional[BaseException], value: Any = None) -> None:
            self._tasks.pop(name, None)
            self._set_busy(self.is_busy())
            if self._closed:
                return
            try:
                done(exception, value)
            except Exception as exc:  # noqa: BLE001 - QgsTask would swallow it silently
                LOG.error(f"Digiresan ideas: {name} handler failed: {exc!r}")
                raise

        task = QgsTask.fromFunction(description, work, on_finished=finished, flags=QgsTask.CanCancel)
        self._tasks[name] = task
        if busy:
            self._set_busy(True)
        QgsApplication.taskManager().addTask(task)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.refresh_button.setEnabled(not busy)
        self.save_button.setEnabled(not self._tasks.get("save"))

    def _error_text(self, error: BaseException, fallback: str) -> str:
        if isinstance(error, RepositoryError):
            return str(error)
        LOG.error(f"Digiresan ideas: {error!r}")
        return f"{fallback}: {error}"

    def _show_error(self, text: str) -> None:
        self.error_text = text
        self.bar.clearWidgets()
        item = self.bar.createMessage(self.tr("Ideas"), text)
        retry = QPushButton(self.tr("Retry"), item)
        retry.clicked.connect(self.refresh)
        item.layout().addWidget(retry)
        self.retry_button = retry
        self.bar.pushWidget(item, Qgis.Critical, 0)
        self.bar.show()
        self.failed.emit(text)

    def _clear_error(self) -> None:
        self.error_text = ""
        self.retry_button = None
        self.bar.clearWidgets()
        self.bar.hide()

    def _message(self, text: str, level: Qgis.MessageLevel = Qgis.Info) -> None:
        if self.message_bar is not None:
            self.message_bar.pushMessage(self.tr("Digiresan ideas"), text, level, 5)

    # =========================================================================================================
    # filters and counts
    # =========================================================================================================
    def current_filter(self) -> IdeaFilter:
        return IdeaFilter(
            status=self.status_combo.currentData(),
            theme=self.theme_combo.currentData(),
            category=self.category_combo.currentData(),
            year=self.year_combo.currentData(),
            text=self.search_edit.text() if self.search_edit.value() else "",
        )

    def apply_filters(self, *_args: object) -> None:
        keep = self.current_idea()
        self.model.set_filter(self.current_filter())
        self._show_counts()
        if keep is not None:
            self._pending_select = keep.idea_id
            self._select_pending(scroll=False)

    def clear_filters(self) -> None:
        for combo in (self.status_combo, self.theme_combo, self.category_combo, self.year_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clearValue()
        self.search_edit.blockSignals(False)
        self.apply_filters()

    def _show_counts(self) -> None:
        result = self.model.result
        parts = []
        for status, n in result.counts.items():
            if n or status in STATUSES:
                colour = STATUS_COLOURS.get(status, "#9e9e9e")
                weight = "bold" if status == self.status_combo.currentData() else "normal"
                name = html.escape(status).replace(" ", "&nbsp;")  # a status never breaks over two lines
                parts.append(f"<span style='color:{colour}'>●</span>&nbsp;<span style='font-weight:{weight}'>"
                             f"{name}&nbsp;{n}</span>")
        shown = self.tr("{shown} of {total} ideas").format(shown=len(result.rows), total=len(self.model.ideas()))
        self.counts_label.setText(f"<b>{html.escape(shown)}</b> &nbsp; " + " &nbsp; ".join(parts))

    # =========================================================================================================
    # selection and detail
    # =========================================================================================================
    def current_idea(self) -> Optional[Idea]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.idea_at(rows[0].row()) if rows else None

    def select_idea(self, idea_id: int, scroll: bool = True) -> bool:
        """Select the idea's row (clearing the filters if they hide it); False if it is not loaded."""
        row = self.model.row_of(idea_id)
        if row is None and self.model.idea_by_id(idea_id) is not None:
            self.clear_filters()
            row = self.model.row_of(idea_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        if scroll:
            self.table.scrollTo(index, QAbstractItemView.PositionAtCenter)
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

    def _selection_changed(self, *_args: object) -> None:
        idea = self.current_idea()
        if idea is None:
            if self._shown_id is not None:
                self._shown_id = None
                self._show_detail(None)
            return
        if idea.idea_id == self._shown_id:
            return  # the same idea re-selected after a filter or reload: keep what is shown
        self._shown_id = idea.idea_id
        self._show_detail(idea)
        self._fill_editor(idea)
        self._load_history(idea)
        self._show_on_map(idea, move=self._move_map)

    def _show_detail(self, idea: Optional[Idea], history: Optional[list[IdeaEvent]] = None,
                     history_error: str = "") -> None:
        if idea is None:
            hint = html.escape(self.tr("Select an idea to see its details."))
            self.detail.setHtml(f"<p style='color:gray'>{hint}</p>")
            self.editor.setEnabled(False)
            self.zoom_button.setEnabled(False)
            return
        self.editor.setEnabled(True)
        self.zoom_button.setEnabled(idea.located)
        self.detail.setHtml(self._detail_html(idea, history, history_error))

    def _detail_html(self, idea: Idea, history: Optional[list[IdeaEvent]], history_error: str) -> str:
        e = html.escape
        loc = QLocale()

        def money(value: Optional[float]) -> str:
            return "–" if value is None else e(loc.toString(float(value), "f", 0) + " kr")

        ratio = idea.ratio
        rows = [
            (self.tr("Status"), f"<span style='color:{STATUS_COLOURS.get(idea.status, '#555')}'>●</span> "
                                f"{e(idea.status)}"),
            (self.tr("Theme"), e(idea.theme or "–")),
            (self.tr("Department"), e(idea.department or "–")),
            (self.tr("Category"), e(idea.submitter_category or "–")),
            (self.tr("Received"), e(idea.submitted_on.isoformat() if idea.submitted_on else "–")),
            (self.tr("Estimated cost"), money(idea.estimated_cost_sek)),
            (self.tr("Granted"), money(idea.granted_sek)),
            (self.tr("Yearly effect"), money(idea.expected_yearly_effect_sek)),
            (self.tr("Effect/cost"), "–" if ratio is None else e(loc.toString(ratio, "f", 2)) + " : 1"),
        ]
        if idea.linked_layer:
            rows.append((self.tr("Linked to"), e(f"{self._layer_title(idea.linked_layer)} {idea.linked_key or ''}")))
        if idea.located:
            rows.append((self.tr("Location"), e(f"E {idea.x:.0f}, N {idea.y:.0f} (EPSG:3006)")))
        if self.show_personal:
            rows.append((self.tr("Submitter"), e(idea.submitter_name or "–")))
            rows.append((self.tr("Contact"), e(idea.submitter_contact or "–")))
        table = "".join(f"<tr><td style='color:gray;padding-right:8px'>{k}</td><td>{v}</td></tr>" for k, v in rows)
        parts = [
            f"<h3 style='margin:0'>{e(idea.reference)} — {e(idea.title)}</h3>",
            f"<table cellspacing='0' cellpadding='1'>{table}</table>",
            f"<p style='white-space:pre-wrap'>{e(idea.description or '')}</p>",
        ]
        decided = f" ({e(idea.decided_on.isoformat())})" if idea.decided_on else ""
        decision_title, none_yet, history_title = self.tr("Decision"), self.tr("None yet"), self.tr("History")
        parts.append(f"<h4 style='margin-bottom:2px'>{e(decision_title)}{decided}</h4>")
        parts.append(f"<p style='white-space:pre-wrap;margin-top:0'>{e(idea.decision_text or none_yet)}</p>")
        parts.append(f"<h4 style='margin-bottom:2px'>{e(history_title)}</h4>")
        if history_error:
            parts.append(f"<p style='color:#c62828'>{e(history_error)}</p>")
        elif history is None:
            loading = self.tr("Loading…")
            parts.append(f"<p style='color:gray'>{e(loading)}</p>")
        elif not history:
            no_changes = self.tr("No changes recorded")
            parts.append(f"<p style='color:gray'>{e(no_changes)}</p>")
        else:
            items = []
            for ev in history:
                when = ev.changed_at.replace("T", " ")[:16]
                old = "–" if ev.old_value is None else ev.old_value
                new = "–" if ev.new_value is None else ev.new_value
                label = field_label(ev.field)
                items.append(
                    f"<tr><td style='color:gray;padding-right:6px'>{e(when)}</td><td>{e(ev.changed_by)}</td>"
                    f"<td style='padding-left:6px'>{e(label)}: {e(_short(old))} → {e(_short(new))}</td></tr>")
            parts.append(f"<table cellspacing='0' cellpadding='1'>{''.join(items)}</table>")
        return "".join(parts)

    def _layer_title(self, layer_id: str) -> str:
        """The catalog's title of a twin layer (its id when there is no catalog or no such layer)."""
        if self.catalog is not None:
            try:
                return self.catalog.layer(layer_id).title.text(self.language)
            except KeyError:
                pass
        return layer_id

    def _load_history(self, idea: Idea) -> None:
        if self.repository is None:
            return
        self._history_seq += 1
        seq = self._history_seq
        repository, personal, idea_id = self.repository, self.show_personal, idea.idea_id

        def work(_task: QgsTask) -> tuple:
            return (seq, repository.history(idea_id, include_personal=personal))

        def done(error: Optional[BaseException], value: Optional[tuple]) -> None:
            current = self.current_idea()
            if current is None or current.idea_id != idea_id or (value and value[0] != self._history_seq):
                return
            if error is not None:
                self._show_detail(current, history_error=self._error_text(error, self.tr("No history")))
            else:
                self._show_detail(current, history=value[1])

        # one history task at a time; stale results are dropped by the sequence number
        name = f"history-{seq}"
        self._start_task(name, self.tr("Loading idea history"), work, done, busy=False)

    # =========================================================================================================
    # editing
    # =========================================================================================================
    def _fill_editor(self, idea: Optional[Idea]) -> None:
        if idea is None:
            self.editor_title.setText(self.tr("Select an idea to decide on it."))
            return
        self.editor_title.setText(f"{idea.reference} — {idea.title}")
        self.edit_status.setCurrentIndex(max(self.edit_status.findData(idea.status), 0))
        self.edit_granted.setValue(idea.granted_sek or 0.0)
        self.edit_decision.setPlainText(idea.decision_text or "")

    def edited_values(self, idea: Idea) -> dict:
        """The editor's values that differ from ``idea``."""
        values: dict[str, Any] = {}
        status = self.edit_status.currentData()
        if status != idea.status:
            values["status"] = status
            if status in DECISION_STATUSES and idea.decided_on is None:
                values["decided_on"] = date.today()
        granted = float(self.edit_granted.value())
        if round(granted, 2) != round(idea.granted_sek or 0.0, 2):
            values["granted_sek"] = granted
        text = self.edit_decision.toPlainText().strip()
        if text != (idea.decision_text or "").strip():
            values["decision_text"] = text or None
        return values

    def save_current(self) -> None:
        idea = self.current_idea()
        if idea is None or self.repository is None:
            return
        if not (self.coordinator and self.can_edit):
            self._message(self.tr("Saving needs coordinator mode and a source you may edit."), Qgis.Warning)
            return
        values = self.edited_values(idea)
        if not values:
            self._message(self.tr("Nothing changed."))
            return
        self._save(IdeaChange(idea.idea_id, idea.version, values, user=_user_name()))

    def _save(self, change: IdeaChange) -> None:
        if self._tasks.get("save") is not None:
            return
        repository = self.repository

        def work(_task: QgsTask) -> dict:
            return {"result": repository.save(change)}

        def done(error: Optional[BaseException], value: Optional[dict]) -> None:
            if error is not None:
                text = self._error_text(error, self.tr("The idea could not be saved"))
                self._message(text, Qgis.Critical)
                self.failed.emit(text)
                return
            self._saved(change, value["result"])

        self._start_task("save", self.tr("Saving Digiresan idea"), work, done)

    def _saved(self, change: IdeaChange, result: SaveResult) -> None:
        if result.ok and result.idea is not None:
            self._put_idea(result.idea)
            self._message(self.tr("Saved {reference}.").format(reference=result.idea.reference), Qgis.Success)
            self.saved.emit(result)
            return
        if result.conflict is not None:
            conflict = result.conflict
            chosen = self.resolve_conflict(conflict)
            if chosen:
                self._save(IdeaChange(change.idea_id, conflict.current.version, chosen, user=change.user))
            else:
                self._put_idea(conflict.current)
                self._message(self.tr("Kept the values saved by {user}.").format(
                    user=conflict.current.updated_by or "?"))
            return
        text = result.error or self.tr("The idea could not be saved")
        self._message(text, Qgis.Warning)
        self.failed.emit(text)

    def _put_idea(self, idea: Idea) -> None:
        """Show a changed idea: model, counts, summary, detail, map; the selection stays."""
        self._pending_select = idea.idea_id
        if not self.show_personal:
            idea = idea.without_personal_data()
        self.model.replace_idea(idea)
        self._show_counts()
        self._update_summary()
        self._select_pending(scroll=False, force=True)
        self._update_layer_feature(idea)

    def _ask_conflict(self, conflict: Conflict) -> Optional[dict]:
        dialog = ConflictDialog(conflict, self)
        if dialog.exec_() != QDialog.Accepted:
            return None
        return dialog.chosen_values()

    # =========================================================================================================
    # programme summary
    # =========================================================================================================
    def _update_summary(self, summary: Optional[ProgrammeSummary] = None) -> None:
        """Show the programme numbers (``summary``: computed in the loading task; else here)."""
        if summary is None:
            summary = programme_summary(self.model.ideas())
        loc = QLocale()
        budget = _msek(PROGRAMME_BUDGET_SEK, 0)
        self.summary_title.setText(self.tr("{n} ideas · {funded} funded · {effect} with an expected effect").format(
            n=len(self.model.ideas()), funded=summary.funded_count, effect=summary.effect_count))
        cumulative = summary.cumulative_by_year()
        for year, (value, bar) in self.year_bars.items():
            total = cumulative.get(year, 0.0)
            value.setText(self.tr("+{year} MSEK · {total} of {budget} MSEK").format(
                year=_msek(summary.granted_by_year.get(year, 0.0)), total=_msek(total), budget=budget))
            _set_bar(bar, total / PROGRAMME_BUDGET_SEK, over=total > PROGRAMME_BUDGET_SEK)
        self.granted_label.setText(self.tr("{granted} of {budget} MSEK · {left} MSEK left").format(
            granted=_msek(summary.granted_total), budget=budget, left=_msek(summary.remaining)))
        _set_bar(self.granted_bar, summary.granted_total / PROGRAMME_BUDGET_SEK,
                 over=summary.granted_total > PROGRAMME_BUDGET_SEK)
        self.effect_label.setText(self.tr("{effect} of {target} MSEK a year").format(
            effect=_msek(summary.effect_total), target=_msek(EFFECT_TARGET_SEK, 0)))
        _set_bar(self.effect_bar, summary.effect_total / EFFECT_TARGET_SEK,
                 reached=summary.effect_total >= EFFECT_TARGET_SEK)
        ratio = summary.ratio
        self.ratio_label.setText(self.tr("{ratio} : 1 (target {target} : 1)").format(
            ratio="–" if ratio is None else loc.toString(ratio, "f", 2), target=loc.toString(TARGET_RATIO, "f", 0)))
        _set_bar(self.ratio_bar, (ratio or 0.0) / TARGET_RATIO, reached=ratio is not None and ratio >= TARGET_RATIO)
        self.summary_note.setText(self.tr(
            "Granted: Beviljad, Delvis beviljad and Genomförd, booked in the year of the decision. Effect: the same "
            "plus Genomförd utan medel. Bars: share of the 50 MSEK budget, of the 100 MSEK effect target and of the "
            "2 : 1 ratio."))

    # =========================================================================================================
    # map
    # =========================================================================================================
    def _find_layer(self) -> Optional[QgsVectorLayer]:
        for layer in self.project.mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and layer.customProperty(LAYER_PROPERTY):
                return layer
        return None

    def _create_layer(self) -> QgsVectorLayer:
        layer = QgsVectorLayer(f"Point?crs={IDEAS_CRS}&index=yes", self.tr("Digiresan ideas"), "memory")
        layer.dataProvider().addAttributes(layer_fields().toList())
        layer.updateFields()
        layer.setCustomProperty(LAYER_PROPERTY, True)
        categories = []
        for status in STATUSES:
            symbol = QgsMarkerSymbol.createSimple({
                "name": "circle", "color": STATUS_COLOURS[status], "outline_color": "#ffffff",
                "outline_width": "0.4", "size": "3.2"})
            categories.append(QgsRendererCategory(status, symbol, status))
        layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
        layer.setDisplayExpression('"reference" || \' – \' || "title"')
        self.project.addMapLayer(layer)
        return layer

    def _update_layer(self, features: Optional[list[QgsFeature]] = None) -> None:
        """The located ideas as a point layer (no personal data), refreshed after each load.

        ``features``: made by :func:`layer_features` in the loading task; else made here. They are added in chunks
        from the event loop, so that 100 000 points never freeze QGIS.
        """
        if self._closed:
            return
        if features is None:
            features = layer_features(self.model.ideas())
        if self.layer is None:
            self.layer = self._find_layer()
        if self.layer is None:
            if not features:
                return
            self.layer = self._create_layer()
        if self._layer_connected is not self.layer:
            self._signals.connect(self.layer.selectionChanged, self._layer_selection_changed)
            self._layer_connected = self.layer
        layer = self.layer
        self._layer_token += 1
        token = self._layer_token
        self._syncing = True
        try:
            layer.dataProvider().truncate()
        finally:
            self._syncing = False
        self._fid_of, self._idea_of_fid = {}, {}
        chunks = [features[k:k + LAYER_CHUNK] for k in range(0, len(features), LAYER_CHUNK)]

        def add_next() -> None:
            if token != self._layer_token or self._closed or self.layer is not layer:
                return  # a newer load or the layer is gone
            if chunks:
                ok, added = layer.dataProvider().addFeatures(chunks.pop(0))
                if ok:
                    for feature in added:
                        self._fid_of[feature.attribute(0)] = feature.id()
                        self._idea_of_fid[feature.id()] = feature.attribute(0)
            if chunks:
                QTimer.singleShot(0, add_next)
                return
            layer.updateExtents()
            layer.triggerRepaint()
            current = self.current_idea()
            if current is not None:
                self._show_on_map(current, move=False)

        add_next()

    def _update_layer_feature(self, idea: Idea) -> None:
        """Show a saved idea's new status and amount on the map (one feature, not the whole layer)."""
        if self.layer is None:
            return
        fid = self._fid_of.get(idea.idea_id)
        if fid is None:
            if idea.located:
                self._update_layer()
            return
        fields = self.layer.fields()
        values = {fields.indexOf("status"): idea.status, fields.indexOf("granted_sek"): idea.granted_sek,
                  fields.indexOf("title"): idea.title}
        self.layer.dataProvider().changeAttributeValues({fid: values})
        self.layer.triggerRepaint()

    def _layer_removed(self, layer_id: str) -> None:
        if self.layer is not None and self.layer.id() == layer_id:
            if self._pick_tool is not None:
                self.pick_button.setChecked(False)
            self.layer = None
            self._layer_connected = None
            self._fid_of, self._idea_of_fid = {}, {}

    def _show_on_map(self, idea: Idea, move: bool = True) -> None:
        if self.layer is not None and not self._syncing:
            fid = self._fid_of.get(idea.idea_id)
            self._syncing = True
            try:
                self.layer.selectByIds([fid] if fid is not None else [])
            finally:
                self._syncing = False
        if not move or self.canvas is None or not idea.located:
            return
        point = self._canvas_point(idea)
        if not self.canvas.extent().contains(point):
            self.canvas.setCenter(point)
            self.canvas.refresh()
        self.canvas.flashGeometries([QgsGeometry.fromPointXY(point)], self.canvas.mapSettings().destinationCrs())

    def _canvas_point(self, idea: Idea) -> QgsPointXY:
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(IDEAS_CRS),
                                           self.canvas.mapSettings().destinationCrs(), self.project)
        return transform.transform(QgsPointXY(idea.x, idea.y))

    def zoom_to_selected(self) -> None:
        idea = self.current_idea()
        if idea is None or not idea.located or self.canvas is None:
            return
        point = self._canvas_point(idea)
        self.canvas.setCenter(point)
        self.canvas.zoomScale(min(self.canvas.scale(), 2000.0))
        self.canvas.refresh()
        self.canvas.flashGeometries([QgsGeometry.fromPointXY(point)], self.canvas.mapSettings().destinationCrs())

    def _layer_selection_changed(self, selected: list, _deselected: list, _clear: bool) -> None:
        if self._syncing or not selected:
            return
        idea_id = self._idea_of_fid.get(selected[0])
        if idea_id is not None:
            self._select_from_map(idea_id)

    def _select_from_map(self, idea_id: int) -> None:
        self._move_map = False  # the user is looking at it already
        try:
            self.select_idea(idea_id)
        finally:
            self._move_map = True

    def _pick_toggled(self, on: bool) -> None:
        if self.canvas is None:
            return
        if on:
            if self.layer is None:
                self.pick_button.setChecked(False)
                return
            self._previous_tool = self.canvas.mapTool()
            self._pick_tool = QgsMapToolIdentifyFeature(self.canvas, self.layer)
            self._pick_tool.featureIdentified.connect(self._feature_picked)
            self._pick_tool.deactivated.connect(lambda: self.pick_button.setChecked(False))
            self.canvas.setMapTool(self._pick_tool)
        elif self._pick_tool is not None:
            tool, self._pick_tool = self._pick_tool, None
            if self.canvas.mapTool() is tool:
                if self._previous_tool is not None:
                    self.canvas.setMapTool(self._previous_tool)
                else:
                    self.canvas.unsetMapTool(tool)
            tool.deleteLater()

    def _feature_picked(self, feature: QgsFeature) -> None:
        idea_id = self._idea_of_fid.get(feature.id())
        if idea_id is None:
            idea_id = feature.attribute("idea_id")
        if idea_id is not None:
            self._select_from_map(int(idea_id))

    # =========================================================================================================
    # export
    # =========================================================================================================
    def _export_clicked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export ideas"), "digiresan_ideas.csv",
                                                    self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            n = self.export_csv(path)
        except OSError as exc:
            self._message(self.tr("Could not write {path}: {error}").format(path=path, error=exc), Qgis.Critical)
            return
        self._message(self.tr("Exported {n} ideas to {path}").format(n=n, path=path), Qgis.Success)

    def export_csv(self, path: Path | str) -> int:
        """Write the filtered list, in the table's order, to a UTF-8 CSV (Excel-friendly BOM); returns rows.

        Personal data only in coordinator mode.
        """
        fields = CSV_FIELDS + (CSV_PERSONAL_FIELDS if self.show_personal else ())
        ideas = self.model.visible_ideas()
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(fields)
            for idea in ideas:
                writer.writerow([_csv_value(idea, f) for f in fields])
        return len(ideas)

    # =========================================================================================================
    # lifecycle
    # =========================================================================================================
    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._coordinator_fixed and bool(settings.get("coordinator_mode")) != self.coordinator:
            self.refresh()

    def cleanup(self, remove_layer: bool = True) -> None:
        """Disconnect everything and (by default) remove the ideas layer; called by the plugin's unload()."""
        self._closed = True
        if self._pick_tool is not None:
            self.pick_button.setChecked(False)
        self._signals.disconnect_all()
        if self.repository is not None:
            self.repository.close()
        for task in list(self._tasks.values()):
            try:
                task.cancel()
            except RuntimeError:
                pass
        if remove_layer and self.layer is not None:
            layer_id = self.layer.id()
            self.layer = None
            if self.project.mapLayer(layer_id) is not None:
                self.project.removeMapLayer(layer_id)


class _Relay(QObject):
    """Carries a loading task's first result to the UI thread (a queued signal) while the task goes on."""

    listed = pyqtSignal(object)
    summarised = pyqtSignal(object)


class ConflictDialog(QDialog):
    """Someone saved the idea first: their values next to mine, one choice per field."""

    def __init__(self, conflict: Conflict, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.conflict = conflict
        current = conflict.current
        self.setWindowTitle(self.tr("Idea changed meanwhile"))
        layout = QVBoxLayout(self)
        who = current.updated_by or self.tr("someone")
        when = (current.updated_at or "").replace("T", " ")[:16]
        intro = QLabel(self.tr(
            "{reference} was saved by {who} ({when}) after you opened it. Nothing has been overwritten. "
            "Choose for each field which value to keep.").format(reference=current.reference, who=who, when=when),
            self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.PlainText)
        layout.addWidget(intro)
        rows = conflict.differences()
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Saved by {who}").format(who=who),
                                              self.tr("Yours")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self._choices: list[tuple[str, Any, QRadioButton]] = []
        for r, (name, mine, theirs) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(field_label(name)))
            group = QButtonGroup(self)
            theirs_button = QRadioButton(_short(_text(theirs), 200), self.table)
            mine_button = QRadioButton(_short(_text(mine), 200), self.table)
            theirs_button.setChecked(True)
            group.addButton(theirs_button)
            group.addButton(mine_button)
            self.table.setCellWidget(r, 1, theirs_button)
            self.table.setCellWidget(r, 2, mine_button)
            self._choices.append((name, mine, mine_button))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save chosen values"), QDialogButtonBox.AcceptRole)
        self.keep_button = buttons.addButton(self.tr("Keep theirs"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 120 + 34 * max(len(rows), 1))

    def choose_mine(self, name: str) -> None:
        for field_name, _mine, button in self._choices:
            if field_name == name:
                button.setChecked(True)

    def chosen_values(self) -> dict:
        return {name: mine for name, mine, button in self._choices if button.isChecked()}


def layer_fields() -> QgsFields:
    """The attributes of the ideas map layer: no personal data."""
    fields = QgsFields()
    for name, kind in (("idea_id", QVariant.Int), ("reference", QVariant.String), ("title", QVariant.String),
                       ("status", QVariant.String), ("theme", QVariant.String), ("granted_sek", QVariant.Double)):
        fields.append(QgsField(name, kind))
    return fields


def layer_features(ideas: Sequence[Idea]) -> list[QgsFeature]:
    """Point features of the located ideas (from columns: no Idea objects made); safe to call in a task."""
    fields = layer_fields()
    positions, xs, ys = points(ideas)
    values = [column(ideas, name) for name in ("idea_id", "reference", "title", "status", "theme", "granted_sek")]
    features = []
    for k, x, y in zip(positions, xs, ys):
        feature = QgsFeature(fields)
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes([col[k] for col in values])
        features.append(feature)
    return features


def _text(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, float):
        return QLocale().toString(value, "f", 0)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _csv_value(idea: Idea, name: str) -> Any:
    value = idea.ratio if name == "ratio" else getattr(idea, name)
    if value is None:
        return ""
    if name == "ratio":
        return f"{value:.2f}"
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return value


def _user_name() -> str:
    return QgsApplication.userFullName() or QgsApplication.userLoginName() or "QGIS"


__all__ = ["ConflictDialog", "IdeasDock", "repository_from_settings"]
