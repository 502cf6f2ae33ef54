"""Rejection reasons and the summary name the twin layer by its catalog title in the UI language (the REJECTED
output's reason column, the Processing summary), never by its id; the id columns stay ids."""

from __future__ import annotations

import csv

import pytest

from tests.test_card_dock import locale_setting, swedish_translation  # noqa: F401 (fixtures)

from .conftest import TODAY
from .import_fixtures import write_csv
from .test_import_sources import key, twin  # noqa: F401 (a fixture)

FAR = (490000, 7000000)  # no segment of the twin (test_import_sources' six and the demo's) within the preset's 25 m
WORDS = {
    "en_US": ("nothing in 'Road segments' within 25 m", "survey.csv → Road condition inspections: read 2, "
              "inserted 1, updated 0, unchanged 0, rejected 1"),
    "sv_SE": ("inget i 'Vägsegment' inom 25 m", "survey.csv → Tillståndsmätningar: lästa 2, infogade 1, "
              "uppdaterade 0, oförändrade 0, avvisade 1"),
}


@pytest.fixture(params=sorted(WORDS))
def language(request, locale_setting):  # noqa: F811 - the fixture imported above
    from qgis.core import QgsSettings

    locale_setting(request.param)  # puts the settings back after the test
    QgsSettings().setValue("locale/overrideFlag", True)  # the UI language follows userLocale
    if request.param.startswith("sv"):
        request.getfixturevalue("swedish_translation")
    return request.param


def test_reasons_and_summary_name_the_layer_by_its_title(language, catalog, twin, tmp_path,  # noqa: F811
                                                         qgis_processing):
    import processing

    from digiresan_plugin.processing import register_provider, unregister_provider

    reason, summary = WORDS[language]
    source = write_csv(tmp_path / "survey.csv", ["Sträcka", "Datum", "IRI", "Spårdjup", "X", "Y"], [
        [key(0), "2026-05-03", "1,2", "4", "", ""],
        ["", "2026-05-03", "1,0", "2", *FAR]])
    out = tmp_path / "rejected.csv"
    register_provider()
    try:
        result = processing.run("digiresan:import_into_twin", {
            "INPUT": str(source), "TWIN": str(twin), "MAPPING": "pavement_survey", "SOURCE_CRS": "EPSG:3006",
            "REJECTED": str(out), "TODAY": TODAY.isoformat()})
    finally:
        unregister_provider()
    assert result["SUMMARY"] == summary
    got = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert got[1][:4] == ["2", "segment_id", "", reason]  # the field column keeps the twin's field id
