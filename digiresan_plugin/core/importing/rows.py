"""One source row → the twin rows it gives, typed and checked against the catalog's field rules and domains —
or the reason it is refused (:class:`RowRejectedError`, naming the field and the value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Optional

from qgis.core import QgsExpression, QgsExpressionContext, QgsFeature, QgsField, QgsFields, QgsGeometry
from qgis.PyQt.QtCore import QVariant

from ..domains import FieldRule
from ..i18n import ui_language
from ..tr import tr
from .mapping import FieldMap, Mapping
from .measures import MeasureLinker
from .names import SourceFields
from .shapes import GEOMETRY, RowRejectedError, fast_geometry, twin_geometry
from .source import SourceRow
from .values import CONVERTERS, ValueProblemError, convert, is_empty, map_key, sign_code, to_real, to_text

MEMO = 4096  # distinct raw values remembered per field (memory stays flat on a field of unique values)
_PIECE_RE = re.compile(r"\{([^{}:]+)(?::([^{}]*))?\}")
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


class RowMapper:
    """Maps rows of one source with one mapping onto one twin layer (``kinds``: twin column → value kind)."""

    def __init__(self, mapping: Mapping, fields: SourceFields, kinds: dict[str, str], geometry_type: Optional[str],
                 rules: dict[str, FieldRule], today: date, linker: Optional[Linker] = None,
                 key_field: Optional[str] = None, by_measure: Optional[MeasureLinker] = None):
        self.mapping, self.kinds, self.rules, self.today = mapping, kinds, rules, today
        self.geometry_type = geometry_type
        self.key_field = key_field  # suffixed per part when lines are split
        self.linker = linker
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

    def _section_length(self, source: dict[str, Any]) -> float:
        start, end = self.section
        try:
            a, b = to_real(source.get(start)), to_real(source.get(end))
        except ValueProblemError as exc:
            raise RowRejectedError(end, source.get(end), tr("expected {what}").format(what=exc)) from None
        if a is None and b is None:  # a point, not a section
            return 1.0
        if a is None or b is None or b <= a:
            raise RowRejectedError(end, source.get(end), tr("the section must end after it starts ({start} {a}, "
                                                            "{end} {b})").format(start=start, a=source.get(start),
                                                                                 end=end, b=source.get(end)))
        return b - a

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

    # -- per-field values, remembered per distinct raw value (at most MEMO of them) -------------
    def _key_text(self, fmap: FieldMap, source: dict[str, Any]) -> Optional[str]:
        """:meth:`_fill` for a text field from its columns or else its template (a key), without the detours."""
        _column, raw = self._pick(fmap, source) if self.columns[fmap.target] else (None, None)
        if raw is None:
            raw = self._template(fmap, source)
        if raw is None or _blank(raw):
            raw = fmap.default
        return None if raw is None or _blank(raw) else to_text(raw)

    def _plain_value(self, field: str, converter: Callable[[Any], Any]) -> Callable[[str, Any], Any]:
        checked = field in self.prechecked

        def compute(_column: str, raw: Any) -> Any:
            try:
                value = converter(raw)
            except ValueProblemError as exc:
                raise RowRejectedError(field, raw, _expected(exc, raw)) from None
            if checked:
                self._check_value(field, value)
            return value
        return compute

    def _other_value(self, fmap: FieldMap) -> Callable[[Optional[str], Any], Any]:
        def compute(column: Optional[str], raw: Any) -> Any:
            values: dict[str, Any] = {}
            self._fill(fmap, {column: raw} if column else {}, values, (column,) if column else ())
            value = values.get(fmap.target)
            self._check_value(fmap.target, value)
            return value
        return compute

    def _pick(self, fmap: FieldMap, source: dict[str, Any]) -> tuple[Optional[str], Any]:
        """The first of the field's columns with a value, and that value ((None, None) when none has one)."""
        for column in self.columns[fmap.target]:
            raw = source.get(column)
            if raw is not None and not _blank(raw):
                return column, raw
        return None, None

    def _fill(self, fmap: FieldMap, source: dict[str, Any], values: dict[str, Any],
              columns: Optional[tuple] = None) -> None:
        raw: Any = None
        column = None
        for column in self.columns[fmap.target] if columns is None else columns:
            value = source.get(column)
            if value is not None and not _blank(value):
                raw = value
                break
        if fmap.template is not None and raw is None:
            raw = self._template(fmap, source)
        field = fmap.target
        if is_empty(raw):
            raw = fmap.default
        if is_empty(raw):
            values.setdefault(field, None)
            return
        if fmap.values is not None:
            key = map_key(raw)
            if key in fmap.values:
                raw = fmap.values[key]
            elif not fmap.keep_other:
                known = ", ".join(sorted(fmap.values))
                raise RowRejectedError(field, raw, tr("unknown code '{code}' in {column} (known: {known})").format(
                    code=to_text(raw), column=column or field, known=known))
        if fmap.transform == "sign_code":
            try:
                raw, amount = sign_code(raw)
            except ValueProblemError as exc:
                raise RowRejectedError(field, raw, tr("expected {what}").format(what=exc)) from None
            if fmap.value_to:
                values[fmap.value_to] = amount
        elif fmap.transform in ("upper", "lower"):
            raw = getattr(str(raw), fmap.transform)()
        values[field] = self._typed(field, raw, fmap.factor)

    def _template(self, fmap: FieldMap, source: dict[str, Any]) -> Optional[str]:
        fmt, places = self.template_formats[fmap.target]
        args = []
        for column, spec in places:  # the usual values (text; a float where formatted) in one format call
            value = source.get(column)
            if spec:
                if type(value) is not float or value != value:
                    break
                args.append(value)
            elif type(value) is str and value.strip():
                args.append(value.strip())
            else:
                break
        else:
            try:
                return fmt.format(*args)
            except ValueError:  # a format spec that does not fit: said the full way below
                pass
        pieces = self.template_pieces[fmap.target]
        given = [source.get(p[0]) if type(p) is tuple and p[0] else None for p in pieces]
        for piece, value in zip(pieces, given):
            if type(piece) is tuple and (value is None or _blank(value)):
                return None
        out = []
        try:
            for piece, value in zip(pieces, given):
                if type(piece) is str:
                    out.append(piece)
                elif piece[1]:
                    out.append(format(value if type(value) is float else to_real(value), piece[1]))
                else:
                    out.append(value.strip() if type(value) is str else to_text(value))
        except (ValueProblemError, ValueError) as exc:
            shown = {name: source.get(column) for name, column in self.placeholders.items()}
            raise RowRejectedError(fmap.target, shown, tr("cannot build the key from {template}: {error}").format(
                template=fmap.template, error=exc)) from None
        return "".join(out)

    def _typed(self, field: str, raw: Any, factor: Optional[float] = None) -> Any:
        kind = self.kinds.get(field, "text")
        try:
            value = convert(kind, raw)
        except ValueProblemError as exc:
            raise RowRejectedError(field, raw, _expected(exc, raw)) from None
        if factor is not None and value is not None:
            value = value * factor
            if kind == "integer":
                value = int(round(value))
        return value

    def _classify(self, fmap: FieldMap, values: dict[str, Any]) -> Optional[int]:
        classes = [c.classify(values[c.field]) for c in fmap.classify if values.get(c.field) is not None]
        if not classes:
            names = ", ".join(c.field for c in fmap.classify)
            raise RowRejectedError(fmap.target, None, tr("no value, and none of {fields} to derive it from").format(
                fields=names))
        return max(classes)

    def _link(self, row: SourceRow) -> Optional[str]:
        """By route and measure when the row gives them, else the nearest by position."""
        found = self.by_measure.link(row.values) if self.by_measure is not None else None
        if found is not None:
            return found
        link, geometry = self.mapping.link, row.shape()
        if geometry is None or geometry.isEmpty():
            text = (tr("no {field}, no route and measure ({columns}) and no position to find the {layer}")
                    if self.by_measure is not None else tr("no {field} and no position to find the nearest {layer}"))
            columns = "/".join(self.by_measure.names) if self.by_measure is not None else ""
            raise RowRejectedError(link.field, None, text.format(field=link.field, layer=link.layer, columns=columns))
        found = self.linker(geometry) if self.linker else None
        if found is None:
            raise RowRejectedError(link.field, None, tr("no {layer} within {distance} m").format(
                layer=link.layer, distance=f"{link.max_distance_m:g}"))
        return found

    def _unpivot(self, values: dict[str, Any], source: dict[str, Any]) -> list[dict[str, Any]]:
        u = self.mapping.unpivot
        out = []
        for index, column in self.unpivot_columns:
            raw = source.get(column) if column else None
            if is_empty(raw):
                raise RowRejectedError(u.value, None, tr("no value for {field} {index} (column {column})").format(
                    field=u.index, index=index, column=column or "–"))
            out.append({**values, u.index: index, u.value: self._typed(u.value, raw)})
        return out

    # -- checks ------------------------------------------------------------------------------
    def _check(self, values: dict[str, Any]) -> None:
        for name in self.check_names:
            if name in values:
                self._check_value(name, values[name])
        for name, expression, message in self.constraints:
            feature = QgsFeature(self.qfields)
            feature.setAttributes([values.get(n) for n in self.qfields.names()])
            context = QgsExpressionContext()
            context.setFeature(feature)
            result = expression.evaluate(context)
            if not expression.hasEvalError() and result is not None and not result:
                raise RowRejectedError(name, values.get(name), message)

    def _check_value(self, name: str, value: Any) -> None:
        rule = self.rules.get(name)
        if rule is None:
            return
        if value is None:
            if rule.not_null:
                raise RowRejectedError(name, None, tr("a value is required"))
            return
        codes = self.codes.get(name)
        if codes is not None and value not in codes and not rule.domain.allows(value):
            shown = ", ".join(str(c) for c in rule.domain.codes[:12]) or "–"
            more = ", …" if len(rule.domain.codes) > 12 else ""
            raise RowRejectedError(name, value, tr("'{value}' is not in the domain {domain} ({codes})").format(
                value=value, domain=rule.domain.id, codes=shown + more))
        bounds = self.bounds.get(name)
        number = to_real(value) if bounds is not None and not isinstance(value, str) else None
        if bounds is not None and number is not None and not bounds[0] <= number <= bounds[1]:
            raise RowRejectedError(name, value, tr("{value} is outside {low}–{high}").format(
                value=value, low=f"{bounds[0]:g}", high=f"{bounds[1]:g}"))
        if rule.not_in_future and isinstance(value, str) and value[:10] > self.today_text:
            raise RowRejectedError(name, value, tr("{value} is in the future (today is {today})").format(
                value=value, today=self.today_text))

    def _geometry(self, geometry: Optional[QgsGeometry]) -> bytes | list[bytes]:
        return twin_geometry(geometry, self.geometry_type, self.mapping.merge_lines, self.mapping.split_lines)


