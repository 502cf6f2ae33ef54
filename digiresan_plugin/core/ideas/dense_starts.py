"""Where one search text starts in the ideas' byte corpus, as a bool per byte: the form a text found in many rows is
kept in while typing on (see :mod:`.text_search`).

The corpus is cut at a row boundary into two parts when it is large and the machine has a second core: the other
part runs in a worker thread at the same time (numpy releases the GIL in its loops). A text never spans a row
(it holds no NUL), so each part is computed from its own bytes only.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Optional

import numpy as np

#: corpora smaller than this are searched in one part (handing work to a thread costs more than it saves)
PARALLEL_BYTES = 1 << 21

_pool: Optional[ThreadPoolExecutor] = None
_pool_lock = threading.Lock()


def _worker() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="digiresan-search")
        return _pool


def stop_worker() -> None:
    """End the worker thread (on plugin unload; a later search starts a new one)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True)


class DenseStarts:
    """The starts of ``key`` (None until :meth:`start`) and the rows holding them (ascending int64)."""

    def __init__(self, arr: np.ndarray, starts: np.ndarray, parallel_bytes: Optional[int] = None):
        """``arr``: the corpus, every row ending with a NUL; ``starts``: each row's first byte and the end."""
        self._arr, self._starts = arr, starts
        size, n = len(arr), len(starts) - 1
        self._mask = np.empty(size, dtype=bool)
        self._tmp = np.empty(size, dtype=bool)
        self._mask.fill(False)  # touched now (in the loading task): fresh pages would fault in the first keystroke
        self._tmp.fill(False)
        limit = PARALLEL_BYTES if parallel_bytes is None else parallel_bytes
        if n >= 2 and size >= limit and (os.cpu_count() or 1) >= 2:
            half = n // 2
            self._parts = [(0, int(starts[half]), 0, half), (int(starts[half]), size, half, n)]
        else:
            self._parts = [(0, size, 0, n)]
        self.key: Optional[bytes] = None
        self.rows = np.zeros(0, dtype=np.int64)

    def forget(self) -> None:
        self.key = None

    def _each(self, work: Callable[[int, int, int, int], np.ndarray]) -> np.ndarray:
        """``work`` over every part (the second one in the worker thread), the answers joined in order."""
        parts = self._parts
        if len(parts) == 1:
            return work(*parts[0])
        try:
            other = _worker().submit(work, *parts[1])
        except RuntimeError:  # the worker was just stopped (plugin unload): both parts here
            return np.concatenate([work(*part) for part in parts])
        first = work(*parts[0])
        return np.concatenate((first, other.result()))

    def start(self, byte: int) -> None:
        """The starts of one byte: one comparison."""
        arr, mask = self._arr, self._mask

        def part(lo: int, hi: int, row_lo: int, row_hi: int) -> np.ndarray:
            np.equal(arr[lo:hi], byte, out=mask[lo:hi])
            return self._part_rows(lo, hi, row_lo, row_hi)

        self.rows = self._each(part)
        self.key = bytes((byte,))

    def grow(self, key: bytes, offset: int) -> None:
        """The starts of the kept text (at ``offset`` in ``key``) one byte longer: the byte after it in ``key``
        (typing on: same starts), or the one before it (typing in front: one start earlier)."""
        arr, mask, tmp, old = self._arr, self._mask, self._tmp, self.key
        length = len(old) + 1
        after = offset + len(old) < len(key)
        byte = key[offset + len(old)] if after else key[offset - 1]

        def part(lo: int, hi: int, row_lo: int, row_hi: int) -> np.ndarray:
            end = max(lo, hi - length + 1)  # the text must end inside this part
            if after:
                np.equal(arr[lo + length - 1:end + length - 1], byte, out=tmp[lo:end])
                np.logical_and(mask[lo:end], tmp[lo:end], out=mask[lo:end])
            else:
                np.equal(arr[lo:end], byte, out=tmp[lo:end])
                np.logical_and(tmp[lo:end], mask[lo + 1:end + 1], out=mask[lo:end])  # numpy buffers the overlap
            mask[end:hi] = False
            return self._part_rows(lo, hi, row_lo, row_hi)

        self.rows = self._each(part)
        self.key = old + bytes((byte,)) if after else bytes((byte,)) + old

    def positions(self) -> np.ndarray:
        """Every start, ascending."""
        mask = self._mask
        return self._each(lambda lo, hi, _r0, _r1: np.flatnonzero(mask[lo:hi]) + lo)

    def _part_rows(self, lo: int, hi: int, row_lo: int, row_hi: int) -> np.ndarray:
        hits = np.logical_or.reduceat(self._mask[lo:hi], self._starts[row_lo:row_hi] - lo)
        return np.flatnonzero(hits) + row_lo
