"""The twin card: a :class:`~digiresan_plugin.core.identify.TwinReport` drawn as foldable sections in a dock.

``dock`` (TwinCardDock) shows a report; ``render`` (CardRenderer) turns it into HTML fragments, ``sections/``
has one renderer per section kind (as ``core/identify/sections``), ``chart`` the hourly chart widget,
``highlight`` the subject on the map, ``links`` the card's hrefs, ``theme`` colours and HTML templates
(``resources/card``), ``formatting`` HTML escaping. Copy-as-text, CSV and JSON: ``core/identify/export``.
"""
