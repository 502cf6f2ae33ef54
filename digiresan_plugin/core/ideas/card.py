"""The ideas section of a twin card: ideas linked to the clicked feature or located at it."""

from __future__ import annotations

from typing import Optional, Sequence

from .filtering import ideas_for_feature
from .model import Idea

SECTION_ID = "ideas"
_TEXTS = {
    "en": {"title": "Digiresan ideas", "reference": "Reference", "title_col": "Title", "status": "Status",
           "linked": "linked to this feature", "located": "located here"},
    "sv": {"title": "Digiresan-idéer", "reference": "Referens", "title_col": "Titel", "status": "Status",
           "linked": "kopplad till objektet", "located": "ligger här"},
}


def ideas_section(
    ideas: Sequence[Idea],
    layer_id: Optional[str],
    key: Optional[str],
    bbox: Optional[tuple[float, float, float, float]],
    language: str = "en",
    cap: int = 50,
) -> Optional[dict]:
    """A report section (schema: docs/report_schema.md) listing the ideas at the subject, or None if there are
    none. Only public fields: no submitter data ever goes onto a card."""
    found = ideas_for_feature(ideas, layer_id, key, bbox)
    if not found:
        return None
    texts = _TEXTS["sv" if language.startswith("sv") else "en"]
    items = []
    for idea in found[:cap]:
        linked = idea.linked_layer == layer_id and idea.linked_key == (None if key is None else str(key))
        items.append({
            "layer": "ideas", "key": idea.reference, "fid": None,
            "title": f"{idea.reference} {idea.title}",
            "values": {"reference": idea.reference, "title": idea.title, "status": idea.status},
            "extra": {"relation": texts["linked"] if linked else texts["located"]},
        })
    return {
        "id": SECTION_ID, "title": texts["title"], "kind": "list", "layer": "ideas", "layer_title": texts["title"],
        "total": len(found), "truncated": False, "cap": cap,
        "columns": [
            {"field": "reference", "label": texts["reference"], "type": "text"},
            {"field": "title", "label": texts["title_col"], "type": "text"},
            {"field": "status", "label": texts["status"], "type": "text"},
        ],
        "items": items, "summary": {}, "error": None,
    }
