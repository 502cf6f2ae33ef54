"""The board's match table kept between sessions: one file per twin and match key in the user's QGIS profile
(``<profile>/digiresan/cache/``), so the first board after opening a large twin reads the table instead of
building it.

A file is a header and a body, both ``marshal`` data of plain values (no code runs when they are read). The header
holds the format, the match key, the body's length and SHA-256 digest, and what the table was current for: the
twin file's stamp, the edit history's state, the input tables' stamps and their ``gpkg_contents.last_change``. The
body is read only when the header fits and its digest matches. Whether the table is still current is decided by
:mod:`.matches`, as for a table kept in memory. A file that cannot be read or written is logged and the table is
built as before: the cache never changes an answer.
"""

from __future__ import annotations

import copy
import hashlib
import marshal
import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional, Sequence

from ..log import get_logger
from ..long_lived import making_long_lived
from .config import Exemption
from .history_stamp import Watched, history_state
from .match_table import PLAIN_FORMAT, Matches, from_plain, to_plain
from .stored import StoredTable, last_changes

LOG = get_logger(__name__)
FORMAT = 1
SUFFIX = ".board"
MAX_FILES = 4  # twins kept; the least recently used file goes first
_MAGIC = b"DIGIRESAN-BOARD\n"
_override: Optional[Path] = None


def cache_dir() -> Path:
    """Where the files are: the profile's ``digiresan/cache`` (or the folder :func:`use_dir` set)."""
    if _override is not None:
        return _override
    from ..demo_copy import user_data_dir

    return user_data_dir() / "cache"


def use_dir(path: Optional[Path]) -> None:
    """Keep the files in ``path`` (tests, a bench); None: the profile's folder again."""
    global _override
    _override = Path(path) if path is not None else None


@dataclass(frozen=True)
class Header:
    """What a kept table was current for (see the module doc)."""

    key: str
    stamp: tuple
    history: Optional[tuple]
    inputs: Optional[tuple]
    changes: Optional[tuple]
    rows: tuple  # which rows the body holds


def _tag() -> tuple:
    return (FORMAT, PLAIN_FORMAT, marshal.version, sys.version_info[:2])


def file_of(key: str) -> Path:
    return cache_dir() / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + SUFFIX)


def read_header(key: str) -> Optional[tuple[Header, Path, int, bytes]]:
    """The header kept for ``key`` with the body's place (file, offset, digest); None when there is none that
    fits this key, format and Python."""
    path = file_of(key)
    try:
        with open(path, "rb") as handle:
            if handle.read(len(_MAGIC)) != _MAGIC:
                raise ValueError("not a board file")
            size = int.from_bytes(handle.read(8), "big")
            raw = marshal.loads(handle.read(size))
            offset = len(_MAGIC) + 8 + size
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError, TypeError) as exc:
        LOG.info("Board cache %s not read: %s", path, exc)
        return None
    try:
        tag, saved_key, stamp, history, inputs, changes, rows, length, digest = raw
    except (TypeError, ValueError):
        return None
    if tuple(tag) != _tag() or saved_key != key:
        return None
    return Header(key, stamp, history, inputs, changes, rows), path, offset, (length, digest)


def read_body(path: Path, offset: int, check: tuple) -> Optional[Any]:
    """The body after the header, when its length and digest are the ones the header names."""
    length, digest = check
    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            data = handle.read(length + 1)
        if len(data) != length or hashlib.sha256(data).digest() != digest:
            raise ValueError("the body does not match its digest")
        body = marshal.loads(data)
        os.utime(path)  # recently used: kept when the folder is pruned
        return body
    except (OSError, ValueError, EOFError, TypeError) as exc:
        LOG.info("Board cache %s not read: %s", path, exc)
        return None


def write(header: Header, body: Any) -> bool:
    """Write the table for ``header.key`` (whole or not at all: a temporary file renamed over the old one)."""
    try:
        data = marshal.dumps(body)
        head = marshal.dumps((_tag(), header.key, header.stamp, header.history, header.inputs, header.changes,
                              header.rows, len(data), hashlib.sha256(data).digest()))
    except ValueError as exc:  # a value marshal cannot write
        LOG.info("Board cache not written: %s", exc)
        return False
    target = file_of(header.key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".board-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + len(head).to_bytes(8, "big") + head)
                handle.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(target.parent)
    except OSError as exc:
        LOG.warning("Board cache %s not written: %s", target, exc)
        return False
    return True


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*" + SUFFIX), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[MAX_FILES:]:
        old.unlink(missing_ok=True)


def load(key: str, stamp: tuple, tables: Sequence[Optional[StoredTable]], history: Optional[str],
         watched: Optional[Sequence[Watched]], exemptions: Sequence[Exemption]) -> Optional[Matches]:
    """The table kept for ``key`` when it may still be current (the caller then checks it as a table kept in
    memory): the file unchanged since (``stamp``); or its edit history no shorter, and where no history row was
    added, the inputs' last change the same; or input stamps kept to compare. None: build it."""
    found = read_header(key)
    if found is None:
        return None
    header, path, offset, check = found
    if header.stamp != stamp:
        if header.history is not None:
            first = next(t for t in tables if t is not None)
            now = history_state(first.conn(), history, watched) if watched else None
            if now is None or now[0] < header.history[0]:
                return None
            if now[0] == header.history[0] and header.changes != last_changes(tables):
                return None
        elif header.inputs is None:
            return None
    with making_long_lived():  # a million objects that stay for the session
        body = read_body(path, offset, check)
        if body is None:
            return None
        try:
            kept = from_plain(body, exemptions, header.stamp)
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            LOG.info("Board cache %s not used: %s", path, exc)
            return None
    kept.history, kept.inputs, kept.changes = header.history, header.inputs, header.changes
    kept.key, kept.saved = key, header.rows
    return kept


def keep(m: Matches, exemptions: Sequence[Exemption], kept_day: date) -> None:
    """Write ``m`` with its rows (the kept rules' as of ``kept_day``) when its file does not hold those yet.

    May run in a task while a board in another adds rows to ``m``: what is written is a snapshot (the row dicts
    copied at once; a table's permits, segments and row lists are never changed in place)."""
    shot = copy.copy(m)
    shot.pair_rows, shot.kept_rows = dict(m.pair_rows), dict(m.kept_rows)
    rows = (tuple(sorted(repr(k) for k in shot.pair_rows)),
            tuple(sorted(repr(k) for k in shot.kept_rows if k[0] == kept_day)))
    if shot.key is None or shot.saved == rows:
        return
    body = to_plain(shot, exemptions, kept_day)
    if body is not None and write(Header(shot.key, shot.stamp, shot.history, shot.inputs, shot.changes, rows), body):
        m.saved = rows
