"""The import bench module runs (a tiny size; counts only, no timing asserted)."""

from __future__ import annotations

import json

from bench import importing


def test_import_bench_runs_and_reports(tmp_path, monkeypatch, qgis_app):
    monkeypatch.setattr(importing, "BENCH_DIR", tmp_path)
    out = tmp_path / "importing.json"
    results = importing.run([300], 1, out)
    entry = results["sizes"][0]
    assert entry["counts"] == {"read": 300, "inserted": 300, "updated": 0, "unchanged": 0, "rejected": 0,
                               "deleted": 0}
    assert json.loads(out.read_text(encoding="utf-8"))["sizes"][0]["rows"] == 300
    assert "| 300 |" in importing.markdown(results)


def test_the_import_part_is_in_the_bench_report(tmp_path, monkeypatch, qgis_app):
    from bench import __main__ as bench_main
    from bench import report

    assert "importing" in bench_main.PARTS
    assert bench_main._parser().parse_args(["--only", "importing"]).only == {"importing"}
    monkeypatch.setattr(importing, "BENCH_DIR", tmp_path)
    results = importing.run([200], 1, tmp_path / "importing.json")
    text = report.render({"importing": results})
    assert "### Import: NVDB-shaped GeoPackage into the twin vs `ogr2ogr`" in text
    assert "| Import of NVDB road segments vs a plain `ogr2ogr` copy into a GeoPackage (at 200" in text
    assert "| Import memory: growth of the peak RSS during one import" in text
