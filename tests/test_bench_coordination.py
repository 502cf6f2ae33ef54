"""The coordination part of the benchmark report: ``--only coordination`` is a part, and its targets and table
render from a result of ``bench.coordination`` (no timing asserted: that is ``make bench``'s business)."""

from __future__ import annotations

from bench import report
from bench.__main__ import _parts


def _part(ms: float, cpu: float, rows: int) -> dict:
    return {"median_ms": ms, "runs_ms": [ms], "cpu_ms": cpu, "rows": rows}


def test_coordination_part_renders_targets_and_table():
    assert _parts("coordination") == {"coordination"}
    result = {"kind": "coordination", "scale": 1_000_000, "permits": 150_000, "segments": 1_000_000,
              "board_14_days": _part(800.0, 400.0, 50_000), "board_14_days_kept_file": _part(1500.0, 1400.0, 50_000),
              "board_14_days_cold": {**_part(9000.0, 6000.0, 50_000), "keep_ms": 1234.0},
              "board_14_days_after_permit_edit": {**_part(300.0, 250.0, 50_000), "same_as_built": True},
              "full_network": _part(9000.0, 6000.0, 300_000), "native_join": _part(12000.0, 8000.0, 160_000),
              "full_vs_native": 0.75, "full_vs_native_cpu": 0.75, "load_average": [3.5, 3.0, 2.0]}
    text = report.render({"mode": "full", "machine": {}, "coordination": [result]})
    assert "| Coordination board, 14 days, at 10^6" in text and "0.80 s (CPU 0.40 s)" in text
    assert "10^6 0.75× (CPU 0.75×)" in text
    assert "| 10^6 | 150,000 | 1,000,000 | 800 (400) | 1,500 (1,400) | 9,000 (6,000) | 300 (250) | 9,000 (6,000) | " \
           "12,000 (8,000) | 0.75× (0.75×) | 50,000 / 300,000 | – | 3.5 |" in text
    kept = next(line for line in text.splitlines() if "the match table kept from the last session" in line)
    built = next(line for line in text.splitlines() if "the match table built, nothing kept" in line)
    assert "1.50 s (CPU 1.40 s)" in kept and "❌" in kept
    assert "9.00 s (CPU 6.00 s)" in built and "❌" in built
    edited = next(line for line in text.splitlines() if "after another program edited a permit" in line)
    assert "0.30 s (CPU 0.25 s)" in edited and "✅" in edited
    assert "in a task of its own (after a built table, median): 10^6 1,234 ms." in text
    result["board_14_days_after_permit_edit"]["same_as_built"] = False  # fast but wrong: not met
    text = report.render({"mode": "full", "machine": {}, "coordination": [result]})
    edited = next(line for line in text.splitlines() if "after another program edited a permit" in line)
    assert "rows differ from a build ❌" in edited and "✅" not in edited
    del result["board_14_days_kept_file"]  # a run without that part: said so, not a number
    text = report.render({"mode": "full", "machine": {}, "coordination": [result]})
    assert "| 10^6 | 150,000 | 1,000,000 | 800 (400) | not run | 9,000 (6,000) | 300 (250) |" in text
