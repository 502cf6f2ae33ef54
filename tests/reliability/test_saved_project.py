"""Item 2: a saved .qgs never carries the connection's password — layer sources name only the service or the
authcfg; a plain-password connection still works for the session and is warned about once."""

from __future__ import annotations

import pytest
from psycopg2 import sql
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsProviderRegistry

from digiresan_plugin.core.layers import twin_layers
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource

PLAIN_ROLE = "reliability_plain"
PLAIN_PASSWORD = "Plain-Pw-4711-not-in-pgpass"


@pytest.fixture(scope="module")
def pg_twin(pg_demo):
    conn = pg_demo.connect("superuser", autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(PLAIN_ROLE)))
            cur.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD %s IN ROLE digiresan_reader").format(
                sql.Identifier(PLAIN_ROLE)), (PLAIN_PASSWORD,))
    finally:
        conn.close()
    return pg_demo


def _save_connection(name: str, uri: str, password: bool) -> None:
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.createConnection(uri, {"saveUsername": password, "savePassword": password}).store(name)


def _delete_connection(name: str) -> None:
    QgsProviderRegistry.instance().providerMetadata("postgres").deleteConnection(name)


def test_plain_password_connection_saves_no_password(project, catalog, pg_twin, tmp_path):
    name = "reliability plain password"
    _save_connection(name, f"host=127.0.0.1 port={pg_twin.port} dbname={pg_twin.dbname} user={PLAIN_ROLE} "
                           f"password='{PLAIN_PASSWORD}' sslmode=disable", True)
    try:
        report = TwinLoader(catalog, project, "en").load(TwinSource("postgres", name))
        assert not report.problems
        assert len(report.notices) == 1 and "authentication manager" in report.notices[0]
        layers = twin_layers(project)
        assert len(layers) == len(catalog.layers)
        roads = layers["road_segments"]
        assert roads.featureCount() > 0 and next(roads.getFeatures()).isValid()  # the session still reads
        path = tmp_path / "twin.qgs"
        assert project.write(str(path))
        text = path.read_text(encoding="utf-8")
        assert text.count(f"user='{PLAIN_ROLE}'") >= len(catalog.layers)  # the sources are there…
        assert PLAIN_PASSWORD not in text and "password=" not in text  # …without the password
        again = TwinLoader(catalog, project, "en").load(TwinSource("postgres", name))
        assert again.notices == []  # warned once
    finally:
        _delete_connection(name)


@pytest.fixture()
def basic_authcfg(qgis_app):
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("digiresan-tests", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("Digiresan reliability PG")
    config.setConfig("username", PLAIN_ROLE)
    config.setConfig("password", PLAIN_PASSWORD)
    ok, config = manager.storeAuthenticationConfig(config)
    assert ok
    yield config.id()
    manager.removeAuthenticationConfig(config.id())


def test_authcfg_and_service_connections_save_only_the_reference(project, catalog, pg_twin, basic_authcfg,
                                                                 tmp_path):
    with_auth, with_service = "reliability authcfg", "reliability service"
    _save_connection(with_auth, f"host=127.0.0.1 port={pg_twin.port} dbname={pg_twin.dbname} "
                                f"authcfg={basic_authcfg} sslmode=disable", False)
    _save_connection(with_service, pg_twin.service_uri("reader"), False)
    try:
        for name, reference in ((with_auth, f"authcfg={basic_authcfg}"), (with_service, "service='digiresan'")):
            project.clear()
            report = TwinLoader(catalog, project, "en").load(TwinSource("postgres", name))
            assert not report.problems and not report.notices
            assert twin_layers(project)["road_segments"].featureCount() > 0
            path = tmp_path / "twin.qgs"
            assert project.write(str(path))
            text = path.read_text(encoding="utf-8")
            assert text.count(reference) >= len(catalog.layers), name
            assert PLAIN_PASSWORD not in text and "password=" not in text and "user=" not in text, name
    finally:
        _delete_connection(with_auth)
        _delete_connection(with_service)
