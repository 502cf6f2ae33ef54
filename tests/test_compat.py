"""core/compat.py: the same answers on QGIS 3.22 and 3.40 (the suite runs on both, see .ci/ltr.sh)."""

from __future__ import annotations

from qgis.core import Qgis, QgsAttributeEditorContainer, QgsRasterLayer, QgsRectangle
from qgis.PyQt.QtCore import QVariant

from digiresan_plugin.core.compat import attribution, make_tab, new_field, null_rectangle, set_attribution


def test_new_field_keeps_name_and_type() -> None:
    for kind, type_name in ((QVariant.String, "QString"), (QVariant.Int, "int"), (QVariant.Double, "double"),
                            (QVariant.LongLong, "qlonglong"), (QVariant.Date, "QDate")):
        field = new_field("f", kind)
        assert field.name() == "f"
        assert int(field.type()) == int(kind)
        assert field.typeName() in (type_name, "")  # the type name is empty until a provider sets it


def test_null_rectangle_grows_from_nothing() -> None:
    extent = null_rectangle()
    extent.combineExtentWith(QgsRectangle(10, 20, 30, 40))
    extent.combineExtentWith(QgsRectangle(-5, 25, 12, 50))
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == (-5, 20, 30, 50)


def test_make_tab_is_not_a_group_box() -> None:
    container = QgsAttributeEditorContainer("Attributes", None)
    make_tab(container)
    if hasattr(container, "setType"):  # 3.26+
        assert container.type() == Qgis.AttributeEditorContainerType.Tab  # noqa: qt6 (3.26+)
    else:
        assert not container.isGroupBox()


def test_attribution_round_trip() -> None:
    layer = QgsRasterLayer("", "empty", "gdal")
    set_attribution(layer, "© OpenStreetMap contributors", "https://www.openstreetmap.org/copyright")
    assert attribution(layer) == "© OpenStreetMap contributors"
