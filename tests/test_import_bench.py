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
