"""The candidate list as a Qt table model: rows made when shown (a long list stays light), a text and a
coordination filter, CSV rows for the export."""

from __future__ import annotations

from typing import Any, Optional

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt

from ...core.investment.candidates import Candidate, CandidateList, number

COLUMNS = ("street", "segment_id", "treatment", "cost_sek", "severity", "coordination", "forecast_year", "reason")


class CandidateTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.candidates: Optional[CandidateList] = None
        self.rows: list[int] = []  # positions in the candidate list, after the filter
        self._cache: dict[int, Candidate] = {}
        self.language = "en"
        self.headers = [self.tr("Street"), self.tr("Segment"), self.tr("Treatment"), self.tr("Cost (SEK)"),
                        self.tr("Priority"), self.tr("Coordination"), self.tr("Next limit"), self.tr("Reason")]
        self.coordination_words = {"clear": self.tr("clear"), "dig_first": self.tr("dig first"),
                                   "moratorium": self.tr("moratorium")}

    def set_candidates(self, candidates: Optional[CandidateList], language: str = "en") -> None:
        self.beginResetModel()
        self.candidates, self.language, self._cache = candidates, language, {}
        self.rows = list(range(len(candidates))) if candidates is not None else []
        self.endResetModel()

    def candidate(self, row: int) -> Candidate:
        position = self.rows[row]
        found = self._cache.get(position)
        if found is None:
            found = self._cache[position] = self.candidates[position]
        return found

    def apply_filter(self, text: str = "", coordination: str = "") -> None:
        """Keep the candidates whose segment, street, treatment or reason contain ``text`` (any case) and whose
        coordination status is ``coordination`` ("" = any)."""
        self.beginResetModel()
        needle = text.strip().casefold()
        rows = []
        if self.candidates is not None:
            for position in range(len(self.candidates)):
                c = self._cache.get(position) or self._cache.setdefault(position, self.candidates[position])
                if coordination and c.coordination != coordination:
                    continue
                if needle and needle not in " ".join((c.segment_id, c.street or "", c.treatment,
                                                       c.reason)).casefold():
                    continue
                rows.append(position)
        self.rows = rows
        self.endResetModel()

    # -- Qt ----------------------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.candidate(index.row())
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column == "reason":
            return c.reason
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("cost_sek", "severity", "forecast_year"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.text(c, column)

    def text(self, c: Candidate, column: str) -> str:
        if column == "cost_sek":
            return number(round(c.cost_sek, -3), 0, self.language)
        if column == "severity":
            return number(c.severity, 2, self.language)
        if column == "coordination":
            return self.coordination_words.get(c.coordination, c.coordination)
        value = getattr(c, column)
        return "" if value is None else str(value)

    def csv_rows(self) -> list[list[Any]]:
        """The filtered candidates with every field, a header row first (for the export)."""
        fields = list(Candidate.__dataclass_fields__)
        out: list[list[Any]] = [fields]
        for row in range(len(self.rows)):
            c = self.candidate(row)
            out.append(["; ".join(v) if isinstance(v, tuple) else v for v in (getattr(c, f) for f in fields)])
        return out
