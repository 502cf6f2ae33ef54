"""Item 10: no source check can freeze the window — a GeoPackage locked by a second process is found in a task
and named, and a server that accepts TCP and never answers gets "no answer within N s" at the deadline."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time

import pytest
from qgis.core import QgsApplication
from qgis.gui import QgsMessageBar

from digiresan_plugin.core.layers import twin_layers
from digiresan_plugin.core.twin_source import TwinSource


@pytest.fixture()
def locked_twin(tmp_path, demo_twin):
    """A twin GeoPackage another program holds an exclusive lock on (until the test ends)."""
    path = tmp_path / "locked.gpkg"
    shutil.copy(demo_twin, path)
    locker = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, time\n"
         f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    assert locker.stdout.readline().strip() == "locked"
    yield path
    locker.kill()
    locker.wait()


def test_locked_geopackage_check_names_the_lock(locked_twin):
    source = TwinSource.geopackage(locked_twin)
    assert not source.readable_now()
    reason = source.check()
    assert reason == (f"GeoPackage {locked_twin} is locked by another program: close it there (or end its edit), "
                      "then retry")


def test_dock_checks_a_locked_geopackage_in_a_task(project, catalog, locked_twin):
    from digiresan_plugin.gui.twin_dock import TwinDock

    dock = TwinDock(catalog, None, QgsMessageBar())
    try:
        dock.load(TwinSource.geopackage(locked_twin))
        assert dock._task is not None  # the window goes on; the check waits for the lock in the background
        for _ in range(2000):
            if dock._task is None:
                break
            QgsApplication.processEvents()
            time.sleep(0.005)
        assert "is locked by another program" in dock.status_label.text()
        assert twin_layers(project) == {} and dock.retry_button.isVisibleTo(dock)
    finally:
        dock.cleanup()


def test_unlocked_geopackage_loads_at_once(project, catalog, demo_twin):
    from digiresan_plugin.gui.twin_dock import TwinDock

    dock = TwinDock(catalog, None, QgsMessageBar())
    try:
        dock.load(TwinSource.geopackage(demo_twin))
        assert dock._task is None and len(twin_layers(project)) == len(catalog.layers)
    finally:
        dock.cleanup()


@pytest.fixture()
def black_hole():
    """A loopback port whose kernel accepts the TCP connection, and nobody ever answers on it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    yield server.getsockname()[1]
    server.close()


def test_a_server_that_never_answers_meets_the_deadline(black_hole):
    source = TwinSource.parse(f"pgservice:host=127.0.0.1 port={black_hole} dbname=twin user=nobody "
                              "connect_timeout=5 sslmode=prefer")
    started = time.monotonic()
    reason = source.check(deadline_s=2.0)
    elapsed = time.monotonic() - started
    assert reason is not None and "no answer within 2 s" in reason
    assert elapsed < 3.5  # the deadline holds: libpq alone would wait 5 s per attempt, several attempts
