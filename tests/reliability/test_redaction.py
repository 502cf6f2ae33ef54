"""Item 1: no password in anything we print, log or raise — one function, every connection-string form, and a real
failing saved connection with a stored password seen through the dock, the message bar, the log and Processing."""

from __future__ import annotations

import time

import pytest
from qgis.core import QgsApplication, QgsProviderRegistry
from qgis.gui import QgsMessageBar

from digiresan_plugin.core.ideas.repository import RepositoryError
from digiresan_plugin.core.log import get_logger
from digiresan_plugin.core.redact import MASK, redact
from digiresan_plugin.core.twin_source import TwinSource, TwinSourceError

SECRET = "s3cr3t pw"

FORMS = [  # (text, what must stay) — written by hand, one per form
    ("dbname='twin' host=127.0.0.1 port=1 user='bob' password='s3cr3t pw' sslmode=disable",
     "dbname='twin' host=127.0.0.1 port=1 user='bob' password=*** sslmode=disable"),
    ("host=db user=bob password=s3cr3t dbname=twin", "host=db user=bob password=*** dbname=twin"),
    ("password = 'it''s s3cr3t' user=bob", "password = *** user=bob"),
    ('PASSWORD="s3cr3t" user=bob', "PASSWORD=*** user=bob"),
    ("postgres://bob:s3cr3t@db.example:5432/twin", "postgres://bob:***@db.example:5432/twin"),
    ("postgresql://bob:s3cr3t@db/twin?sslmode=require", "postgresql://bob:***@db/twin?sslmode=require"),
    ("//bob:s3cr3t@db/twin (twin)", "//bob:***@db/twin (twin)"),
    ("https://api.example/ideas?page=2&token=s3cr3t&x=1", "https://api.example/ideas?page=2&token=***&x=1"),
    ("Authorization: Bearer s3cr3t.token", "Authorization: Bearer ***"),
    ('{"password": "s3cr3t"}', '{"password": "***"}'),
    # references, not secrets: unchanged
    ("service=digiresan dbname=digiresan_test", "service=digiresan dbname=digiresan_test"),
    ("authcfg=ab12cd3 dbname='twin' host=db", "authcfg=ab12cd3 dbname='twin' host=db"),
    ("passfile=/home/u/.pgpass host=db", "passfile=/home/u/.pgpass host=db"),
    ("postgresql://bob@db/twin", "postgresql://bob@db/twin"),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_redact_every_form(text, expected):
    assert redact(text) == expected


def test_errors_redact_their_own_message():
    assert "s3cr3t" not in str(TwinSourceError("failed: host=x password=s3cr3t"))
    assert "s3cr3t" not in str(RepositoryError("failed: postgres://u:s3cr3t@h/db"))


def test_a_uri_with_a_password_is_refused_without_echoing_it():
    with pytest.raises(TwinSourceError) as refused:
        TwinSource.parse("postgres://bob:s3cr3t@db.example/twin")
    assert "must not contain a password" in str(refused.value) and "s3cr3t" not in str(refused.value)


def test_describe_redacts_whatever_it_is_given():
    source = object.__new__(TwinSource)  # past the refusal, as an old project's source string would be
    for name, value in (("kind", "postgres"), ("location", "//bob:s3cr3t@db.example/twin"), ("schema", "twin")):
        object.__setattr__(source, name, value)
    assert "s3cr3t" not in source.describe() and MASK in source.describe()


@pytest.fixture()
def plain_connection(qgis_app):
    """A saved PostgreSQL connection with a stored user and password, to a loopback port nobody listens on."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = f"dbname='twin' host=127.0.0.1 port=1 user='bob' password='{SECRET}' sslmode=disable"
    metadata.createConnection(uri, {"saveUsername": True, "savePassword": True}).store("reliability plain")
    assert SECRET in metadata.findConnection("reliability plain").uri()  # the stored password is really there
    yield "reliability plain"
    metadata.deleteConnection("reliability plain")


@pytest.fixture()
def message_log(qgis_app):
    seen: list[str] = []

    def keep(message, _tag, _level):
        seen.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    yield seen
    QgsApplication.messageLog().messageReceived.disconnect(keep)


def test_failing_saved_connection_check_has_no_password(plain_connection):
    reason = TwinSource("postgres", plain_connection).check()
    assert reason is not None and "Cannot reach the twin database" in reason
    assert SECRET not in reason and "password=***" in reason


def test_dock_status_message_bar_and_log_have_no_password(project, catalog, plain_connection, message_log):
    from digiresan_plugin.gui.twin_dock import TwinDock

    bar = QgsMessageBar()
    dock = TwinDock(catalog, None, bar)
    try:
        dock.load(TwinSource("postgres", plain_connection))
        for _ in range(2000):
            if dock._task is None:
                break
            QgsApplication.processEvents()
            time.sleep(0.005)
        status = dock.status_label.text()
        assert "Cannot reach the twin database" in status and SECRET not in status
        shown = [item.text() for item in bar.items()]
        assert shown and not any(SECRET in text for text in shown)
    finally:
        dock.cleanup()
    get_logger(__name__).warning("probe: %s", f"host=x password='{SECRET}'")  # whatever a module logs
    QgsApplication.processEvents()
    assert message_log and not any(SECRET in text for text in message_log)


def test_processing_error_has_no_password(qgis_processing, plain_connection, tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.errors: list[str] = []

        def reportError(self, error, fatalError=False):  # noqa: N802,N803 - QGIS API
            self.errors.append(error)

    from digiresan_plugin.processing import register_provider, unregister_provider

    register_provider()
    feedback = Feedback()
    try:
        with pytest.raises(QgsProcessingException) as raised:
            processing.run("digiresan:report_at_point", {
                "CONNECTION": f"postgres:{plain_connection}", "POINT": "481600,7005600 [EPSG:3006]",
                "OUTPUT": str(tmp_path / "r.json")}, feedback=feedback)
        assert SECRET not in str(raised.value)
        assert any("Cannot reach the twin database" in e for e in feedback.errors)
        assert not any(SECRET in e for e in feedback.errors)
    finally:
        unregister_provider()
