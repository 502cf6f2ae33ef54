"""The few QGIS API differences between the long-term releases the plugin supports (3.22 … 3.40+), in one place.

Each helper uses the current API when the running QGIS has it and the 3.22 one otherwise, so 3.40 reports no
deprecation and 3.22 keeps working. Nothing else in the plugin tests the QGIS version.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsAttributeEditorContainer, QgsField, QgsMapLayer, QgsRectangle
from qgis.PyQt.QtCore import QMetaType

#: QgsField takes a QMetaType.Type from 3.38 on (the QVariant.Type constructor is deprecated there)
FIELD_TAKES_METATYPE = Qgis.versionInt() >= 33800


def new_field(name: str, kind: int) -> QgsField:
    """``QgsField(name, kind)``, ``kind`` a ``QVariant`` type (``QVariant.String`` …), in the running QGIS's form."""
    if FIELD_TAKES_METATYPE:
        return QgsField(name, QMetaType.Type(int(kind)))  # the QVariant and QMetaType numbers are the same
    return QgsField(name, kind)


def null_rectangle() -> QgsRectangle:
    """An empty rectangle that ``combineExtentWith`` grows from nothing (``setNull``; ``setMinimal`` before 3.34)."""
    rect = QgsRectangle()
    if hasattr(rect, "setNull"):
        rect.setNull()
    else:
        rect.setMinimal()
    return rect


def make_tab(container: QgsAttributeEditorContainer) -> None:
    """Show a form container as a tab (``setType``; ``setIsGroupBox(False)`` before 3.26)."""
    if hasattr(container, "setType"):
        container.setType(Qgis.AttributeEditorContainerType.Tab)  # noqa: qt6 (3.26+)
    else:
        container.setIsGroupBox(False)


def set_attribution(layer: QgsMapLayer, text: str, url: str) -> None:
    """The layer's attribution and its link (in ``serverProperties()`` from 3.38 on)."""
    props = layer.serverProperties()
    if hasattr(props, "setAttribution"):
        props.setAttribution(text)
        props.setAttributionUrl(url)
    else:
        layer.setAttribution(text)
        layer.setAttributionUrl(url)


def attribution(layer: QgsMapLayer) -> str:
    """The layer's attribution text (see :func:`set_attribution`)."""
    props = layer.serverProperties()
    return props.attribution() if hasattr(props, "attribution") else layer.attribution()
