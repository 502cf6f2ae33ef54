"""Ideas as columns: what filtering, sorting, the summary and the map need, without making 100 000 objects.

A repository may return an :class:`IdeaList`: the source's raw rows, each turned into an :class:`~.model.Idea` only
when it is asked for (a visible row, the selected idea, an export). Whole columns come straight from the rows
(``map(itemgetter)``: a C loop). A plain list of ideas works too, through their attributes.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from operator import attrgetter
from typing import Any, Callable, Iterator, Optional, Union

import numpy as np

from .model import Idea

IDEA_FIELDS = tuple(f.name for f in fields(Idea))


class _Store:
    """The columns behind one or more :class:`IdeaList` views, completed at most once."""

    def __init__(self, columns: dict[str, list], load_rest: Optional[Callable[[], dict[str, list]]],
                 fetch: Optional[Callable[[int], Optional[Idea]]], convert: dict[str, Callable[[Any], Any]],
                 load_columns: Optional[Callable[[Sequence[str]], dict[str, list]]] = None,
                 load_search: Optional[Callable[[], dict[str, Any]]] = None):
        self.columns = columns
        self.load_rest = load_rest
        self.load_columns = load_columns
        self.load_search = load_search
        self.search_corpus: Optional[str] = None
        self.fetch = fetch
        self.convert = convert
        self.lock = threading.Lock()
        self.complete = load_rest is None

    def ensure_complete(self) -> None:
        if self.complete:
            return
        with self.lock:
            if self.complete:
                return
            self._take(self.load_rest())
            self.complete = True

    def ensure_columns(self, names: Sequence[str]) -> None:
        """Have ``names`` (the others may still be missing): read only them when the source can, else all."""
        if self.complete or all(name in self.columns for name in names):
            return
        if self.load_columns is None:
            self.ensure_complete()
            return
        with self.lock:
            missing = [name for name in names if name not in self.columns]
            if missing and not self.complete:
                self._take(self.load_columns(missing))

    def ensure_search(self, names: Sequence[str]) -> Optional[str]:
        """The search corpus (see :meth:`IdeaList.search_corpus`) and the columns ``names`` read with it; None when
        the source gives no corpus or its rows are not the listed ones."""
        if self.search_corpus is not None or self.load_search is None or self.complete:
            return self.search_corpus
        with self.lock:
            if self.search_corpus is None and not self.complete:
                read = self.load_search()
                if list(read.get("idea_id", ())) == list(self.columns["idea_id"]):
                    self.search_corpus = read.get("corpus")
                    for name in names:
                        if name in read:
                            self.columns.setdefault(name, list(read[name]))
        return self.search_corpus

    def _take(self, rest: dict[str, list]) -> None:
        """Add columns read later, aligned by idea_id with what was listed (the caller holds the lock)."""
        ids = self.columns["idea_id"]
        rest_ids = rest.get("idea_id", ids)
        if len(rest_ids) != len(ids) or list(rest_ids) != list(ids):  # rows added or removed meanwhile
            where = {i: k for k, i in enumerate(rest_ids)}
            picks = [where.get(i) for i in ids]
            rest = {name: [None if k is None else values[k] for k in picks] for name, values in rest.items()}
        for name, values in rest.items():
            self.columns.setdefault(name, list(values))  # what was read first stays as it was read


class IdeaList(Sequence):
    """A read-only sequence of ideas kept as columns; an :class:`~.model.Idea` is made when one is asked for.

    ``columns``: name → values by position (at least ``idea_id``). ``load_rest``: returns the other columns (called
    once, by :meth:`complete` or on first need; e.g. in a background task after the list is shown); until then
    ``fetch(idea_id)`` gives a single idea. ``convert``: name → function from the stored value to the Idea's
    (e.g. ISO text → date). ``load_columns(names)``: returns just those columns (and ``idea_id``), for
    :meth:`ensure_columns` (e.g. the search texts before the rest). ``load_search()``: ``idea_id``, the search
    corpus (``corpus``) and some columns in one read, for :meth:`search_corpus`.
    """

    def __init__(self, columns: dict[str, list], load_rest: Optional[Callable[[], dict[str, list]]] = None,
                 fetch: Optional[Callable[[int], Optional[Idea]]] = None,
                 convert: Optional[dict[str, Callable[[Any], Any]]] = None, _store: Optional[_Store] = None,
                 _overrides: Optional[dict[int, Idea]] = None,
                 load_columns: Optional[Callable[[Sequence[str]], dict[str, list]]] = None,
                 load_search: Optional[Callable[[], dict[str, Any]]] = None):
        self._store = _store or _Store(columns, load_rest, fetch, dict(convert or {}), load_columns, load_search)
        self._overrides = dict(_overrides or {})
        self._cache: dict[int, Idea] = dict(self._overrides)
        self._n = len(self._store.columns["idea_id"])

    # -- completion ------------------------------------------------------------------------------------------------
    @property
    def is_complete(self) -> bool:
        return self._store.complete

    def complete(self) -> None:
        """Load the columns not read yet (thread-safe; does nothing the second time)."""
        self._store.ensure_complete()

    def ensure_columns(self, names: Sequence[str]) -> None:
        """Have the columns ``names`` (thread-safe); the source reads only them when it can."""
        self._store.ensure_columns(names)

    def search_corpus(self, names: Sequence[str] = ()) -> Optional[str]:
        """Every idea's ``title + "\\n" + description``, rows joined by NUL, as the source concatenated them in one
        read (with the columns ``names``, e.g. the facets); None when it cannot (then read the columns). Saved ideas
        are not in it: see :meth:`overridden`."""
        return self._store.ensure_search(names)

    def overridden(self) -> dict[int, Idea]:
        """Position → the saved idea put there (see :meth:`replaced`)."""
        return dict(self._overrides)

    # -- sequence --------------------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._n

    def __getitem__(self, index: Union[int, slice]) -> Any:
        if isinstance(index, slice):
            positions = range(*index.indices(self._n))
            if len(positions) > 64:
                self.complete()
            return [self[i] for i in positions]
        if index < 0:
            index += self._n
        if not 0 <= index < self._n:
            raise IndexError(index)
        idea = self._cache.get(index)
        if idea is None:
            idea = self._make(index)
            self._cache[index] = idea
        return idea

    def __iter__(self) -> Iterator[Idea]:
        self.complete()  # all of them: one read of the rest, not one query per idea
        for k in range(self._n):
            yield self[k]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def _make(self, k: int) -> Idea:
        store = self._store
        if not store.complete and store.fetch is not None:
            idea = store.fetch(store.columns["idea_id"][k])
            if idea is not None:
                return idea
        values = {}
        for name in IDEA_FIELDS:
            col = store.columns.get(name)
            if col is not None:
                value = col[k]
                convert = store.convert.get(name)
                values[name] = convert(value) if convert is not None and value is not None else value
        for name in ("reference", "title", "description"):  # an idea deleted meanwhile still makes a row
            if values.get(name) is None:
                values[name] = ""
        if values.get("version") is None:
            values["version"] = 1
        return Idea(**values)

    # -- columns ---------------------------------------------------------------------------------------------------
    def column(self, name: str) -> list:
        """The stored values of one column (dates may be ISO text here), saved ideas' values in their place."""
        store = self._store
        if name not in store.columns:
            store.ensure_complete()
        col = store.columns.get(name)
        values = list(col) if col is not None else list(map(attrgetter(name), self))
        for k, idea in self._overrides.items():
            values[k] = getattr(idea, name)
        return values

    def replaced(self, position: int, idea: Idea) -> "IdeaList":
        """A new list sharing the columns, with ``idea`` at ``position``."""
        overrides = dict(self._overrides)
        overrides[position] = idea
        return IdeaList({}, _store=self._store, _overrides=overrides)


