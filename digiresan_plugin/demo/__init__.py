"""Deterministic demo twin of central Östersund: ``generate_twin()`` writes a GeoPackage (no QGIS needed).

Run it as ``python -m digiresan_plugin.demo --output PATH`` (see ``__main__.py``).
"""

from .generator import DEFAULT_SEED, KNOWN_CASES, TABLES, TwinStats, generate_twin

__all__ = ["DEFAULT_SEED", "KNOWN_CASES", "TABLES", "TwinStats", "generate_twin"]
