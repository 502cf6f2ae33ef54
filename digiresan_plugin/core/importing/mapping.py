"""Import mappings: how a source file's columns become a twin layer's fields (bundled presets and user files).

One JSON format for both (``resources/import_presets/<id>.json``; a user file the same way)::

    {"format": 1, "id": "nvdb_roads", "title": {"en": "…", "sv": "…"}, "layer": "road_segments",
     "key": ["segment_id"],                       # upsert key (default: the catalog layer's key)
     "crs": "EPSG:3006",                          # for sources without a CRS (else the source's own)
     "csv": {"wkt": ["WKT"], "x": ["X", "E"], "y": ["Y", "N"]},
     "link": {"field": "segment_id", "layer": "road_segments", "max_distance_m": 25,
              "measure": {"route": ["ROUTE_ID"], "at": ["MEASURE"], "twin": {"key": "NVDB-{route}-{from}-{to}"}},
              "combine": {"fields": ["iri_mm_m"], "how": "mean", "from": ["från_m"], "to": ["till_m"]}},
     "unpivot": {"index": "hour", "value": "vehicles", "first": 0, "last": 23, "columns": ["h{:02d}", "h{}"]},
     "aggregate": {"site": ["site"], "time": ["timestamp"], "value": ["vehicles"]},  # records → site profiles
     "geometry": {"lines": "merge" | "split"},    # multi-part lines: joined, or one row per part (else refused)
     "fields": {"<twin field>": {"from": ["Name", …], "template": "NVDB-{ROUTE_ID}", "map": {"1": "asfalt"},
                                 "other": "reject" | "keep", "factor": 0.1, "default": …,
                                 "transform": "sign_code" | "upper" | "lower", "value_to": "<twin field>",
                                 "classify": [{"field": "iri_mm_m", "limits": [1.5, 2.5, 3.5, 5.0]}]}}}

A malformed mapping raises :class:`MappingError` naming the file, the key and what was expected.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..catalog import Catalog, Title
from ..paths import resources_dir
from ..tr import tr

PRESETS_DIR = "import_presets"
TRANSFORMS = ("sign_code", "upper", "lower")
_PLACEHOLDER_RE = re.compile(r"\{([^{}:]+)(?::[^{}]*)?\}")


class MappingError(ValueError):
    """A mapping file is malformed or does not fit the twin: says which file, which key and what was expected."""

    def __init__(self, path: Path | str, key: str, expected: str):
        self.path, self.key, self.expected = str(path), key, expected
        super().__init__(tr("{path}: key '{key}': expected {expected}").format(path=self.path, key=key,
                                                                                expected=expected))


@dataclass(frozen=True)
class ClassLimit:
    """Classes 1…n+1 from the upper limits of classes 1…n of one (already mapped) twin field."""

    field: str
    limits: tuple[float, ...]

    def classify(self, value: float) -> int:
        return 1 + sum(1 for limit in self.limits if value >= limit)


@dataclass(frozen=True)
class FieldMap:
    target: str
    sources: tuple[str, ...] = ()
    template: Optional[str] = None
    values: Optional[dict[str, Any]] = None  # case-folded source text -> twin value
    keep_other: bool = False
    factor: Optional[float] = None
    default: Any = None
    transform: Optional[str] = None
    value_to: Optional[str] = None
    classify: tuple[ClassLimit, ...] = ()

    def template_fields(self) -> list[str]:
        return _PLACEHOLDER_RE.findall(self.template or "")


@dataclass(frozen=True)
class Combine:
    """Rows linked by position to the same twin row (e.g. survey points or chainage sections on one segment, the
    same date) become one: ``fields`` averaged (``how`` "mean", weighted by the section length ``to`` − ``from``
    when the file has those columns) or their worst (``how`` "max"); the other fields from the first row; a derived
    class derived again from the combined values."""

    fields: tuple[str, ...]
    how: str = "mean"
    start: tuple[str, ...] = ()
    end: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeasureLink:
    """By linear reference, no coordinates needed: a row's route id (source ``route``) and measure (``at``) → the
    twin feature on that route whose measure range holds it (see :mod:`.measures`). The twin's route and range are
    its fields ``twin_route``/``twin_from``/``twin_to``, or are read from its key by ``twin_key``, a pattern with
    ``{route}``, ``{from}`` and ``{to}`` (as the NVDB preset builds the segment id)."""

    route: tuple[str, ...]
    at: tuple[str, ...]
    twin_key: Optional[str] = None
    twin_route: Optional[str] = None
    twin_from: Optional[str] = None
    twin_to: Optional[str] = None


@dataclass(frozen=True)
class Link:
    """Fill ``field`` with the key of a feature of twin layer ``layer``: by route and measure (``measure``) when
    the row gives them, else the nearest within ``max_distance_m`` of the row's position."""

    field: str
    layer: str
    max_distance_m: float
    combine: Optional[Combine] = None
    measure: Optional[MeasureLink] = None


