"""Command line: ``python3 -m demo --output PATH [--seed N] [--scale N] [--today YYYY-MM-DD]``."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import List, Optional

from .generator import DEFAULT_SEED, generate_twin


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of road segments >= 1, got {value}")
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got '{text}'") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python3 -m demo",
        description="Generate the deterministic demo twin of central Östersund as a GeoPackage (EPSG:3006).")
    p.add_argument("--output", "-o", required=True, type=Path, help="GeoPackage to write (replaced if it exists)")
    p.add_argument("--seed", type=_int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    p.add_argument("--scale", type=_positive_int, default=None,
                   help="grow the street grid to at least this many road segments (benchmarks)")
    p.add_argument("--today", type=_date, default=None,
                   help="the date permits, inspections and plans are placed around (default: today)")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing on success")
    return p


def _check_output(parser: argparse.ArgumentParser, output: Path) -> Path:
    output = output.expanduser()
    if output.is_dir():
        parser.error(f"--output {output} is a directory; give a file name such as {output / 'twin.gpkg'}")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        parser.error(f"cannot create the folder of --output {output}: {exc.strerror or exc}")
    probe = output.with_name(f".{output.name}.probe")
    try:
        probe.touch()
        probe.unlink()
    except OSError as exc:
        parser.error(f"cannot write --output {output}: {exc.strerror or exc}")
    return output


def main(argv: Optional[List[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    output = _check_output(parser, args.output)
    show = (not args.quiet) and args.scale is not None and sys.stderr.isatty()
    last = [-1]

    def progress(fraction: float) -> None:
        pct = int(fraction * 100)
        if show and pct != last[0]:
            last[0] = pct
            print(f"\r{pct:3d} %", end="", file=sys.stderr, flush=True)

    try:
        stats = generate_twin(output, seed=args.seed, scale=args.scale, today=args.today, progress=progress)
    except (OSError, sqlite3.Error) as exc:
        print(f"error: could not write {output}: {exc}", file=sys.stderr)
        return 2
    if show:
        print(file=sys.stderr)
    if not args.quiet:
        print(f"Wrote {stats.path} (seed {stats.seed}, today {stats.today.isoformat()}, {stats.tiles} tile(s)) "
              f"in {stats.seconds:.1f} s")
        for table, count in stats.counts.items():
            print(f"  {table:<20} {count:>12,}")
        xmin, ymin, xmax, ymax = stats.extent
        print(f"  extent EPSG:3006     {xmin:.0f}, {ymin:.0f} - {xmax:.0f}, {ymax:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
