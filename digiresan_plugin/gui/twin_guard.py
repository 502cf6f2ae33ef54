"""Nothing lost when the twin goes away: asking before removing it, offering to save unsaved edits first, clearing
a card whose layer is gone, and resetting the user's demo copy.

The questions go through :data:`ASK` (``QMessageBox.question``), so a test can answer them.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QMessageBox, QWidget

from ..core.catalog import Catalog
from ..core.i18n import ui_language
from ..core.layers import twin_layer, twin_layers
from ..core.tr import tr

ASK: Callable[..., int] = QMessageBox.question


def modified_layers(project: QgsProject) -> list[QgsVectorLayer]:
    """Twin layers with edits not saved yet."""
    return [layer for layer in twin_layers(project).values() if layer.isEditable() and layer.isModified()]


def save_or_discard(parent: Optional[QWidget], project: QgsProject, action: str) -> bool:
    """Offer to save unsaved twin edits before ``action``; False when the user cancels or a save fails."""
    layers = modified_layers(project)
    if not layers:
        for layer in twin_layers(project).values():
            if layer.isEditable():
                layer.rollBack()  # editing on but nothing changed: just stop
        return True
    names = ", ".join(layer.name() for layer in layers)
    buttons = QMessageBox.StandardButton
    answer = ASK(parent, tr("Unsaved twin edits"),
                 tr("{layers} have unsaved edits. Save them before {action}?").format(layers=names, action=action),
                 buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
    if answer == QMessageBox.StandardButton.Cancel:
        return False
    failed = []
    for layer in layers:
        if answer == QMessageBox.StandardButton.Save:
            if not layer.commitChanges():
                failed.append(f"{layer.name()}: {'; '.join(layer.commitErrors()[:3])}")
        else:
            layer.rollBack()
    if failed:
        QMessageBox.warning(parent, tr("Unsaved twin edits"),
                            tr("Not saved, nothing was removed:\n{errors}").format(errors="\n".join(failed)))
        return False
    return True


def confirm_removal(parent: Optional[QWidget], catalog: Catalog, project: QgsProject, source_text: str) -> bool:
    """Ask before removing the twin: which layers go, and that the data itself stays."""
    layers = twin_layers(project)
    if not layers:
        return True
    language = ui_language()
    names = [spec.title.text(language) for spec in catalog.layers if spec.id in layers]
    answer = ASK(parent, tr("Remove the twin"),
                 tr("Remove the {n} twin layers ({layers}) and the group '{group}' from the project?\n\nThe data in "
                    "{source} is not changed; load the twin again to get them back.").format(
                     n=len(names), layers=", ".join(names), group=catalog.title.text(language),
                     source=source_text),
                 QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def confirm_reset_demo(parent: Optional[QWidget], copy_path: str) -> bool:
    answer = ASK(parent, tr("Reset demo twin"),
                 tr("Replace your copy of the demo twin by a fresh one?\n\n{path}\n\nYour edits are kept next to it "
                    "as a backup (…bak.gpkg) until the next reset.").format(path=copy_path),
                 QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def clear_card_if_removed(card_dock: Any, project: QgsProject, layer_ids: list[str]) -> bool:
    """Clear the card when the layer of its subject is being removed (``layersWillBeRemoved``)."""
    report = getattr(card_dock, "report", None) if card_dock is not None else None
    subject = report.subject if report is not None else None
    layer = twin_layer(project, subject.layer) if subject is not None and subject.layer else None
    if layer is None or layer.id() not in layer_ids:
        return False
    card_dock.clear()
    return True


def reset_demo(dock: Any) -> bool:
    """"Reset demo twin": ask, save or discard edits of a loaded demo, remove it, put a fresh copy, load it again."""
    from qgis.core import Qgis

    from ..core.demo_copy import DemoTwinError, reset_user_demo, user_demo_path
    from ..core.loader import TwinLoader, stored_source
    from ..core.twin_source import TwinSource

    project = dock.project
    if not confirm_reset_demo(dock, str(user_demo_path())):
        return False
    stored = stored_source(project)
    demo_loaded = bool(twin_layers(project)) and stored is not None and TwinSource.parse(stored).is_demo
    if demo_loaded:
        if not save_or_discard(dock, project, tr("resetting the demo twin")):
            return False
        TwinLoader(dock.catalog, project, dock.language).unload()
    try:
        reset_user_demo()
    except DemoTwinError as exc:
        dock.message(str(exc), Qgis.MessageLevel.Critical)
        return False
    if demo_loaded:
        dock.load(TwinSource.demo())
    dock.message(tr("The demo twin was reset: {path}").format(path=user_demo_path()), Qgis.MessageLevel.Success)
    return True
