"""What the quality report finds: problems that each name the layer, the key, the feature and the field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from qgis.core import QgsGeometry

ERROR, WARNING = "error", "warning"
SEVERITIES = (ERROR, WARNING)


@dataclass
class Problem:
    """One problem: ``rule`` (e.g. ``domain``, ``orphan``, a catalog rule id), where it is and what is wrong.

    ``geometry`` is the feature's (or, for rows without geometry, its parent's) in the catalog's metric CRS,
    None when there is none; ``fid`` is None for problems of a group of rows (e.g. a segment's traffic counts).
    """

    layer: str
    key: Any
    fid: Optional[int]
    field: str
    rule: str
    severity: str
    message: str
    geometry: Optional[QgsGeometry] = None

    def sort_key(self) -> tuple:
        return (SEVERITIES.index(self.severity) if self.severity in SEVERITIES else 9, self.layer, self.rule,
                str(self.key), self.fid if self.fid is not None else -1, self.field)


@dataclass
class QualityReport:
    """The problems of one run, what was checked, and what could not be (a fault is never an empty answer)."""

    problems: list[Problem] = field(default_factory=list)
    checked_layers: list[str] = field(default_factory=list)
    not_checked: list[str] = field(default_factory=list)  # "layer: why" for rules that could not run
    seconds: float = 0.0

    @property
    def clean(self) -> bool:
        return not self.problems and not self.not_checked

    def by_rule(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for problem in self.problems:
            counts[problem.rule] = counts.get(problem.rule, 0) + 1
        return dict(sorted(counts.items()))
