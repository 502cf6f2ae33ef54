"""A Processing feedback that keeps every error it is told."""

from __future__ import annotations

from qgis.core import QgsProcessingFeedback


class KeepingFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors: list[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 - QGIS API
        self.errors.append(error)
        super().reportError(error, fatalError)

    def text(self) -> str:
        return "\n".join(self.errors)
