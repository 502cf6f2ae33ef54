"""The maintenance model (``resources/maintenance_model.json``): condition limits, deterioration, treatments.

Every number carries its unit in its key (``_mm_m`` IRI, ``_mm`` rut depth, ``_sek_m2``, ``_years``, ``_m``,
``_aadt`` vehicles per day). A malformed file raises :class:`ModelError` naming the file, the key and what was
expected; which twin layers and fields the model reads is declared in its ``sources`` (catalog ids, no layer
names in code).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..catalog import CatalogError, Title
from ..paths import resources_dir
from ..tr import tr

LEVELS = ("acceptable", "needs_action", "urgent")
MODEL_FILE = "maintenance_model.json"
STRATEGIES = ("worst_first", "benefit_cost")
SOURCE_FIELDS = {
    "segments": ("id", "street", "functional_class", "surface", "width", "aadt", "last_paved"),
    "inspections": ("date", "iri", "rut"),
    "permits": ("id", "applicant", "utility", "start", "end", "status"),
    "paving_plan": ("year", "treatment"),
}


class ModelError(CatalogError):
    """The maintenance model file is malformed: file, key and expectation."""


@dataclass(frozen=True)
class Limits:
    iri_mm_m: float
    rut_mm: float


@dataclass(frozen=True)
class ClassGroup:
    id: str
    title: Title
    functional_classes: tuple[int, ...]
    needs_action: Limits
    urgent: Limits


@dataclass(frozen=True)
class Trigger:
    """All given conditions must hold; a missing key does not restrict."""

    surfaces: Optional[tuple[str, ...]] = None
    levels: Optional[tuple[str, ...]] = None
    iri_levels: Optional[tuple[str, ...]] = None
    rut_levels: Optional[tuple[str, ...]] = None
    class_groups: Optional[tuple[str, ...]] = None
    min_aadt: Optional[float] = None
    max_aadt: Optional[float] = None


@dataclass(frozen=True)
class Treatment:
    code: str
    trigger: Trigger
    unit_cost_sek_m2: float
    life_years: float
    digs: bool
    after: Limits


@dataclass(frozen=True)
class AadtBand:
    max_aadt: Optional[float]
    iri_mm_m_per_year: dict[str, float]
    rut_mm_per_year: dict[str, float]


@dataclass(frozen=True)
class Deterioration:
    min_inspections: int
    bands: tuple[AadtBand, ...]
    fallback_surface: str
    iri_trend_range: tuple[float, float]
    rut_trend_range: tuple[float, float]


@dataclass(frozen=True)
class Source:
    """Where one kind of row comes from: a catalog layer (segments) or a catalog relation, and its fields."""

    layer: Optional[str]
    relation: Optional[str]
    fields: dict[str, str]


@dataclass(frozen=True)
class MaintenanceModel:
    path: Path
    title: Title
    sources: dict[str, Source]
    moratorium_warning: Optional[str]
    iri_class_limits_mm_m: tuple[float, ...]
    rut_class_limits_mm: tuple[float, ...]
    groups: tuple[ClassGroup, ...]
    default_group: str
    default_width_m: float
    season_end: tuple[int, int]
    dig_moratorium_years: int
    traffic_reference_aadt: float
    deterioration: Deterioration
    treatments: tuple[Treatment, ...]
    default_strategy: str

    def group(self, group_id: str) -> ClassGroup:
        return next(g for g in self.groups if g.id == group_id)

    def group_index_of(self, functional_class: Optional[int]) -> int:
        """Index in :attr:`groups` of a functional class (the default group when missing or unknown)."""
        for i, g in enumerate(self.groups):
            if functional_class is not None and functional_class in g.functional_classes:
                return i
        return next(i for i, g in enumerate(self.groups) if g.id == self.default_group)


def default_model_path() -> Path:
    return resources_dir() / MODEL_FILE


def load_model(path: Optional[Path | str] = None) -> MaintenanceModel:
    """The model at ``path`` (default: the bundled one), validated."""
    path = Path(path) if path else default_model_path()
    try:
        root = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(path, "(file)", tr('an existing maintenance model JSON file')) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(path, "(file)", tr('readable JSON ({error})').format(error=exc)) from None
    return _Parser(path).model(root)


class _Parser:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, expected: str, value: Any = None) -> ModelError:
        got = tr(", got {value}").format(value=json.dumps(value, ensure_ascii=False)) if value is not None else ""
        return ModelError(self.path, key, expected + got)

    def obj(self, raw: Any, key: str) -> dict:
        if not isinstance(raw, dict):
            raise self.fail(key, tr('an object'), raw)
        return raw

    def number(self, raw: dict, name: str, key: str, minimum: float = 0.0, optional: bool = False) -> Any:
        value = raw.get(name)
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or value < minimum:
            raise self.fail(f"{key}.{name}", tr("a number ≥ {minimum}").format(minimum=f"{minimum:g}"),
                            value if value is not None else tr("missing"))
        return float(value)

    def texts(self, raw: dict, name: str, key: str, allowed: Optional[tuple[str, ...]] = None) -> Any:
        value = raw.get(name)
        if value is None:
            return None
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"{key}.{name}", tr('a non-empty list of texts'), value)
        for v in value:
            if allowed is not None and v not in allowed:
                raise self.fail(f"{key}.{name}", tr('values among {allowed}').format(allowed=', '.join(allowed)), v)
        return tuple(value)

    def title(self, raw: Any, key: str) -> Title:
        raw = self.obj(raw, key)
        if not all(isinstance(raw.get(lang), str) for lang in ("en", "sv")):
            raise self.fail(key, tr("an object with 'en' and 'sv' texts"), raw)
        return Title(raw["en"], raw["sv"])

    def limits(self, raw: Any, key: str) -> Limits:
        raw = self.obj(raw, key)
        return Limits(self.number(raw, "iri_mm_m", key), self.number(raw, "rut_mm", key))

    def ascending(self, raw: dict, name: str, key: str) -> tuple[float, ...]:
        value = raw.get(name)
        if not isinstance(value, list) or len(value) != 4 or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in value) \
                or any(b <= a for a, b in zip(value, value[1:])):
            raise self.fail(f"{key}.{name}", tr('4 ascending numbers (upper limits of classes 1–4)'), value)
        return tuple(float(v) for v in value)

    # -- sections --------------------------------------------------------------------------------------------
    def sources(self, raw: Any) -> tuple[dict[str, Source], Optional[str]]:
        raw = self.obj(raw, "sources")
        sources: dict[str, Source] = {}
        for kind, needed in SOURCE_FIELDS.items():
            key = f"sources.{kind}"
            entry = self.obj(raw.get(kind), key)
            fields = self.obj(entry.get("fields"), f"{key}.fields")
            for name in needed:
                if not isinstance(fields.get(name), str) or not fields[name]:
                    raise self.fail(f"{key}.fields.{name}", tr('a field name'), fields.get(name) or "missing")
            layer, relation = entry.get("layer"), entry.get("relation")
            if kind == "segments" and not isinstance(layer, str):
                raise self.fail(f"{key}.layer", tr('a catalog layer id'), layer or "missing")
            if kind != "segments" and not isinstance(relation, str):
                raise self.fail(f"{key}.relation", tr('a catalog relation id'), relation or "missing")
            sources[kind] = Source(layer, relation, {k: str(v) for k, v in fields.items()})
        moratorium = self.obj(raw.get("moratorium", {}), "sources.moratorium").get("warning")
        return sources, moratorium

    def groups(self, raw: Any) -> tuple[ClassGroup, ...]:
        if not isinstance(raw, list) or not raw:
            raise self.fail("class_groups", tr('a non-empty list of functional-class groups'), raw)
        groups, seen = [], set()
        for i, item in enumerate(raw):
            key = f"class_groups[{i}]"
            item = self.obj(item, key)
            gid = item.get("id")
            if not isinstance(gid, str) or not gid or gid in seen:
                raise self.fail(f"{key}.id", tr('a unique id'), gid)
            seen.add(gid)
            classes = item.get("functional_classes")
            if not isinstance(classes, list) or not all(isinstance(c, int) and not isinstance(c, bool)
                                                        for c in classes):
                raise self.fail(f"{key}.functional_classes", tr('a list of integers'), classes)
            action, urgent = self.limits(item.get("needs_action"), f"{key}.needs_action"), \
                self.limits(item.get("urgent"), f"{key}.urgent")
            if urgent.iri_mm_m < action.iri_mm_m or urgent.rut_mm < action.rut_mm:
                raise self.fail(f"{key}.urgent", tr('limits at or above the needs_action limits'), item.get("urgent"))
            groups.append(ClassGroup(gid, self.title(item.get("title"), f"{key}.title"), tuple(classes),
                                     action, urgent))
        return tuple(groups)

    def deterioration(self, raw: Any) -> Deterioration:
        raw = self.obj(raw, "deterioration")
        bands_raw = raw.get("aadt_bands")
        if not isinstance(bands_raw, list) or not bands_raw:
            raise self.fail("deterioration.aadt_bands", tr('a non-empty list'), bands_raw)
        bands = []
        for i, band in enumerate(bands_raw):
            key = f"deterioration.aadt_bands[{i}]"
            band = self.obj(band, key)
            rates = []
            for name in ("iri_mm_m_per_year", "rut_mm_per_year"):
                table = self.obj(band.get(name), f"{key}.{name}")
                rates.append({s: self.number(table, s, f"{key}.{name}") for s in table})
            bands.append(AadtBand(self.number(band, "max_aadt", key, optional=True), rates[0], rates[1]))
        if bands[-1].max_aadt is not None:
            raise self.fail(f"deterioration.aadt_bands[{len(bands) - 1}].max_aadt", tr('null (the last band is open)'),
                            bands[-1].max_aadt)
        fallback = raw.get("fallback_surface")
        if not all(fallback in b.iri_mm_m_per_year and fallback in b.rut_mm_per_year for b in bands):
            raise self.fail("deterioration.fallback_surface", tr('a surface every band has rates for'), fallback)
        key = "deterioration"
        iri = (self.number(raw, "trend_min_iri_mm_m_per_year", key),
               self.number(raw, "trend_max_iri_mm_m_per_year", key))
        rut = (self.number(raw, "trend_min_rut_mm_per_year", key),
               self.number(raw, "trend_max_rut_mm_per_year", key))
        return Deterioration(int(self.number(raw, "min_inspections", key, minimum=2)), tuple(bands), fallback,
                             iri, rut)

    def treatments(self, raw: Any, group_ids: set[str]) -> tuple[Treatment, ...]:
        if not isinstance(raw, list) or not raw:
            raise self.fail("treatments", tr('a non-empty list of treatments'), raw)
        out = []
        for i, item in enumerate(raw):
            key = f"treatments[{i}]"
            item = self.obj(item, key)
            code = item.get("code")
            if not isinstance(code, str) or not code:
                raise self.fail(f"{key}.code", tr("a treatment code (the catalog's treatment domain)"), code)
            t = self.obj(item.get("trigger"), f"{key}.trigger")
            tk = f"{key}.trigger"
            unknown = set(t) - set(Trigger.__dataclass_fields__)
            if unknown:
                raise self.fail(
                    tk,
                    tr("keys among {dataclass_fields}").format(
                        dataclass_fields=", ".join(Trigger.__dataclass_fields__)
                    ),
                    sorted(unknown)[0],
                )
            trigger = Trigger(
                surfaces=self.texts(t, "surfaces", tk), levels=self.texts(t, "levels", tk, LEVELS[1:]),
                iri_levels=self.texts(t, "iri_levels", tk, LEVELS[1:]),
                rut_levels=self.texts(t, "rut_levels", tk, LEVELS[1:]),
                class_groups=self.texts(t, "class_groups", tk, tuple(sorted(group_ids))),
                min_aadt=self.number(t, "min_aadt", tk, optional=True),
                max_aadt=self.number(t, "max_aadt", tk, optional=True))
            if not (trigger.levels or trigger.iri_levels or trigger.rut_levels):
                raise self.fail(
                    tk,
                    tr("at least one of levels, iri_levels, rut_levels (only segments needing action are candidates)"),
                    t,
                )
            out.append(Treatment(code, trigger, self.number(item, "unit_cost_sek_m2", key),
                                 self.number(item, "life_years", key, minimum=0.5), bool(item.get("digs", False)),
                                 self.limits(item.get("after"), f"{key}.after")))
        return tuple(out)

    def model(self, root: Any) -> MaintenanceModel:
        root = self.obj(root, "(root)")
        sources, moratorium = self.sources(root.get("sources"))
        classes = self.obj(root.get("condition_classes"), "condition_classes")
        groups = self.groups(root.get("class_groups"))
        group_ids = {g.id for g in groups}
        default_group = root.get("default_class_group")
        if default_group not in group_ids:
            raise self.fail(
                "default_class_group",
                tr("one of {group_ids}").format(group_ids=", ".join(sorted(group_ids))),
                default_group,
            )
        defaults = self.obj(root.get("defaults"), "defaults")
        season = defaults.get("paving_season_end")
        try:
            month, day = (int(p) for p in str(season).split("-"))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                raise ValueError
        except ValueError:
            raise self.fail("defaults.paving_season_end", tr("a month and day like '09-30'"), season) from None
        strategies = self.obj(root.get("strategies", {}), "strategies")
        strategy = strategies.get("default", STRATEGIES[0])
        if strategy not in STRATEGIES:
            raise self.fail(
                "strategies.default", tr("one of {strategies}").format(strategies=", ".join(STRATEGIES)), strategy
            )
        return MaintenanceModel(
            path=self.path, title=self.title(root.get("title"), "title"), sources=sources,
            moratorium_warning=moratorium,
            iri_class_limits_mm_m=self.ascending(classes, "iri_limits_mm_m", "condition_classes"),
            rut_class_limits_mm=self.ascending(classes, "rut_limits_mm", "condition_classes"),
            groups=groups, default_group=default_group,
            default_width_m=self.number(defaults, "width_m", "defaults", minimum=0.5),
            season_end=(month, day),
            dig_moratorium_years=int(self.number(defaults, "dig_moratorium_years", "defaults")),
            traffic_reference_aadt=self.number(defaults, "traffic_reference_aadt", "defaults", minimum=1.0),
            deterioration=self.deterioration(root.get("deterioration")),
            treatments=self.treatments(root.get("treatments"), group_ids), default_strategy=strategy)
