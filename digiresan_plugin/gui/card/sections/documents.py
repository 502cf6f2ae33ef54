"""Kind ``documents`` on the card: each document's title opens its file or address (the system's handler); a file
that is not there is marked missing, with the path it was looked for at."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

from ....core.identify.display import item_title, item_value, kept_columns
from ....core.identify.report import Section
from ..formatting import NOWRAP, esc
from ..theme import ERROR_INK, HEAD_BG, ZEBRA_BG
from .base import Card, SectionRenderer

translate = QCoreApplication.translate


class DocumentsRenderer(SectionRenderer):
    """Title (a link when the file is there), the section's columns, "missing" for a file not found."""

    def items_html(self, card: Card, section: Section) -> str:
        fmt = card.fmt
        title_label, kept = kept_columns(section, section.items)
        head = "".join(f'<th align="left" bgcolor="{HEAD_BG}" style="font-size:small">{esc(h)}</th>'
                       for h in [title_label] + [c.label or c.field for c in kept])
        rows = []
        for i, item in enumerate(section.items):
            extra = item.extra
            title = item_title(section, item, fmt)
            href = extra.get("href")
            cell = f'<a href="{esc(href)}">{esc(title)}</a>' if href else esc(title)
            if extra.get("missing"):
                missing = translate("CardRenderer", "file missing: {path}").format(path=extra.get("path") or "")
                cell += f'<br><span style="color:{ERROR_INK}; font-size:small">{esc(missing)}</span>'
            cells = [cell] + [esc(item_value(item, c, fmt)) for c in kept]
            bg = f' bgcolor="{ZEBRA_BG}"' if i % 2 else ""
            rows.append(f"<tr{bg}>" + "".join(
                f'<td valign="top"{NOWRAP if j else ""}>{c}</td>' for j, c in enumerate(cells)) + "</tr>")
        return (f'<table cellspacing="0" cellpadding="3" width="100%"><thead><tr>{head}</tr></thead>'
                f'{"".join(rows)}</table>')
