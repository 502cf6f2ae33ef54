"""The ideas' statuses, themes and submitter categories in the UI language; the data stay Swedish.

Each stored value has an English label marked for translation (context ``IdeasVocabulary``); the Swedish
translation is the stored value itself, so a Swedish UI shows the municipality's own words and an English UI the
English ones. A value the vocabulary does not know is shown as stored.
"""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the marker pylupdate5 looks for
    return text


LABELS = {
    # statuses
    "Inkommen": QT_TRANSLATE_NOOP("IdeasVocabulary", "Received"),
    "Under bedömning": QT_TRANSLATE_NOOP("IdeasVocabulary", "Under review"),
    "Beviljad": QT_TRANSLATE_NOOP("IdeasVocabulary", "Granted"),
    "Delvis beviljad": QT_TRANSLATE_NOOP("IdeasVocabulary", "Partly granted"),
    "Genomförd utan medel": QT_TRANSLATE_NOOP("IdeasVocabulary", "Done without funding"),
    "Avslagen": QT_TRANSLATE_NOOP("IdeasVocabulary", "Rejected"),
    "Genomförd": QT_TRANSLATE_NOOP("IdeasVocabulary", "Done"),
    "Återkallad": QT_TRANSLATE_NOOP("IdeasVocabulary", "Withdrawn"),
    # themes
    "skola": QT_TRANSLATE_NOOP("IdeasVocabulary", "school"),
    "vård och omsorg": QT_TRANSLATE_NOOP("IdeasVocabulary", "health and social care"),
    "samhällsbyggnad": QT_TRANSLATE_NOOP("IdeasVocabulary", "urban development"),
    "administration": QT_TRANSLATE_NOOP("IdeasVocabulary", "administration"),
    "kultur och fritid": QT_TRANSLATE_NOOP("IdeasVocabulary", "culture and leisure"),
    "miljö": QT_TRANSLATE_NOOP("IdeasVocabulary", "environment"),
    # submitter categories
    "medarbetare": QT_TRANSLATE_NOOP("IdeasVocabulary", "employee"),
    "invånare": QT_TRANSLATE_NOOP("IdeasVocabulary", "resident"),
    "företag": QT_TRANSLATE_NOOP("IdeasVocabulary", "business"),
    "organisation": QT_TRANSLATE_NOOP("IdeasVocabulary", "organisation"),
}

#: the fields whose values :func:`label` translates
VOCABULARY_FIELDS = frozenset({"status", "theme", "submitter_category"})


def label(value: Optional[str]) -> Optional[str]:
    """A stored status, theme or category in the UI language (None stays None; unknown values as stored)."""
    if value is None:
        return None
    english = LABELS.get(value)
    return value if english is None else QCoreApplication.translate("IdeasVocabulary", english)


def field_value_label(field: str, value: Optional[str]) -> Optional[str]:
    """``value`` of ``field`` for the user: translated for the vocabulary fields, else as it is."""
    return label(value) if field in VOCABULARY_FIELDS else value