@dataclass(frozen=True)
class Unpivot:
    """One twin row per index ``first…last``: ``index`` gets the number, ``value`` the column's value."""

    index: str
    value: str
    first: int
    last: int
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Aggregate:
    """Records (site, timestamp, value) → one weekday hourly profile per site (see :mod:`.aggregate`)."""

    site: tuple[str, ...]
    time: tuple[str, ...]
    value: tuple[str, ...]


@dataclass(frozen=True)
class Mapping:
    id: str
    path: Path
    title: Title
    layer: str
    fields: tuple[FieldMap, ...]
    key: tuple[str, ...] = ()
    crs: Optional[str] = None
    wkt: tuple[str, ...] = ()
    x: tuple[str, ...] = ()
    y: tuple[str, ...] = ()
    link: Optional[Link] = None
    unpivot: Optional[Unpivot] = None
    merge_lines: bool = False  # "geometry": {"lines": "merge"}: a multi-part line whose parts join becomes one
    split_lines: bool = False  # "geometry": {"lines": "split"}: one twin row per part, the key suffixed -1, -2, …
    aggregate: Optional[Aggregate] = None
    extra: dict[str, Any] = field(default_factory=dict)

    def targets(self) -> list[str]:
        names = [f.target for f in self.fields] + [f.value_to for f in self.fields if f.value_to]
        if self.link:
            names.append(self.link.field)
        if self.unpivot:
            names += [self.unpivot.index, self.unpivot.value]
        return list(dict.fromkeys(names))


