"""Fail when a translation is unfinished or a tr() source string is missing from the .ts files.

Usage: check_translations.py PLUGIN_DIR TS_FILE [TS_FILE ...]
Runs pylupdate5 on the plugin's Python files into a scratch .ts and compares (context, source) pairs.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path


def messages(ts_path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → the <translation> element, for every message of a .ts file."""
    found = {}
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def main(plugin_dir: str, *ts_files: str) -> int:
    sources = sorted(str(p) for p in Path(plugin_dir).rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "scan.ts"
        subprocess.run(["pylupdate5", "-noobsolete", *sources, "-ts", str(scratch)], check=True, capture_output=True)
        wanted = set(messages(scratch))
    problems = []
    for ts in map(Path, ts_files):
        have = messages(ts)
        for context, source in sorted(wanted - set(have)):
            problems.append(f"{ts}: missing [{context}] {source!r} (run `make translations`)")
        for (context, source), translation in sorted(have.items()):
            if (context, source) not in wanted:
                continue
            text = (translation.text or "") if translation is not None else ""
            if translation is None or translation.get("type") in ("unfinished", "obsolete") or not text.strip():
                problems.append(f"{ts}: unfinished [{context}] {source!r}")
    for problem in problems:
        print(problem)
    print(f"translations: {len(wanted)} strings, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
