"""Compact columns of the network: no Python object per segment or per plan row.

A million segments' ids as Python strings cost ≈ 80 bytes each and, kept while every other row's values come and
go, they pin the interpreter's memory arenas (the process never gives that memory back). Here the ids are one
NumPy byte-string array and the paving-plan rows are arrays sorted by segment; Python values are made only for
the rows read.
"""

from __future__ import annotations

from typing import Iterator, Optional

import numpy as np


def utf8(values: tuple) -> np.ndarray:
    """A batch of texts as UTF-8 byte strings (``b""`` for NULL): a converter for ``sources.columns_of``."""
    return np.array([b"" if v is None else (v if v.__class__ is str else str(v)).encode() for v in values],
                    dtype=np.bytes_)


class SegmentIds:
    """Segment ids by segment index, stored as one UTF-8 byte-string array (an empty id reads as None)."""

    def __init__(self, values: Optional[np.ndarray] = None) -> None:
        self.values = values if values is not None else np.zeros(0, dtype="S1")
        self._index: Optional[dict[str, int]] = None

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, i: int) -> Optional[str]:
        value = self.values[i]
        return value.decode() if value else None

    def __iter__(self) -> Iterator[Optional[str]]:
        for value in self.values.tolist():
            yield value.decode() if value else None

    def index(self, segment_id: str) -> int:
        """The first segment index of ``segment_id``; ValueError when absent (like ``list.index``)."""
        found = np.flatnonzero(self.values == segment_id.encode())
        if not len(found):
            raise ValueError(f"{segment_id!r} is not a segment id")
        return int(found[0])

    def positions(self, keys: list) -> np.ndarray:
        """Segment index of each key value (-1 where none); the id → index dictionary is made once, when asked."""
        if self._index is None:
            self._index = {}
            for i, sid in enumerate(self):
                if sid is not None:
                    self._index.setdefault(sid, i)  # the first one wins, as list.index
        get = self._index.get
        return np.fromiter((get(k if k.__class__ is str else str(k), -1) for k in keys), np.int64, len(keys))


class PlanRows:
    """Rows of the paving plan as arrays sorted by segment index: ``get(seg)`` gives that segment's
    ``(year, treatment, scenario)`` tuples, in the rows' order."""

    def __init__(self, seg: Optional[np.ndarray] = None, year: Optional[np.ndarray] = None,
                 treatment: Optional[np.ndarray] = None, treatments: tuple = (),
                 scenario: Optional[np.ndarray] = None, scenarios: tuple = ()) -> None:
        seg = np.zeros(0, np.int64) if seg is None else np.asarray(seg, np.int64)
        order = np.argsort(seg, kind="stable")
        self.seg = seg[order]
        self.year = (np.zeros(0, np.int32) if year is None else np.asarray(year, np.int32))[order]
        self.treatment = (np.full(len(seg), -1, np.int32) if treatment is None else treatment)[order]
        self.scenario = (np.full(len(seg), -1, np.int32) if scenario is None else scenario)[order]
        self.treatments, self.scenarios = treatments, scenarios

    def __len__(self) -> int:
        """The number of segments with rows (as the dictionary it replaces)."""
        return int(len(np.unique(self.seg)))

    def rows(self) -> int:
        return len(self.seg)

    def get(self, seg: int, default: Optional[list] = None) -> list:
        found = self.lookup(np.array([seg])).get(int(seg))
        return found if found is not None else ([] if default is None else default)

    def lookup(self, segs: np.ndarray) -> dict[int, list]:
        """Segment index → its rows, for the segments ``segs`` that have rows (one search for them all)."""
        return {seg: self._rows(lo, hi) for seg, lo, hi in ranges(self.seg, segs)}

    def _rows(self, lo: int, hi: int) -> list:
        t, s = self.treatment[lo:hi].tolist(), self.scenario[lo:hi].tolist()
        return [(y, self.treatments[a] if a >= 0 else None, self.scenarios[b] if b >= 0 else None)
                for y, a, b in zip(self.year[lo:hi].tolist(), t, s)]


def ranges(sorted_segs: np.ndarray, segs: np.ndarray) -> list[tuple[int, int, int]]:
    """``(segment, first, end)`` row ranges in ``sorted_segs`` of the segments ``segs`` that have rows there."""
    segs = np.asarray(segs, np.int64)
    lo = np.searchsorted(sorted_segs, segs)
    hi = np.searchsorted(sorted_segs, segs + 1)
    some = hi > lo
    return list(zip(segs[some].tolist(), lo[some].tolist(), hi[some].tolist()))
