"""The ideas as point features for the ideas map layer (no personal data); made in the loading task. The field
``listed`` follows the dock's filters, so the layer shows what the list shows."""

from __future__ import annotations

from typing import Sequence

from qgis.core import QgsFeature, QgsFields, QgsGeometry, QgsPointXY
from qgis.PyQt.QtCore import QVariant

from ..compat import new_field
from .columns import column, points
from .model import Idea

LAYER_FIELDS = (("idea_id", QVariant.Int), ("reference", QVariant.String), ("title", QVariant.String),
                ("status", QVariant.String), ("theme", QVariant.String), ("granted_sek", QVariant.Double))
#: 1 while the dock's filters list the idea (the layer's subset string shows only those), else 0
LISTED_FIELD = "listed"
LISTED_SUBSET = f'"{LISTED_FIELD}" = 1'


def layer_fields() -> QgsFields:
    """The attributes of the ideas map layer: no personal data."""
    fields = QgsFields()
    for name, kind in LAYER_FIELDS:
        fields.append(new_field(name, kind))
    fields.append(new_field(LISTED_FIELD, QVariant.Int))
    return fields


def layer_features(ideas: Sequence[Idea]) -> list[QgsFeature]:
    """Point features (in :data:`~.model.IDEAS_CRS`) of the located ideas, from columns (no Idea objects made);
    plain ``QgsFeature`` objects, safe to make in a task."""
    fields = layer_fields()
    positions, xs, ys = points(ideas)
    values = [column(ideas, name) for name, _kind in LAYER_FIELDS]
    features = []
    for k, x, y in zip(positions, xs, ys):
        feature = QgsFeature(fields)
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes([col[k] for col in values] + [1])
        features.append(feature)
    return features