def _blank(value: Any) -> bool:
    """:func:`is_empty` for a value that is not None, quicker for the usual types."""
    kind = type(value)
    if kind is str:
        return not value.strip()
    if kind is int:
        return False
    if kind is float:
        return value != value
    return is_empty(value)


def _expected(problem: ValueProblemError, raw: Any) -> str:
    return tr("expected {what}, got '{value}'").format(what=problem, value=to_text(raw))


def _plain(fmap: FieldMap) -> bool:
    """A field filled from its column as it is: no template, map, factor, default, transform or class."""
    return (fmap.template is None and fmap.values is None and fmap.factor is None and fmap.default is None
            and fmap.transform is None and not fmap.classify)


def _pieces(template: str) -> list:
    """A key template as literal texts and (field, format spec) placeholders, in order."""
    out: list = []
    at = 0
    for match in _PIECE_RE.finditer(template):
        out += [template[at:match.start()], (match.group(1), match.group(2) or "")]
        at = match.end()
    return [p for p in out + [template[at:]] if p != ""]


def _format(pieces: list) -> tuple[str, list[tuple[Optional[str], str]]]:
    """A template's pieces as one ``str.format`` text with positional fields, and the (column, spec) of each."""
    text, places = [], []
    for piece in pieces:
        if type(piece) is str:
            text.append(piece.replace("{", "{{").replace("}", "}}"))
        else:
            text.append(f"{{{len(places)}:{piece[1]}}}" if piece[1] else f"{{{len(places)}}}")
            places.append(piece)
    return "".join(text), places
