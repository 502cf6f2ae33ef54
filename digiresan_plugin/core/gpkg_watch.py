"""Keep the twin's GeoPackage layers readable when another program writes the file.

Cause (measured, QGIS 3.22 with GDAL 3.6): the ogr provider opens a GeoPackage layer that is not being edited
*read-only* (with GDAL's ``NOLOCK`` option while the file is in rollback-journal mode) and switches a layer to WAL
only while it is edited. When another QGIS (or any SQLite client) edits the file, the file goes to WAL mode and the
read-only connections of this QGIS fail on their next read — ``sqlite3_step(): unable to open database file`` — so
every request returns no features: the next card is empty, the map blank, until the layers are reopened. Edits made
in this QGIS are not affected (its providers reopen their own datasets).

:class:`GeoPackageWatch` watches the twin's GeoPackage files (and their ``-wal``) and, when one changes without a
commit of this QGIS, reopens the twin layers of that file that are not being edited (``QgsVectorLayer.reload()``),
after a short pause so a burst of writes costs one reload.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

from qgis.core import QgsMapLayer, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QFileSystemWatcher, QObject, QTimer, pyqtSignal

from .layers import SOURCE_PROPERTY, twin_layers
from .log import get_logger
from .signals import SignalBag

LOG = get_logger(__name__)
DEBOUNCE_MS = 300
OWN_COMMIT_S = 2.0  # changes this soon after a commit of ours are our own
SIDE_SUFFIXES = ("-wal",)


def gpkg_path(layer: QgsMapLayer) -> Optional[Path]:
    """The GeoPackage a twin layer was loaded from (None for other sources)."""
    source = str(layer.customProperty(SOURCE_PROPERTY) or "")
    return Path(source[len("gpkg:"):]).resolve() if source.startswith("gpkg:") else None


class GeoPackageWatch(QObject):
    """Reopens the twin layers of a GeoPackage another program changed; see the module docstring."""

    reloaded = pyqtSignal(str, int)  # path, number of layers reopened

    def __init__(self, project: Optional[QgsProject] = None):
        super().__init__()
        self.project = project or QgsProject.instance()
        self.watcher = QFileSystemWatcher(self)
        self._pending: set[Path] = set()
        self._own_until: dict[Path, float] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._reload_pending)
        self._signals = SignalBag()
        self._layer_signals: dict[str, SignalBag] = {}
        self._signals.connect(self.watcher.fileChanged, self._changed)
        self._signals.connect(self.watcher.directoryChanged, self._directory_changed)
        self._signals.connect(self.project.layersAdded, self._layers_added)
        self._signals.connect(self.project.layersWillBeRemoved, self._layers_going)  # before they are deleted
        self._signals.connect(self.project.layersRemoved, lambda _ids: self._refresh_watches())
        self._layers_added(list(self.project.mapLayers().values()))

    def cleanup(self) -> None:
        self._timer.stop()
        self._signals.disconnect_all()
        for bag in self._layer_signals.values():
            bag.disconnect_all()
        self._layer_signals.clear()
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)

    # -- what to watch -------------------------------------------------------------------------------
    def _layers_added(self, layers: list) -> None:
        for layer in layers:
            path = gpkg_path(layer) if isinstance(layer, QgsVectorLayer) else None
            if path is None or layer.id() in self._layer_signals:
                continue
            bag = SignalBag()
            bag.connect(layer.beforeCommitChanges, lambda _stop=False, p=path: self._own_commit(p))
            bag.connect(layer.afterCommitChanges, lambda p=path: self._own_commit(p))
            self._layer_signals[layer.id()] = bag
        self._refresh_watches()

    def _layers_going(self, layer_ids: list) -> None:
        for layer_id in layer_ids:
            bag = self._layer_signals.pop(layer_id, None)
            if bag is not None:
                bag.disconnect_all()

    def _files(self) -> set[Path]:
        return {p for p in (gpkg_path(layer) for layer in twin_layers(self.project).values()) if p is not None}

    def _refresh_watches(self) -> None:
        wanted: set[str] = set()
        for path in self._files():
            wanted.add(str(path.parent))
            for candidate in [path] + [Path(f"{path}{s}") for s in SIDE_SUFFIXES]:
                if candidate.exists():
                    wanted.add(str(candidate))
        current = set(self.watcher.files()) | set(self.watcher.directories())
        if current - wanted:
            self.watcher.removePaths(sorted(current - wanted))
        if wanted - current:
            self.watcher.addPaths(sorted(wanted - current))

    # -- changes ---------------------------------------------------------------------------------------
    def _own_commit(self, path: Path) -> None:
        self._own_until[path] = time.monotonic() + OWN_COMMIT_S

    def _directory_changed(self, _directory: str) -> None:
        before = set(self.watcher.files())
        self._refresh_watches()
        for added in set(self.watcher.files()) - before:  # e.g. another program created the -wal
            self._changed(added)

    def _changed(self, name: str) -> None:
        changed = Path(name)
        for suffix in SIDE_SUFFIXES:
            if changed.name.endswith(suffix):
                changed = changed.with_name(changed.name[:-len(suffix)])
        changed = changed.resolve()
        if changed not in self._files():
            return
        if time.monotonic() < self._own_until.get(changed, 0.0):
            return
        self._pending.add(changed)
        self._timer.start()
        if Path(name).exists() and name not in self.watcher.files():
            self.watcher.addPath(name)  # editors that replace the file drop it from the watch

    def _reload_pending(self) -> None:
        pending, self._pending = self._pending, set()
        for path in pending:
            count = 0
            for layer in twin_layers(self.project).values():
                if gpkg_path(layer) == path and not layer.isEditable():
                    layer.reload()
                    layer.triggerRepaint()
                    count += 1
            if count:
                LOG.info("%s was changed by another program: %d twin layers reopened", path.name, count)
                self.reloaded.emit(str(path), count)
