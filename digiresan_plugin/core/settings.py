"""Plugin settings, all under one ``QgsSettings`` prefix."""

from __future__ import annotations

from typing import Any

from qgis.core import QgsSettings

PREFIX = "digiresan/"

DEFAULTS: dict[str, Any] = {
    "dig_moratorium_years": 3,
    "twin_source": "",  # "" = embedded demo twin; else a source URI (see twin_source.py)
    "coordinator_mode": False,
    "related_feature_cap": 200,
    "ideas_source": "",  # "" = the twin source; else gpkg:/pgservice:/postgres: or an https export URL
    "ideas_authcfg": "",  # QGIS auth manager id for the ideas export's token (never the token itself)
}


def get(key: str, default: Any = None) -> Any:
    """Read ``digiresan/<key>``, typed like its default."""
    fallback = DEFAULTS.get(key) if default is None else default
    kwargs = {"type": type(fallback)} if isinstance(fallback, (bool, int, float)) else {}
    return QgsSettings().value(PREFIX + key, fallback, **kwargs)


def set_value(key: str, value: Any) -> None:
    QgsSettings().setValue(PREFIX + key, value)
