"""Plugin settings: every key is declared here, read and written under one ``QgsSettings`` prefix.

QGIS's own keys that the plugin reads (locale, highlight colour, …) go through :func:`qgis_value`, so no other
module touches ``QgsSettings`` directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QObject, pyqtSignal

PREFIX = "digiresan/"


@dataclass(frozen=True)
class Setting:
    """One plugin setting: its key (under :data:`PREFIX`), default and what it is for."""

    key: str
    default: Any
    doc: str


REGISTRY: dict[str, Setting] = {s.key: s for s in (
    Setting("dig_moratorium_years", 3, "years after paving during which digging is a conflict"),
    Setting("twin_source", "", '"" = embedded demo twin; else a source string (see twin_source.py)'),
    Setting("ideas_planner_view", False, "narrow the ideas dock to a planner's view (no editing, no personal data) "
            "even when the source's role allows more; the role itself comes from the source"),
    Setting("related_feature_cap", 200, "related features listed per card section before 'show all'"),
    Setting("ideas_source", "", '"" = the twin source; else gpkg:/pgservice:/postgres: or an https export URL'),
    Setting("ideas_authcfg", "", "QGIS auth manager id for the ideas export's token (never the token itself)"),
    Setting("card_export_dir", "", "folder of the last card export"),
    Setting("maintenance_model", "", '"" = the bundled resources/maintenance_model.json; else a model JSON file'),
    Setting("documents_folder", "", "folder for relative document paths when the twin has no file (PostGIS)"),
    Setting("programme_first_year", 0, "first of the ideas programme's three years; 0 = from the ideas' dates"),
    Setting("dock_layout", "", 'JSON: where the user put the docks (gui/dock_layout.py); "" = the default layout'),
    Setting("postgis_direct_read", True, "read PostGIS twin layers for the card straight through psycopg2 "
            "(core/identify/pg_reader.py); off: every read goes through QGIS's postgres provider"),
    Setting("dig_notice_months", 3, "months before a planned paving that the 'dig now' notice starts"),
    Setting("work_window_hours", 6, "hours of a permit's daily work window (the quietest hours on the street)"),
)}

# kept for callers that list the defaults
DEFAULTS: dict[str, Any] = {key: s.default for key, s in REGISTRY.items()}


def setting(key: str) -> Setting:
    """The declared setting ``key``; KeyError naming the key when it is not declared."""
    try:
        return REGISTRY[key]
    except KeyError:
        raise KeyError(f"'{key}' is not a Digiresan setting (declared: {', '.join(sorted(REGISTRY))})") from None


def get(key: str, default: Any = None) -> Any:
    """Read ``digiresan/<key>``, typed like its default (``default`` overrides the declared one)."""
    fallback = setting(key).default if default is None else default
    kwargs = {"type": type(fallback)} if isinstance(fallback, (bool, int, float)) else {}
    return QgsSettings().value(PREFIX + key, fallback, **kwargs)


class SettingsNotifier(QObject):
    """``changed(key)`` after :func:`set_value` changed a Digiresan setting (the docks follow at once)."""

    changed = pyqtSignal(str)


_NOTIFIER: Optional[SettingsNotifier] = None


def notifier() -> SettingsNotifier:
    """The one notifier of setting changes (made on first use)."""
    global _NOTIFIER  # noqa: PLW0603 - one process-wide notifier
    if _NOTIFIER is None:
        _NOTIFIER = SettingsNotifier()
    return _NOTIFIER


def set_value(key: str, value: Any) -> None:
    """Write ``digiresan/<key>``; ``notifier().changed`` tells when the stored value changed."""
    declared = setting(key)
    before = get(key)
    QgsSettings().setValue(PREFIX + key, value)
    after = get(key)
    if before != after or type(declared.default) not in (bool, int, float, str):
        notifier().changed.emit(key)


def qgis_value(key: str, default: Any, kind: Optional[type] = None) -> Any:
    """A QGIS setting outside the plugin's prefix (e.g. ``locale/userLocale``), read-only."""
    kind = kind or (type(default) if default is not None else str)
    return QgsSettings().value(key, default, type=kind)
