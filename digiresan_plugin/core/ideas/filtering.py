"""Fast filtering of ideas held in memory (100 000 rows per keystroke in a few milliseconds).

Search text is literal and case-insensitive over title + description: no wildcards, no regular expressions, no
SQL — ``'; DROP TABLE`` or ``<b>`` are looked for as the characters they are.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

import numpy as np

from .columns import IdeaList, column, day_number, year_number
from .model import STATUSES, Idea, paused_gc
from .text_search import TextSearch, fold, lower


@dataclass(frozen=True)
class IdeaFilter:
    """None (or "") means "any"."""

    status: Optional[str] = None
    theme: Optional[str] = None
    category: Optional[str] = None
    year: Optional[int] = None
    text: str = ""

    @property
    def needle(self) -> str:
        return normalise(self.text)

    def facets(self) -> tuple:
        return (self.theme or None, self.category or None, self.year or None)


@dataclass
class FilterResult:
    """Rows (positions into the index's ideas, in the given order) and counts per status.

    ``counts`` are over the rows matching every criterion except the status, so they tell how many ideas each
    status choice would show.
    """

    rows: np.ndarray  # int64 positions
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def normalise(text: str) -> str:
    """The search text as compared: trimmed, lower case, typographic punctuation as ASCII. Nothing else."""
    return lower(fold((text or "").strip()))


def search_text(idea: Idea) -> str:
    return lower(fold(f"{idea.title or ''}\n{idea.description or ''}"))


_CACHED_SEARCHES = 24
#: what the facets and the search need (read before the other columns when the source can)
FACET_COLUMNS = ("theme", "submitter_category")
SEARCH_COLUMNS = ("title", "description") + FACET_COLUMNS


class IdeaIndex:
    """Precomputed columns of a list of ideas for fast repeated filtering.

    Status, theme, category and year are small integer codes in numpy arrays (facets and counts are vector
    operations); the search texts are one byte corpus (:class:`~.text_search.TextSearch`), searched with whole-array
    numpy operations, the facets applied to the rows found. Typing on narrows the previous occurrences.
    """

    def __init__(self, ideas: Sequence[Idea], search: bool = True):
        """``search=False`` builds only what listing and counting need (status, received date); the theme and
        category facets and the search texts follow in :meth:`prepare` (e.g. in a background task after the list is
        shown) or on first use."""
        self._more: Optional[dict] = None  # theme/category codes and the search texts
        self._more_lock = threading.Lock()
        with paused_gc():
            self._build(ideas)
        self._cache: OrderedDict[tuple, np.ndarray] = OrderedDict()  # (facets, text) → hits, most recent last
        self._rank_of: Optional[tuple] = None
        if search:
            self.prepare()

    def _build(self, ideas: Sequence[Idea]) -> None:
        # Built from whole columns with map()/join()/split(): C loops, no Python bytecode (or Idea object) per idea.
        self.ideas = ideas if isinstance(ideas, IdeaList) else list(ideas)
        ideas_ = self.ideas
        self.status = column(ideas_, "status")
        self._status_names = list(STATUSES) + sorted(s for s in set(self.status) if s not in STATUSES)
        self.status_codes, _ = _codes(self.status, self._status_names)
        received = column(ideas_, "submitted_on")
        distinct = set(received)
        year_of = {v: year_number(v) for v in distinct}
        day_of = {v: day_number(v) for v in distinct}
        self.year = np.array(list(map(year_of.__getitem__, received)), dtype=np.int16)
        self.received = np.array(list(map(day_of.__getitem__, received)), dtype=np.int64)  # day numbers, for sorting
        self.received_order = np.argsort(self.received, kind="stable")  # the list's first sort, made here
        self._all = np.arange(len(ideas_), dtype=np.int64)
        self.position = dict(zip(column(ideas_, "idea_id"), range(len(ideas_))))  # idea_id → position

    # -- the parts built later ---------------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """Whether facets and search texts are built (filtering then never waits)."""
        return self._more is not None

    search_ready = ready

    def prepare(self) -> None:
        """Complete the ideas' columns and build the theme/category facets and the search texts (thread-safe:
        a second caller waits for the first)."""
        with self._more_lock:
            if self._more is not None:
                return
            ideas = self.ideas
            with paused_gc():
                search = _text_search(ideas)
                theme_codes, themes = _codes(column(ideas, "theme"))
                category_codes, categories = _codes(column(ideas, "submitter_category"))
            self._more = {"theme_codes": theme_codes, "themes": themes, "category_codes": category_codes,
                          "categories": categories, "search": search}

    prepare_search = prepare

    def _part(self, name: str):
        if self._more is None:
            self.prepare()
        return self._more[name]

    @property
    def search(self) -> TextSearch:
        """The search texts of every idea."""
        return self._part("search")

    def __len__(self) -> int:
        return len(self.ideas)

    def theme_names(self) -> list[str]:
        """Themes present (empty until :meth:`prepare` has run: asking never blocks)."""
        return list(self._more["themes"]) if self._more is not None else []

    def replace(self, position: int, idea: Idea, ideas: Sequence[Idea]) -> None:
        """Take a changed idea at ``position`` (only the status and the texts can have changed); ``ideas`` is the
        new sequence holding it."""
        self.ideas = ideas
        self.status[position] = idea.status
        if idea.status not in self._status_names:
            self._status_names.append(idea.status)
        self.status_codes[position] = self._status_names.index(idea.status)
        with self._more_lock:  # a build running in a task finishes first, then gets the change
            if self._more is not None:
                self._more["search"].replace(position, search_text(idea))
        self._cache.clear()

    def _facet_mask(self, facets: tuple) -> Optional[np.ndarray]:
        theme, category, year = facets
        mask = None
        if theme is not None:
            mask = self._part("theme_codes") == self._part("themes").get(theme, -1)
        if category is not None:
            m = self._part("category_codes") == self._part("categories").get(category, -1)
            mask = m if mask is None else mask & m
        if year is not None:
            m = self.year == int(year)
            mask = m if mask is None else mask & m
        return mask

    def _hits(self, facets: tuple, needle: str) -> np.ndarray:
        """Positions (ascending) matching the facets and the text; recent answers are kept (the text search keeps
        the occurrences of recent texts, so typing on only looks around them)."""
        key = (facets, needle)
        cache = self._cache
        found = cache.get(key)
        if found is not None:
            cache.move_to_end(key)
            return found
        found = self.search.rows(needle)
        mask = self._facet_mask(facets)
        if mask is not None:
            found = found[mask[found]]
        cache[key] = found
        while len(cache) > _CACHED_SEARCHES:
            cache.popitem(last=False)
        return found

    def _rank(self, order: np.ndarray) -> np.ndarray:
        """Position → place in ``order`` (kept for the last order seen)."""
        if self._rank_of is None or self._rank_of[0] is not order:
            rank = np.empty(len(order), dtype=np.int64)
            rank[order] = np.arange(len(order), dtype=np.int64)
            self._rank_of = (order, rank)
        return self._rank_of[1]

    def base_rows(self, flt: IdeaFilter, order: Optional[Sequence[int]] = None) -> np.ndarray:
        """Rows matching every criterion except the status, in ``order`` (default: stored order)."""
        facets = flt.facets()
        needle = flt.needle
        arr = None if order is None else np.asarray(order, dtype=np.int64)
        if not needle:
            rows = self._all if arr is None else arr
            mask = self._facet_mask(facets)
            return rows if mask is None else rows[mask[rows]]
        hits = self._hits(facets, needle)
        if arr is None or not len(hits):
            return hits
        if len(hits) * 16 > len(arr):  # many: pick them out of the order (no sort)
            mask = np.zeros(len(self.ideas), dtype=bool)
            mask[hits] = True
            return arr[mask[arr]]
        return hits[np.argsort(self._rank(arr)[hits], kind="stable")]

    def apply(self, flt: IdeaFilter, order: Optional[Sequence[int]] = None) -> FilterResult:
        """Filter; ``order`` is a permutation of row positions (a sort) the result keeps."""
        base_arr = self.base_rows(flt, order)
        codes = self.status_codes[base_arr]
        counted = np.bincount(codes, minlength=len(self._status_names))
        counts = {name: int(counted[k]) for k, name in enumerate(self._status_names)}
        if flt.status:
            k = self._status_names.index(flt.status) if flt.status in self._status_names else -1
            rows = base_arr[codes == k]
        else:
            rows = base_arr
        return FilterResult(rows, counts)

    def invalidate(self) -> None:
        """Forget remembered answers and kept occurrences."""
        self._cache.clear()
        if self._more is not None:
            self._more["search"].forget()


def _codes(values: list, names: Optional[Sequence] = None) -> tuple[np.ndarray, dict]:
    """Integer codes of ``values`` (None → -1; ``names`` fixes the order of known values) and the code table."""
    code: dict = {name: k for k, name in enumerate(names or ())}
    for value in sorted((v for v in set(values) if v is not None and v not in code), key=str):
        code[value] = len(code)
    lookup = dict(code)
    lookup[None] = -1
    return np.array(list(map(lookup.__getitem__, values)), dtype=np.int32), code


def _text_search(ideas: Sequence[Idea]) -> TextSearch:
    """The search texts: from the source's one-read corpus when it gives one (with the facets), else from the title
    and description columns (only these are read when the source can)."""
    if isinstance(ideas, IdeaList):
        corpus = ideas.search_corpus(FACET_COLUMNS)
        if corpus is not None:
            try:
                search = TextSearch.from_corpus(corpus, len(ideas))
            except ValueError:
                pass
            else:
                for position, idea in ideas.overridden().items():
                    search.replace(position, search_text(idea))
                return search
        ideas.ensure_columns(SEARCH_COLUMNS)  # only these: the others can follow after search is ready
    return TextSearch(column(ideas, "title"), column(ideas, "description"))


def filter_ideas(ideas: Sequence[Idea], flt: IdeaFilter) -> list[Idea]:
    """The ideas matching ``flt`` (convenience over :class:`IdeaIndex`)."""
    index = IdeaIndex(ideas)
    return [index.ideas[i] for i in index.apply(flt).rows.tolist()]


def status_counts(ideas: Iterable[Idea]) -> dict[str, int]:
    counted = Counter(i.status for i in ideas)
    counts = {s: counted.get(s, 0) for s in STATUSES}
    counts.update({s: n for s, n in counted.items() if s not in counts})
    return counts


# --- ideas at a twin feature (for the twin card) -----------------------------------------------------------------
def ideas_for_feature(
    ideas: Sequence[Idea],
    layer_id: Optional[str] = None,
    key: Optional[str] = None,
    bbox: Optional[tuple[float, float, float, float]] = None,
) -> list[Idea]:
    """Ideas linked to the feature (``linked_layer == layer_id`` and ``linked_key == key``) or located inside
    ``bbox`` = (xmin, ymin, xmax, ymax) in :data:`~.model.IDEAS_CRS` (e.g. the feature's bounding box grown by the
    click radius), in reference order, each once. Works on columns: only the ideas found become objects.
    """
    n = len(ideas)
    hit = np.zeros(n, dtype=bool)
    if layer_id is not None and key is not None:
        key_text = str(key)
        layers = column(ideas, "linked_layer")
        keys = column(ideas, "linked_key")
        hit |= np.array([lay == layer_id and k == key_text for lay, k in zip(layers, keys)], dtype=bool)
    if bbox is not None:
        xs = np.array(column(ideas, "x"), dtype=np.float64)
        ys = np.array(column(ideas, "y"), dtype=np.float64)
        with np.errstate(invalid="ignore"):
            hit |= (xs >= bbox[0]) & (xs <= bbox[2]) & (ys >= bbox[1]) & (ys <= bbox[3])
    found = [ideas[int(k)] for k in np.flatnonzero(hit)]
    found.sort(key=lambda i: i.reference)
    return found
