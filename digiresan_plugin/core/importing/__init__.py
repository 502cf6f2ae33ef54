"""Import the municipality's own data into the twin: mapped by a preset or user mapping, checked against the
catalog, upserted by key in one transaction (see ``docs/architecture.md`` → Import)."""

from .mapping import Mapping, MappingError, load_mapping, preset_ids, read_mapping
from .results import ImportCancelledError, ImportResult, Rejection
from .runner import MODES, Importer, run_import
from .source import SourceError
from .writer import WriteError

__all__ = ["MODES", "ImportCancelledError", "ImportResult", "Importer", "Mapping", "MappingError", "Rejection",
           "SourceError", "WriteError", "load_mapping", "preset_ids", "read_mapping", "run_import"]
