"""The identify engine: a point or a feature in, one :class:`TwinReport` out.

No layer names here: subject priority, relations, card sections, labels, warnings and the "click anywhere"
fallback all come from the catalog (see :mod:`.config`). Distances are metres in the catalog's metric CRS
(EPSG:3006 by default), whatever the CRS of the click and of each layer.

:class:`TwinEngine` is the facade; the work lives beside it: :mod:`.subjects` (the feature under the click),
:mod:`.relations` (what is related to it), :mod:`.card_builder` (the sections, by kind: :mod:`.sections`),
:mod:`.coordination` (warning rules), :mod:`.fallback` ("click anywhere").

Every query is indexed: ``setFilterRect`` (spatial index) for spatial relations and the click, a compiled
field-equality expression for key relations, ``setFilterFids`` for follow-ups; attributes are limited to those
a section, order, filter or rule reads and key lookups fetch no geometry.
"""

from __future__ import annotations

from datetime import date
from functools import wraps
from typing import Any, Callable, Iterator, Optional, TypeVar

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QLocale

from .. import settings
from ..catalog import Catalog
from ..cross_streets import places_for
from ..formatting import Formatter, amount
from ..layers import crs_defined
from ..read_faults import raise_on_faults, watch_reads
from ..sign_codes import sign_name
from . import coordination
from .card_builder import build_report, build_section
from .config import IdentifyConfig, identify_config
from .context import EngineSetup, ReportContext
from .fallback import fallback_report
from .handles import LayerHandle, LayerLike, Metric, live_handle, snapshot_handles
from .labels import DomainLabels
from .report import Hit, Section, TwinReport, TwinWarning
from .sections import KindEnv
from .subjects import find_subjects, subject_from
from .texts import message
from .values import as_int

F = TypeVar("F", bound=Callable[..., Any])


def _faults_raise(method: F) -> F:
    """A read the providers logged as failed raises :class:`~..read_faults.TwinReadError` instead of answering
    with what little was read (an empty iterator is not "nothing here")."""
    @wraps(method)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        with watch_reads() as faults:
            result = method(*args, **kwargs)
        raise_on_faults(faults)
        return result

    return guarded  # type: ignore[return-value]


