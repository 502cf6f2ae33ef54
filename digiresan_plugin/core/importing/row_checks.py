"""A mapped row checked against the catalog's field rules: not-null, domains, ranges, not in the future, constraints
(:class:`RowChecks`, a part of :class:`.rows.RowMapper`).
"""

from __future__ import annotations

from typing import Any

from qgis.core import QgsExpressionContext, QgsFeature

from ..tr import tr
from .shapes import RowRejectedError
from .values import to_real


class RowChecks:
    """The checks of :class:`.rows.RowMapper` (its ``rules``, ``codes``, ``bounds``, ``constraints``)."""

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

