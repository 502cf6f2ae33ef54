"""Every part of a catalog read at once, so a mistake shows when the catalog loads — with the file, the key and
what was expected — not at the first click, search, board or quality run that reads that part."""

from __future__ import annotations

from .catalog import Catalog
from .coordination.config import parse_coordination
from .cross_streets import streets_spec
from .domains import field_domains
from .identify.config import identify_config
from .maintenance_spec import maintenance_spec
from .quality.config import quality_rules


def check_catalog(catalog: Catalog) -> Catalog:
    """``catalog`` when each of its parts reads (identify, domains and field rules, streets, quality rules,
    coordination, maintenance relations); else :class:`~.catalog.CatalogError` for the first that does not."""
    config = identify_config(catalog)
    field_domains(catalog)
    streets_spec(catalog)
    quality_rules(catalog)
    parse_coordination(catalog, config.relations)
    maintenance_spec(catalog)
    return catalog


__all__ = ["check_catalog"]
