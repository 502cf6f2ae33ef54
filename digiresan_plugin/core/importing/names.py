"""Find a mapping's source field in a file's columns: without regard to case, and as Shape exports write them.

A Shape (dBase) export cuts names to 10 characters and often lower-cases them: ``F_Hogst_225`` arrives as
``f_hogst_22``, ``FROM_MEASURE`` as ``from_measu``. :class:`SourceFields` finds either spelling.
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

DBF_NAME_LENGTH = 10


def _fold(name: str) -> str:
    return name.strip().casefold()


class SourceFields:
    """The columns of one source file, looked up case-insensitively and by their Shape-truncated form."""

    def __init__(self, names: Iterable[str]):
        self.names = list(names)
        self._exact = {}
        for name in self.names:
            self._exact.setdefault(_fold(name), name)

    def find(self, wanted: str) -> Optional[str]:
        """The column of the source that is ``wanted`` (None when there is none)."""
        folded = _fold(wanted)
        if folded in self._exact:
            return self._exact[folded]
        if len(folded) > DBF_NAME_LENGTH:
            return self._exact.get(folded[:DBF_NAME_LENGTH])
        return None

    def first(self, candidates: Sequence[str]) -> Optional[str]:
        """The first of ``candidates`` the source has."""
        for wanted in candidates:
            found = self.find(wanted)
            if found is not None:
                return found
        return None

    def all_of(self, candidates: Sequence[str]) -> list[str]:
        """Every one of ``candidates`` the source has, in the candidates' order (no duplicates)."""
        found: list[str] = []
        for wanted in candidates:
            name = self.find(wanted)
            if name is not None and name not in found:
                found.append(name)
        return found
