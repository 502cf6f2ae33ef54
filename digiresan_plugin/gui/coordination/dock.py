"""The "Coordination" dock: every coordination warning of the network in a period (default today → +14 days, or
the Temporal Controller's range), grouped by street, sortable by any column, with counts per class, filters by
rule, handling status and text (permit, applicant, utility, street), and the handling of the selected warning.
A click zooms to it, flashes it and opens the permit's card. The board is computed and the notes are read and
saved in tasks (:mod:`...core.tasks`); the rows come from :class:`...core.coordination.board.Board`."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Callable, Optional

from qgis.core import Qgis, QgsCoordinateTransform, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QDate, QLocale, Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import settings
from ...core.catalog import Catalog
from ...core.coordination.board import Board, BoardError, class_counts, filter_rows, party_values
from ...core.coordination.model import Conflict, Window, add_months
from ...core.coordination.notes import Note, NotesError, effective_status, store_for_layer
from ...core.coordination.shown import ShownDates
from ...core.coordination.temporal import as_of
from ...core.coordination.timeline import street_segments, timeline
from ...core.formatting import card_locale, four_digit_year
from ...core.i18n import ui_language
from ...core.identify.engine import TwinEngine
from ...core.layers import twin_layer
from ...core.log import get_logger
from ...core.tasks import LatestTask, run_task
from ..base_dock import DigiresanDock
from .handling import HandlingEditor
from .timeline import TimelineDialog

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


LOG = get_logger(__name__)


def _logged(_result: object, error: Optional[BaseException]) -> None:
    """A failed write of the profile's board file costs the next session a build: logged, not shown."""
    if error is not None:
        LOG.warning("The coordination board was not kept for the next session: %s", error)

