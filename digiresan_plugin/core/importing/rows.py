"""One source row → the twin rows it gives, typed and checked against the catalog's field rules and domains —
or the reason it is refused (:class:`RowRejectedError`, naming the field and the value). Its parts: the field values
(:mod:`.row_values`), the link (:mod:`.row_links`), the checks (:mod:`.row_checks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Optional

from qgis.core import QgsExpression, QgsField, QgsFields, QgsGeometry
from qgis.PyQt.QtCore import QVariant

from ..domains import FieldRule
from ..i18n import ui_language
from .mapping import Mapping
from .measures import MeasureLinker
from .names import SourceFields
from .row_checks import RowChecks
from .row_links import RowLinks
from .row_values import FieldValues, _format, _pieces, _plain
from .shapes import GEOMETRY, RowRejectedError, fast_geometry, twin_geometry
from .source import SourceRow
from .values import CONVERTERS

MEMO = 4096  # distinct raw values remembered per field (memory stays flat on a field of unique values)
_QVARIANT = {"text": QVariant.String, "integer": QVariant.LongLong, "real": QVariant.Double,
             "date": QVariant.String, "datetime": QVariant.String, "boolean": QVariant.Bool}


@dataclass
class TwinRow:
    values: dict[str, Any]
    wkb: Optional[bytes] = None
    envelope: Optional[tuple[float, float, float, float]] = None  # of ``wkb`` when already known
    linked: bool = False  # the link field was found by position (nearest twin feature)
    derived: frozenset = frozenset()  # fields derived here (classes), not taken from the file
    weight: float = 1.0  # the section length, for combining linked rows (``link.combine``)


Linker = Callable[[QgsGeometry], Optional[str]]


class RowMapper(FieldValues, RowLinks, RowChecks):
    """Maps rows of one source with one mapping onto one twin layer (``kinds``: twin column → value kind)."""

    def __init__(self, mapping: Mapping, fields: SourceFields, kinds: dict[str, str], geometry_type: Optional[str],
                 rules: dict[str, FieldRule], today: date, linker: Optional[Linker] = None,
                 key_field: Optional[str] = None, by_measure: Optional[MeasureLinker] = None,
                 link_title: Optional[str] = None):
        self.mapping, self.kinds, self.rules, self.today = mapping, kinds, rules, today
        self.geometry_type = geometry_type
        self.key_field = key_field  # suffixed per part when lines are split
        self.linker = linker
        self.link_title = link_title or (mapping.link.layer if mapping.link else "")  # named so in the reasons
        self.by_measure = by_measure.bound(fields) if by_measure is not None else None
        self.columns = {f.target: fields.all_of(f.sources) for f in mapping.fields}
        self.placeholders = {name: fields.find(name) for f in mapping.fields for name in f.template_fields()}
        self.missing = sorted({s for f in mapping.fields if f.sources and not self.columns[f.target]
                               and f.default is None and not f.classify and f.template is None
                               and (mapping.link is None or f.target != mapping.link.field)  # the link fills it
                               for s in f.sources[:1]})
        self.unpivot_columns: list[tuple[int, str]] = []
        if mapping.unpivot:
            u = mapping.unpivot
            for index in range(u.first, u.last + 1):
                column = fields.first([pattern.format(index) for pattern in u.columns])
                if column is None:
                    self.missing.append(u.columns[0].format(index))
                self.unpivot_columns.append((index, column))
        language = ui_language()
        self.constraints = [(rule.field, QgsExpression(rule.constraint.expression),
                             rule.constraint.message.text(language))
                            for rule in rules.values() if rule.constraint is not None
                            and rule.field in mapping.targets()]
        self.today_text = today.isoformat()
        self.bounds = {name: rule.value_range for name, rule in rules.items() if rule.value_range is not None}
        self.codes = {name: frozenset(rule.domain.codes) for name, rule in rules.items()
                      if rule.domain is not None and rule.domain.range is None}
        # the common case (one column, typed as it is) on a short path; everything else through _fill
        self.plain_fields = [(f.target, self.columns[f.target][0], CONVERTERS[kinds.get(f.target, "text")])
                             for f in mapping.fields if _plain(f) and len(self.columns[f.target]) == 1]
        plain_targets = {t for t, _c, _k in self.plain_fields}
        self.other_fields = [f for f in mapping.fields if f.target not in plain_targets]
        self.classified = [f for f in mapping.fields if f.classify]
        combine = mapping.link.combine if mapping.link else None
        self.section = (fields.first(combine.start), fields.first(combine.end)) if combine else (None, None)
        self.qfields = QgsFields()
        for name in mapping.targets():
            self.qfields.append(QgsField(name, _QVARIANT.get(kinds.get(name, "text"), QVariant.String)))
        self.template_pieces = {f.target: [(self.placeholders.get(p[0]), p[1]) if type(p) is tuple else p
                                           for p in _pieces(f.template)] for f in mapping.fields if f.template}
        self.template_formats = {target: _format(pieces) for target, pieces in self.template_pieces.items()}
        # a field's value and its checks depend on its raw value alone: computed once per distinct raw value
        later = {f.target for f in mapping.fields if f.classify} | {f.value_to for f in mapping.fields if f.value_to}
        if mapping.link:
            later.add(mapping.link.field)
        if mapping.unpivot:
            later |= {mapping.unpivot.index, mapping.unpivot.value}
        self.prechecked = {f.target for f in mapping.fields
                           if f.target not in later and f.value_to is None and f.template is None}
        self.prechecked |= {t for t, _c, _k in self.plain_fields if t not in later}
        self.check_names = [n for n in mapping.targets() if n in rules and n not in self.prechecked]
        # (target, how, column or field map, memo, compute): 0 one column, memoised; 1 the first of several
        # columns, memoised; 2 the full way (_fill); 3 a text key from its columns or template
        self.steps: list[tuple[str, int, Any, Optional[dict], Any]] = [
            (field, 0, column, {}, self._plain_value(field, converter))
            for field, column, converter in self.plain_fields]
        for fmap in self.other_fields:
            if fmap.target in self.prechecked and len(self.columns[fmap.target]) < 2:  # keyed by the raw value alone
                self.steps.append((fmap.target, 0, (self.columns[fmap.target] or [None])[0], {},
                                   self._other_value(fmap)))
            elif fmap.target in self.prechecked:
                self.steps.append((fmap.target, 1, fmap, {}, self._other_value(fmap)))
            elif (fmap.template is not None and fmap.values is None and fmap.factor is None and fmap.transform is None
                  and kinds.get(fmap.target, "text") == "text"):
                self.steps.append((fmap.target, 3, fmap, None, None))
            else:
                self.steps.append((fmap.target, 2, fmap, None, None))

    # -- one row -----------------------------------------------------------------------------
    def map(self, row: SourceRow) -> list[TwinRow]:
        if row.problem:
            raise RowRejectedError(GEOMETRY, None, row.problem)
        wkb, envelope = None, None
        if self.geometry_type:
            fast = fast_geometry(row.wkb, self.geometry_type) if row.wkb is not None else None
            wkb, envelope = fast if fast is not None else (self._geometry(row.shape()), None)
        values: dict[str, Any] = {}
        source = row.values
        for target, how, arg, memo, compute in self.steps:
            if how == 0:
                column, raw = arg, source.get(arg)
                cls = raw.__class__
                key = raw if cls is str else (cls, raw)
            elif how == 1:
                column, raw = self._pick(arg, source)
                cls = raw.__class__
                key = (column, raw) if cls is str else (column, cls, raw)
            elif how == 3:
                values[target] = self._key_text(arg, source)
                continue
            else:
                self._fill(arg, source, values)
                continue
            try:
                hit = memo.get(key)
            except TypeError:  # an unhashable Qt value
                values[target] = compute(column, raw)
                continue
            if hit is None:
                try:
                    hit = (compute(column, raw), None)
                except RowRejectedError as exc:
                    hit = (None, (exc.field, exc.value, exc.reason))
                if len(memo) < MEMO:
                    memo[key] = hit
            if hit[1] is not None:
                raise RowRejectedError(*hit[1])
            values[target] = hit[0]
        derived = []
        for fmap in self.classified:
            if values.get(fmap.target) is None:
                values[fmap.target] = self._classify(fmap, values)
                derived.append(fmap.target)
        link = self.mapping.link
        linked, weight = False, 1.0
        if link is not None and values.get(link.field) is None:
            values[link.field] = self._link(row)
            linked = True
            if link.combine is not None and None not in self.section:
                weight = self._section_length(row.values)
        rows = [values] if self.mapping.unpivot is None else self._unpivot(values, row.values)
        if type(wkb) is list:  # split lines: one row per part
            return self._split(rows[0], wkb)
        for out in rows:
            self._check(out)
        return [TwinRow(out, wkb, envelope, linked, frozenset(derived), weight) for out in rows]

    def _split(self, values: dict[str, Any], parts: list[bytes]) -> list[TwinRow]:
        key = self.key_field
        out = []
        for number, part in enumerate(parts, start=1):
            one = dict(values)
            if key is not None and one.get(key) is not None:
                one[key] = f"{one[key]}-{number}"
            self._check(one)
            out.append(TwinRow(one, part))
        return out

    def combine(self, group: list[TwinRow]) -> TwinRow:
        """One twin row for rows linked by position to the same key (see :class:`.mapping.Combine`)."""
        spec = self.mapping.link.combine
        values = dict(group[0].values)
        for name in spec.fields:
            given = [(t.values[name], t.weight) for t in group if t.values.get(name) is not None]
            if not given:
                continue
            if spec.how == "max":
                value = max(v for v, _w in given)
            else:
                value = sum(v * w for v, w in given) / sum(w for _v, w in given)
            values[name] = int(round(value)) if self.kinds.get(name) == "integer" else value
        for fmap in self.classified:
            if all(fmap.target in t.derived for t in group):
                values[fmap.target] = self._classify(fmap, values)
            else:
                values[fmap.target] = max(t.values[fmap.target] for t in group if fmap.target not in t.derived)
        self._check(values)
        return TwinRow(values, group[0].wkb, group[0].envelope, True, group[0].derived, sum(t.weight for t in group))

    def _geometry(self, geometry: Optional[QgsGeometry]) -> bytes | list[bytes]:
        return twin_geometry(geometry, self.geometry_type, self.mapping.merge_lines, self.mapping.split_lines)
