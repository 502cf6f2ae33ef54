"""Reading whole columns of the ``ideas`` table fast: SQLite concatenates them (``group_concat``) into a few long
strings, so Python makes no object per row until they are split (or, for the search texts, never).

Every value of a read comes from one aggregate over one table scan, so the columns stay aligned whatever order
SQLite scans in; the ids are sorted afterwards when they are not ascending.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Optional, Sequence

import numpy as np

SEP, NULL = "\x1f", "\x1e"  # unit separator between values, record separator for NULL


def _ids(text: Optional[str], count: int) -> Optional[np.ndarray]:
    ids = np.array(text.split(","), dtype=np.int64) if text else np.zeros(0, dtype=np.int64)
    return ids if len(ids) == count else None


def _split(text: Optional[str], count: int) -> Optional[list]:
    values = (text or "").split(SEP) if count else []
    if len(values) != count:
        return None  # a value holds the separator
    return [None if v == NULL else v for v in values] if NULL in (text or "") else values


def _sorted(ids: np.ndarray, columns: dict[str, list]) -> dict[str, list]:
    """The columns in idea_id order (a no-op when SQLite scanned in that order, as it does)."""
    if len(ids) < 2 or bool(np.all(ids[1:] > ids[:-1])):
        return {"idea_id": ids.tolist(), **columns}
    order = np.argsort(ids, kind="stable").tolist()
    return {"idea_id": ids[order].tolist(), **{n: [v[k] for k in order] for n, v in columns.items()}}


def _concat(names: Sequence[str], present: set[str]) -> str:
    return ", ".join(f'group_concat(ifnull("{n}", char(30)), char(31))' if n in present else "NULL" for n in names)


def first_columns(conn: sqlite3.Connection, table: str, present: set[str], names: Sequence[str]) -> dict[str, list]:
    """``names`` (``idea_id`` first) of every idea in idea_id order; the plain query when a value holds a
    separator."""
    if names[0] == "idea_id" and "idea_id" in present:
        row = conn.execute(f'SELECT count(*), group_concat("idea_id"), {_concat(names[1:], present)} '  # noqa: S608
                           f'FROM "{table}"').fetchone()  # fixed names, never user text
        count = int(row[0])
        ids = _ids(row[1], count)
        parts = [_split(text, count) for text in row[2:]]
        if ids is not None and all(p is not None for p in parts):
            return _sorted(ids, dict(zip(names[1:], parts)))
    cols = [f'"{c}"' if c in present else "NULL" for c in names]
    rows = conn.execute(f'SELECT {", ".join(cols)} FROM "{table}" ORDER BY "idea_id"').fetchall()  # noqa: S608
    if not rows:
        return {name: [] for name in names}
    return {name: list(values) for name, values in zip(names, zip(*rows))}


def search_read(conn: sqlite3.Connection, table: str, present: set[str],
                facets: Sequence[str] = ("theme", "submitter_category")) -> dict[str, Any]:
    """``idea_id``, ``corpus`` (every idea's ``title + "\\n" + description``, rows joined by NUL) and the
    ``facets`` columns, in idea_id order; ``{}`` when that cannot be read this way (the caller reads columns)."""
    if "idea_id" not in present:
        return {}
    text = " || char(10) || ".join(f'ifnull("{n}", \'\')' if n in present else "''" for n in ("title", "description"))
    row = conn.execute(f'SELECT count(*), group_concat("idea_id"), group_concat({text}, char(0)), '  # noqa: S608
                       f'{_concat(facets, present)} FROM "{table}"').fetchone()  # fixed names
    count = int(row[0])
    ids = _ids(row[1], count)
    parts = [_split(t, count) for t in row[3:]]
    corpus = row[2]
    if ids is None or count == 0 or any(p is None for p in parts) or corpus is None:
        return {}
    if len(ids) >= 2 and not bool(np.all(ids[1:] > ids[:-1])):
        return {}  # not in id order: the rows of the corpus cannot be reordered cheaply (the caller reads columns)
    return {"idea_id": ids.tolist(), "corpus": corpus, **dict(zip(facets, parts))}