class _RowItem(QTreeWidgetItem):
    """A warning's row: the start and end columns sort by date, not by the text the locale shows."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() is not None else 0
        mine, theirs = self.data(0, ROW_ROLE), other.data(0, ROW_ROLE)
        if column in (0, 1) and isinstance(mine, Conflict) and isinstance(theirs, Conflict):
            pick = (lambda r: r.start) if column == 0 else (lambda r: r.end)
            return (pick(mine) or date.min, mine.street) < (pick(theirs) or date.min, theirs.street)
        return super().__lt__(other)
COLUMNS = 8  # street/start, end, severity, class, rule, permits, status, message


class CoordinationDock(DigiresanDock):
    """The coordination board. ``show_feature(layer_id, fid)`` opens a card (the identify controller's)."""

    def __init__(self, catalog: Catalog, canvas: Optional[QgsMapCanvas] = None,
                 message_bar: Optional[QgsMessageBar] = None, parent: Optional[QWidget] = None,
                 layer_for: Optional[Callable[[str], Optional[QgsVectorLayer]]] = None,
                 show_feature: Optional[Callable[[str, int], None]] = None, today: Optional[date] = None):
        super().__init__(parent, message_bar)
        self.setWindowTitle(self.tr("Coordination"))
        self.setObjectName("DigiresanCoordinationDock")
        self.message_title = self.tr("Coordination")
        self.catalog, self.canvas = catalog, canvas
        self._layer_for = layer_for or (lambda layer_id: twin_layer(QgsProject.instance(), layer_id))
        self._show_feature = show_feature
        self.today = today or date.today()
        self.board: Optional[Board] = None
        self.rows: Optional[list[Conflict]] = None
        self.notes: dict = {}
        self.by_fid: dict = {}
        self.statuses: dict = {}
        self._task = LatestTask()
        self._build()
        if canvas is not None:
            self._signals.connect(canvas.temporalRangeChanged, self._temporal_changed)

    # -- widgets ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        dates = QHBoxLayout()
        self.from_edit, self.to_edit = QDateEdit(body), QDateEdit(body)
        locale = card_locale()  # the dates as the card shows them
        for edit, day in ((self.from_edit, self.today), (self.to_edit, self.today + timedelta(days=14))):
            edit.setCalendarPopup(True)
            edit.setLocale(locale)
            edit.setDisplayFormat(four_digit_year(locale.dateFormat(QLocale.FormatType.ShortFormat)))
            edit.setDate(QDate(day))
        self.follow_time = QCheckBox(self.tr("Follow the Temporal Controller"), body)
        self.follow_time.toggled.connect(lambda _on: self._temporal_changed())
        self.refresh_button = QPushButton(self.tr("Refresh"), body)
        self.refresh_button.clicked.connect(self.refresh)
        self.timeline_button = QPushButton(self.tr("Timeline"), body)
        self.timeline_button.setToolTip(self.tr("The year of the selected warning's street: permits, dig bans and "
                                                "paving"))
        self.timeline_button.clicked.connect(self.show_timeline)
        for widget in (QLabel(self.tr("From"), body), self.from_edit, QLabel(self.tr("to"), body), self.to_edit,
                       self.refresh_button):
            dates.addWidget(widget)
        layout.addLayout(dates)
        time_row = QHBoxLayout()
        time_row.addWidget(self.follow_time, 1)
        time_row.addWidget(self.timeline_button)
        layout.addLayout(time_row)
        filters = QGridLayout()
        self.rule_filter, self.status_filter = QComboBox(body), QComboBox(body)
        self.rule_filter.addItem(self.tr("All rules"), "")
        self.status_filter.addItem(self.tr("Any status"), "")
        for code, text in (("new", self.tr("New")), ("in_progress", self.tr("In progress")),
                           ("resolved", self.tr("Resolved")), ("accepted", self.tr("Accepted with reason"))):
            self.status_filter.addItem(text, code)
        self.utility_filter, self.applicant_filter = QComboBox(body), QComboBox(body)
        self.utility_filter.addItem(self.tr("Any utility"), "")
        self.applicant_filter.addItem(self.tr("Any applicant"), "")
        self.text_filter = QLineEdit(body)
        self.text_filter.setPlaceholderText(self.tr("Permit, applicant, utility or street"))
        for n, widget in enumerate((self.rule_filter, self.status_filter, self.utility_filter,
                                    self.applicant_filter)):
            filters.addWidget(widget, n // 2, n % 2)  # two per row: the dock fits a side panel
        filters.addWidget(self.text_filter, 2, 0, 1, 2)
        for combo in (self.rule_filter, self.status_filter, self.utility_filter, self.applicant_filter):
            # long rule titles and applicant names must not widen the dock (the list shows them in full)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(lambda _i: self._fill())
        self.text_filter.textChanged.connect(lambda _t: self._fill())
        layout.addLayout(filters)
        self.counts = QLabel(body)
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        layout.addWidget(self.busy_bar(body))
        self.tree = QTreeWidget(body)
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels([self.tr("Street / start"), self.tr("End"), self.tr("Severity"), self.tr("Class"),
                                   self.tr("Rule"), self.tr("Permits"), self.tr("Status"), self.tr("Message")])
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.tree.currentItemChanged.connect(self._selected)
        self.tree.itemActivated.connect(lambda item, _c: self._open(item))
        self.tree.itemClicked.connect(lambda item, _c: self._open(item))
        layout.addWidget(self.tree, 1)
        self.window_label = QLabel(body)
        self.window_label.setWordWrap(True)
        layout.addWidget(self.window_label)
        self.editor = HandlingEditor(body)
        self.editor.saveRequested.connect(self.save_note)
        layout.addWidget(self.editor)
        self.setWidget(body)

    # -- the board --------------------------------------------------------------------------------------
    def window(self) -> Window:
        return Window(self.from_edit.date().toPyDate(), self.to_edit.date().toPyDate())

    @staticmethod
    def _locale() -> QLocale:
        """The locale of the card's dates (QGIS's settings: main thread)."""
        return card_locale()

    def is_busy(self) -> bool:
        return self._task.busy

    def refresh(self) -> None:
        """Recompute the board for the period in a task (main thread: layers snapshotted, settings read)."""
        engine = TwinEngine.snapshot(self.catalog, self._layer_for, language=ui_language(),
                                     today=as_of(self.canvas, self.today),
                                     cap=int(settings.get("related_feature_cap")), locale=self._locale())
        try:
            board = Board(engine)
        except BoardError as exc:
            self.message(str(exc), Qgis.MessageLevel.Warning)
            return
        board.notes = store_for_layer(self._layer_for(board.spec.permits.layer))
        board.keep_now = False  # the profile's file after the board is on screen (_done)
        self._fill_rules(board)
        window = self.window()
        self.set_busy(True)

        def work(_task: Any) -> tuple:
            rows = board.conflicts(window)
            return rows, (board.notes.load() if board.notes is not None else {})

        self._task.start(self.tr("Coordination board"), work, lambda result, error: self._done(board, result, error))

    def _done(self, board: Board, result: Optional[tuple], error: Optional[BaseException]) -> None:
        self.set_busy(False)
        if error is not None:
            self.message(self.tr("The coordination board failed: {error}").format(error=error),
                         Qgis.MessageLevel.Critical, 10)
            return
        self.board = board
        run_task(self.tr("Coordination board kept for the next session"),
                 lambda _task: board.keep_for_next_session(), _logged, can_cancel=False)
        self.rows, self.notes = result
        self.statuses = {r.key: effective_status(self.notes.get(r.key), r) for r in self.rows}
        self.by_fid = board.permits_by_fid()
        for combo, role in ((self.utility_filter, "utility"), (self.applicant_filter, "applicant")):
            _refill(combo, party_values(self.rows, self.by_fid, role))
        self._fill()

    def _fill_rules(self, board: Board) -> None:
        current = self.rule_filter.currentData()
        self.rule_filter.blockSignals(True)
        while self.rule_filter.count() > 1:
            self.rule_filter.removeItem(1)
        for rule_id, title in board.rule_titles().items():
            self.rule_filter.addItem(title, rule_id)
        self.rule_filter.setCurrentIndex(max(0, self.rule_filter.findData(current)))
        self.rule_filter.blockSignals(False)

    def visible_rows(self) -> list[Conflict]:
        return filter_rows(self.rows or [], self.statuses, self.rule_filter.currentData() or "",
                           self.status_filter.currentData() or "", self.text_filter.text(),
                           self.utility_filter.currentData() or "", self.applicant_filter.currentData() or "",
                           self.by_fid)

    def _fill(self) -> None:
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        rows = self.visible_rows()
        titles = self.board.rule_titles() if self.board else {}
        classes = {"space_time": self.tr("Space and time"), "space": self.tr("Space only"),
                   "time": self.tr("Time only"), "": self.tr("Other rules")}
        severities = {"warning": self.tr("Warning"), "info": self.tr("Note")}
        statuses = {self.status_filter.itemData(i): self.status_filter.itemText(i)
                    for i in range(1, self.status_filter.count())}
        streets: dict[str, QTreeWidgetItem] = {}
        shown = ShownDates(self._locale())  # the card's date format
        for row in rows:
            group = streets.get(row.street)
            if group is None:
                group = streets[row.street] = QTreeWidgetItem(self.tree, [row.street or "–"])
                group.setFirstColumnSpanned(False)
            item = _RowItem(group, [
                shown.day(row.start), shown.day(row.end),
                severities.get(row.severity, row.severity), classes.get(row.conflict_class, row.conflict_class),
                titles.get(row.rule, row.rule), " / ".join(p for p in (row.permit_id, row.other_id) if p),
                statuses.get(self.statuses.get(row.key, "new"), ""), shown.text(row.message)])
            item.setData(0, ROW_ROLE, row)
            item.setToolTip(7, shown.text(row.message))
        for street, group in streets.items():
            group.setText(0, f"{street or '–'} ({group.childCount()})")
        self.tree.setSortingEnabled(True)
        self.tree.expandAll()
        for column in range(COLUMNS - 1):
            self.tree.resizeColumnToContents(column)
        counts = class_counts(rows)
        self.counts.setText(" · ".join(f"{classes[c]}: {counts[c]}" for c in classes if counts.get(c)) or
                            self.tr("No coordination warnings in this period"))

    # -- a row ------------------------------------------------------------------------------------------
    def _row(self, item: Optional[QTreeWidgetItem]) -> Optional[Conflict]:
        return item.data(0, ROW_ROLE) if item is not None else None

    def _selected(self, item: Optional[QTreeWidgetItem], _previous: Any = None) -> None:
        row = self._row(item)
        window = self.board.work_window(row.segment_id) if row and row.segment_id and self.board else None
        if window is not None:
            self.window_label.setText(self.tr("Work window on {street}: {window} (avoid {avoid})").format(
                street=row.street, window=window.label(), avoid=window.peaks_label() or "–"))
        else:
            self.window_label.setText(self.tr("No hourly counts on {street}").format(street=row.street) if row
                                      else "")
        self.editor.show_conflict(row, self.notes.get(row.key) if row else None,
                                  self.statuses.get(row.key, "new") if row else "new")

    def _open(self, item: QTreeWidgetItem) -> None:
        """Zoom to the warning, flash it and open the permit's (else the segment's) card."""
        row = self._row(item)
        if row is None or self.board is None or self.board.network is None:
            return
        net, spec = self.board.network, self.board.spec
        parts = [net.permit_geometry[p] for p in (row.permit_id, row.other_id) if p in net.permit_geometry]
        if not parts and row.segment_id in net.segment_geometry:
            parts = [net.segment_geometry[row.segment_id]]
        if self.canvas is not None and parts:
            crs = self.canvas.mapSettings().destinationCrs()
            transform = QgsCoordinateTransform(self.board.engine.metric.crs, crs, QgsProject.instance())
            shown = []
            for part in parts:
                geometry = QgsGeometry(part)
                geometry.transform(transform)
                shown.append(geometry)
            extent = QgsGeometry.unaryUnion(shown).boundingBox()
            extent.grow(max(60.0, extent.width()) if not crs.isGeographic() else 0.0008)
            self.canvas.setExtent(extent)
            self.canvas.refresh()
            self.canvas.flashGeometries(shown, crs)
        if self._show_feature is not None:
            if row.permit_fids:
                self._show_feature(spec.permits.layer, row.permit_fids[0])
            elif row.segment_fid is not None:
                self._show_feature(spec.segments.layer, row.segment_fid)

    def save_note(self, note: Note) -> None:
        """Save a note in a task; the row shows its new status once saved."""
        store = self.board.notes if self.board is not None else None
        if store is None:
            self.message(self.tr("This twin has no place for coordination notes"), Qgis.MessageLevel.Warning)
            return

        def done(saved: Optional[Note], error: Optional[BaseException]) -> None:
            if error is not None:
                text = str(error) if isinstance(error, NotesError) else f"{type(error).__name__}: {error}"
                self.message(self.tr("The handling could not be saved: {error}").format(error=text),
                             Qgis.MessageLevel.Critical,
                             10)
                return
            self.notes[saved.key] = saved
            self.statuses[saved.key] = saved.status
            self._fill()
            self.message(self.tr("Handling saved"), Qgis.MessageLevel.Success, 3)

        run_task(self.tr("Save coordination handling"), lambda _task: store.save(note), done)

    def timeline_for(self, street: str):
        """The timeline of ``street`` over the year around the as-of date (after a refresh)."""
        board = self.board
        if board is None or board.network is None:
            return None
        start = add_months(board.as_of, -2)
        return timeline(board.network, street_segments(board.network, street), self.rows or [], start,
                        add_months(start, 12), board.moratorium_years(), board.notice_months, board.spec,
                        board.as_of)

    def show_timeline(self) -> None:
        row = self._row(self.tree.currentItem())
        data = self.timeline_for(row.street) if row is not None else None
        if data is None:
            self.message(self.tr("Select a warning first: the timeline shows its street"), Qgis.MessageLevel.Info, 4)
            return
        self.timeline_dialog = TimelineDialog(data, self.tr("Timeline: {street}").format(street=row.street), self)
        self.timeline_dialog.show()

    # -- time ---------------------------------------------------------------------------------------------
    def _temporal_changed(self) -> None:
        """With "Follow the Temporal Controller": the period is the map's temporal range."""
        if self.canvas is None or not self.follow_time.isChecked():
            return
        temporal = self.canvas.temporalRange()
        if not temporal.begin().isValid():
            return
        end = temporal.end() if temporal.end().isValid() else temporal.begin()
        self.from_edit.setDate(temporal.begin().date())
        self.to_edit.setDate(end.date())
        self.refresh()

    def cleanup(self) -> None:
        self._task.cancel()
        self.board, self.rows = None, None  # the board holds feature sources of the twin's layers
        self._layer_for = lambda _layer_id: None
        self.tree.clear()
        super().cleanup()


def _refill(combo: QComboBox, values: list[str]) -> None:
    """The combo's values after its first ("any") item, keeping the current one when it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for value in values:
        combo.addItem(value, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
