"""The maintenance read's compact columns: rows written straight into arrays of the counted size (more or fewer
rows than counted still give every row), narrower integer types only where every value fits."""

from __future__ import annotations

import numpy as np

from digiresan_plugin.core.investment.columns import utf8
from digiresan_plugin.core.investment.network import _narrow_ids
from digiresan_plugin.core.investment.sources import BATCH, Categories, columns_of, floats, ints


def _rows(n: int):
    return ((i, f"S{i}", 0.5 * i, "asfalt" if i % 3 else None) for i in range(n))


def test_counted_columns_equal_the_joined_batches():
    n = 2 * BATCH + 17
    plain = columns_of(_rows(n), [ints, utf8, floats, Categories()])
    for count in (n, n - BATCH - 5, n + 1000):  # exact, fewer counted than read (grown), more (cut)
        cats = Categories()
        got = columns_of(_rows(n), [ints, utf8, floats, cats], count, [np.int32, None, None, np.int16])
        assert [len(c) for c in got] == [n] * 4
        assert got[0].dtype == np.int32 and got[3].dtype == np.int16
        assert got[0].tolist() == plain[0].tolist() == list(range(n))
        assert got[1].tolist() == plain[1].tolist() and got[1][n - 1] == f"S{n - 1}".encode()
        assert got[2].tolist() == plain[2].tolist() == [0.5 * i for i in range(n)]  # floats kept exactly
        assert got[3].tolist() == plain[3].tolist() and cats.values == ("asfalt",)
    assert columns_of(iter(()), [ints, floats], 10) == [None, None]


def test_feature_ids_narrowed_only_when_all_fit():
    assert _narrow_ids(np.array([1, 2, 2**31 - 1], np.int64)).dtype == np.int32
    wide = np.array([1, 2**31], np.int64)
    assert _narrow_ids(wide).dtype == np.int64 and _narrow_ids(wide).tolist() == [1, 2**31]
