"""Smoke test of the benchmark harness: it runs end to end on a tiny twin and writes the expected JSON and report.

No timing is asserted here (timings are `make bench`'s business): only that every measurement is made, the points
hit road segments in both tools, and the report renders the targets.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from bench import ideas, identify, report
from bench.common import write_json
from digiresan_plugin.core.catalog import load_catalog

TODAY = date(2026, 11, 27)
TIMING_KEYS = {"n", "median", "p95", "min", "max"}


@pytest.fixture(scope="module")
def tiny_twin(tmp_path_factory):
    from demo import generate_twin

    path = tmp_path_factory.mktemp("bench") / "twin_200.gpkg"
    generate_twin(path, seed=2380, scale=200, today=TODAY)
    return path


def test_identify_harness_writes_every_measurement(qgis_app, tiny_twin, tmp_path):
    result = identify.run(tiny_twin, n_points=5, reps=1, clicks=10, load_runs=1, scale=200,
                          profile_dir=tmp_path, progress=lambda _msg: None)
    data = json.loads(write_json(tmp_path / "identify_200.json", result).read_text(encoding="utf-8"))

    assert {"machine", "load", "identify", "engine_build", "memory", "profile", "road_segments"} <= set(data)
    assert {"cpu", "cores", "ram_gb", "qgis", "date"} <= set(data["machine"])
    ident = data["identify"]
    for key in ("native", "ours", "render", "card"):
        assert set(ident[key]) == TIMING_KEYS
        assert ident[key]["n"] == 5
        assert ident[key]["median"] > 0
    assert ident["ratio_ours_native"] > 0
    # the points lie on road segments: our engine's subject is the segment, and QGIS's identify finds something
    assert ident["subjects"] == {"road_segments": 5}
    assert ident["native_results_median"] >= 1
    assert set(data["native_layers"]) >= {"road_segments", "traffic_signs", "excavation_permits"}
    assert data["memory"]["clicks"] == 10 and len(data["memory"]["series_mb"]) == 1
    layers = len(load_catalog().layers)  # every catalog layer (9 twin tables and the lake)
    assert data["load"]["n"] == 1 and data["load"]["layers"] == layers and data["load"]["problems"] == []
    assert any("report_at_point" in row["function"] for row in data["profile"]["cumulative"])
    assert (tmp_path / "identify_gpkg_200.prof").is_file()


def test_ideas_harness_and_report(qgis_app, tmp_path):
    path = ideas.ensure_ideas(60, directory=tmp_path, progress=None)
    assert ideas.idea_count(path) == 60
    result = ideas.run(60, reps=1, path=path, progress=lambda _msg: None)

    assert result["ours"]["rows"] == 60 and result["qgis"]["rows"] == 60
    for side in ("ours", "qgis"):
        assert set(result[side]["show"]) == TIMING_KEYS
        assert list(result[side]["keystrokes"]) == list(ideas.KEYSTROKES)
        # both filters find the same ideas for each keystroke
    assert [k["rows"] for k in result["ours"]["keystrokes"].values()] == [
        k["rows"] for k in result["qgis"]["keystrokes"].values()]
    assert result["ratio_show_ours_qgis"] > 0

    text = report.render({"mode": "test", "machine": result["machine"], "identify": [], "ideas": [result],
                          "postgis": {"skipped": "no server"}}, findings="kept")
    assert "| What | Target | Measured |" in text
    assert "Ideas filter, per keystroke" in text
    assert "Skipped: no server." in text
    assert f"{report.FINDINGS_START}\nkept\n{report.FINDINGS_END}" in text


def test_report_keeps_written_findings(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(f"# old\n{report.FINDINGS_START}\nThe engine was fine.\n{report.FINDINGS_END}\n", encoding="utf-8")
    text = report.write({"mode": "test", "identify": [], "ideas": [], "postgis": None}, path)
    assert "The engine was fine." in text and path.read_text(encoding="utf-8") == text
