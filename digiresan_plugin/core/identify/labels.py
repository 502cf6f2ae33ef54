"""How a stored code reads on a card: the label of the field's domain in the report's language (``surface =
'gatsten'`` → "Cobblestone" / "Gatsten"). The catalog's ``field_rules`` name a field's domain, the domain's
``values`` the labels; a field without a value list, a value outside its domain and a domain shown as its code
(``"show": "code"``: an id people use, such as a sign code) keep the value itself. A field the rules call an
``amount`` reads as kronor ("370 000 kr") where the engine formats for a locale (cards; data outputs keep the
number)."""

from __future__ import annotations

import math
from typing import Any, Callable, Iterable, Mapping, Optional

from ..catalog import Catalog
from ..domains import field_domains

# field -> (integer codes?, code -> label)
_Fields = dict[str, tuple[bool, dict[Any, str]]]


class DomainLabels:
    """The domain labels of one catalog in one language, per layer and field (read from the catalog once)."""

    def __init__(self, catalog: Catalog, language: str, amount: Optional[Callable[[float], str]] = None):
        self.catalog = catalog
        self.language = language
        self._amount = amount  # a number as kronor in the card's locale; None: amounts stay numbers
        self._layers: dict[str, _Fields] = {}
        self._amounts: dict[str, frozenset[str]] = {}

    def amounts(self, layer_id: str) -> frozenset[str]:
        """The fields of ``layer_id`` that read as kronor (none without an amount format)."""
        found = self._amounts.get(layer_id)
        if found is None:
            found = frozenset(rule.field for rule in field_domains(self.catalog).rules_for(layer_id)
                              if rule.amount) if self._amount is not None else frozenset()
            self._amounts[layer_id] = found
        return found

    def fields(self, layer_id: str) -> _Fields:
        """The fields of ``layer_id`` whose values a card shows as their domain's labels."""
        found = self._layers.get(layer_id)
        if found is None:
            found = {}
            for rule in field_domains(self.catalog).rules_for(layer_id):
                domain = rule.domain
                if domain is None or not domain.values or domain.show_code:
                    continue
                found[rule.field] = (domain.type == "integer",
                                     {v.code: v.text(self.language) for v in domain.values})
            self._layers[layer_id] = found
        return found

    def label(self, layer_id: str, field_name: str, value: Any) -> Optional[str]:
        """The label of ``value`` of ``field_name``; None: the value shows as itself."""
        entry = self.fields(layer_id).get(field_name)
        if entry is None or value is None or isinstance(value, bool):
            if value is not None and field_name in self.amounts(layer_id):
                return self._kronor(value)
            return None
        integer, labels = entry
        if not integer:
            return labels.get(value if value.__class__ is str else str(value))
        if value.__class__ is not int:
            try:
                number = float(value)
            except (TypeError, ValueError):
                return None
            if not math.isfinite(number) or number != int(number):
                return None
            value = int(number)
        return labels.get(value)

    def of(self, layer_id: str, attrs: Mapping[str, Any], names: Iterable[str]) -> dict[str, str]:
        """field -> label for the values of ``names`` in ``attrs`` that have one."""
        fields, amounts = self.fields(layer_id), self.amounts(layer_id)
        if not fields and not amounts:
            return {}
        out = {}
        for name in names:
            if name in fields or name in amounts:
                label = self.label(layer_id, name, attrs.get(name))
                if label is not None:
                    out[name] = label
        return out

    def _kronor(self, value: Any) -> Optional[str]:
        if isinstance(value, bool) or self._amount is None:
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        return self._amount(number) if math.isfinite(number) else None
