"""Reading the identify keys of a catalog: typed access with errors naming the file, the key and what was
expected, plus the small parts (``identify``, ``labels``, relation filters, orders) the other readers share."""

from __future__ import annotations

import math
from typing import Any, Optional

from ..catalog import LANGUAGES, Catalog, CatalogError, Title, _Reader
from ..tr import tr
from .specs import CONDITION_OPS, Condition, FallbackSpec, OrderBy


class SpecReader:
    """Validates one catalog's identify keys (see :func:`.config.parse_identify`)."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.r = _Reader(catalog.path)
        self.layer_ids = {s.id for s in catalog.layers}

    def fail(self, key: str, expected: str) -> CatalogError:
        return self.r.fail(key, expected)

    def layer_ref(self, data: dict, name: str, key: str, spatial: Optional[bool] = None) -> str:
        value = self.r.req(data, name, key, str, tr('a catalog layer id'))
        if value not in self.layer_ids:
            raise self.fail(
                f"{key}.{name}",
                tr("one of the catalog's layer ids {layer_ids}, got '{value}'").format(
                    layer_ids=sorted(self.layer_ids), value=value
                ),
            )
        if spatial and not self.catalog.layer(value).is_spatial:
            raise self.fail(f"{key}.{name}", tr("a layer with geometry, '{value}' has none").format(value=value))
        return value

    def number(self, data: dict, name: str, key: str, default: float, minimum: float = 0.0) -> float:
        value = self.r.opt(data, name, key, (int, float), tr('a number of metres'), default)
        if isinstance(value, bool) or not math.isfinite(value) or value < minimum:
            raise self.fail(
                f"{key}.{name}", tr("a finite number ≥ {minimum:g}, got {value}").format(minimum=minimum, value=value)
            )
        return float(value)

    def years(self, data: dict, name: str, key: str, default: int) -> int:
        value = self.r.opt(data, name, key, int, tr('an integer number of years ≥ 0'), default)
        if value < 0:
            raise self.fail(f"{key}.{name}", tr('an integer number of years ≥ 0, got {value}').format(value=value))
        return value

    def metric_crs(self, data: dict, key: str) -> str:
        """A projected CRS measured in metres: distances and radii are metres in it."""
        from qgis.core import QgsCoordinateReferenceSystem, QgsUnitTypes

        value = self.r.opt(data, "metric_crs", key, str, tr("an authority id such as 'EPSG:3006'"), "EPSG:3006")
        crs = QgsCoordinateReferenceSystem(value)
        if not crs.isValid():
            raise self.fail(
                f"{key}.metric_crs", tr("a known CRS such as 'EPSG:3006', got '{value}'").format(value=value)
            )
        if crs.isGeographic() or crs.mapUnits() != QgsUnitTypes.DistanceUnit.DistanceMeters:
            units = QgsUnitTypes.toString(crs.mapUnits())
            raise self.fail(
                f"{key}.metric_crs",
                tr("a projected CRS in metres such as 'EPSG:3006', got '{value}' ({units})").format(
                    value=value, units=units
                ),
            )
        return value

    def field_names(self, data: dict, name: str, key: str) -> list[str]:
        names = self.r.opt(data, name, key, list, tr('a list of field names'), [])
        for j, value in enumerate(names):
            self.r.typed(value, f"{key}.{name}[{j}]", str, tr('a field name'))
        return names

    # -- small parts -------------------------------------------------------------------------
    def identify(self, raw: Any) -> dict[str, Any]:
        key = "identify"
        data = self.r.obj(raw, key) if raw is not None else {}
        out: dict[str, Any] = {}
        out["metric_crs"] = self.metric_crs(data, key)
        out["default_radius_m"] = self.number(data, "default_radius_m", key, 2.0)
        fb_raw = data.get("fallback")
        if fb_raw is None:
            out["fallback"] = FallbackSpec()
            return out
        fkey = f"{key}.fallback"
        fb = self.r.obj(fb_raw, fkey)
        at_point = self.r.opt(fb, "at_point", fkey, list, tr('a list of layer ids'), [])
        for i, layer_id in enumerate(at_point):
            self.r.typed(layer_id, f"{fkey}.at_point[{i}]", str, tr('a catalog layer id'))
            if layer_id not in self.layer_ids or not self.catalog.layer(layer_id).is_spatial:
                raise self.fail(
                    f"{fkey}.at_point[{i}]",
                    tr("a spatial catalog layer id, got '{layer_id}'").format(layer_id=layer_id),
                )
        nearest = None
        if fb.get("nearest") is not None:
            nearest = self.layer_ref(fb, "nearest", fkey, spatial=True)
        out["fallback"] = FallbackSpec(
            at_point=tuple(at_point),
            nearest=nearest,
            max_distance_m=self.number(fb, "max_distance_m", fkey, 50.0),
        )
        return out

    def labels(self, raw: Any) -> dict[str, dict[str, Title]]:
        if raw is None:
            return {}
        data = self.r.obj(raw, "labels")
        out: dict[str, dict[str, Title]] = {}
        for layer_id, fields in data.items():
            key = f"labels.{layer_id}"
            if layer_id not in self.layer_ids:
                raise self.fail(
                    key, tr("one of the catalog's layer ids {layer_ids}").format(layer_ids=sorted(self.layer_ids))
                )
            fields = self.r.obj(fields, key)
            out[layer_id] = {}
            for name, texts in fields.items():
                fkey = f"{key}.{name}"
                texts = self.r.obj(texts, fkey)
                values = [self.r.req(texts, lang, fkey, str, tr('a label text')) for lang in LANGUAGES]
                out[layer_id][name] = Title(*values)
        return out

    def conditions(self, raw: Any, key: str) -> tuple[Condition, ...]:
        items = self.r.typed(raw, key, list, tr('a list of conditions')) if raw is not None else []
        out = []
        for i, cond in enumerate(items):
            ckey = f"{key}[{i}]"
            cond = self.r.obj(cond, ckey)
            name = self.r.req(cond, "field", ckey, str, tr('a field name'))
            op = self.r.req(
                cond, "op", ckey, str, tr("one of {condition_ops}").format(condition_ops=list(CONDITION_OPS))
            )
            if op not in CONDITION_OPS:
                raise self.fail(
                    f"{ckey}.op",
                    tr("one of {condition_ops}, got '{op}'").format(condition_ops=list(CONDITION_OPS), op=op),
                )
            if op in ("in", "not_in"):
                values = tuple(self.r.req(cond, "values", ckey, list, tr('a list of values')))
            else:
                if "value" not in cond:
                    raise self.fail(f"{ckey}.value", tr('a value (missing)'))
                values = (cond["value"],)
            out.append(Condition(name, op, values))
        return tuple(out)

    def order_by(self, raw: Any, key: str) -> tuple[OrderBy, ...]:
        items = self.r.typed(raw, key, list, tr('a list of ["field", "asc"|"desc"]')) if raw is not None else []
        out = []
        for i, item in enumerate(items):
            ikey = f"{key}[{i}]"
            if isinstance(item, str):
                out.append(OrderBy(item))
                continue
            if (
                not isinstance(item, list) or len(item) != 2 or not isinstance(item[0], str)
                or item[1] not in ("asc", "desc")
            ):
                raise self.fail(ikey, tr('a field name or ["field", "asc"|"desc"], got {item}').format(item=repr(item)))
            out.append(OrderBy(item[0], item[1] == "asc"))
        return tuple(out)
