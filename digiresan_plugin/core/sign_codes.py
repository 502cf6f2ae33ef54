"""Human names for Swedish traffic sign codes (Vägmärkesförordningen), from ``resources/sign_codes.json``.

Codes carrying a value are written ``CODE-VALUE`` in the data (``C31-50`` is a 50 km/h limit). Variants such as
``A19-2`` fall back to their base code. Nothing here raises on junk input: an unknown code is returned as it is.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Optional

from .log import get_logger
from .paths import resources_dir

LOG = get_logger(__name__)

TABLE_NAME = "sign_codes.json"
FALLBACK_LANGUAGE = "en"
_CODE_RE = re.compile(r"^([A-Z])\s*(\d+)(?:\s*[-\s]\s*(.+))?$")
_VALUE_RE = re.compile(r"\s*\{value\}(\s*km/h)?")


@lru_cache(maxsize=1)
def sign_table() -> dict[str, Any]:
    """The bundled code table, loaded once: ``{"groups": {...}, "codes": {...}}`` (empty on a broken file)."""
    path = resources_dir() / TABLE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        LOG.warning(f"Cannot read the sign code table {path}: {exc}")
        return {"groups": {}, "codes": {}}
    if not isinstance(data, dict):
        LOG.warning(f"Sign code table {path}: expected a JSON object at the top level")
        return {"groups": {}, "codes": {}}
    return {"groups": dict(data.get("groups") or {}), "codes": dict(data.get("codes") or {})}


def _split(code: object) -> Optional[tuple[str, Optional[str]]]:
    """``"c31-50"`` -> ``("C31", "50")``; ``"E19"`` -> ``("E19", None)``; junk -> ``None``."""
    if not isinstance(code, str):
        return None
    match = _CODE_RE.match(code.strip().upper())
    if not match:
        return None
    letter, number, value = match.groups()
    return f"{letter}{int(number)}", (value.strip() or None) if value else None


def _language(language: object) -> str:
    return str(language or FALLBACK_LANGUAGE)[:2].lower()


def _name(entry: dict[str, Any], language: str) -> Optional[str]:
    for lang in (language, FALLBACK_LANGUAGE):
        text = entry.get(lang)
        if isinstance(text, str) and text:
            return text
    return None


def sign_group(code: object) -> str:
    """The sign group letter (``"C"`` for ``C31-50``), or ``""`` when the code is not a sign code."""
    parts = _split(code)
    return parts[0][0] if parts else ""


def sign_group_name(code: object, language: str = FALLBACK_LANGUAGE) -> str:
    """The group's name (``"Förbudsmärken"`` / ``"Prohibitory signs"``), or ``""`` when unknown."""
    entry = sign_table()["groups"].get(sign_group(code))
    return (_name(entry, _language(language)) or "") if isinstance(entry, dict) else ""


def sign_name(code: Optional[str], language: str = FALLBACK_LANGUAGE) -> str:
    """Human name of a sign code in ``language`` ("sv"/"en", locale names like "sv_SE" work too).

    ``sign_name("C31-50", "sv") == "Hastighetsbegränsning 50 km/h"``. Falls back to English, then to the raw code
    (``""`` for ``None``).
    """
    raw = "" if code is None else str(code)
    parts = _split(code)
    if parts is None:
        return raw
    base, value = parts
    codes = sign_table()["codes"]
    full = f"{base}-{value}" if value else base
    entry = codes.get(full) if full != base else None
    if isinstance(entry, dict):
        return _name(entry, _language(language)) or raw
    entry = codes.get(base)
    if not isinstance(entry, dict):
        return raw
    text = _name(entry, _language(language))
    if text is None:
        return raw
    if entry.get("value"):
        return text.replace("{value}", value) if value else _VALUE_RE.sub("", text).strip()
    return text
