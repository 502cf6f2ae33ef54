"""The maintenance side of a load: what the loader calls once the twin's layers are in the project.

Key relations become project relations, every layer gets its catalog form (widgets, aliases, constraints,
defaults, read-only fields, tabs per card section), and the layers of a GeoPackage the user cannot write are opened
read-only. Signals that follow edits (history user, derived-field repaint, refusals in words) are connected by
:class:`~.edit_watch.EditWatch` for every twin layer the project gains, loaded here or read from a project file.
A writable GeoPackage gets its triggers (:mod:`.gpkg_triggers`) in a background task after the load.
"""

from __future__ import annotations

from typing import Callable, Optional

from qgis.core import QgsProject

from .catalog import Catalog, CatalogError
from .form_layout import apply_form_layout
from .forms import apply_field_setup
from .layers import twin_layer
from .log import get_logger
from .project_relations import register_key_relations
from .tasks import BackgroundTask, run_task
from .tr import tr
from .twin_source import TwinSource

LOG = get_logger(__name__)



def prepare_loaded_layers(catalog: Catalog, project: QgsProject, source: TwinSource, layer_ids: list[str],
                          language: str) -> list[str]:
    """Relations, forms and the read-only flag for the loaded twin layers; returns problems (one per layer)."""
    problems: list[str] = []
    try:
        register_key_relations(catalog, project)
    except CatalogError as exc:
        return [str(exc)]
    read_only = not source.writable()
    for layer_id in layer_ids:
        layer = twin_layer(project, layer_id)
        if layer is None:
            continue
        try:
            apply_field_setup(catalog, layer_id, layer, language)
            apply_form_layout(catalog, layer_id, layer, project, language)
        except CatalogError as exc:
            problems.append(str(exc))
            break
        if read_only:
            layer.setReadOnly(True)
    if read_only and layer_ids:
        message = tr("{source} is read-only for you: the twin is shown, edits cannot be saved").format(
            source=source.describe())
        LOG.info(message)
    return problems


def install_gpkg_triggers(catalog: Catalog, source: TwinSource,
                          on_done: Optional[Callable[[Optional[str]], None]] = None) -> Optional[BackgroundTask]:
    """Install the GeoPackage's refusal, derived-field and history triggers in a background task (writable
    GeoPackages only; None otherwise). ``on_done(problem)`` gets None or why they could not be installed."""
    if source.kind != "gpkg" or not source.writable():
        return None
    from .gpkg_triggers import install_triggers

    def done(_report, error: Optional[BaseException]) -> None:
        problem = None
        if error is not None:
            problem = tr("{file}: the edit history and the checks of the GeoPackage could not be set up: "
                         "{error}").format(file=source.describe(), error=error)
            LOG.warning(problem)
        if on_done is not None:
            on_done(problem)

    return run_task(tr("Preparing the twin GeoPackage"), lambda _task: install_triggers(source.location, catalog),
                    done)
