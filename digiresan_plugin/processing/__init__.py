"""Digiresan's Processing provider; :func:`register_provider` / :func:`unregister_provider` for the plugin."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsApplication

_provider = None


def register_provider():
    """Add the Digiresan provider to the Processing registry once; returns it."""
    global _provider
    from .provider import DigiresanProvider

    registry = QgsApplication.processingRegistry()
    if _provider is None or registry.providerById(_provider.id()) is None:
        _provider = DigiresanProvider()
        if not registry.addProvider(_provider):
            _provider = None
    return _provider


def unregister_provider() -> None:
    """Remove the provider added by :func:`register_provider` (safe to call twice)."""
    global _provider
    provider: Optional[object] = _provider
    _provider = None
    if provider is not None and QgsApplication.processingRegistry().providerById(provider.id()) is not None:
        QgsApplication.processingRegistry().removeProvider(provider)
