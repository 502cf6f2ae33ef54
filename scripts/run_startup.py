"""Run by `make run` (qgis --code): load the embedded demo twin through the plugin's dock."""

from qgis.utils import iface, plugins


def _load_demo_twin() -> None:
    plugin = plugins.get("digiresan_plugin")
    dock = getattr(plugin, "twin_dock", None)
    if dock is None:
        iface.messageBar().pushWarning("Digiresan", "The Digiresan plugin is not loaded: enable it in Plugins.")
        return
    from digiresan_plugin.core.twin_source import TwinSource

    window = iface.mainWindow()
    screen = window.screen().availableGeometry() if hasattr(window, "screen") else None
    if screen is not None and window.width() < screen.width():
        window.setGeometry(screen)  # without a window manager QGIS opens at 1280x800
    dock.show()
    dock.raise_()
    dock.load(TwinSource.demo())


_load_demo_twin()
