"""Deterministic demo twin of central Östersund: ``generate_twin()`` writes a GeoPackage (no QGIS needed).

Run it as ``python3 -m demo --output PATH`` from the repository root (see ``__main__.py``); ``make demo`` does.
It is a development tool: the built plugin does not contain it, only the GeoPackage it writes.
"""

from .cases import KNOWN_CASES
from .generator import DEFAULT_SEED, TwinStats, generate_twin
from .schema import TABLES

__all__ = ["DEFAULT_SEED", "KNOWN_CASES", "TABLES", "TwinStats", "generate_twin"]
