"""Ideas in the shared PostgreSQL database (``pg_cluster`` from tests/pg_server.py): the same answers as the
GeoPackage, personal data hidden by the database, optimistic saves from real concurrent connections, and a server
that cannot be reached."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import psycopg2
import pytest
from qgis.core import QgsDataSourceUri, QgsProviderRegistry

from demo import generate_twin
from demo.ideas import write_ideas_for_twin
from digiresan_plugin.core.ideas.gpkg import GeoPackageIdeaRepository
from digiresan_plugin.core.ideas.model import IdeaChange
from digiresan_plugin.core.ideas.postgres import PostgresIdeaRepository
from digiresan_plugin.core.ideas.repository import RepositoryError
from digiresan_plugin.core.ideas.sources import open_repository
from tests.conftest import SEED, TODAY


@pytest.fixture(scope="module")
def ideas_gpkg(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pg_ideas") / "twin.gpkg"
    generate_twin(path, seed=SEED, today=TODAY)
    write_ideas_for_twin(path, SEED, TODAY)
    return path


@pytest.fixture(scope="module")
def loaded(pg_cluster, ideas_gpkg) -> Path:
    """The demo twin and its ideas loaded into the test database with db/load_twin.sh."""
    pg_cluster.load_gpkg(ideas_gpkg)
    return ideas_gpkg


def repo(pg_cluster, role: str, **kwargs) -> PostgresIdeaRepository:
    return PostgresIdeaRepository.from_service(pg_cluster.service(role), dbname=pg_cluster.dbname, **kwargs)


def fetch(pg_cluster, sql: str, params: tuple = ()) -> list[tuple]:
    conn = pg_cluster.connect("admin")
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()
    finally:
        conn.close()


def key(idea) -> tuple:
    return (idea.idea_id, idea.reference, idea.title, idea.description, idea.theme, idea.department,
            idea.submitter_category, idea.submitted_on, idea.status, idea.estimated_cost_sek, idea.granted_sek,
            idea.expected_yearly_effect_sek, idea.decision_text, idea.decided_on, idea.x, idea.y, idea.linked_layer,
            idea.linked_key, idea.submitter_name, idea.submitter_contact, idea.version, idea.updated_at,
            idea.updated_by)


# --- same answers as the GeoPackage ------------------------------------------------------------------------------
def test_postgres_lists_the_same_ideas_as_the_geopackage(pg_cluster, loaded):
    on_gpkg = GeoPackageIdeaRepository(loaded).list_ideas(include_personal=True)
    on_pg = repo(pg_cluster, "coordinator").list_ideas(include_personal=True)
    assert len(on_pg) == len(on_gpkg) == 200
    assert [key(i) for i in on_pg] == [key(i) for i in on_gpkg]
    some = on_gpkg[41]
    assert [(e.field, e.old_value, e.new_value) for e in repo(pg_cluster, "coordinator").history(some.idea_id)] == [
        (e.field, e.old_value, e.new_value) for e in GeoPackageIdeaRepository(loaded).history(some.idea_id)]


# --- personal data ------------------------------------------------------------------------------------------------
def test_reader_gets_no_personal_data_even_when_asking(pg_cluster, loaded):
    reader = repo(pg_cluster, "reader")
    assert not reader.can_read_personal_data() and not reader.can_edit()
    ideas = reader.list_ideas(include_personal=True)
    assert len(ideas) == 200
    assert all(i.submitter_name is None and i.submitter_contact is None for i in ideas)
    assert reader.get(7, include_personal=True).submitter_name is None
    assert reader.history(7, include_personal=True)  # through the public view
    # the database itself refuses: not only the plugin
    conn = psycopg2.connect(pg_cluster.service_uri("reader"))
    try:
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            with conn.cursor() as cur:
                cur.execute("SELECT submitter_name FROM ideas.ideas LIMIT 1")
    finally:
        conn.close()
    coordinator = repo(pg_cluster, "coordinator")
    assert coordinator.can_read_personal_data() and coordinator.can_edit()
    assert coordinator.get(7, include_personal=True).submitter_name == fetch(
        pg_cluster, "SELECT submitter_name FROM ideas.ideas WHERE idea_id = 7")[0][0]
    assert coordinator.get(7).submitter_name is None  # planner mode with a coordinator login


def test_reader_cannot_save(pg_cluster, loaded):
    reader = repo(pg_cluster, "reader")
    idea = reader.get(8)
    with pytest.raises(RepositoryError, match="not allowed") as caught:
        reader.save(IdeaChange(8, idea.version, {"decision_text": "x"}, user="planner"))
    assert not caught.value.retryable
    assert fetch(pg_cluster, "SELECT version FROM ideas.ideas WHERE idea_id = 8") == [(idea.version,)]


# --- optimistic saves from two real connections --------------------------------------------------------------------
def test_two_coordinators_one_wins_the_other_gets_a_conflict(pg_cluster, loaded):
    anna, bo = repo(pg_cluster, "coordinator"), repo(pg_cluster, "coordinator")
    seen_by_anna, seen_by_bo = anna.get(12, True), bo.get(12, True)
    assert seen_by_anna.version == seen_by_bo.version
    events_before = fetch(pg_cluster, "SELECT count(*) FROM ideas.idea_events WHERE idea_id = 12")[0][0]

    first = anna.save(IdeaChange(12, seen_by_anna.version, {"status": "Beviljad", "granted_sek": 250_000,
                                                            "decision_text": "Anna: beviljas"}, user="Anna"))
    assert first.ok and first.idea.version == seen_by_anna.version + 1 and first.idea.updated_by == "Anna"
    second = bo.save(IdeaChange(12, seen_by_bo.version, {"status": "Avslagen", "decision_text": "Bo: avslås"},
                                user="Bo"))
    assert not second.ok and second.conflict is not None
    assert second.conflict.current.decision_text == "Anna: beviljas"
    assert set(second.conflict.differences()) == {("status", "Avslagen", "Beviljad"),
                                                  ("decision_text", "Bo: avslås", "Anna: beviljas")}
    assert fetch(pg_cluster, "SELECT status, decision_text, version FROM ideas.ideas WHERE idea_id = 12") == [
        ("Beviljad", "Anna: beviljas", seen_by_anna.version + 1)]
    # Bo has seen both values and keeps his decision text: saved on top of Anna's version
    third = bo.save(IdeaChange(12, second.conflict.current.version, {"decision_text": "Bo: avslås"}, user="Bo"))
    assert third.ok
    events = fetch(pg_cluster, "SELECT changed_by, field, old_value, new_value FROM ideas.idea_events "
                               "WHERE idea_id = 12 ORDER BY event_id OFFSET %s", (events_before,))
    assert ("Anna", "decision_text", seen_by_anna.decision_text, "Anna: beviljas") in events
    assert ("Bo", "decision_text", "Anna: beviljas", "Bo: avslås") in events
    assert {e[0] for e in events} == {"Anna", "Bo"}


def test_a_save_waiting_for_a_lock_gets_a_conflict_not_an_overwrite(pg_cluster, loaded):
    coordinator = repo(pg_cluster, "coordinator")
    base = coordinator.get(13, True)
    other = pg_cluster.connect("coordinator")  # another coordinator's open transaction
    try:
        with other.cursor() as cur:
            cur.execute("UPDATE ideas.ideas SET decision_text = %s, updated_by = %s WHERE idea_id = %s "
                        "AND version = %s", ("held", "Other", 13, base.version))
        result = {}
        thread = threading.Thread(target=lambda: result.update(r=coordinator.save(
            IdeaChange(13, base.version, {"decision_text": "mine"}, user="Me"))))
        thread.start()
        time.sleep(0.5)
        assert thread.is_alive()  # blocked by the row lock, not overwriting
        other.commit()
        thread.join(15)
    finally:
        other.close()
    assert not result["r"].ok and result["r"].conflict.current.decision_text == "held"
    assert fetch(pg_cluster, "SELECT decision_text, version FROM ideas.ideas WHERE idea_id = 13") == [
        ("held", base.version + 1)]


def test_interleaved_increments_from_two_connections_lose_nothing(pg_cluster, loaded):
    idea_id, per_thread, step = 14, 100, 1000.0  # 200 successful interleaved updates in all
    start = repo(pg_cluster, "coordinator").get(idea_id)
    initial = start.granted_sek or 0.0
    events_before = fetch(pg_cluster, "SELECT count(*) FROM ideas.idea_events WHERE idea_id = %s AND "
                                      "field = 'granted_sek'", (idea_id,))[0][0]
    conflicts = {"A": 0, "B": 0}
    barrier = threading.Barrier(2)

    def work(name: str) -> None:
        coordinator = repo(pg_cluster, "coordinator")
        barrier.wait()
        done = 0
        while done < per_thread:
            current = coordinator.get(idea_id)
            result = coordinator.save(IdeaChange(idea_id, current.version,
                                                 {"granted_sek": (current.granted_sek or 0.0) + step}, user=name))
            if result.ok:
                done += 1
            else:
                assert result.conflict is not None
                conflicts[name] += 1

    threads = [threading.Thread(target=work, args=(n,)) for n in ("A", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(600)
    assert not any(t.is_alive() for t in threads), "the writers did not finish (each save opens a connection)"
    final = fetch(pg_cluster, "SELECT granted_sek, version FROM ideas.ideas WHERE idea_id = %s", (idea_id,))[0]
    assert float(final[0]) == initial + 2 * per_thread * step
    assert final[1] == start.version + 2 * per_thread
    events = fetch(pg_cluster, "SELECT changed_by, count(*) FROM ideas.idea_events WHERE idea_id = %s AND "
                               "field = 'granted_sek' GROUP BY 1", (idea_id,))
    assert sum(n for _by, n in events) - events_before == 2 * per_thread
    assert {by for by, _n in events} >= {"A", "B"}


# --- connections ----------------------------------------------------------------------------------------------------
def test_a_saved_qgis_connection_is_used_through_the_provider(pg_cluster, loaded):
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = QgsDataSourceUri()
    uri.setConnection(pg_cluster.service("coordinator"), pg_cluster.dbname, "", "")  # no credentials here
    name = "digiresan-ideas-test"
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), name)
    try:
        repository = open_repository(f"postgres:{name}")
        assert isinstance(repository, PostgresIdeaRepository)
        repository.prepare()
        assert len(repository.list_ideas()) == 200 and repository.can_edit()
        assert "password" not in repr(repository) and repository.describe() == name
    finally:
        metadata.deleteConnection(name)
    with pytest.raises(RepositoryError, match="No saved PostgreSQL connection"):
        open_repository("postgres:no-such-connection").prepare()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_gives_a_message_quickly():
    repository = PostgresIdeaRepository(f"host=127.0.0.1 port={_closed_port()} dbname=x user=y", label="test db",
                                        connect_timeout=2)
    started = time.monotonic()
    with pytest.raises(RepositoryError, match="Cannot connect to the ideas database \\(test db\\)") as caught:
        repository.list_ideas()
    assert time.monotonic() - started < 5 and caught.value.retryable


def test_a_server_that_never_answers_times_out():
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts the TCP connection, never says a word
    try:
        repository = PostgresIdeaRepository(f"host=127.0.0.1 port={silent.getsockname()[1]} dbname=x user=y",
                                            label="silent", connect_timeout=2)
        started = time.monotonic()
        with pytest.raises(RepositoryError, match="silent"):
            repository.list_ideas()
        assert time.monotonic() - started < 8
    finally:
        silent.close()


# --- roles from the database, in the dock -------------------------------------------------------------------------
class QueryLog:
    """Every statement the plugin's psycopg2 connections send (psycopg2's LoggingConnection), from any thread."""

    def __init__(self):
        self.statements: list[str] = []
        self._lock = threading.Lock()

    def write(self, text) -> None:
        with self._lock:
            self.statements.append(text.decode() if isinstance(text, bytes) else str(text))

    def text(self) -> str:
        with self._lock:
            return "\n".join(self.statements)


@pytest.fixture()
def query_log(monkeypatch):
    from psycopg2.extras import LoggingConnection

    log = QueryLog()
    real_connect = psycopg2.connect

    def connect(dsn, **kwargs):
        conn = real_connect(dsn, connection_factory=LoggingConnection, **kwargs)
        conn.initialize(log)
        return conn

    monkeypatch.setattr(psycopg2, "connect", connect)
    return log


def wait_for(condition, timeout: float = 30.0) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out waiting")
        QCoreApplication.processEvents()
        time.sleep(0.005)


@pytest.fixture()
def pg_dock(qgis_app):
    from digiresan_plugin.gui.ideas.dock import IdeasDock

    docks = []

    def make(repository=None):
        dock = IdeasDock(None, None, None, repository=repository, load=False)
        docks.append(dock)
        loaded_ = []
        dock.loaded.connect(loaded_.append)
        dock.refresh()
        wait_for(lambda: loaded_ or dock.error_text)
        wait_for(lambda: not dock.is_busy())
        return dock

    yield make
    for dock in docks:
        dock.cleanup()
        dock.deleteLater()


def test_a_planner_connection_never_receives_personal_columns(pg_cluster, loaded, pg_dock, query_log):
    from digiresan_plugin.core import settings

    assert settings.get("ideas_planner_view") is False  # no setting narrows or widens anything here
    dock = pg_dock(repo(pg_cluster, "reader"))
    assert dock.error_text == "" and dock.model.rowCount() == 200
    assert dock.access.basis == "database" and not dock.access.personal and not dock.access.editable
    assert dock.access.role == "" and dock.access.user == "digiresan_reader"
    assert "submitter_name" not in dock.model.column_keys() and not dock.editing
    assert not dock.tabs.isTabVisible(dock.tabs.indexOf(dock.editor_page))
    assert "planner, read-only (database role)" in dock.header.source_label.text()
    assert dock.header.local_notice.isHidden()
    sent = query_log.text()
    assert "FROM \"ideas\".\"ideas\"" in sent  # the list was read through this log …
    assert '"submitter_name"' not in sent and '"submitter_contact"' not in sent  # … never asking for them


def test_a_coordinator_connection_gets_them_with_no_setting_touched(pg_cluster, loaded, pg_dock, query_log):
    dock = pg_dock(repo(pg_cluster, "coordinator"))
    assert dock.access.role == "ideas_coordinator" and dock.access.personal and dock.access.editable
    assert dock.model.column_keys()[-2:] == ["submitter_name", "submitter_contact"]
    assert dock.editing and dock.tabs.isTabVisible(dock.tabs.indexOf(dock.editor_page))
    assert "coordinator (database role ideas_coordinator)" in dock.header.source_label.text()
    (name,), = fetch(pg_cluster, "SELECT submitter_name FROM ideas.ideas WHERE idea_id = 9")
    assert dock.model.idea_by_id(9).submitter_name == name
    assert '"submitter_name"' in query_log.text()


def test_switching_the_service_switches_the_dock_at_once(pg_cluster, loaded, pg_dock):
    from digiresan_plugin.core import settings

    reader = f"pgservice:service={pg_cluster.service('reader')} dbname={pg_cluster.dbname}"
    coordinator = f"pgservice:service={pg_cluster.service('coordinator')} dbname={pg_cluster.dbname}"
    settings.set_value("ideas_source", reader)
    try:
        dock = pg_dock()  # the source from the settings
        assert dock.access.user == "digiresan_reader" and not dock.show_personal
        settings.set_value("ideas_source", coordinator)  # no refresh, no restart: the dock follows
        wait_for(lambda: dock.access is not None and dock.access.user == "digiresan_coordinator")
        wait_for(lambda: not dock.is_busy())
        assert dock.show_personal and dock.editing and "submitter_name" in dock.model.column_keys()
        dock.select_idea(9)
        settings.set_value("ideas_source", reader)
        # the coordinator's personal data leave the screen before the reader's list has even been read
        assert "submitter_name" not in dock.model.column_keys() and not dock.show_personal
        wait_for(lambda: dock.access is not None and dock.access.user == "digiresan_reader")
        wait_for(lambda: not dock.is_busy())
        assert all(i.submitter_name is None for i in dock.model.ideas()) and not dock.editing
        # the planner view narrows a coordinator at once, and lifting it gives the role back
        settings.set_value("ideas_source", coordinator)
        wait_for(lambda: dock.access is not None and dock.access.user == "digiresan_coordinator" and
                 not dock.is_busy())
        settings.set_value("ideas_planner_view", True)
        assert not dock.show_personal and not dock.editing
        wait_for(lambda: not dock.is_busy())
        assert all(i.submitter_name is None for i in dock.model.ideas())
        assert "planner view (setting)" in dock.header.source_label.text()
        settings.set_value("ideas_planner_view", False)
        wait_for(lambda: not dock.is_busy() and dock.show_personal)
    finally:
        settings.set_value("ideas_source", "")
        settings.set_value("ideas_planner_view", False)


def test_exporting_personal_data_asks_names_the_fields_and_leaves_an_audit_note(pg_cluster, loaded, pg_dock,
                                                                                tmp_path, monkeypatch):
    from digiresan_plugin.gui.ideas import personal_data

    dock = pg_dock(repo(pg_cluster, "coordinator"))
    dock.theme_combo.setCurrentIndex(dock.theme_combo.findData("skola"))
    asked = []
    answers = iter([None, False, True])
    monkeypatch.setattr(personal_data, "ASK_EXPORT", lambda _parent, fields: asked.append(tuple(fields)) or next(
        answers))
    notes_before = fetch(pg_cluster, "SELECT count(*) FROM ideas.audit_notes")[0][0]
    path = tmp_path / "ideas.csv"
    dock._export(str(path))  # cancelled: nothing written
    assert not path.exists()
    dock._export(str(path))  # the default: without personal data
    header = path.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "submitter_name" not in header
    assert fetch(pg_cluster, "SELECT count(*) FROM ideas.audit_notes")[0][0] == notes_before
    noted = []
    dock.audit_noted.connect(noted.append)
    dock._export(str(path))  # with them, on purpose
    wait_for(lambda: noted)
    assert asked == [("submitter_name", "submitter_contact")] * 3
    assert "submitter_name,submitter_contact" in path.read_text(encoding="utf-8-sig").splitlines()[0]
    (n,), = fetch(pg_cluster, "SELECT count(*) FROM ideas.ideas WHERE theme = 'skola'")
    notes = fetch(pg_cluster, "SELECT action, detail, db_user FROM ideas.audit_notes ORDER BY note_id OFFSET %s",
                  (notes_before,))
    assert notes == [("export_personal_data", f"{n} ideas with submitter_name, submitter_contact to {path}",
                      "digiresan_coordinator")]
    assert personal_data.personal_field_names(asked[0]) == "Submitter (submitter_name), Contact (submitter_contact)"
    # a planner's login may not write (or forge) audit notes
    with pytest.raises(RepositoryError, match="not allowed"):
        repo(pg_cluster, "reader").audit_note("export_personal_data", "x", "someone")
