"""The ideas section of a twin card: ideas linked to the card's subject or located within 25 m of it.

The subject's bounding box comes with the report (``subject.bbox`` in ``subject.bbox_crs``, the catalog's metric
CRS): the feature is not read again here. Without a bounding box only the linked ideas are listed.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProject,
    QgsRectangle,
)

from ..identify.texts import message
from ..log import get_logger
from .filtering import ideas_for_feature
from .model import IDEAS_CRS, Idea

LOG = get_logger(__name__)

SECTION_ID = "ideas"
#: drawn by gui/card/sections/ideas.py (a compact linked list); anything else reads it as a ``list``
SECTION_KIND = "ideas"
#: ideas this close to the subject's bounding box are "located here" (metres)
NEAR_SUBJECT_M = 25.0

BBox = tuple[float, float, float, float]


def card_section(ideas: Sequence[Idea], report: dict[str, Any]) -> Optional[dict]:
    """The ideas section for ``report`` (a card's report dict), or None without a subject or ideas at it."""
    subject = report.get("subject")
    if not subject or not ideas:
        return None
    return ideas_section(ideas, subject.get("layer"), subject.get("key"), subject_bbox(subject),
                         report.get("language", "en"))


def subject_bbox(subject: dict[str, Any], margin: float = NEAR_SUBJECT_M) -> Optional[BBox]:
    """The subject's bounding box in :data:`~.model.IDEAS_CRS`, grown by ``margin`` metres; None when the report
    gives no usable box (no ``bbox``, no or an unknown ``bbox_crs``, a box that cannot be transformed)."""
    box, crs = subject.get("bbox"), subject.get("bbox_crs")
    if not box or len(box) != 4:
        return None
    if not crs:
        LOG.warning("Card subject %s has a bbox without bbox_crs: ideas located nearby are not listed",
                    subject.get("key"))
        return None
    rect = QgsRectangle(*(float(v) for v in box))
    if crs != IDEAS_CRS:
        source = QgsCoordinateReferenceSystem(crs)
        if not source.isValid():
            LOG.warning("Card subject bbox_crs '%s' is not a known CRS: ideas located nearby are not listed", crs)
            return None
        transform = QgsCoordinateTransform(source, QgsCoordinateReferenceSystem(IDEAS_CRS), QgsProject.instance())
        try:
            rect = transform.transformBoundingBox(rect)
        except QgsCsException as exc:
            LOG.warning("Card subject bbox could not be transformed from %s to %s: %s", crs, IDEAS_CRS, exc)
            return None
    rect.grow(margin)
    return rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()


def ideas_section(
    ideas: Sequence[Idea],
    layer_id: Optional[str],
    key: Optional[str],
    bbox: Optional[BBox],
    language: str = "en",
    cap: int = 50,
) -> Optional[dict]:
    """A report section (schema: docs/report_schema.md) listing the ideas at the subject, or None if there are
    none. Only public fields: no submitter data ever goes onto a card."""
    found = ideas_for_feature(ideas, layer_id, key, bbox)
    if not found:
        return None
    title = message("ideas_title", language)
    linked_text, located_text = message("ideas_linked", language), message("ideas_located", language)
    items = []
    for idea in found[:cap]:
        linked = idea.linked_layer == layer_id and idea.linked_key == (None if key is None else str(key))
        items.append({
            "layer": "ideas", "key": idea.reference, "fid": None,
            "title": f"{idea.reference} {idea.title}",
            "values": {"reference": idea.reference, "title": idea.title, "status": idea.status},
            "extra": {"relation": linked_text if linked else located_text, "idea_id": idea.idea_id},
        })
    return {
        "id": SECTION_ID, "title": title, "kind": SECTION_KIND, "layer": "ideas", "layer_title": title,
        "total": len(found), "truncated": False, "cap": cap,
        "columns": [
            {"field": "reference", "label": message("ideas_reference", language), "type": "text"},
            {"field": "title", "label": message("ideas_title_column", language), "type": "text"},
            {"field": "status", "label": message("ideas_status", language), "type": "text"},
        ],
        "items": items, "summary": {}, "error": None,
    }
