"""The twin catalog: one declarative JSON file describing the twin's layers and groups.

The engine and the loader read everything about the twin from here; no layer name lives in code.
A malformed file raises :class:`CatalogError` naming the file, the key and what was expected.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

from .paths import default_catalog_path
from .tr import tr

GEOMETRY_TYPES = ("Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon")
LANGUAGES = ("en", "sv")


class CatalogError(ValueError):
    """A catalog file is malformed: says which file, which key and what was expected."""

    def __init__(self, path: Path | str, key: str, expected: str):
        self.path = str(path)
        self.key = key
        self.expected = expected
        super().__init__(tr("{path}: key '{key}': expected {expected}").format(path=self.path, key=key,
                                                                                expected=expected))


@dataclass(frozen=True)
class Title:
    en: str
    sv: str

    def text(self, language: str) -> str:
        return self.sv if language.startswith("sv") else self.en


@dataclass(frozen=True)
class GroupSpec:
    id: str
    title: Title


@dataclass(frozen=True)
class LayerSpec:
    """One twin layer: where it comes from and how it is shown."""

    id: str
    table: str
    group: str
    title: Title
    geometry: Optional[str]
    key: Optional[str] = None
    display_field: Optional[str] = None
    style: Optional[str] = None
    identifiable: bool = False
    priority: int = 100
    fields: tuple[str, ...] = ()
    crs: Optional[str] = None
    search_fields: tuple[str, ...] = ()
    optional: bool = False  # a source without the table loads without a problem (e.g. a background layer)
    geometry_optional: bool = False  # a feature may have no geometry (e.g. an agreement linked by key only)
    kind: Optional[Title] = None  # what one feature is ("Road segment"; the title names the layer, "Road segments")

    @property
    def is_spatial(self) -> bool:
        return self.geometry is not None

    def kind_text(self, language: str) -> str:
        """What one feature of the layer is, in ``language`` (the layer's title when the catalog gives no kind)."""
        return (self.kind or self.title).text(language)


@dataclass(frozen=True)
class BackgroundMapSpec:
    """An online XYZ tile map offered under the twin: off until the user switches it on (when online)."""

    id: str
    group: str
    title: Title
    url: str
    attribution: str
    attribution_url: str = ""
    zmin: int = 0
    zmax: int = 19

    def uri(self) -> str:
        """The data source of QGIS's "wms" provider for this tile map."""
        return f"type=xyz&url={quote(self.url, safe=':/')}&zmin={self.zmin}&zmax={self.zmax}"


@dataclass(frozen=True)
class Catalog:
    path: Path
    title: Title
    groups: tuple[GroupSpec, ...]
    layers: tuple[LayerSpec, ...]
    extra: dict[str, Any] = field(default_factory=dict)
    background_maps: tuple[BackgroundMapSpec, ...] = ()

    def layer(self, layer_id: str) -> LayerSpec:
        for spec in self.layers:
            if spec.id == layer_id:
                return spec
        raise KeyError(layer_id)

    def group(self, group_id: str) -> GroupSpec:
        for spec in self.groups:
            if spec.id == group_id:
                return spec
        raise KeyError(group_id)

    def layers_in_group(self, group_id: str) -> list[LayerSpec]:
        return [spec for spec in self.layers if spec.group == group_id]

    def identifiable_layers(self) -> list[LayerSpec]:
        """Spatial identifiable layers, most important first."""
        return sorted(
            (s for s in self.layers if s.identifiable and s.is_spatial), key=lambda s: s.priority
        )

    def searchable_layers(self) -> list[LayerSpec]:
        """Spatial layers the locator searches, most important first."""
        return sorted((s for s in self.layers if s.search_fields and s.is_spatial), key=lambda s: s.priority)

    def style_path(self, spec: LayerSpec) -> Optional[Path]:
        return (self.path.parent / spec.style) if spec.style else None


class _Reader:
    """Typed access to a JSON object that reports errors with the file and a dotted key path."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, key: str, expected: str) -> CatalogError:
        return CatalogError(self.path, key, expected)

    def obj(self, value: Any, key: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(key, tr('an object, got {name}').format(name=type(value).__name__))
        return value

    def req(self, data: dict, name: str, key: str, kind: type | tuple, what: str) -> Any:
        if name not in data:
            raise self.fail(f"{key}.{name}" if key else name, tr('{what} (missing)').format(what=what))
        return self.typed(data[name], f"{key}.{name}" if key else name, kind, what)

    def opt(self, data: dict, name: str, key: str, kind: type | tuple, what: str, default: Any) -> Any:
        if data.get(name) is None:
            return default
        return self.typed(data[name], f"{key}.{name}" if key else name, kind, what)

    def typed(self, value: Any, key: str, kind: type | tuple, what: str) -> Any:
        bad_bool = isinstance(value, bool) and kind in (int, str)
        if bad_bool or not isinstance(value, kind):
            raise self.fail(
                key, tr("{what}, got {value}").format(what=what, value=json.dumps(value, ensure_ascii=False))
            )
        return value

    def title(self, data: dict, key: str, name: str = "title") -> Title:
        raw = self.obj(self.req(data, name, key, dict, tr("an object with 'en' and 'sv' texts")), f"{key}.{name}")
        texts = [self.req(raw, lang, f"{key}.{name}", str, tr('a non-empty text')) for lang in LANGUAGES]
        for lang, text in zip(LANGUAGES, texts):
            if not text.strip():
                raise self.fail(f"{key}.{name}.{lang}", tr('a non-empty text'))
        return Title(*texts)


def parse_catalog(data: Any, path: Path | str) -> Catalog:
    """Validate a decoded catalog document and build a :class:`Catalog`."""
    try:
        return _parse_catalog(data, path)
    except RecursionError as exc:
        raise CatalogError(path, "(top level)", tr('JSON nested a reasonable number of levels deep')) from exc


def _parse_catalog(data: Any, path: Path | str) -> Catalog:
    path = Path(path)
    r = _Reader(path)
    root = r.obj(data, "(top level)")
    version = r.req(root, "catalog_version", "", int, tr('the integer 1'))
    if version != 1:
        raise r.fail("catalog_version", tr('the integer 1, got {version}').format(version=version))
    title = r.title(root, "")
    groups: list[GroupSpec] = []
    for i, raw in enumerate(r.req(root, "groups", "", list, tr('a list of groups'))):
        key = f"groups[{i}]"
        raw = r.obj(raw, key)
        groups.append(GroupSpec(id=r.req(raw, "id", key, str, tr('a group id')), title=r.title(raw, key)))
    group_ids = {g.id for g in groups}
    if len(group_ids) != len(groups):
        raise r.fail("groups", tr('unique group ids'))

    layers: list[LayerSpec] = []
    raw_layers = r.req(root, "layers", "", list, tr('a non-empty list of layers'))
    if not raw_layers:
        raise r.fail("layers", tr('a non-empty list of layers'))
    for i, raw in enumerate(raw_layers):
        key = f"layers[{i}]"
        raw = r.obj(raw, key)
        layer_id = r.req(raw, "id", key, str, tr('a layer id'))
        key = f"layers[{i}:{layer_id}]"
        group = r.req(raw, "group", key, str, tr('a group id'))
        if group not in group_ids:
            raise r.fail(
                f"{key}.group", tr("one of {group_ids}, got '{group}'").format(group_ids=sorted(group_ids), group=group)
            )
        geometry = r.opt(
            raw,
            "geometry",
            key,
            str,
            tr("null or one of {geometry_types}").format(geometry_types=list(GEOMETRY_TYPES)),
            None,
        )
        if geometry is not None and geometry not in GEOMETRY_TYPES:
            raise r.fail(
                f"{key}.geometry",
                tr("null or one of {geometry_types}, got '{geometry}'").format(
                    geometry_types=list(GEOMETRY_TYPES), geometry=geometry
                ),
            )
        fields = r.opt(raw, "fields", key, list, tr('a list of field names'), [])
        for j, name in enumerate(fields):
            r.typed(name, f"{key}.fields[{j}]", str, tr('a field name'))
        search_fields = r.opt(raw, "search_fields", key, list, tr('a list of field names'), [])
        for j, name in enumerate(search_fields):
            r.typed(name, f"{key}.search_fields[{j}]", str, tr('a field name'))
        identifiable = r.opt(raw, "identifiable", key, bool, tr('true or false'), False)
        if identifiable and geometry is None:
            raise r.fail(f"{key}.identifiable", tr('false for a layer without geometry'))
        layers.append(
            LayerSpec(
                id=layer_id,
                table=r.req(raw, "table", key, str, tr('a table name')),
                group=group,
                title=r.title(raw, key),
                geometry=geometry,
                key=r.opt(raw, "key", key, str, tr('a key field name'), None),
                display_field=r.opt(raw, "display_field", key, str, tr('a field name'), None),
                style=r.opt(raw, "style", key, str, tr('a QML path relative to the catalog'), None),
                identifiable=identifiable,
                priority=r.opt(raw, "priority", key, int, tr('an integer'), 100),
                fields=tuple(fields),
                crs=r.opt(raw, "crs", key, str, tr("an authority id such as 'EPSG:3006'"), None),
                search_fields=tuple(search_fields),
                optional=r.opt(raw, "optional", key, bool, tr('true or false'), False),
                geometry_optional=r.opt(raw, "geometry_optional", key, bool, tr('true or false'), False),
                kind=r.title(raw, key, "kind") if raw.get("kind") is not None else None,
            )
        )
    ids = [s.id for s in layers]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise r.fail("layers", tr("unique layer ids, '{duplicates}' appears twice").format(duplicates=duplicates[0]))
    maps = _background_maps(r, root, group_ids, set(ids))
    known = {"catalog_version", "title", "groups", "layers", "background_maps"}
    extra = {k: v for k, v in root.items() if k not in known}
    return Catalog(path=path, title=title, groups=tuple(groups), layers=tuple(layers), extra=extra,
                   background_maps=maps)


def _background_maps(r: _Reader, root: dict, group_ids: set, layer_ids: set) -> tuple[BackgroundMapSpec, ...]:
    maps: list[BackgroundMapSpec] = []
    for i, raw in enumerate(r.opt(root, "background_maps", "", list, tr('a list of background maps'), [])):
        key = f"background_maps[{i}]"
        raw = r.obj(raw, key)
        map_id = r.req(raw, "id", key, str, tr('a background map id'))
        key = f"background_maps[{i}:{map_id}]"
        if map_id in layer_ids or any(m.id == map_id for m in maps):
            raise r.fail(
                f"{key}.id", tr("an id no layer or other background map has, got '{map_id}'").format(map_id=map_id)
            )
        group = r.req(raw, "group", key, str, tr('a group id'))
        if group not in group_ids:
            raise r.fail(
                f"{key}.group", tr("one of {group_ids}, got '{group}'").format(group_ids=sorted(group_ids), group=group)
            )
        kind = r.req(raw, "type", key, str, "'xyz'")
        if kind != "xyz":
            raise r.fail(f"{key}.type", tr("'xyz', got '{kind}'").format(kind=kind))
        url = r.req(raw, "url", key, str, tr('an http(s) tile URL with {x}, {y} and {z}'))
        if not url.startswith(("https://", "http://")) or not all(p in url for p in ("{x}", "{y}", "{z}")):
            raise r.fail(
                f"{key}.url", tr("an http(s) tile URL with {{x}}, {{y}} and {{z}}, got '{url}'").format(url=url)
            )
        attribution = r.req(raw, "attribution", key, str, tr("the attribution the tiles' licence asks for"))
        if not attribution.strip():
            raise r.fail(f"{key}.attribution", tr("the attribution the tiles' licence asks for"))
        zmin = r.opt(raw, "zmin", key, int, tr('an integer zoom level'), 0)
        zmax = r.opt(raw, "zmax", key, int, tr('an integer zoom level'), 19)
        if not 0 <= zmin <= zmax <= 25:
            raise r.fail(
                f"{key}.zmax",
                tr("zoom levels 0 <= zmin <= zmax <= 25, got {zmin}..{zmax}").format(zmin=zmin, zmax=zmax),
            )
        maps.append(BackgroundMapSpec(
            id=map_id, group=group, title=r.title(raw, key), url=url, attribution=attribution,
            attribution_url=r.opt(raw, "attribution_url", key, str, tr('a URL'), ""), zmin=zmin, zmax=zmax))
    return tuple(maps)


def load_catalog(path: Path | str | None = None) -> Catalog:
    """Read and validate a catalog file (the bundled one by default)."""
    path = Path(path) if path else default_catalog_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogError(path, "(file)", tr('a readable file ({strerror})').format(strerror=exc.strerror)) from exc
    except UnicodeDecodeError as exc:
        raise CatalogError(
            path,
            "(file)",
            tr("UTF-8 text: byte 0x{object:02x} at position {start} is not UTF-8 (save the file as UTF-8)").format(
                object=exc.object[exc.start], start=exc.start
            ),
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(
            path, f"(line {exc.lineno}, column {exc.colno})", tr("valid JSON: {msg}").format(msg=exc.msg)
        ) from exc
    except RecursionError as exc:
        raise CatalogError(path, "(top level)", tr('JSON nested a reasonable number of levels deep')) from exc
    return parse_catalog(data, path)
