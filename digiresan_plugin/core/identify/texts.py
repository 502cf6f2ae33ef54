"""Report texts in English and Swedish.

The report's language is a parameter of the engine (the same report may be built for a Swedish card and an
English Processing run), so these are looked up by language rather than through the Qt translator.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
    "nothing_here": {"en": "Nothing found here", "sv": "Inget hittat här"},
    "warnings": {"en": "Warnings", "sv": "Varningar"},
    "truncated": {"en": "Showing {shown} of {total}", "sv": "Visar {shown} av {total}"},
    "layer_missing": {
        "en": "Layer '{title}' ({layer}) is not in the project",
        "sv": "Lagret '{title}' ({layer}) finns inte i projektet",
    },
    "missing_layer_warning": {
        "en": "Layer '{title}' ({layer}) is not in the project: {what} not shown or not checked",
        "sv": "Lagret '{title}' ({layer}) finns inte i projektet: {what} visas inte eller kontrolleras inte",
    },
    "section_failed": {
        "en": "Layer '{title}' ({layer}) could not be read: {error}",
        "sv": "Lagret '{title}' ({layer}) kunde inte läsas: {error}",
    },
    "fallback_nearest": {
        "en": "No twin feature under the cursor: nearest {layer_title} {distance} m away",
        "sv": "Inget tvillingobjekt under markören: närmaste {layer_title} {distance} m bort",
    },
    "fallback_at_point": {
        "en": "No twin feature under the cursor: {layer_title} at the point (no {nearest_title} within {max} m)",
        "sv": "Inget tvillingobjekt under markören: {layer_title} på platsen (inget {nearest_title} inom {max} m)",
    },
    "fallback_none": {
        "en": "No twin feature under the cursor and nothing within {max} m",
        "sv": "Inget tvillingobjekt under markören och inget inom {max} m",
    },
    "at_point_title": {"en": "{layer_title} at this point", "sv": "{layer_title} på platsen"},
    "unreadable_value": {
        "en": "Unreadable value: {field} of {layer} {feature} is '{raw}', not a {expected}; it is shown as empty and "
              "the rules using it could not be checked",
        "sv": "Oläsligt värde: {field} för {layer} {feature} är '{raw}', inte {expected}; det visas som tomt och "
              "reglerna som använder det kunde inte kontrolleras",
    },
    "expected_integer": {"en": "whole number", "sv": "ett heltal"},
    "expected_number": {"en": "number", "sv": "ett tal"},
    "expected_date": {"en": "date (YYYY-MM-DD)", "sv": "ett datum (ÅÅÅÅ-MM-DD)"},
    "expected_datetime": {"en": "date and time", "sv": "en tidpunkt"},
    "moratorium": {
        "en": "Permit {permit} ({start} – {end}) digs in {segment}, paved {paved}: "
        "within the {years}-year moratorium (until {until})",
        "sv": "Grävtillstånd {permit} ({start} – {end}) gräver i {segment}, belagd {paved}: "
        "inom {years} års grävstopp (till {until})",
    },
    "permit_overlap": {
        "en": "Permits {a} and {b} overlap in time on {segment}: {start} – {end}",
        "sv": "Grävtillstånden {a} och {b} överlappar i tid på {segment}: {start} – {end}",
    },
    "dig_before_paving": {
        "en": "Permit {permit} digs in {segment}, where paving is planned in {years}{treatment}: dig first, then pave",
        "sv": "Grävtillstånd {permit} gräver i {segment} där beläggning planeras {years}{treatment}: "
        "gräv först, belägg sedan",
    },
    "improving": {"en": "Improving", "sv": "Förbättras"},
    "worsening": {"en": "Worsening", "sv": "Försämras"},
    "stable": {"en": "Stable", "sv": "Oförändrat"},
    "single_inspection": {"en": "One inspection only", "sv": "Endast en mätning"},
    "since": {"en": "since", "sv": "sedan"},
    "all_inspections": {"en": "All inspections", "sv": "Alla mätningar"},
    "and": {"en": "and", "sv": "och"},
    "peak_text": {"en": "Peak hours {peaks}", "sv": "Högtrafik {peaks}"},
    "aadt_text": {"en": "ÅDT {aadt}", "sv": "ÅDT {aadt}"},
    "open_ended": {"en": "open-ended", "sv": "tillsvidare"},
    "ideas_title": {"en": "Digiresan ideas", "sv": "Digiresan-idéer"},
    "ideas_reference": {"en": "Reference", "sv": "Referens"},
    "ideas_title_column": {"en": "Title", "sv": "Titel"},
    "ideas_status": {"en": "Status", "sv": "Status"},
    "ideas_linked": {"en": "linked to this feature", "sv": "kopplad till objektet"},
    "ideas_located": {"en": "located here", "sv": "ligger här"},
    "history_title": {"en": "Edit history", "sv": "Ändringshistorik"},
    "history_last": {"en": "Last changed {when} by {who}", "sv": "Senast ändrad {when} av {who}"},
    "history_when": {"en": "When", "sv": "När"},
    "history_who": {"en": "By", "sv": "Av"},
    "history_change": {"en": "Change", "sv": "Ändring"},
    "history_added": {"en": "added", "sv": "tillagd"},
    "history_removed": {"en": "removed", "sv": "borttagen"},
    "history_unreadable": {"en": "The edit history could not be read: {error}",
                           "sv": "Ändringshistoriken kunde inte läsas: {error}"},
}


def message(key: str, language: str, **values: Any) -> str:
    """The ``key`` text in ``language`` (Swedish for any 'sv…' locale, else English), formatted."""
    texts = MESSAGES[key]
    template = texts["sv"] if (language or "").startswith("sv") else texts["en"]
    return template.format(**values) if values else template


def join_list(parts: list[str], language: str) -> str:
    """'a', 'a and b', 'a, b and c' (Swedish 'och')."""
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} {message('and', language)} {parts[-1]}"
