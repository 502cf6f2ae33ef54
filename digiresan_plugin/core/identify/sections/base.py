"""What a section kind is: the options it takes, the fields it reads, its default order, the extras of its items,
its summary, its columns in the flat "report for features" row and its lines in the text export.

One subclass per kind (``list``, ``latest_with_trend``, ``hourly_profile``, ``sign_list``, ``attributes``), one
instance each in :data:`digiresan_plugin.core.identify.sections.KINDS`. The card draws each kind with the renderer
of the same name in ``gui/card/sections``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, ClassVar, Optional, Protocol, Sequence

from ...formatting import Formatter
from ..report import Section
from ..specs import OrderBy, SectionSpec

# option name -> (type, required, default)
Option = tuple[Any, bool, Any]
# (related layer's field) -> report type (text | int | real | date | …) or None when unknown
TypeOf = Callable[[str], Optional[str]]


class RowLike(Protocol):
    """One related feature as the engine read it."""

    fid: int
    attrs: dict[str, Any]
    distance_m: Optional[float]


@dataclass(frozen=True)
class KindEnv:
    """What a kind may know about the report being built: its language, today, the sign-name lookup, the folder
    relative document paths are resolved against (the related layer's GeoPackage folder, else the setting)."""

    language: str
    today: date
    sign_name: Optional[Callable[[str, str], Optional[str]]] = None
    folder: Optional[str] = None


class SectionKind:
    """The behaviour every kind shares: a count, no extras, no summary text (subclasses override)."""

    name: ClassVar[str] = ""
    options: ClassVar[dict[str, Option]] = {}
    #: options that name a field of the card's subject (not of the related layer)
    subject_options: ClassVar[tuple[str, ...]] = ()
    #: the section lists its related features (the title counts them; nothing found: folded on the card)
    lists_items: ClassVar[bool] = True

    def fields(self, spec: SectionSpec) -> set[str]:
        """Fields of the related layer the kind's options read."""
        return {value for name, value in spec.options.items()
                if name.endswith("_field") and name not in self.subject_options and value}

    def default_order(self, spec: SectionSpec) -> tuple[OrderBy, ...]:
        """The order of the items when the section gives none."""
        return ()

    def select(self, spec: SectionSpec, rows: list[Any]) -> list[Any]:
        """The related rows the section shows (all of them by default)."""
        return rows

    def item_extra(self, spec: SectionSpec, attrs: dict[str, Any], env: KindEnv) -> dict[str, Any]:
        """Kind-specific ``extra`` of one item (besides ``distance_m``)."""
        return {}

    def summary(self, spec: SectionSpec, rows: Sequence[RowLike], subject: dict[str, Any],
                env: KindEnv) -> dict[str, Any]:
        """The section's ``summary`` over all its rows (``subject``: the card subject's attributes)."""
        return {"count": len(rows)}

    def flat_columns(self, spec: SectionSpec, type_of: TypeOf) -> list[tuple[str, str]]:
        """(name, type) of the section's columns in the flat row of "report for features"."""
        return [(f"{spec.id}_count", "int")]

    def flat_values(self, section: Section) -> dict[str, Any]:
        """The section's values in the flat row (names as in :meth:`flat_columns`)."""
        ok = section.error is None
        row: dict[str, Any] = {f"{section.id}_count": section.total if ok else None}
        if "next_start" in section.summary:
            row[f"{section.id}_next_start"] = section.summary.get("next_start")
        return row

    def text_lines(self, section: Section, fmt: Formatter) -> list[str]:
        """Lines of plain text between the section's title and its items (copy as text)."""
        return []
