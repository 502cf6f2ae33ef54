"""Error texts from core/ and processing/ in the UI language: with the Swedish translation installed (as QGIS does
at start-up), a Processing run, the ideas source and a catalog file answer in Swedish."""

from __future__ import annotations

import sqlite3

import pytest
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from digiresan_plugin.core.catalog import CatalogError, load_catalog
from digiresan_plugin.core.ideas.gpkg import GeoPackageIdeaRepository
from digiresan_plugin.core.ideas.repository import RepositoryError
from digiresan_plugin.processing import register_provider, unregister_provider

from .fixtures_twin import build_twin
from .test_i18n import compiled_qm  # noqa: F401 - the fixture
from .test_processing import COMMON, Errors


@pytest.fixture()
def swedish(qgis_app, compiled_qm):  # noqa: F811 - the fixture
    translator = QTranslator()
    assert translator.load(str(compiled_qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_the_ideas_source_says_what_is_wrong_in_swedish(swedish, tmp_path):
    empty = tmp_path / "tom.gpkg"
    sqlite3.connect(empty).execute("CREATE TABLE t (a)").connection.close()
    with pytest.raises(RepositoryError, match="^tom.gpkg har ingen tabell 'ideas'$"):
        GeoPackageIdeaRepository(empty).list_ideas()


def test_a_catalog_error_in_swedish(swedish, tmp_path):
    path = tmp_path / "katalog.json"
    path.write_text('{"catalog_version": 2}', encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert str(caught.value) == f"{path}: nyckel 'catalog_version': förväntade heltalet 1, fick 2"
    path.write_text('{"catalog_version": 1}', encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert str(caught.value) == f"{path}: nyckel 'title': förväntade ett objekt med texterna 'en' och 'sv' (saknas)"


def test_a_processing_error_in_swedish(swedish, qgis_processing, tmp_path):
    import processing

    register_provider()
    try:
        feedback = Errors()
        with pytest.raises(QgsProcessingException):
            processing.run("digiresan:coordination_conflicts", {
                "TWIN": str(build_twin(tmp_path / "twin.gpkg")), "OUTPUT": str(tmp_path / "c.gpkg"),
                "FROM": "27/11", **COMMON}, feedback=feedback)
    finally:
        unregister_provider()
    expected = "FROM måste vara ett datum som 2026-11-27, 'today' eller '+14', fick '27/11'"
    assert any(expected in e for e in feedback.errors), feedback.errors


def test_a_maintenance_model_error_in_swedish(swedish, tmp_path):
    import json
    from pathlib import Path

    from digiresan_plugin.core.investment.model import ModelError, load_model

    bundled = Path(__file__).resolve().parents[1] / "resources" / "maintenance_model.json"
    raw = json.loads(bundled.read_text(encoding="utf-8"))
    path = tmp_path / "modell.json"
    raw["deterioration"]["trend_min_iri_mm_m_per_year"] = -1
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        load_model(str(path))
    assert str(caught.value) == (f"{path}: nyckel 'deterioration.trend_min_iri_mm_m_per_year': förväntade ett tal ≥ 0,"
                                 " fick -1")
    del raw["deterioration"]["trend_min_iri_mm_m_per_year"]
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        load_model(str(path))
    assert str(caught.value).endswith("förväntade ett tal ≥ 0, fick \"saknas\"")


def test_an_import_mapping_expectation_in_swedish(swedish, tmp_path):
    """A mapping's unknown lines mode says what the key expects in Swedish."""
    import json

    from digiresan_plugin.core.importing.mapping import MappingError, read_mapping

    mapping = {"format": 1, "id": "m", "title": {"en": "m", "sv": "m"}, "layer": "road_segments",
               "fields": {"segment_id": {"from": "id"}}, "geometry": {"lines": "join"}}
    path = tmp_path / "mappning.json"
    path.write_text(json.dumps(mapping), encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        read_mapping(path)
    assert str(caught.value) == (f"{path}: nyckel 'geometry.lines': förväntade 'merge' eller 'split' "
                                 "(utan den tas linjerna som de är)")
