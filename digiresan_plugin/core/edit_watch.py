"""Follows edits of twin layers: names the editing user for the history, redraws what a derived field changed,
and turns database refusals into words.

One :class:`EditWatch` per plugin. It connects to every twin layer the project gains (loaded by the dock or read
from a project file) and tells the user through :attr:`EditWatch.message` (the GUI puts it in the message bar).

- **Refusals.** QGIS's forms refuse a value that breaks a hard constraint; what reaches the edit buffer another way
  (field calculator, scripts, pasted features) is refused by the database on commit — the GeoPackage's triggers
  (:mod:`.gpkg_rules`) or PostGIS's constraints — and stays in the edit buffer. The provider's error comes here
  (``raiseError``) and is worded with the catalog's messages (:mod:`.db_errors`). (QGIS 3.22 does not expose
  ``setAllowCommit`` to Python, so a commit cannot be vetoed earlier.)
- **Who** (GeoPackage history): see :mod:`.gpkg_triggers`.
- **Derived fields**: after a child layer (e.g. inspections) is saved, the parent layer whose stored copy the
  triggers just updated is redrawn, so map and card agree.
- **Provider errors** (e.g. a PostGIS CHECK constraint): :mod:`.db_errors` words them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from qgis.core import Qgis, QgsMapLayer, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from .catalog import Catalog
from .db_errors import describe_provider_error
from .gpkg_triggers import session_user, set_session_user
from .i18n import ui_language
from .layers import LAYER_ID_PROPERTY, SOURCE_PROPERTY, twin_layer
from .log import get_logger
from .maintenance_spec import maintenance_spec
from .signals import SignalBag

LOG = get_logger(__name__)


class EditWatch(QObject):
    """Connects to twin layers as they are added to ``project``; see the module docstring."""

    message = pyqtSignal(str, str, int)  # title, text, Qgis.MessageLevel

    def __init__(self, catalog: Catalog, project: Optional[QgsProject] = None, language: Optional[str] = None):
        super().__init__()
        self.catalog = catalog
        self.project = project or QgsProject.instance()
        self.language = language or ui_language()
        self._signals = SignalBag()
        self._watched: dict[str, SignalBag] = {}  # QGIS layer id -> its connections
        self._signals.connect(self.project.layersAdded, self._layers_added)
        self._signals.connect(self.project.layersWillBeRemoved, self._layers_removed)
        self._layers_added(list(self.project.mapLayers().values()))

    def cleanup(self) -> None:
        self._signals.disconnect_all()
        for bag in self._watched.values():
            bag.disconnect_all()
        self._watched.clear()

    # -- wiring ------------------------------------------------------------------------------------
    def _layers_added(self, layers: list[QgsMapLayer]) -> None:
        for layer in layers:
            if isinstance(layer, QgsVectorLayer) and layer.customProperty(LAYER_ID_PROPERTY) and \
                    layer.id() not in self._watched:
                self._watch(layer)

    def _layers_removed(self, layer_ids: list[str]) -> None:
        for layer_id in layer_ids:
            bag = self._watched.pop(layer_id, None)
            if bag is not None:
                bag.disconnect_all()

    def _watch(self, layer: QgsVectorLayer) -> None:
        bag = SignalBag()
        lid = layer.id()
        bag.connect(layer.beforeCommitChanges, lambda _stop=False: self._before_commit(lid))
        bag.connect(layer.afterCommitChanges, lambda: self._after_commit(lid))
        bag.connect(layer.raiseError, lambda text: self._provider_error(lid, text))
        self._watched[lid] = bag

    def _layer(self, lid: str) -> Optional[QgsVectorLayer]:
        layer = self.project.mapLayer(lid)
        return layer if isinstance(layer, QgsVectorLayer) else None

    def _title(self, layer: QgsVectorLayer) -> str:
        return layer.name()

    # -- commits -----------------------------------------------------------------------------------
    def _gpkg_path(self, layer: QgsVectorLayer) -> Optional[Path]:
        source = str(layer.customProperty(SOURCE_PROPERTY) or "")
        return Path(source[5:]) if source.startswith("gpkg:") else None

    def _before_commit(self, lid: str) -> None:
        layer = self._layer(lid)
        if layer is None:
            return
        path = self._gpkg_path(layer)
        if path is not None and set_session_user(path, self.catalog, session_user()):
            # the commit runs right after this signal, in the same call: clear the name once it is done
            QTimer.singleShot(0, lambda: set_session_user(path, self.catalog, None))

    def _after_commit(self, lid: str) -> None:
        layer = self._layer(lid)
        if layer is None:
            return
        catalog_id = layer.customProperty(LAYER_ID_PROPERTY)
        for derived in maintenance_spec(self.catalog).derived:
            if derived.relation.child == catalog_id:
                parent = twin_layer(self.project, derived.layer)
                if parent is not None:
                    parent.triggerRepaint()

    def _provider_error(self, lid: str, text: str) -> None:
        layer = self._layer(lid)
        if layer is None:
            return
        words = describe_provider_error(self.catalog, text, self.language)
        if words:
            self.message.emit(self._title(layer), words, int(Qgis.MessageLevel.Critical))
