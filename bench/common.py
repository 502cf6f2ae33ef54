"""Shared helpers of the benchmark processes: paths, the QGIS application, timing statistics, memory, machine."""

from __future__ import annotations

import gc
import json
import os
import platform
import statistics
import time
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "build" / "bench"
TWINS_DIR = BENCH_DIR / "twins"
IDEAS_DIR = BENCH_DIR / "ideas"
PROFILE_DIR = BENCH_DIR / "qgis-profile"
SEED = 2380
#: "today" of every generated bench twin and of the engine: fixed, so reports are the same run after run
TODAY = date(2026, 11, 27)
#: point picking (fixed, so every scale and every run clicks the same way)
POINT_SEED = 6

_app = None


def qgis_app():
    """The QgsApplication of this process (GUI enabled, offscreen when QT_QPA_PLATFORM says so), started once.

    Settings go to a profile under ``build/bench`` so the bench neither reads nor changes the user's QGIS profile
    (``Map/searchRadiusMM`` is QGIS's default 2 mm there).
    """
    global _app
    if _app is not None:
        return _app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    if QgsApplication.instance() is not None:  # e.g. under pytest-qgis
        _app = QgsApplication.instance()
        return _app
    PROFILE_DIR.mkdir(parents=True, exist_ok=True)
    _app = QgsApplication([], True, str(PROFILE_DIR))
    _app.initQgis()
    return _app


def ms(seconds: float) -> float:
    return seconds * 1000.0


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(milliseconds, result) of one call."""
    started = time.perf_counter()
    result = fn()
    return ms(time.perf_counter() - started), result


def percentile(values: Sequence[float], q: float) -> Optional[float]:
    """The q-th percentile (0..100), linear interpolation; None for no values."""
    data = sorted(values)
    if not data:
        return None
    if len(data) == 1:
        return data[0]
    pos = (len(data) - 1) * q / 100.0
    low = int(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)


def stats(values: Sequence[float]) -> dict[str, Any]:
    """Median, p95, min, max and count of timings in ms (None when there are none)."""
    values = list(values)
    if not values:
        return {"n": 0, "median": None, "p95": None, "min": None, "max": None}
    return {
        "n": len(values),
        "median": round(statistics.median(values), 4),
        "p95": round(percentile(values, 95), 4),
        "min": round(min(values), 4),
        "max": round(max(values), 4),
    }


def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return None if a is None or not b else round(a / b, 4)


def rss_mb() -> float:
    """Resident memory of this process (VmRSS from /proc/self/status) in MB."""
    gc.collect()
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return float("nan")


def machine() -> dict[str, Any]:
    """CPU model, cores, RAM, OS, Python and QGIS version, date: what the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    try:
        from qgis.core import Qgis

        qgis_version = Qgis.QGIS_VERSION
    except ImportError:
        qgis_version = None
    os_name = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram_gb,
        "os": os_name,
        "python": platform.python_version(),
        "qgis": qgis_version,
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "load_avg": _load_avg(),
    }


def _load_avg() -> Optional[list[float]]:
    try:
        return [round(v, 2) for v in os.getloadavg()]
    except OSError:
        return None


def write_json(path: Path, data: Any) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)
