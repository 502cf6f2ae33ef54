"""Literal, case-insensitive text search over one byte corpus: every idea's title and description, folded and
lowered once, joined into one ``bytes`` (rows separated by NUL) and viewed as a numpy ``uint8`` array.

A search is a few whole-array numpy passes and no Python work per idea, so 100 000 ideas take milliseconds whatever
the text. While a text is found in many rows, its starts are a bool per corpus byte (one comparison per byte of the
text, one ``logical_or.reduceat`` per row); typing on compares only the new byte. Once it is in few rows, its starts
are listed and the next bytes are checked there only. The positions of recent texts are kept: a text that contains
a kept one (typing on, or typing in front) only checks the bytes around them.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Optional, Sequence

import numpy as np

from .dense_starts import DenseStarts

#: str.lower() of the Latin-1 range as a byte table (A-Z, À-Þ except ×)
LOWER_LATIN1 = bytes(c + 32 if (65 <= c <= 90 or (192 <= c <= 222 and c != 215)) else c for c in range(256))

# Typographic punctuation folded to ASCII in both the text and the search (like case): "–" finds "-" and back.
# It also keeps Swedish text within Latin-1: one byte per character.
FOLD = (
    ("\u2013", "-"), ("\u2014", "-"), ("\u2010", "-"), ("\u2011", "-"), ("\u2212", "-"), ("\u2018", "'"),
    ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u2026", "..."), ("\u00a0", " "),
    ("\u202f", " "), ("\u2192", "->"), ("\u2022", "*"),
)

_KEPT = 8  # position sets of recent texts kept for narrowing
_FEW_ROWS = 4  # a text in at most one row in this many: its starts are listed (else a bool per byte)
_MAX_POSITIONS = 16  # the kept positions, together, at most one per this many corpus bytes


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
        self._kept: OrderedDict[bytes, np.ndarray] = OrderedDict()  # recent texts → where they start
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
        self._dense = DenseStarts(self._arr, starts)  # the text typed while it is in many rows

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
        """Drop the kept positions (the next search starts from nothing)."""
        self._kept.clear()
        self._dense.forget()

    # -- searching -------------------------------------------------------------------------------------------------
    def rows(self, needle: str) -> np.ndarray:
        """Rows (ascending int64) whose text contains ``needle`` (normalised as the texts are; not empty)."""
        try:
            key = needle.encode(self._codec)
        except UnicodeEncodeError:  # a character no text has
            key = b""
        if key and b"\x00" not in key and len(key) < len(self._arr):
            rows = self._search(key)
        else:
            rows = np.zeros(0, dtype=np.int64)
        if self._overrides:
            changed = np.fromiter(self._overrides, dtype=np.int64, count=len(self._overrides))
            rows = rows[~np.isin(rows, changed)]
            found = [row for row, text in self._overrides.items() if needle in text]
            if found:
                rows = np.union1d(rows, np.array(found, dtype=np.int64))
        return rows

    def _search(self, key: bytes) -> np.ndarray:
        kept = self._kept
        if key in kept:
            kept.move_to_end(key)
            return self._rows_of(kept[key])
        inside = [old for old in kept if old in key]
        if inside:  # the longest kept text inside this one: only its positions can start this one
            base = max(inside, key=len)
            return self._rows_of(self._keep(key, self._narrow(key, kept[base], key.find(base), len(base))))
        dense = self._dense
        if dense.key is None or dense.key not in key:
            dense.start(key[0])
        while dense.key != key:
            offset = key.find(dense.key)
            if len(dense.rows) * _FEW_ROWS <= self._n:  # few: list the starts, check the rest there
                found = self._narrow(key, dense.positions(), offset, len(dense.key))
                return self._rows_of(self._keep(key, found))
            dense.grow(key, offset)
        return dense.rows

    def _keep(self, key: bytes, positions: np.ndarray) -> np.ndarray:
        kept = self._kept
        kept[key] = positions
        budget = len(self._arr) // _MAX_POSITIONS
        while len(kept) > _KEPT or (len(kept) > 1 and sum(map(len, kept.values())) > budget):
            kept.popitem(last=False)
        return positions

    def _narrow(self, key: bytes, positions: np.ndarray, offset: int, known: int) -> np.ndarray:
        """Of the places where ``key[offset:offset + known]`` stands, the starts of ``key`` (checking the other
        bytes there)."""
        arr = self._arr
        cand = positions - offset if offset else positions
        cand = cand[(cand >= 0) & (cand <= len(arr) - len(key))]
        for k, byte in enumerate(key):
            if offset <= k < offset + known or not len(cand):
                continue
            cand = cand[arr[cand + k] == byte]
        return cand

    def _rows_of(self, positions: np.ndarray) -> np.ndarray:
        """The rows (ascending, each once) holding ``positions`` (in any order)."""
        if not len(positions):
            return np.zeros(0, dtype=np.int64)
        hit = np.zeros(self._n, dtype=bool)
        hit[np.searchsorted(self._starts, positions, side="right") - 1] = True
        return np.flatnonzero(hit)