class _Reader:
    def __init__(self, path: Path):
        self.path = path

    def fail(self, key: str, expected: str) -> MappingError:
        return MappingError(self.path, key, expected)

    def names(self, raw: dict, name: str, key: str) -> tuple[str, ...]:
        value = raw.get(name, [])
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"{key}.{name}", tr('a field name or a list of field names'))
        return tuple(value)

    def number(self, raw: dict, name: str, key: str, default: Any = None) -> Any:
        value = raw.get(name, default)
        if value is not default and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise self.fail(
                f"{key}.{name}", tr("a number, got {value}").format(value=json.dumps(value, ensure_ascii=False))
            )
        return value

    def text(self, raw: dict, name: str, key: str, required: bool = False) -> Optional[str]:
        value = raw.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key}.{name}", tr('a non-empty text'))
        return value

    def field_map(self, target: str, raw: Any, key: str) -> FieldMap:
        if not isinstance(raw, dict):
            raise self.fail(key, tr('an object'))
        unknown = sorted(set(raw) - {"from", "template", "map", "other", "factor", "default", "transform",
                                     "value_to", "classify", "comment"})
        if unknown:
            raise self.fail(
                f"{key}.{unknown[0]}",
                tr("one of from, template, map, other, factor, default, transform, value_to, classify"),
            )
        values = raw.get("map")
        if values is not None:
            if not isinstance(values, dict) or not values:
                raise self.fail(f"{key}.map", tr('an object of source value → twin value'))
            values = {str(k).strip().casefold(): v for k, v in values.items()}
        other = raw.get("other", "reject")
        if other not in ("reject", "keep"):
            raise self.fail(f"{key}.other", tr("'reject' or 'keep'"))
        transform = raw.get("transform")
        if transform is not None and transform not in TRANSFORMS:
            raise self.fail(f"{key}.transform", tr('one of {transforms}').format(transforms=list(TRANSFORMS)))
        classify = []
        for i, item in enumerate(raw.get("classify", [])):
            ikey = f"{key}.classify[{i}]"
            if not isinstance(item, dict) or not isinstance(item.get("field"), str):
                raise self.fail(ikey, tr("an object with 'field' and 'limits'"))
            limits = item.get("limits")
            if (not isinstance(limits, list) or not limits or sorted(limits) != limits
                    or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in limits)):
                raise self.fail(f"{ikey}.limits", tr('a rising list of numbers (upper limits of classes 1…n)'))
            classify.append(ClassLimit(item["field"], tuple(float(v) for v in limits)))
        sources = self.names(raw, "from", key)
        template = self.text(raw, "template", key)
        if not sources and template is None and "default" not in raw and not classify:
            raise self.fail(key, tr("'from', 'template', 'default' or 'classify'"))
        return FieldMap(target, sources, template, values, other == "keep", self.number(raw, "factor", key),
                        raw.get("default"), transform, self.text(raw, "value_to", key), tuple(classify))

    def combine(self, raw: Any) -> Optional[Combine]:
        if raw is None:
            return None
        if not isinstance(raw, dict):
            raise self.fail("link.combine", tr("an object with fields (and how, from, to)"))
        how = raw.get("how", "mean")
        if how not in ("mean", "max"):
            raise self.fail("link.combine.how", tr("'mean' or 'max'"))
        fields = self.names(raw, "fields", "link.combine")
        if not fields:
            raise self.fail("link.combine.fields", tr("the twin fields to combine"))
        return Combine(fields, how, self.names(raw, "from", "link.combine"), self.names(raw, "to", "link.combine"))

    def measure(self, raw: Any) -> Optional[MeasureLink]:
        if raw is None:
            return None
        key = "link.measure"
        if not isinstance(raw, dict):
            raise self.fail(key, tr("an object with route, at and twin"))
        route, at = self.names(raw, "route", key), self.names(raw, "at", key)
        for name, given in (("route", route), ("at", at)):
            if not given:
                raise self.fail(f"{key}.{name}", tr('a source field name or a list of them'))
        twin = raw.get("twin")
        if not isinstance(twin, dict):
            raise self.fail(f"{key}.twin", tr("an object with 'key' (a pattern of the twin's key) or 'route', 'from' "
                                              "and 'to' (the twin's fields)"))
        pattern = self.text(twin, "key", f"{key}.twin")
        if pattern is not None:
            if sorted(_PLACEHOLDER_RE.findall(pattern)) != ["from", "route", "to"]:
                raise self.fail(f"{key}.twin.key", tr("a pattern naming route, from and to once each, in braces"))
            return MeasureLink(route, at, twin_key=pattern)
        names = [self.text(twin, name, f"{key}.twin", True) for name in ("route", "from", "to")]
        return MeasureLink(route, at, None, *names)

    def mapping(self, raw: Any) -> Mapping:
        if not isinstance(raw, dict):
            raise self.fail("(top level)", tr('an object'))
        if raw.get("format") != 1:
            raise self.fail("format", tr('the integer 1'))
        mapping_id = self.text(raw, "id", "", required=True)
        title = raw.get("title") or {}
        if not isinstance(title, dict) or not all(isinstance(title.get(k), str) for k in ("en", "sv")):
            raise self.fail("title", tr("an object with 'en' and 'sv' texts"))
        layer = self.text(raw, "layer", "", required=True)
        fields_raw = raw.get("fields")
        if not isinstance(fields_raw, dict) or not fields_raw:
            raise self.fail("fields", tr('an object of twin field → how to fill it'))
        fields = tuple(self.field_map(name, spec, f"fields.{name}") for name, spec in fields_raw.items())
        csv = raw.get("csv", {})
        if not isinstance(csv, dict):
            raise self.fail("csv", tr("an object with 'wkt' or 'x' and 'y'"))
        link = None
        if raw.get("link") is not None:
            lraw = raw["link"]
            if not isinstance(lraw, dict):
                raise self.fail("link", tr('an object with field, layer and max_distance_m'))
            distance = self.number(lraw, "max_distance_m", "link", 25)
            link = Link(self.text(lraw, "field", "link", True), self.text(lraw, "layer", "link", True), float(distance),
                        self.combine(lraw.get("combine")), self.measure(lraw.get("measure")))
        unpivot = None
        if raw.get("unpivot") is not None:
            uraw = raw["unpivot"]
            if not isinstance(uraw, dict):
                raise self.fail("unpivot", tr('an object with index, value, first, last and columns'))
            first, last = self.number(uraw, "first", "unpivot", 0), self.number(uraw, "last", "unpivot", 23)
            columns = self.names(uraw, "columns", "unpivot")
            if not columns or not all("{" in c for c in columns):
                raise self.fail("unpivot.columns", tr("column name patterns such as 'h{:02d}'"))
            unpivot = Unpivot(self.text(uraw, "index", "unpivot", True), self.text(uraw, "value", "unpivot", True),
                              int(first), int(last), columns)
        aggregate = None
        if raw.get("aggregate") is not None:
            araw = raw["aggregate"]
            if not isinstance(araw, dict):
                raise self.fail("aggregate", tr('an object with site, time and value (source field names)'))
            names = {n: self.names(araw, n, "aggregate") for n in ("site", "time", "value")}
            for name, given in names.items():
                if not given:
                    raise self.fail(f"aggregate.{name}", tr('a source field name or a list of them'))
            aggregate = Aggregate(names["site"], names["time"], names["value"])
        crs = self.text(raw, "crs", "")
        geometry = raw.get("geometry", {})
        if not isinstance(geometry, dict) or geometry.get("lines", "as_is") not in ("as_is", "merge", "split"):
            raise self.fail("geometry.lines", tr("'merge' or 'split' (lines are taken as they are without it)"))
        return Mapping(
            id=mapping_id, path=self.path, title=Title(title["en"], title["sv"]), layer=layer, fields=fields,
            key=self.names(raw, "key", ""), crs=crs, wkt=self.names(csv, "wkt", "csv"), x=self.names(csv, "x", "csv"),
            y=self.names(csv, "y", "csv"), link=link, unpivot=unpivot,
            merge_lines=geometry.get("lines") == "merge", split_lines=geometry.get("lines") == "split",
            aggregate=aggregate,
            extra={k: v for k, v in raw.items() if k not in {"format", "id", "title", "layer", "fields", "key", "crs",
                                                           "csv", "link", "unpivot", "geometry", "aggregate"}})


