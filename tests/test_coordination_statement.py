"""The coordination statement: a one-page PDF for a permit, read back with pdftotext."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from digiresan_plugin.processing import register_provider, unregister_provider

from .coordination_fixture import TODAY, build_coordination_twin


@pytest.fixture()
def provider(qgis_processing):
    yield register_provider()
    unregister_provider()


def pdf_text(path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    out = subprocess.run([exe, "-layout", str(path), "-"], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    return unicodedata.normalize("NFKC", out)  # the PDF's ligatures (ﬂ, ﬁ) as letters


@pytest.mark.parametrize("language, words", [
    (0, ["Coordination statement: GT-T1", "Conflicts (1)", "Work window on T1: 09–15; avoid 07–08, 16–17",
         "Contacts", "GT-T2: Fiber AB"]),
    (1, ["Samordningsbesked: GT-T1", "Konflikter (1)", "Arbetsfönster på T1: 09–15", "Kontakter"]),
])
def test_the_statement_pdf_holds_the_permit_and_its_conflicts(provider, tmp_path, language, words):
    import processing

    twin = build_coordination_twin(tmp_path / "coord.gpkg")
    out = tmp_path / "statement.pdf"
    result = processing.run("digiresan:coordination_statement", {
        "PERMIT": "GT-T1", "TWIN": str(twin), "OUTPUT": str(out), "TODAY": TODAY.isoformat(), "LANGUAGE": language,
        "MORATORIUM_YEARS": 3})
    assert result["OUTPUT"] == str(out) and out.read_bytes().startswith(b"%PDF")
    text = " ".join(pdf_text(out).split())
    for word in words:
        assert " ".join(word.split()) in text
    assert "GT-T2" in text and "Torggatan" in text  # the conflict's message: GT-T1 on Tvärgatan, GT-T2 on Torggatan


def test_an_unknown_permit_is_an_error(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    twin = build_coordination_twin(tmp_path / "coord.gpkg")
    with pytest.raises(QgsProcessingException):
        processing.run("digiresan:coordination_statement", {
            "PERMIT": "GT-NONE", "TWIN": str(twin), "OUTPUT": str(tmp_path / "s.pdf"), "TODAY": TODAY.isoformat()})
