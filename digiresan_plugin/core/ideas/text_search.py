"""Literal, case-insensitive text search over one byte corpus: every idea's title and description, folded and
lowered once, joined into one ``bytes`` (rows separated by NUL) and viewed as a numpy ``uint8`` array.

A search is a few whole-array numpy comparisons (one per byte of the text) and one ``logical_or.reduceat`` per
row: no Python work per idea, so 100 000 ideas take milliseconds whatever the text. The occurrences of recent texts
are kept: a text that contains a kept one (typing on, or typing in front) only checks the other bytes around the
kept occurrences — as a sparse list of positions once they are few.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Optional, Sequence

import numpy as np

#: str.lower() of the Latin-1 range as a byte table (A-Z, À-Þ except ×)
LOWER_LATIN1 = bytes(c + 32 if (65 <= c <= 90 or (192 <= c <= 222 and c != 215)) else c for c in range(256))

# Typographic punctuation folded to ASCII in both the text and the search (like case): "–" finds "-" and back.
# It also keeps Swedish text within Latin-1: one byte per character.
FOLD = (
    ("\u2013", "-"), ("\u2014", "-"), ("\u2010", "-"), ("\u2011", "-"), ("\u2212", "-"), ("\u2018", "'"),
    ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u2026", "..."), ("\u00a0", " "),
    ("\u202f", " "), ("\u2192", "->"), ("\u2022", "*"),
)

_KEPT = 8  # occurrence sets kept for narrowing (at most one of them dense: a bool per corpus byte)
_SPARSE = 256  # kept as positions when fewer than one occurrence per this many bytes


def fold(text: str) -> str:
    for char, plain in FOLD:
        if char in text:  # instant on a Latin-1 string: these characters cannot be in it
            text = text.replace(char, plain)
    return text


def lower(text: str) -> str:
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return text.lower()
    return raw.translate(LOWER_LATIN1).decode("latin-1")


class _Occurrences:
    """Where a text starts in the corpus: a bool per byte (``dense``) or the positions (``sparse``)."""

    __slots__ = ("dense", "sparse", "rows")

    def __init__(self, dense: Optional[np.ndarray], sparse: Optional[np.ndarray], rows: np.ndarray):
        self.dense, self.sparse, self.rows = dense, sparse, rows


class TextSearch:
    """The searchable texts of ``n`` ideas (``titles[k]`` and ``descriptions[k]`` of row ``k``)."""

    def __init__(self, titles: Sequence[Optional[str]], descriptions: Sequence[Optional[str]]):
        n = len(titles)
        texts = "\x00".join(map("\n".join, zip((t or "" for t in titles), (d or "" for d in descriptions))))
        if texts.count("\x00") != max(n - 1, 0):  # a NUL inside a text would split its row: a space instead
            texts = "\x00".join(f"{t or ''}\n{d or ''}".replace("\x00", " ") for t, d in zip(titles, descriptions))
        self._setup(texts, n)

    @classmethod
    def from_corpus(cls, texts: str, n: int) -> "TextSearch":
        """From the texts already joined: ``title + "\\n" + description`` of each row, rows joined by NUL (e.g. by
        SQLite's ``group_concat``). ValueError when that is not ``n`` rows (a NUL inside a text)."""
        if n == 0 or texts.count("\x00") != n - 1:
            raise ValueError("not one text per row")
        search = cls.__new__(cls)
        search._setup(texts, n)
        return search

    def _setup(self, texts: str, n: int) -> None:
        self._n = n
        self._overrides: dict[int, str] = {}  # row → its changed search text (the corpus is never rewritten)
        self._kept: OrderedDict[bytes, _Occurrences] = OrderedDict()
        texts = fold(texts) + "\x00"
        try:
            data = texts.encode("latin-1").translate(LOWER_LATIN1)
            self._codec = "latin-1"
        except UnicodeEncodeError:  # other scripts: UTF-8 bytes (a UTF-8 text only matches whole characters)
            data = texts.lower().encode("utf-8")
            self._codec = "utf-8"
        self._data = data
        self._arr = np.frombuffer(data, dtype=np.uint8) if n else np.zeros(0, dtype=np.uint8)
        starts = np.zeros(n + 1, dtype=np.int64)
        if n:
            starts[1:] = np.flatnonzero(self._arr == 0) + 1
        self._starts = starts
        self._scratch = np.empty(len(self._arr), dtype=bool)
        self._pool: list[np.ndarray] = []  # the dense occurrence buffers (at most two: kept and new)

    def __len__(self) -> int:
        return self._n

    def text(self, row: int) -> str:
        """The search text of one row, as compared (lower case, folded)."""
        if row in self._overrides:
            return self._overrides[row]
        return self._data[self._starts[row]:self._starts[row + 1] - 1].decode(self._codec)

    def replace(self, row: int, text: str) -> None:
        """Row ``row`` now has the search text ``text`` (already normalised with :func:`fold` and :func:`lower`)."""
        self._overrides[row] = text

    def forget(self) -> None:
        """Drop the kept occurrences (the next search starts from nothing)."""
        self._kept.clear()

    # -- searching -------------------------------------------------------------------------------------------------
    def rows(self, needle: str) -> np.ndarray:
        """Rows (ascending int64) whose text contains ``needle`` (normalised as the texts are; not empty)."""
        try:
            key = needle.encode(self._codec)
        except UnicodeEncodeError:  # a character no text has
            key = b""
        if key and b"\x00" not in key and len(key) < len(self._arr):
            rows = self._occurrences(key).rows
        else:
            rows = np.zeros(0, dtype=np.int64)
        if self._overrides:
            changed = np.fromiter(self._overrides, dtype=np.int64, count=len(self._overrides))
            rows = rows[~np.isin(rows, changed)]
            found = [row for row, text in self._overrides.items() if needle in text]
            if found:
                rows = np.union1d(rows, np.array(found, dtype=np.int64))
        return rows

    def _occurrences(self, key: bytes) -> _Occurrences:
        kept = self._kept
        found = kept.get(key)
        if found is not None:
            kept.move_to_end(key)
            return found
        base_key = None
        for old in kept:  # the longest kept text inside this one; sparse ones first
            if old in key and (base_key is None or (kept[old].sparse is not None, len(old))
                               > (kept[base_key].sparse is not None, len(base_key))):
                base_key = old
        base = kept[base_key] if base_key is not None else None
        if base is not None and base.sparse is not None:
            found = self._narrow_sparse(key, base_key, base.sparse)
        else:
            found = self._dense(key, base_key, None if base is None else base.dense)
        kept[key] = found
        if found.dense is not None:  # one dense set kept at a time (a bool per corpus byte)
            for old in [k for k, v in kept.items() if v.dense is not None and k != key]:
                del kept[old]
            del self._pool[2:]
        while len(kept) > _KEPT:
            kept.popitem(last=False)
        return found

    def _buffer(self) -> np.ndarray:
        """A bool per corpus byte, reused: fresh memory would cost a page fault per 4 KiB on every keystroke."""
        size = len(self._arr)
        in_use = {id(v.dense) for v in self._kept.values() if v.dense is not None}
        for buf in self._pool:
            if id(buf) not in in_use:
                return buf
        buf = np.zeros(size, dtype=bool)
        self._pool.append(buf)
        return buf

    def _dense(self, key: bytes, base_key: Optional[bytes], base: Optional[np.ndarray]) -> _Occurrences:
        """Occurrences of ``key`` by whole-corpus comparisons, one per byte not already matched by ``base``."""
        arr = self._arr
        span = len(arr) - len(key) + 1  # where an occurrence can start
        mask = self._buffer()
        out = mask[:span]
        mask[span:] = False
        tmp = self._scratch[:span]
        done = range(0)
        if base is not None and base_key is not None:
            offset = key.find(base_key)
            done = range(offset, offset + len(base_key))
        first = base is None
        for k, byte in enumerate(key):
            if k in done:
                continue
            if first:
                np.equal(arr[k:k + span], byte, out=out)
                first = False
                continue
            np.equal(arr[k:k + span], byte, out=tmp)
            if base is not None:  # the first byte after the base: combine with it directly (no copy of it)
                np.logical_and(base[done.start:done.start + span], tmp, out=out)
                base = None
            else:
                np.logical_and(out, tmp, out=out)
        if base is not None:  # nothing left to compare (cannot happen: the key is longer than the base)
            out[:] = base[done.start:done.start + span]
        count = int(np.count_nonzero(mask))
        if count * _SPARSE < len(mask):  # few: their positions (the next, longer text only looks there)
            positions = np.flatnonzero(mask)
            return _Occurrences(None, positions, self._rows_of(positions))
        rows = np.flatnonzero(np.logical_or.reduceat(mask, self._starts[:-1]))
        return _Occurrences(mask, None, rows)

    def _narrow_sparse(self, key: bytes, base_key: bytes, positions: np.ndarray) -> _Occurrences:
        arr = self._arr
        offset = key.find(base_key)
        cand = positions - offset
        cand = cand[(cand >= 0) & (cand + len(key) <= len(arr))]
        for k, byte in enumerate(key):
            if offset <= k < offset + len(base_key) or not len(cand):
                continue
            cand = cand[arr[cand + k] == byte]
        return _Occurrences(None, cand, self._rows_of(cand))

    def _rows_of(self, positions: np.ndarray) -> np.ndarray:
        """The rows holding ``positions`` (ascending), each once."""
        if not len(positions):
            return np.zeros(0, dtype=np.int64)
        rows = np.searchsorted(self._starts, positions, side="right") - 1
        keep = np.empty(len(rows), dtype=bool)
        keep[0] = True
        np.not_equal(rows[1:], rows[:-1], out=keep[1:])
        return rows[keep]
