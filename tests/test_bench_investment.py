"""Smoke test of the maintenance-planning bench (``bench/investment.py``) on a tiny twin: every measurement is
made and the report renders its targets (no timing asserted)."""

from __future__ import annotations

from datetime import date

from bench import investment, report

TODAY = date(2026, 11, 27)


def test_investment_harness_and_report(qgis_app, tmp_path):
    from demo import generate_twin

    path = tmp_path / "twin_200.gpkg"
    generate_twin(path, seed=2380, scale=200, today=TODAY)
    floor = investment.run_floor(path, 1)
    ours, (model, net) = investment.run_ours(path, 1)
    assert floor["rows"] == ours["segments"] == len(net) > 0
    assert 0 < ours["candidates"] < ours["segments"]
    scenarios = investment.run_scenarios(model, net, 1)
    assert set(scenarios) == {"worst_first", "benefit_cost"}
    row = {"kind": "investment", "scale": 200, "segments": len(net), "floor": floor, "candidates": ours,
           "scenarios": scenarios, "ratio_candidates_floor": 2.0, "peak_rss_mb": 100.0}
    text = report.render({"mode": "test", "identify": [], "ideas": [], "postgis": None, "investment": [row]}, None)
    assert "Maintenance candidates vs one SQL window pass" in text
    assert "### Maintenance planning: candidates and 5-year scenarios" in text
