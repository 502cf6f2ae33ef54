"""Long values never freeze a view: at most :data:`CAP` characters of a value are rendered, with a "Show all" link
(``fulltext:<key>``) that opens the whole text in a plain-text viewer (which lays out a megabyte at once).

A 100 KB word without a break took QGIS's rich-text layout 1.6 s, 1 MB over two minutes; 2 000 characters are
instant. The full texts are kept in a small registry (the latest :data:`KEEP`), looked up when a link is followed.
"""

from __future__ import annotations

import hashlib
import html
from collections import OrderedDict
from typing import Any, Optional

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QTextOption
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

CAP = 2000
KEEP = 64
TEXT_SCHEME = "fulltext"
_TEXTS: "OrderedDict[str, str]" = OrderedDict()


def capped_html(value: Any, cap: int = CAP) -> str:
    """``value`` HTML-escaped (line breaks kept); beyond ``cap`` characters cut, with a "Show all" link."""
    text = str(value)
    if len(text) <= cap:
        return html.escape(text, quote=True).replace("\n", "<br>")
    key = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    _TEXTS[key] = text
    _TEXTS.move_to_end(key)
    while len(_TEXTS) > KEEP:
        _TEXTS.popitem(last=False)
    shown = html.escape(text[:cap], quote=True).replace("\n", "<br>")
    label = html.escape(QCoreApplication.translate("LongText", "Show all ({n} characters)").format(n=len(text)))
    return f'{shown}… <a href="{TEXT_SCHEME}:{key}">{label}</a>'


def full_text(href: str) -> Optional[str]:
    """The whole text behind a ``fulltext:`` link (None: not such a link, or no longer kept)."""
    scheme, _, key = href.partition(":")
    return _TEXTS.get(key) if scheme == TEXT_SCHEME else None


def show_full_text(parent: Optional[QWidget], text: str, title: str = "") -> QDialog:
    """A non-modal plain-text window with ``text`` (read-only, wrapped anywhere)."""
    dialog = QDialog(parent)
    dialog.setObjectName("fullTextDialog")
    dialog.setWindowTitle(title or QCoreApplication.translate("LongText", "Full text"))
    layout = QVBoxLayout(dialog)
    view = QPlainTextEdit(dialog)
    view.setObjectName("fullText")
    view.setReadOnly(True)
    view.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
    view.setPlainText(text)
    layout.addWidget(view)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)
    dialog.resize(640, 480)
    dialog.show()
    return dialog


def open_if_full_text(parent: Optional[QWidget], href: str) -> bool:
    """Open the viewer when ``href`` is a ``fulltext:`` link; True when it was one."""
    text = full_text(href)
    if text is None:
        return href.startswith(f"{TEXT_SCHEME}:")
    parent_dialogs = getattr(parent, "_full_text_dialogs", None)
    dialog = show_full_text(parent, text)
    if parent is not None:
        if parent_dialogs is None:
            parent._full_text_dialogs = parent_dialogs = []
        parent_dialogs.append(dialog)
    return True


__all__ = ["CAP", "TEXT_SCHEME", "capped_html", "full_text", "open_if_full_text", "show_full_text"]