class TwinEngine:
    """Builds twin reports from a catalog and the layers ``layer_for`` resolves (live layers or handles).

    ``layer_for(layer_id)`` returns a ``QgsVectorLayer``, a :class:`LayerHandle` or None (not loaded).
    For a background task build the engine with :meth:`snapshot` on the main thread.
    """

    def __init__(
        self,
        catalog: Catalog,
        layer_for: Callable[[str], LayerLike],
        today: Optional[date] = None,
        language: str = "en",
        cap: int = 200,
        *,
        transform_context: Optional[QgsCoordinateTransformContext] = None,
        setting_values: Optional[dict[str, Any]] = None,
        places: Optional[Callable[[str, int, dict], Optional[str]]] = None,
        locale: Optional[QLocale] = None,
    ):
        self.catalog = catalog
        self.config: IdentifyConfig = identify_config(catalog)
        self._layer_for = layer_for
        self.today = today or date.today()
        self.language = "sv" if (language or "").startswith("sv") else "en"
        self.cap = max(1, int(cap))
        context = transform_context or QgsProject.instance().transformContext()
        self.metric = Metric(QgsCoordinateReferenceSystem(self.config.metric_crs), context)
        # settings are read now (main thread), never from a worker thread
        years: dict[str, int] = {}
        for rule in self.config.warnings:
            value = (setting_values or {}).get(rule.years_setting) if rule.years_setting else None
            if value is None and rule.years_setting:
                value = settings.get(rule.years_setting, rule.years_default)
            years[rule.id] = as_int(value) if as_int(value) is not None else rule.years_default
        self.setup = EngineSetup(
            catalog, self.config, self.metric, self.language, self.today, self.cap, years,
            KindEnv(self.language, self.today, sign_name, _documents_folder(setting_values)), self._resolve,
            fields_read=self.config.fields_read,
            place=places if places is not None else places_for(catalog, layer_for),
            day=_day_text(locale),
            labels=DomainLabels(catalog, self.language,
                                amount=(lambda value: amount(value, locale)) if locale is not None else None),
        )

    @property
    def layer_for(self) -> Callable[[str], LayerLike]:
        """What this engine resolves catalog layer ids with."""
        return self._layer_for

    @classmethod
    def snapshot(cls, catalog: Catalog, layer_for: Callable[[str], LayerLike], **kwargs: Any) -> "TwinEngine":
        """An engine reading thread-safe feature-source snapshots of the layers (build on the main thread)."""
        handles = snapshot_handles(catalog, layer_for, snapshot=True)
        kwargs.setdefault("places", places_for(catalog, layer_for))  # read from the live layers, safe in a task
        return cls(catalog, handles.get, **kwargs)

    # -- public API ----------------------------------------------------------------------------
    @_faults_raise
    def report_at_point(
        self, point: QgsPointXY, crs: QgsCoordinateReferenceSystem, radius_m: Optional[float] = None
    ) -> TwinReport:
        """The card for a click: the subject under ``point`` (within ``radius_m`` metres on the ground; points, then
        lines, then the smallest polygon containing the click, see :mod:`.subjects`) with the other hits in
        ``also_here``, or "click anywhere": the nearest street and what lies at the point."""
        radius = self.config.default_radius_m if radius_m is None else float(radius_m)
        ctx = ReportContext(self.setup)
        point_m = self.metric.point_to_metric(QgsPointXY(point), crs)
        query = {"x": point.x(), "y": point.y(), "crs": crs.authid() or crs.toWkt(), "radius_m": radius}
        found = find_subjects(ctx, point_m, radius)
        if found:
            report = build_report(ctx, found[0], query)
            report.also_here = [Hit(s.layer, self.setup.title(s.handle.spec), s.key, s.fid, s.title)
                                for s in found[1:]]
            return report
        return fallback_report(ctx, point_m, query)

    @_faults_raise
    def report_for_feature(
        self, layer_id: str, feature: QgsFeature | int, crs: Optional[QgsCoordinateReferenceSystem] = None
    ) -> TwinReport:
        """The card of ``feature`` (a feature of catalog layer ``layer_id`` or its id). ``crs``: the CRS of the
        feature's geometry when it is not the layer's (e.g. a reprojected Processing input)."""
        ctx = ReportContext(self.setup)
        handle = ctx.handle(layer_id)
        if handle is None:
            ctx.note_missing(layer_id, self.catalog.layer(layer_id).title.text(self.language))
            report = TwinReport(language=self.language)
            report.warnings = coordination.missing_warnings(ctx)
            return report
        subject = subject_from(self.setup, handle, feature, crs)
        if subject is None:
            return TwinReport(language=self.language)
        return build_report(ctx, subject, None)

    @_faults_raise
    def section_for(self, layer_id: str, fid: int, section_id: str, cap: Optional[int] = None) -> Section:
        """One section of a feature's card with up to ``cap`` items (None: all) — the "show all" action."""
        ctx = ReportContext(self.setup)
        handle = ctx.handle(layer_id)
        if handle is None:
            raise LookupError(message("layer_missing", self.language, title=layer_id, layer=layer_id))
        subject = subject_from(self.setup, handle, fid, None)
        if subject is None:
            raise LookupError(f"{layer_id}: no feature {fid}")
        for spec in self.config.card(layer_id).sections:
            if spec.id == section_id:
                return build_section(ctx, subject, spec, cap=cap if cap is not None else 2**31 - 1)
        raise KeyError(section_id)

    @_faults_raise
    def warnings_for_feature(
        self, layer_id: str, feature: QgsFeature | int, ctx: Optional[ReportContext] = None
    ) -> list[TwinWarning]:
        """The coordination warnings of one feature (no sections); ``ctx`` shares work across calls."""
        ctx = ctx or ReportContext(self.setup)
        handle = ctx.handle(layer_id)
        if handle is None:
            return []
        subject = subject_from(self.setup, handle, feature, None)
        return coordination.warnings_for(ctx, subject) if subject is not None else []

    def conflicts(
        self, progress: Optional[Callable[[float], bool]] = None, chunk: int = 500
    ) -> Iterator[tuple[str, QgsFeature, list[TwinWarning]]]:
        """Every permit (feature of a layer the warning rules are about, through ``via``) in conflict.

        Yields (layer id, feature in its layer's CRS, warnings). ``progress(percent)`` returning False stops.
        """
        with watch_reads() as faults:
            for found in coordination.conflicts(self.setup, progress, chunk):
                raise_on_faults(faults)
                yield found
            raise_on_faults(faults)

    def layer_handle(self, layer_id: str) -> Optional[LayerHandle]:
        """The handle the engine would read ``layer_id`` from now (None: not loaded)."""
        return self._resolve(layer_id)

    # -- layers ----------------------------------------------------------------------------------
    def _resolve(self, layer_id: str) -> Optional[LayerHandle]:
        try:
            spec = self.catalog.layer(layer_id)
        except KeyError:
            return None
        found = self._layer_for(layer_id)
        if isinstance(found, LayerHandle):
            return found
        if isinstance(found, QgsVectorLayer) and found.isValid() and (not spec.is_spatial or crs_defined(found.crs())):
            return live_handle(spec, found)  # no CRS: not read (distances would be in unknown units)
        return None


def _day_text(locale: Optional[QLocale]) -> Callable[[Any], str]:
    """A date in the warnings' texts: ISO without ``locale`` (Processing outputs, data), else as the card shows
    dates (the locale's short format with a four-digit year, :mod:`..formatting`); not a date: as it is."""
    if locale is None:
        return lambda value: value.isoformat() if isinstance(value, date) else str(value)
    fmt = Formatter(locale)

    def day(value: Any) -> str:
        return fmt.date(value) or str(value)

    return day


def _documents_folder(setting_values: Optional[dict[str, Any]]) -> Optional[str]:
    """The folder relative document paths of a twin without a file of its own (PostGIS) are resolved against."""
    value = (setting_values or {}).get("documents_folder")
    if value is None:
        value = settings.get("documents_folder", "")
    return str(value) if value else None
