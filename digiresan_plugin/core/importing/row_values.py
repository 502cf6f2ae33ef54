"""A mapped row's field values: from the file's column(s), a value map, a transform, a unit factor, a default, a key
template or a class derived from other fields; typed by the twin column's kind (:class:`FieldValues`, a part of
:class:`.rows.RowMapper`).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

from ..tr import tr
from .mapping import FieldMap
from .shapes import RowRejectedError
from .values import ValueProblemError, convert, is_empty, map_key, sign_code, to_real, to_text

_PIECE_RE = re.compile(r"\{([^{}:]+)(?::([^{}]*))?\}")


class FieldValues:
    """Per-field values of :class:`.rows.RowMapper`, remembered per distinct raw value (at most ``rows.MEMO``)."""

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
