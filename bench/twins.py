"""The cached benchmark twins: ``build/bench/twins/twin_<scale>.gpkg``, generated once (seeded, fixed today).

``python -m bench.twins --scale N [--scale M ...]`` generates the missing ones and prints progress (the parent
runs it in the background while it benchmarks what is ready).
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
import time
from pathlib import Path
from typing import Callable, Optional

from .common import SEED, TODAY, TWINS_DIR, log


def twin_path(scale: int, directory: Path = TWINS_DIR) -> Path:
    return Path(directory) / f"twin_{scale}.gpkg"


def road_count(path: Path) -> int:
    """Number of road segments in a twin GeoPackage (0 when unreadable)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT count(*) FROM road_segments").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


DEMO_DIR = Path(__file__).resolve().parents[1] / "demo"


def generator_fingerprint() -> str:
    """A digest of the demo generator's sources: a twin written by another version of it is not reused."""
    digest = hashlib.sha256()
    for source in sorted(DEMO_DIR.rglob("*.py")):
        digest.update(source.relative_to(DEMO_DIR).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def fingerprint_path(path: Path) -> Path:
    return path.with_name(path.name + ".generator")


def is_ready(scale: int, directory: Path = TWINS_DIR) -> bool:
    path = twin_path(scale, directory)
    stamp = fingerprint_path(path)
    return (path.is_file() and road_count(path) >= scale and stamp.is_file()
            and stamp.read_text().strip() == generator_fingerprint())


def ensure_twin(scale: int, directory: Path = TWINS_DIR,
                progress: Optional[Callable[[str], None]] = log) -> Path:
    """The twin of ``scale`` road segments, generated when missing (the generator writes atomically)."""
    path = twin_path(scale, directory)
    if is_ready(scale, directory):
        return path
    from demo import generate_twin

    last = [-1]

    def step(fraction: float) -> None:
        pct = int(fraction * 100)
        if progress and pct // 5 != last[0]:
            last[0] = pct // 5
            progress(f"generating twin at scale {scale:,}: {pct} %")

    started = time.perf_counter()
    stats = generate_twin(path, seed=SEED, scale=scale, today=TODAY, progress=step)
    fingerprint_path(path).write_text(generator_fingerprint() + "\n")
    if progress:
        progress(f"twin at scale {scale:,} ready: {stats.counts.get('road_segments', 0):,} road segments in "
                 f"{time.perf_counter() - started:.0f} s ({path})")
    return path


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.twins", description="Generate the cached bench twins.")
    parser.add_argument("--scale", type=int, action="append", required=True, help="road segments (repeatable)")
    args = parser.parse_args(argv)
    for scale in sorted(set(args.scale)):
        ensure_twin(scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
