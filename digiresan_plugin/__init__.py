"""Digiresan digital twin: a QGIS plugin for Östersund municipality's digital twin."""


def classFactory(iface):  # noqa: N802 - QGIS plugin entry point
    """QGIS calls this to create the plugin."""
    from .plugin import DigiresanPlugin

    return DigiresanPlugin(iface)
