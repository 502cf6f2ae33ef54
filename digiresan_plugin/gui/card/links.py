"""The card's links: ``feature:<layer>:<fid>`` (a related feature), ``card:<layer>:<fid>`` (the card of another
feature under the click, "Also here"), ``idea:<idea id>`` (the idea in the ideas dock) and
``showall:<section id>`` (a truncated section)."""

from __future__ import annotations

from typing import Any, Optional
from urllib.parse import quote, unquote

FEATURE_SCHEME = "feature"
SHOW_ALL_SCHEME = "showall"
CARD_SCHEME = "card"
IDEA_SCHEME = "idea"


def feature_href(layer: str, fid: Any) -> str:
    return f"{FEATURE_SCHEME}:{quote(str(layer), safe='')}:{int(fid)}"


def card_href(layer: str, fid: Any) -> str:
    return f"{CARD_SCHEME}:{quote(str(layer), safe='')}:{int(fid)}"


def idea_href(idea_id: Any) -> str:
    return f"{IDEA_SCHEME}:{int(idea_id)}"


def show_all_href(section_id: str) -> str:
    return f"{SHOW_ALL_SCHEME}:{quote(str(section_id), safe='')}"


def parse_href(href: str) -> Optional[tuple[str, Any]]:
    """``("feature", (layer, fid))``, ``("card", (layer, fid))``, ``("idea", idea_id)``, ``("showall",
    section_id)`` or None for any other link."""
    scheme, _, rest = href.partition(":")
    if scheme in (FEATURE_SCHEME, CARD_SCHEME):
        layer, _, fid = rest.rpartition(":")
        try:
            return scheme, (unquote(layer), int(fid))
        except ValueError:
            return None
    if scheme == IDEA_SCHEME:
        try:
            return IDEA_SCHEME, int(rest)
        except ValueError:
            return None
    if scheme == SHOW_ALL_SCHEME and rest:
        return SHOW_ALL_SCHEME, unquote(rest)
    return None


def is_external(href: str) -> bool:
    """A document's link: a local file or a web address (opened outside QGIS)."""
    return href.partition(":")[0].lower() in ("file", "http", "https")
