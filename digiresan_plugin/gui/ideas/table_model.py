"""Table model of the ideas: 100 000 rows listed in well under a second, a filter keystroke in milliseconds.

No QSortFilterProxyModel (it calls back into Python per row): the model keeps the ideas, a sort permutation and
the filtered positions (an index array from :class:`~digiresan_plugin.core.ideas.filtering.IdeaIndex`), and
resets itself when they change. A row the view shows is formatted once into a compact record (display texts,
icons, colours per column); ``data()`` then only indexes it.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any, Optional, Sequence

import numpy as np
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from ...core.i18n import ui_language
from ...core.ideas.columns import IdeaList, column, numbers, ratios
from ...core.ideas.filtering import FilterResult, IdeaFilter, IdeaIndex
from ...core.ideas.formats import number
from ...core.ideas.model import STATUSES, TARGET_RATIO, Idea
from ...core.ideas.vocabulary import VOCABULARY_FIELDS, label


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the marker pylupdate5 looks for
    return text


# (key, header in English — translated in headerData, numeric)
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("reference", QT_TRANSLATE_NOOP("IdeasTableModel", "Reference"), False),
    ("title", QT_TRANSLATE_NOOP("IdeasTableModel", "Title"), False),
    ("theme", QT_TRANSLATE_NOOP("IdeasTableModel", "Theme"), False),
    ("submitter_category", QT_TRANSLATE_NOOP("IdeasTableModel", "Category"), False),
    ("status", QT_TRANSLATE_NOOP("IdeasTableModel", "Status"), False),
    ("submitted_on", QT_TRANSLATE_NOOP("IdeasTableModel", "Received"), False),
    ("estimated_cost_sek", QT_TRANSLATE_NOOP("IdeasTableModel", "Cost (SEK)"), True),
    ("granted_sek", QT_TRANSLATE_NOOP("IdeasTableModel", "Granted (SEK)"), True),
    ("expected_yearly_effect_sek", QT_TRANSLATE_NOOP("IdeasTableModel", "Yearly effect (SEK)"), True),
    ("ratio", QT_TRANSLATE_NOOP("IdeasTableModel", "Effect/cost"), True),
)
PERSONAL_COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("submitter_name", QT_TRANSLATE_NOOP("IdeasTableModel", "Submitter"), False),
    ("submitter_contact", QT_TRANSLATE_NOOP("IdeasTableModel", "Contact"), False),
)

#: a colour per status, shared by the table, the counts and the map layer
STATUS_COLOURS = {
    "Inkommen": "#8c8c8c",
    "Under bedömning": "#e0a800",
    "Beviljad": "#2e7d32",
    "Delvis beviljad": "#7cb342",
    "Genomförd utan medel": "#00897b",
    "Avslagen": "#c62828",
    "Genomförd": "#1565c0",
    "Återkallad": "#6d4c41",
}

IdeaRole = Qt.ItemDataRole.UserRole + 1
IdeaIdRole = Qt.ItemDataRole.UserRole + 2
# the record's part for a role (the view asks for several roles per cell: each is one dict look-up and an index)
_SLOT = {int(Qt.ItemDataRole.DisplayRole): 0, int(Qt.ItemDataRole.DecorationRole): 1,
         int(Qt.ItemDataRole.ForegroundRole): 2}
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_OTHER_ROLES = frozenset({int(Qt.ItemDataRole.ToolTipRole), int(IdeaRole), int(IdeaIdRole)})
_RECORDS_KEPT = 4096
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def status_icon(status: str, size: int = 10) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(STATUS_COLOURS.get(status, "#9e9e9e")))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class IdeasTableModel(QAbstractTableModel):
    """Ideas as rows; filter with :meth:`set_filter`, sort with :meth:`sort` (both keep each other)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ideas: list[Idea] = []
        self._index = IdeaIndex([])
        self._rows = np.zeros(0, dtype=np.int64)  # positions into _ideas, in display order
        self._order: Optional[np.ndarray] = None  # the sort permutation (None: stored order)
        self._sort: Optional[tuple[int, Qt.SortOrder]] = None
        self._filter = IdeaFilter()
        self._result = FilterResult(np.zeros(0, dtype=np.int64), {})
        self._position: dict[int, int] = {}  # idea_id → position in _ideas
        self._records: dict[int, tuple] = {}  # position → (texts, icons, colours) per column (rows shown)
        self._set_columns(COLUMNS)
        self.language = ui_language()  # numbers: Swedish (decimal comma, thin-space thousands) or English
        self._icons = {s: status_icon(s) for s in STATUSES}
        self._good = QBrush(QColor("#2e7d32"))
        self._weak = QBrush(QColor("#b26a00"))

    # -- data in -----------------------------------------------------------------------------------------------
    def set_ideas(self, ideas: Sequence[Idea], personal: bool = False, index: Optional[IdeaIndex] = None) -> None:
        """Replace the ideas; ``personal`` adds the submitter columns (when they are shown); ``index``: an
        :class:`IdeaIndex` of exactly these ideas, built beforehand (e.g. in the loading task)."""
        if index is None or len(index) != len(ideas):
            index = IdeaIndex(ideas)
        self.beginResetModel()
        self._records = {}
        self._index = index
        self._ideas = index.ideas
        self._position = index.position
        self._set_columns(COLUMNS + (PERSONAL_COLUMNS if personal else ()))
        self._order = self._sorted_order(*self._sort) if self._sort else None
        self._result = self._index.apply(self._filter, self._order)
        self._rows = self._result.rows
        self.endResetModel()

    def replace_idea(self, idea: Idea) -> None:
        """Put a saved idea in place of the stored one (same idea_id); keeps sort and filter."""
        pos = self._position.get(idea.idea_id)
        if pos is None:
            return
        old = self._ideas[pos]
        if idea.submitter_name is None and idea.submitter_contact is None:
            idea = replace(idea, submitter_name=old.submitter_name, submitter_contact=old.submitter_contact)
        if isinstance(self._ideas, IdeaList):
            ideas = self._ideas.replaced(pos, idea)
        else:
            ideas = list(self._ideas)
            ideas[pos] = idea
        self.layoutAboutToBeChanged.emit()
        self._index.replace(pos, idea, ideas)
        self._ideas = ideas
        self._records.pop(pos, None)
        self._order = self._sorted_order(*self._sort) if self._sort else None
        self._result = self._index.apply(self._filter, self._order)
        self._rows = self._result.rows
        self.layoutChanged.emit()

    def set_personal(self, personal: bool) -> None:
        """Add or drop the submitter columns (the ideas stay)."""
        if personal == self.personal:
            return
        self.beginResetModel()
        self._records = {}
        self._set_columns(COLUMNS + (PERSONAL_COLUMNS if personal else ()))
        if self._sort and self._sort[0] >= len(self._columns):
            self._sort, self._order = None, None
            self._result = self._index.apply(self._filter, None)
            self._rows = self._result.rows
        self.endResetModel()

    def _set_columns(self, columns: tuple) -> None:
        self._columns = columns
        self._alignments = tuple(_RIGHT if numeric else _LEFT for _k, _h, numeric in columns)

    @property
    def personal(self) -> bool:
        return len(self._columns) > len(COLUMNS)

    # -- filtering and sorting ---------------------------------------------------------------------------------
    def set_filter(self, flt: IdeaFilter) -> FilterResult:
        self._filter = flt
        result = self._index.apply(flt, self._order)
        if np.array_equal(result.rows, self._rows):  # typing on often keeps the same rows: nothing to redraw
            self._result = result
            return result
        self.beginResetModel()
        self._result = result
        self._rows = result.rows
        self.endResetModel()
        return result

    @property
    def filter(self) -> IdeaFilter:
        return self._filter

    @property
    def result(self) -> FilterResult:
        return self._result

    def _sort_values(self, column_: int):
        """Sort keys of every idea for a column: a number array (empty lowest) or a list of str."""
        key = self._columns[column_][0]
        ideas = self._ideas
        if key == "ratio":
            return np.nan_to_num(ratios(ideas), nan=-np.inf)
        if key in ("estimated_cost_sek", "granted_sek", "expected_yearly_effect_sek"):
            return np.nan_to_num(numbers(ideas, key), nan=-np.inf)
        if key == "submitted_on":
            return self._index.received
        if key == "status":
            return self._index.status_codes.astype(np.int64)  # codes follow the order of the flow
        return [(v or "").casefold() if isinstance(v, str) or v is None else str(v) for v in column(ideas, key)]

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> Optional[np.ndarray]:
        if not 0 <= column < len(self._columns):
            return None
        values = None if self._columns[column][0] == "submitted_on" else self._sort_values(column)
        if values is None:
            permutation = self._index.received_order  # made with the index, in the loading task
        elif isinstance(values, np.ndarray):  # numbers: a stable numpy sort
            permutation = np.argsort(values, kind="stable")
        else:
            permutation = np.array(sorted(range(len(values)), key=values.__getitem__), dtype=np.int64)
        if order == Qt.SortOrder.DescendingOrder:
            permutation = permutation[::-1]  # ties in reverse stored order too: newest first stays newest first
        return np.ascontiguousarray(permutation, dtype=np.int64)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order) if column >= 0 else None
        self._order = self._sorted_order(column, order) if column >= 0 else None
        self._result = self._index.apply(self._filter, self._order)
        self._rows = self._result.rows
        self.layoutChanged.emit()

    # -- access ------------------------------------------------------------------------------------------------
    def ideas(self) -> Sequence[Idea]:
        """All ideas (an IdeaList makes Idea objects only for the ones used)."""
        return self._ideas

    def years(self) -> list[int]:
        return sorted(int(y) for y in np.unique(self._index.year) if y > 0)

    def themes(self) -> list[str]:
        return sorted(self._index.theme_names())

    def index_ready(self) -> bool:
        return self._index.ready

    def clear_search_cache(self) -> None:
        """Forget remembered search answers (benchmarks: measure searching, not remembering)."""
        self._index.invalidate()

    def visible_ids(self) -> Optional[list[int]]:
        """The ids of the listed ideas, in display order; None when nothing is filtered out (all are listed)."""
        if len(self._rows) == len(self._ideas) and self._filter == IdeaFilter():
            return None
        ids = column(self._ideas, "idea_id")
        return [ids[k] for k in self._rows.tolist()]

    def visible_ideas(self) -> list[Idea]:
        ideas = self._ideas
        return [ideas[i] for i in self._rows.tolist()]

    def idea_at(self, row: int) -> Optional[Idea]:
        if 0 <= row < len(self._rows):
            return self._ideas[int(self._rows[row])]
        return None

    def idea_by_id(self, idea_id: int) -> Optional[Idea]:
        pos = self._position.get(idea_id)
        return None if pos is None else self._ideas[pos]

    def row_of(self, idea_id: int) -> Optional[int]:
        pos = self._position.get(idea_id)
        if pos is None:
            return None
        found = np.flatnonzero(self._rows == pos)
        return int(found[0]) if len(found) else None

    def column_keys(self) -> list[str]:
        return [c[0] for c in self._columns]

    # -- Qt model ----------------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        key, header, numeric = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and key == "ratio":
            return self.tr("Expected yearly effect per SEK of estimated cost (the programme aims at 2 : 1)")
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        slot = _SLOT.get(role)
        if slot is None:
            if role == _ALIGNMENT:
                column = index.column()
                return self._alignments[column] if 0 <= column < len(self._alignments) else None
            return self._other(index, role) if role in _OTHER_ROLES else None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        pos = int(self._rows[row])
        record = self._records.get(pos)
        if record is None:
            record = self._record(pos)
        column = index.column()
        return record[slot][column] if column < len(self._columns) else None

    def _record(self, pos: int) -> tuple:
        """The cells of the idea at ``pos``: display texts, status icon, effect/cost colour (kept for the rows shown;
        a changed idea's record is dropped)."""
        idea = self._ideas[pos]
        texts = tuple(self._display(idea, key) for key, _h, _n in self._columns)
        icons = tuple(self._icons.get(idea.status) if key == "status" else None for key, _h, _n in self._columns)
        ratio = idea.ratio
        colour = None if ratio is None else (self._good if ratio >= TARGET_RATIO else self._weak)
        colours = tuple(colour if key == "ratio" else None for key, _h, _n in self._columns)
        if len(self._records) >= _RECORDS_KEPT:
            self._records.clear()
        record = self._records[pos] = (texts, icons, colours)
        return record

    def _other(self, index: QModelIndex, role: int) -> Any:
        row = index.row()
        if not 0 <= row < len(self._rows) or index.column() >= len(self._columns):
            return None
        idea = self._ideas[int(self._rows[row])]
        if role == IdeaRole:
            return idea
        if role == IdeaIdRole:
            return idea.idea_id
        return self._tooltip(idea)

    def _tooltip(self, idea: Idea) -> str:
        """Details on hover, whichever cell: the title, the columns a narrow dock hides, the description's start.
        Every value escaped: a title like "<b>…" is shown as typed, never as markup."""
        e = html.escape
        lines = [f"<b>{e(idea.reference)} — {e(idea.title)}</b>"]
        for key, header, _numeric in self._columns:
            if key in ("reference", "title"):
                continue
            text = self._display(idea, key)
            if text:
                lines.append(f"{e(self.tr(header))}: {e(text)}")
        if idea.description:
            lines.append("")
            lines.append(e(idea.description[:400]))
        return "<p style='white-space:pre-wrap'>" + "\n".join(lines) + "</p>"

    def _display(self, idea: Idea, key: str) -> Optional[str]:
        if key == "ratio":
            ratio = idea.ratio
            return None if ratio is None else number(ratio, 1, self.language)
        value = getattr(idea, key)
        if value is None:
            return None
        if key in ("estimated_cost_sek", "granted_sek", "expected_yearly_effect_sek"):
            return number(float(value), 0, self.language)
        if key == "submitted_on":
            return value.isoformat()
        if key in VOCABULARY_FIELDS:
            return label(value)
        return str(value)
