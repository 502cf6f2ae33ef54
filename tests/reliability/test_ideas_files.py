"""Item 14: the ideas GeoPackage repository never lets a raw sqlite3 error out — a file that is not a database, a
truncated one, or one locked by another process is a RepositoryError naming the file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest

from digiresan_plugin.core.ideas.gpkg import GeoPackageIdeaRepository
from digiresan_plugin.core.ideas.model import IdeaChange
from digiresan_plugin.core.ideas.repository import RepositoryError


def every_call(repository: GeoPackageIdeaRepository):
    return [lambda: repository.list_ideas(), lambda: repository.get(1), lambda: repository.history(1),
            lambda: repository.save(IdeaChange(1, 1, {"status": "Beviljad"}, user="Karin"))]


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "ideas.gpkg"
    path.write_bytes(b"this is a text file, not SQLite\n" * 100)
    for call in every_call(GeoPackageIdeaRepository(path)):
        with pytest.raises(RepositoryError) as raised:
            call()
        assert str(path) in str(raised.value) and "not a readable GeoPackage" in str(raised.value)
        assert not raised.value.retryable


def test_a_truncated_database(tmp_path, demo_twin):
    path = tmp_path / "cut.gpkg"
    path.write_bytes(demo_twin.read_bytes()[:8192])  # the header and a bit: the rest is gone
    with pytest.raises(RepositoryError) as raised:
        GeoPackageIdeaRepository(path).list_ideas()
    assert str(path) in str(raised.value)


def test_a_file_locked_by_another_process(tmp_path, demo_twin, monkeypatch):
    from digiresan_plugin.core.ideas import gpkg

    path = tmp_path / "locked.gpkg"
    path.write_bytes(demo_twin.read_bytes())
    monkeypatch.setattr(gpkg, "BUSY_TIMEOUT_S", 0.5)
    locker = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\n"
         f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(RepositoryError) as raised:
            GeoPackageIdeaRepository(path).list_ideas()
        assert time.monotonic() - started < 10
        assert str(path) in str(raised.value) and "locked" in str(raised.value) and raised.value.retryable
    finally:
        locker.kill()
        locker.wait()
    assert not isinstance(raised.value, sqlite3.Error)
