"""The link field of a mapped row found when the file has none: by route and measure, else the nearest twin feature;
a section's length for combining linked rows (:class:`RowLinks`, a part of :class:`.rows.RowMapper`).
"""

from __future__ import annotations

from typing import Any, Optional

from ..tr import tr
from .shapes import RowRejectedError
from .source import SourceRow
from .values import ValueProblemError, to_real


class RowLinks:
    """Linking of :class:`.rows.RowMapper` (its ``by_measure``, ``linker``, ``section`` columns and ``link_title``, the
    linked layer's title in the UI language for the reasons)."""

    def _link(self, row: SourceRow) -> Optional[str]:
        """By route and measure when the row gives them, else the nearest by position."""
        found = self.by_measure.link(row.values) if self.by_measure is not None else None
        if found is not None:
            return found
        link, geometry = self.mapping.link, row.shape()
        if geometry is None or geometry.isEmpty():
            text = (tr("no {field}, no route and measure ({columns}) and no position to find the feature in "
                       "'{layer}'") if self.by_measure is not None
                    else tr("no {field} and no position to find the nearest feature in '{layer}'"))
            columns = "/".join(self.by_measure.names) if self.by_measure is not None else ""
            raise RowRejectedError(link.field, None, text.format(field=link.field, layer=self.link_title,
                                                                 columns=columns))
        found = self.linker(geometry) if self.linker else None
        if found is None:
            raise RowRejectedError(link.field, None, tr("nothing in '{layer}' within {distance} m").format(
                layer=self.link_title, distance=f"{link.max_distance_m:g}"))
        return found

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
