"""Glue between the Twin info tool, the identify engine and the card dock: where a click becomes a card.

A click builds a :class:`~digiresan_plugin.core.identify.TwinEngine` over the project's twin layers and shows its
:class:`~digiresan_plugin.core.identify.TwinReport`. Small twins answer on the main thread; with ``background=True``
the layers are snapshotted (``QgsVectorLayerFeatureSource``) on the main thread and the report is built in a
``QgsTask`` — the task never touches a layer or a widget, and a late answer to an older click is dropped.

Other parts of the plugin add sections to every card through :attr:`IdentifyController.extra_sections`: each is
called with the report's ``to_dict()`` form (docs/report_schema.md; ``subject["bbox"]``/``["bbox_crs"]`` locate
the subject) and returns a section (a :class:`~digiresan_plugin.core.identify.Section` or its dict) or None.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Mapping, Optional, Union

from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core import settings
from ..core.catalog import Catalog
from ..core.coordination.temporal import as_of
from ..core.formatting import card_locale
from ..core.i18n import ui_language
from ..core.identify.engine import TwinEngine
from ..core.identify.report import Hit, Section, TwinReport, as_section
from ..core.layers import twin_layer
from ..core.log import get_logger
from ..core.read_faults import TwinReadError
from ..core.signals import SignalBag
from ..core.tasks import LatestTask
from .twin_info_tool import TwinInfoTool

LOG = get_logger(__name__)


class IdentifyController(QObject):
    """Runs the engine for each Twin info click and puts the report into the card dock."""

    reportShown = pyqtSignal(dict)  # noqa: N815 - Qt signal: the report now in the dock, as to_dict()

    def __init__(
        self,
        iface: Any,
        catalog: Catalog,
        card_dock: Any,
        tool: Optional[TwinInfoTool] = None,
        background: bool = False,
        layer_for: Optional[Callable[[str], Optional[QgsVectorLayer]]] = None,
    ):
        super().__init__()
        self.iface = iface
        self.catalog = catalog
        self.dock = card_dock
        self.canvas = iface.mapCanvas()
        self.tool = tool or TwinInfoTool(self.canvas)
        self.background = background
        self._layer_for = layer_for or (lambda layer_id: twin_layer(QgsProject.instance(), layer_id))
        self._generation = 0
        self._task = LatestTask()
        self.last_timing: dict[str, float] = {}  # engine_ms, render_ms of the last card (for benchmarks)
        # extra card sections from other parts of the plugin (e.g. ideas): report dict -> section (or its dict)
        self.extra_sections: list[Callable[[dict], Optional[Union[Section, Mapping]]]] = []
        self._signals = SignalBag()
        self._signals.connect(self.tool.clicked, self.identify_at)
        self._signals.connect(self.dock.showAllRequested, self.show_all)
        self._signals.connect(self.dock.cardRequested, self.show_also_here)

    # -- engine ------------------------------------------------------------------------------
    def layer_for(self, layer_id: str) -> Optional[QgsVectorLayer]:
        return self._layer_for(layer_id)

    def make_engine(self, snapshot: bool = False) -> TwinEngine:
        """A fresh engine over the project's layers (main thread); ``snapshot``: safe to use in a task."""
        kwargs = {"language": ui_language(), "cap": int(settings.get("related_feature_cap")),
                  "today": as_of(self.canvas),  # the Temporal Controller's date while it navigates
                  "locale": card_locale()}  # the warnings' dates as the card's

        if snapshot:
            return TwinEngine.snapshot(self.catalog, self.layer_for, **kwargs)
        return TwinEngine(self.catalog, self.layer_for, **kwargs)

    # -- clicks --------------------------------------------------------------------------------
    def identify_at(self, point: QgsPointXY, crs: QgsCoordinateReferenceSystem, radius_m: float) -> None:
        """Build and show the card for a click (``TwinInfoTool.clicked``)."""
        self._generation += 1
        generation = self._generation
        point, crs = QgsPointXY(point), QgsCoordinateReferenceSystem(crs)
        engine = self.make_engine(snapshot=self.background)
        if not self.background:
            started = time.perf_counter()
            try:
                report = engine.report_at_point(point, crs, radius_m)
            except TwinReadError as exc:
                self._read_failed(exc, lambda: self.identify_at(point, crs, radius_m))
                return
            except Exception as exc:  # noqa: BLE001 - a failed click must not break QGIS
                self._fail(self.tr("Twin info failed: {error}").format(error=exc))
                return
            self.last_timing = {"engine_ms": (time.perf_counter() - started) * 1000.0}
            self._show(report)
            return

        def done(result: Optional[TwinReport], error: Optional[BaseException]) -> None:
            if generation != self._generation:
                return  # a newer click is on its way
            if isinstance(error, TwinReadError):
                self._read_failed(error, lambda: self.identify_at(point, crs, radius_m))
                return
            if error is not None:
                self._fail(self.tr("Twin info failed: {error}").format(error=f"{type(error).__name__}: {error}"))
                return
            self._show(result)

        self._task.start(self.tr("Twin info"), lambda _task: engine.report_at_point(point, crs, radius_m), done)

    def show_feature(self, layer_id: str, fid: int) -> None:
        """The card of one feature (e.g. a locator hit), without a click."""
        try:
            report = self.make_engine().report_for_feature(layer_id, int(fid))
        except TwinReadError as exc:
            self._read_failed(exc, lambda: self.show_feature(layer_id, fid))
            return
        except (LookupError, KeyError) as exc:
            self._fail(self.tr("Could not show the card: {error}").format(error=exc))
            return
        self._show(report)

    def show_also_here(self, layer_id: str, fid: int) -> None:
        """The card of another feature under the same click ("Also here"); the card it replaces joins the list,
        so one click goes back."""
        shown = self.dock.report
        try:
            report = self.make_engine().report_for_feature(layer_id, int(fid))
        except (LookupError, KeyError) as exc:
            self._fail(self.tr("Could not show the card: {error}").format(error=exc))
            return
        if shown is not None and shown.subject is not None and report.subject is not None:
            old = shown.subject
            others = [Hit(old.layer, old.layer_title, old.key, old.fid, old.title)] + list(shown.also_here)
            report.also_here = [h for h in others if (h.layer, h.fid) != (layer_id, int(fid))]
            report.query = shown.query
        self._show(report)

    def show_all(self, section_id: str) -> None:
        """Replace a truncated section of the shown card with all its items."""
        report = self.dock.report
        subject = report.subject if report is not None else None
        if subject is None or subject.fid is None:
            return
        try:
            section = self.make_engine().section_for(subject.layer, int(subject.fid), section_id, cap=None)
        except (LookupError, KeyError, TwinReadError) as exc:
            self._fail(self.tr("Could not show all of '{section}': {error}").format(section=section_id, error=exc))
            return
        self.dock.update_section(section)

    def activate(self) -> None:
        """Make Twin info the current map tool and show the card dock."""
        self.canvas.setMapTool(self.tool)
        self.dock.setUserVisible(True)

    def unload(self) -> None:
        self._generation += 1
        self._task.cancel()
        self._signals.disconnect_all()
        if self.canvas.mapTool() is self.tool:
            self.canvas.unsetMapTool(self.tool)

    # -- internals -----------------------------------------------------------------------------
    def _show(self, report: TwinReport) -> None:
        data = report.to_dict()  # what the extra sections read, and what reportShown carries
        for extra in self.extra_sections:
            try:
                found = extra(data)
                section = as_section(found) if found is not None else None
            except Exception as exc:  # noqa: BLE001 - an extra section must never cost the card
                LOG.warning("Card section failed: %s", exc)
                continue
            if section is not None:
                report.sections.append(section)
                data["sections"].append(section.to_dict())
        started = time.perf_counter()
        self.dock.show_report(report)
        if not self.dock.isUserVisible():
            self.dock.setUserVisible(True)
        self.last_timing["render_ms"] = (time.perf_counter() - started) * 1000.0
        self.reportShown.emit(data)

    def _read_failed(self, error: TwinReadError, retry: Callable[[], None]) -> None:
        """A read failed: the card says so (with Retry), never "nothing here"."""
        message = self.tr("The twin database did not answer: {error}").format(error=error)
        LOG.warning(message)
        self.dock.show_failure(message, retry)
        if not self.dock.isUserVisible():
            self.dock.setUserVisible(True)

    def _fail(self, message: str) -> None:
        LOG.error(message)
        bar = getattr(self.iface, "messageBar", None)
        if callable(bar):
            bar().pushMessage(self.tr("Twin info"), message, Qgis.MessageLevel.Warning, 6)
