"""Shared fixtures: the generated demo twin, the bundled catalog, a clean project."""

from __future__ import annotations

import gc
import time
from datetime import date
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from digiresan_plugin.core.catalog import Catalog, load_catalog

pytest_plugins = ["tests.pg_server"]

# "Today" for every generated twin in the tests: fixed, so expected answers are known.
TODAY = date(2026, 11, 27)
SEED = 2380


@pytest.fixture(scope="session")
def demo_twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo twin generated once per session (seeded, with a fixed today)."""
    from demo import generate_twin

    path = tmp_path_factory.mktemp("twin") / "ostersund_twin.gpkg"
    generate_twin(path, seed=SEED, today=TODAY)
    return path


@pytest.fixture(scope="session", autouse=True)
def layers_released_before_qgis_exits(qgis_app):
    """Layers that only a reference cycle still holds are released while QGIS is alive: released after
    ``exitQgis()`` (at interpreter exit) their OGR datasets close into an unloaded GDAL and the process crashes
    after every test has passed. Runs before pytest-qgis's own teardown, which calls ``exitQgis()``."""
    yield
    from digiresan_plugin.core.identify.handles import release_handles
    from digiresan_plugin.core.layers import release_layer_indexes

    release_handles()
    release_layer_indexes()
    QgsProject.instance().clear()
    manager = QgsApplication.taskManager()
    manager.cancelAll()
    deadline = time.monotonic() + 30
    while manager.countActiveTasks() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    for _ in range(3):
        gc.collect()
        QgsApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture()
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture()
def project(qgis_app) -> QgsProject:
    """The global project, empty before and after the test."""
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


@pytest.fixture(autouse=True)
def no_unanswered_questions(monkeypatch):
    """A question the test did not expect fails the test instead of waiting forever for a click offscreen."""
    from digiresan_plugin.gui import twin_guard

    def unexpected(_parent, title, text, *_args):
        raise AssertionError(f"unexpected question '{title}': {text}")

    monkeypatch.setattr(twin_guard, "ASK", unexpected)
    from digiresan_plugin.gui.ideas import decision_editor, personal_data

    def unexpected_ideas_question(_parent, *args):
        raise AssertionError(f"unexpected ideas question: {args}")

    for module, name in ((personal_data, "ASK_EXPORT"), (personal_data, "ASK_SHOW_LOCAL"),
                         (decision_editor, "ASK_CONFIRM")):
        monkeypatch.setattr(module, name, unexpected_ideas_question)


@pytest.fixture(autouse=True)
def board_cache_dir(tmp_path_factory):
    """The coordination board's kept match tables go to a folder of this test, not to the user's profile."""
    from digiresan_plugin.core.coordination import persisted

    folder = tmp_path_factory.mktemp("board_cache")
    persisted.use_dir(folder)
    yield folder
    persisted.use_dir(None)
