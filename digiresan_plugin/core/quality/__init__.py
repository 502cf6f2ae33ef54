"""The twin's quality report: every problem of the data, by layer, key and field (see :mod:`.runner`)."""

from .model import ERROR, WARNING, Problem, QualityReport
from .runner import check_twin
from .sources import LayerInput, prepare_inputs

__all__ = ["ERROR", "WARNING", "LayerInput", "Problem", "QualityReport", "check_twin", "prepare_inputs"]
