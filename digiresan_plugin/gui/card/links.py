"""The card's links: ``feature:<layer>:<fid>`` (a related feature) and ``showall:<section id>`` (a truncated
section)."""

from __future__ import annotations

from typing import Any, Optional
from urllib.parse import quote, unquote

FEATURE_SCHEME = "feature"
SHOW_ALL_SCHEME = "showall"


def feature_href(layer: str, fid: Any) -> str:
    return f"{FEATURE_SCHEME}:{quote(str(layer), safe='')}:{int(fid)}"


def show_all_href(section_id: str) -> str:
    return f"{SHOW_ALL_SCHEME}:{quote(str(section_id), safe='')}"


def parse_href(href: str) -> Optional[tuple[str, Any]]:
    """``("feature", (layer, fid))``, ``("showall", section_id)`` or None for any other link."""
    scheme, _, rest = href.partition(":")
    if scheme == FEATURE_SCHEME:
        layer, _, fid = rest.rpartition(":")
        try:
            return FEATURE_SCHEME, (unquote(layer), int(fid))
        except ValueError:
            return None
    if scheme == SHOW_ALL_SCHEME and rest:
        return SHOW_ALL_SCHEME, unquote(rest)
    return None


def is_external(href: str) -> bool:
    """A document's link: a local file or a web address (opened outside QGIS)."""
    return href.partition(":")[0].lower() in ("file", "http", "https")
