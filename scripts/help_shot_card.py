"""Extra code for scripts/screenshot.sh (run inside QGIS): a road segment's card beside the map at 1:3 000, as the
help pages show it (``SHOT_SCROLL_TO``: a section scrolled to the top); the docks' rectangles are written to
build/shot_geometry.json for cropping."""

import json
import os
from pathlib import Path

from qgis.core import QgsFeatureRequest, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

SEGMENT = os.environ.get("SHOT_SEGMENT", "OST-STORGATAN-0007")


def _rect(widget) -> list:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def _card() -> None:
    plugin = plugins.get("digiresan_plugin")
    layer = next(lyr for lyr in QgsProject.instance().mapLayers().values()
                 if lyr.customProperty("digiresan/layer_id") == "road_segments")
    feature = next(layer.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{SEGMENT}'")))
    canvas = iface.mapCanvas()
    canvas.setCenter(feature.geometry().centroid().asPoint())
    canvas.zoomScale(3000)
    plugin.identify.show_feature("road_segments", feature.id())
    QTimer.singleShot(3000, lambda: _geometry(plugin))


def _geometry(plugin) -> None:
    section = os.environ.get("SHOT_SCROLL_TO")  # e.g. "signs": that section at the top of the card
    box = plugin.card_dock.section_box(section) if section else None
    if box is not None:
        plugin.card_dock.scroll.verticalScrollBar().setValue(box.y())
    out = Path(os.environ.get("SHOT_GEOMETRY", "build/shot_geometry.json"))
    out.write_text(json.dumps({"card": _rect(plugin.card_dock), "twin": _rect(plugin.twin_dock)}))


QTimer.singleShot(7000, _card)
