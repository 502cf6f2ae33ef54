"""What one import gives back: the counts, every refused source row with its reason, and the cancel."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


class ImportCancelledError(RuntimeError):
    """The user cancelled; nothing was written."""


@dataclass
class Rejection:
    row: int
    field: Optional[str]
    value: Any
    reason: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportResult:
    source: str
    layer: str
    mode: str
    dry_run: bool
    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    twin_rows: int = 0  # twin rows inserted or updated
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    @property
    def balanced(self) -> bool:
        return self.read == self.inserted + self.updated + self.unchanged + self.rejected

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
                "rejected": self.rejected, "deleted": self.deleted}