def column(ideas: Sequence[Idea], name: str) -> list:
    """One column of any sequence of ideas."""
    if isinstance(ideas, IdeaList):
        return ideas.column(name)
    return list(map(attrgetter(name), ideas))


def years(ideas: Sequence[Idea], name: str) -> np.ndarray:
    """The year of a date column (date or ISO text; 0 when empty) as an int16 array."""
    values = column(ideas, name)
    year_of = {v: year_number(v) for v in set(values)}
    return np.array(list(map(year_of.__getitem__, values)), dtype=np.int16)


def ordinals(ideas: Sequence[Idea], name: str) -> np.ndarray:
    """A date column as day numbers (0 when empty), for sorting."""
    values = column(ideas, name)
    day_of = {v: day_number(v) for v in set(values)}
    return np.array(list(map(day_of.__getitem__, values)), dtype=np.int64)


def numbers(ideas: Sequence[Idea], name: str) -> np.ndarray:
    """A money column as float64 (NaN when empty)."""
    return np.array(column(ideas, name), dtype=np.float64)


def ratios(ideas: Sequence[Idea]) -> np.ndarray:
    """Expected yearly effect per SEK of estimated cost (NaN when missing or the cost is not positive)."""
    effect = numbers(ideas, "expected_yearly_effect_sek")
    cost = numbers(ideas, "estimated_cost_sek")
    with np.errstate(divide="ignore", invalid="ignore"):
        out = effect / cost
    out[~(cost > 0)] = np.nan
    return out


def points(ideas: Sequence[Idea]) -> tuple[list[int], list[float], list[float]]:
    """Positions and x, y (in ``model.IDEAS_CRS``) of the located ideas."""
    xs, ys = column(ideas, "x"), column(ideas, "y")
    keep = [k for k, (x, y) in enumerate(zip(xs, ys)) if x is not None and y is not None]
    return keep, [xs[k] for k in keep], [ys[k] for k in keep]


def year_number(value: Any) -> int:
    if not value:
        return 0
    if isinstance(value, date):
        return value.year
    try:
        return int(str(value)[:4])
    except ValueError:
        return 0


def day_number(value: Any) -> int:
    if not value:
        return 0
    if isinstance(value, date):
        return value.toordinal()
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return 0
