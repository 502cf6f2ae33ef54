"""Legend labels of the bundled QML styles, translated when a style is applied.

QML files hold English labels; pylupdate5 finds them here (context ``TwinStyles``) so the Swedish .ts covers them.
Keep this list in step with ``resources/styles`` (a test checks every label of every style is listed).
"""

from __future__ import annotations

from qgis.core import QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer, QgsRuleBasedRenderer, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pylupdate5 looks for
    return text


CONTEXT = "TwinStyles"
LABELS = (
    QT_TRANSLATE_NOOP("TwinStyles", "1 – very good"),
    QT_TRANSLATE_NOOP("TwinStyles", "2 – good"),
    QT_TRANSLATE_NOOP("TwinStyles", "3 – fair"),
    QT_TRANSLATE_NOOP("TwinStyles", "4 – poor"),
    QT_TRANSLATE_NOOP("TwinStyles", "5 – very poor"),
    QT_TRANSLATE_NOOP("TwinStyles", "A – warning"),
    QT_TRANSLATE_NOOP("TwinStyles", "Applied / needs completion"),
    QT_TRANSLATE_NOOP("TwinStyles", "Approved – active now"),
    QT_TRANSLATE_NOOP("TwinStyles", "Approved – not active"),
    QT_TRANSLATE_NOOP("TwinStyles", "B – priority"),
    QT_TRANSLATE_NOOP("TwinStyles", "C – prohibitory"),
    QT_TRANSLATE_NOOP("TwinStyles", "Culture"),
    QT_TRANSLATE_NOOP("TwinStyles", "D – mandatory"),
    QT_TRANSLATE_NOOP("TwinStyles", "E – information"),
    QT_TRANSLATE_NOOP("TwinStyles", "Healthcare"),
    QT_TRANSLATE_NOOP("TwinStyles", "Industry"),
    QT_TRANSLATE_NOOP("TwinStyles", "Not inspected"),
    QT_TRANSLATE_NOOP("TwinStyles", "Office"),
    QT_TRANSLATE_NOOP("TwinStyles", "Ongoing – active now"),
    QT_TRANSLATE_NOOP("TwinStyles", "Ongoing – outside permit dates"),
    QT_TRANSLATE_NOOP("TwinStyles", "Other"),
    QT_TRANSLATE_NOOP("TwinStyles", "Other status"),
    QT_TRANSLATE_NOOP("TwinStyles", "Residential"),
    QT_TRANSLATE_NOOP("TwinStyles", "Restored / closed"),
    QT_TRANSLATE_NOOP("TwinStyles", "Retail"),
    QT_TRANSLATE_NOOP("TwinStyles", "School"),
    QT_TRANSLATE_NOOP("TwinStyles", "T – supplementary plate"),
    QT_TRANSLATE_NOOP("TwinStyles", "Unknown"),
)


def translate_legend(layer: QgsVectorLayer) -> None:
    """Replace the layer's legend labels by their translation in the current UI language."""
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            renderer.updateCategoryLabel(index, _tr(category.label()))
    elif isinstance(renderer, QgsGraduatedSymbolRenderer):
        for index, value_range in enumerate(renderer.ranges()):
            renderer.updateRangeLabel(index, _tr(value_range.label()))
    elif isinstance(renderer, QgsRuleBasedRenderer):
        for rule in renderer.rootRule().descendants():
            rule.setLabel(_tr(rule.label()))


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else text