def presets_dir() -> Path:
    return resources_dir() / PRESETS_DIR


def preset_ids() -> list[str]:
    """The bundled presets' ids, sorted."""
    return sorted(p.stem for p in presets_dir().glob("*.json"))


def read_mapping(path: Path | str) -> Mapping:
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MappingError(path, "(file)", tr('a readable file ({strerror})').format(strerror=exc.strerror)) from exc
    except json.JSONDecodeError as exc:
        raise MappingError(
            path, f"(line {exc.lineno}, column {exc.colno})", tr("valid JSON: {msg}").format(msg=exc.msg)
        ) from exc
    return _Reader(path).mapping(raw)


def load_mapping(preset_or_path: str) -> Mapping:
    """A bundled preset by id (``nvdb_roads``) or a user mapping file."""
    text = (preset_or_path or "").strip()
    if text in preset_ids():
        return read_mapping(presets_dir() / f"{text}.json")
    if text.lower().endswith(".json"):
        return read_mapping(text)
    raise MappingError(
        text or "(none)",
        "MAPPING",
        tr("a preset id ({preset_ids}) or a JSON file").format(preset_ids=", ".join(preset_ids())),
    )


def check_against(mapping: Mapping, catalog: Catalog, columns: dict[str, str], key: tuple[str, ...]) -> None:
    """Raise :class:`MappingError` when the mapping names a layer or field the twin does not have."""
    try:
        spec = catalog.layer(mapping.layer)
    except KeyError:
        raise MappingError(
            mapping.path,
            "layer",
            tr("a layer id of the catalog ({value})").format(value=", ".join(s.id for s in catalog.layers)),
        ) from None
    for name in mapping.targets():
        if name not in columns:
            raise MappingError(
                mapping.path,
                f"fields.{name}",
                tr("a field of the twin table '{table}' ({columns})").format(
                    table=spec.table, columns=", ".join(columns)
                ),
            )
    for name in key:
        if name not in mapping.targets():
            raise MappingError(
                mapping.path, "key", tr("key fields that the mapping fills, '{name}' is not").format(name=name)
            )
    if mapping.link is not None:
        try:
            catalog.layer(mapping.link.layer)
        except KeyError:
            raise MappingError(mapping.path, "link.layer", tr('a layer id of the catalog')) from None
        for name in mapping.link.combine.fields if mapping.link.combine else ():
            if name not in mapping.targets():
                raise MappingError(mapping.path, "link.combine.fields",
                                   tr("fields the mapping fills, '{name}' is not").format(name=name))
