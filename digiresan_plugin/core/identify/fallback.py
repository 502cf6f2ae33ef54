""""Click anywhere": no twin feature under the cursor, so the card is the nearest street (within the catalog's
distance) with the features at the point (e.g. the property) as its first sections."""

from __future__ import annotations

from typing import Any

from qgis.core import QgsFeature, QgsPointXY

from .card_builder import attribute_names, build_report, column
from .context import ReportContext
from .coordination import missing_warnings
from .handles import LayerHandle
from .report import Item, Section, TwinReport
from .subjects import SubjectFeature, features_near, make_subject
from .texts import message
from .values import json_value


def fallback_report(ctx: ReportContext, point_m: QgsPointXY, query: dict) -> TwinReport:
    """The card for a click that hit no identifiable feature (``point_m`` in the metric CRS)."""
    setup = ctx.setup
    fb = setup.config.fallback
    lang = setup.language
    here: list[tuple[LayerHandle, QgsFeature]] = []
    for layer_id in fb.at_point:
        handle = ctx.handle(layer_id)
        if handle is None:
            ctx.note_missing(layer_id, setup.title(setup.catalog.layer(layer_id)))
            continue
        here.extend((handle, f) for d, f in features_near(setup, handle, point_m, 0.0))
    nearest = None
    if fb.nearest:
        handle = ctx.handle(fb.nearest)
        if handle is None:
            ctx.note_missing(fb.nearest, setup.title(setup.catalog.layer(fb.nearest)))
        else:
            hits = features_near(setup, handle, point_m, fb.max_distance_m)
            nearest = (handle, hits[0]) if hits else None
    at_point = [make_subject(setup, h, f) for h, f in here]
    fallback: dict[str, Any] = {
        "reason": "",
        "distance_m": None,
        "layer": fb.nearest,
        "max_distance_m": fb.max_distance_m,
        "at_point": [{"layer": s.layer, "key": s.key, "fid": s.fid, "title": s.title} for s in at_point],
    }
    max_text = f"{fb.max_distance_m:g}"
    if nearest is not None:
        handle, (distance, feature) = nearest
        subject = make_subject(setup, handle, feature)
        fallback["distance_m"] = round(distance, 2)
        fallback["reason"] = message("fallback_nearest", lang, layer_title=setup.kind(handle.spec).lower(),
                                     distance=f"{distance:.0f}")
        report = build_report(ctx, subject, query, fallback=fallback)
        report.sections[0:0] = _at_point_sections(ctx, at_point)
        return report
    if at_point:
        subject = at_point[0]
        nearest_title = setup.kind(setup.catalog.layer(fb.nearest)).lower() if fb.nearest else "–"
        fallback["layer"] = subject.layer
        fallback["reason"] = message("fallback_at_point", lang, layer_title=setup.kind(subject.handle.spec),
                                     nearest_title=nearest_title, max=max_text)
        report = build_report(ctx, subject, query, fallback=fallback)
        report.sections[0:0] = _at_point_sections(ctx, at_point[1:])
        return report
    fallback["reason"] = message("fallback_none", lang, max=max_text)
    report = TwinReport(language=lang, query=query, fallback=fallback)
    report.warnings = missing_warnings(ctx)
    return report


def _at_point_sections(ctx: ReportContext, subjects: list[SubjectFeature]) -> list[Section]:
    """The features at the clicked point, one ``attributes`` section per layer."""
    setup = ctx.setup
    by_layer: dict[str, list[SubjectFeature]] = {}
    for s in subjects:
        by_layer.setdefault(s.layer, []).append(s)
    sections = []
    for layer_id, items in by_layer.items():
        spec = setup.catalog.layer(layer_id)
        handle = items[0].handle
        names = attribute_names(ctx, handle)
        sections.append(Section(
            id=f"at_point:{layer_id}",
            title=message("at_point_title", setup.language, layer_title=setup.title(spec)),
            kind="attributes", layer=layer_id, layer_title=setup.title(spec),
            total=len(items), truncated=False, cap=setup.cap,
            columns=[column(ctx, handle, n) for n in names],
            items=[Item(layer_id, s.key, s.fid, s.title, {n: json_value(s.attrs.get(n)) for n in names}, {},
                        setup.labels.of(layer_id, s.attrs, names) if setup.labels is not None else {})
                   for s in items],
        ))
    return sections
