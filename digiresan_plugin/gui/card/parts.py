"""The card's widgets, kept from one card to the next.

A part with the same place and shape (the header, a notice box of one severity, the subject's attributes, a section
of the same id and kind) only gets its new HTML and title, so a click does not build, lay out and delete a dozen
widgets; sections fold as the user left them (this session).
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import QFrame, QVBoxLayout, QWidget

from ...core.identify.report import Section
from ...core.identify.sections import kind_of
from .browser import AutoHeightBrowser
from .formatting import esc
from .render import CardRenderer
from .sections import renderer_for
from .theme import NOTICES

ATTRIBUTES_ID = "__attributes__"


@dataclasses.dataclass
class Part:
    """One part of the card: its outer widget, the browser showing its HTML, the HTML shown, extra widgets."""

    widget: QWidget
    browser: AutoHeightBrowser
    html: str
    extra: list = dataclasses.field(default_factory=list)


class CardParts:
    """Lays a rendered report out in ``layout`` (of ``content``), reusing the previous card's widgets."""

    def __init__(self, content: QWidget, layout: QVBoxLayout, on_anchor: Callable[[QUrl], None]):
        self.content = content
        self.layout = layout
        self.on_anchor = on_anchor
        self.boxes: dict[str, QgsCollapsibleGroupBox] = {}
        self.parts: dict[tuple, Part] = {}
        self.collapsed: dict[str, bool] = {}  # sections the user folded or unfolded (this session)
        self.defaults: dict[str, bool] = {}  # each box's fold when the user has not chosen (empty sections folded)
        self._renderer: CardRenderer | None = None

    def clear(self) -> None:
        """Remove every widget (the parts and anything else in the layout)."""
        self.boxes.clear()
        self.parts.clear()
        while self.layout.count():
            item = self.layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def show(self, renderer: CardRenderer) -> None:
        """Lay out ``renderer``'s report: header, notices by severity, attributes, sections."""
        self._renderer = renderer
        old_parts, self.parts = self.parts, {}
        self.boxes.clear()
        wanted: list[QWidget] = []
        self.content.setUpdatesEnabled(False)
        try:
            header = renderer.header_html()
            wanted.append(self._part(old_parts, ("header",), lambda: self._text_part(header), header).widget)
            for severity, background, border, ink in NOTICES:
                html = renderer.warnings_html(severity)
                if html:
                    heading = (f'<p style="margin:0 0 2px 0; color:{ink}"><b>'
                               f'{esc(renderer.warnings_heading(severity))}</b></p>')
                    text = f'<div style="color:{ink}">{heading}{html}</div>'
                    wanted.append(self._part(old_parts, ("notice", severity), lambda s=severity, t=text, b=background,
                                             e=border: self._notice_part(s, t, b, e), text).widget)
            attributes = renderer.subject_html()
            if attributes:
                title = renderer.attributes_title()
                wanted.append(self._part(old_parts, ("box", ATTRIBUTES_ID, ""), lambda: self._box_part(
                    ATTRIBUTES_ID, title, [], attributes), attributes, title).widget)
            for section in renderer.report.sections:
                wanted.append(self._section_part(old_parts, section).widget)
            for key, part in old_parts.items():
                if key not in self.parts:
                    part.widget.hide()
                    part.widget.deleteLater()
            self._arrange(wanted, {p.widget for p in old_parts.values()})
        finally:
            self.content.setUpdatesEnabled(True)

    def _arrange(self, wanted: list[QWidget], kept: set[QWidget]) -> None:
        """The layout holds ``wanted`` in order, then a stretch. Only what differs from the last card moves (a notice
        box more or less, another section), so Qt does not lay the whole card out again."""
        layout = self.layout
        for index, widget in enumerate(wanted):
            item = layout.itemAt(index)
            if item is not None and item.widget() is widget:
                continue
            if layout.indexOf(widget) >= 0:
                layout.removeWidget(widget)
            layout.insertWidget(index, widget)
            widget.show()
        while layout.count() > len(wanted):  # the previous card's leftovers, the hint of an empty card
            item = layout.itemAt(len(wanted))
            if item.spacerItem() is not None and layout.count() == len(wanted) + 1:
                return  # the stretch below the card stays
            widget = layout.takeAt(len(wanted)).widget()
            if widget is not None and widget not in kept:
                widget.hide()
                widget.deleteLater()
        layout.addStretch(1)

    def replace_section(self, renderer: CardRenderer, section: Section) -> None:
        """Show ``section`` in a new box where the box of the same id is (e.g. all items after "show all")."""
        self._renderer = renderer
        old_box = self.boxes.get(str(section.id or ""))
        if old_box is None:
            return
        index = self.layout.indexOf(old_box)
        for key, part in list(self.parts.items()):
            if part.widget is old_box:
                del self.parts[key]
        new_box = self._section_part({}, section).widget
        self.layout.insertWidget(index, new_box)
        self.layout.removeWidget(old_box)
        old_box.deleteLater()

    # -- parts -----------------------------------------------------------------------------
    def _part(self, old_parts: dict, key: tuple, make: Callable[[], Part], html: str,
              title: str | None = None, folded: bool = False) -> Part:
        """The card part ``key``: the old one with new HTML (and title), or a new one. A box is ``folded`` unless the
        user chose otherwise for its section."""
        if key[0] == "box":
            self.defaults[key[1]] = folded
        part = old_parts.get(key)
        if part is None:
            part = make()
        if part.html != html:
            part.browser.show_html(html)
            part.html = html
        if title is not None and isinstance(part.widget, QgsCollapsibleGroupBox) and part.widget.title() != title:
            part.widget.setTitle(title)
        self.parts[key] = part
        if isinstance(part.widget, QgsCollapsibleGroupBox):
            self.boxes[key[1]] = part.widget
            collapsed = self.collapsed.get(key[1], folded)
            if part.widget.isCollapsed() != collapsed:
                part.widget.setCollapsed(collapsed)
        return part

    def _text_part(self, html: str) -> Part:
        browser = self._browser(html, self.content)
        return Part(browser, browser, html)

    def _notice_part(self, severity: str, html: str, background: str, border: str) -> Part:
        frame = QFrame(self.content)
        frame.setObjectName(f"{severity}Box")
        frame.setStyleSheet(f"#{severity}Box {{ background: {background}; border: 1px solid {border}; "
                            f"border-left: 4px solid {border}; border-radius: 3px; }}")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(6, 4, 6, 4)
        browser = self._browser(html, frame)
        layout.addWidget(browser)
        return Part(frame, browser, html)

    def _section_part(self, old_parts: dict, section: Section) -> Part:
        renderer = self._renderer
        kind_renderer = renderer_for(section.kind)
        empty = not section.error and not section.items and kind_of(section.kind).lists_items
        box_id = str(section.id or "")
        key = ("box", box_id, section.kind)  # an empty section is the same box, folded
        html = renderer.section_html(section, chart=False)
        old = old_parts.get(key)
        if old is not None and not kind_renderer.update_widgets(renderer, section, old.extra):
            old_parts.pop(key, None)  # its widgets cannot show this section: a new box
        title = renderer.section_title(section)
        return self._part(old_parts, key, lambda: self._box_part(
            box_id, title, kind_renderer.widgets(renderer, section, self.content), html), html, title, empty)

    def _box_part(self, box_id: str, title: str, extra: list[QWidget], html: str = "") -> Part:
        browser = self._browser(html, self.content)
        return Part(self._box(box_id, title, extra + [browser]), browser, html, extra)

    # -- widgets ---------------------------------------------------------------------------
    def _browser(self, html: str, parent: QWidget) -> AutoHeightBrowser:
        browser = AutoHeightBrowser(html, parent, self._body_font())
        browser.anchorClicked.connect(self.on_anchor)
        return browser

    def _body_font(self) -> QFont:
        font = QFont(self.content.font())
        font.setBold(False)  # explicit, or the text in a section inherits the section title's bold
        return font

    def _box(self, box_id: str, title: str, widgets: list[QWidget]) -> QgsCollapsibleGroupBox:
        box = QgsCollapsibleGroupBox(title, self.content)
        box.setObjectName(f"section_{box_id}")
        box.setSaveCollapsedState(False)
        font = QFont(box.font())
        font.setBold(True)
        box.setFont(font)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        for widget in widgets:
            if not isinstance(widget, AutoHeightBrowser):
                widget.setFont(self._body_font())
            layout.addWidget(widget)
        box.setCollapsed(self.collapsed.get(box_id, self.defaults.get(box_id, False)))
        box.collapsedStateChanged.connect(lambda state, key=box_id: self._folded(key, state))
        self.boxes[box_id] = box
        return box

    def _folded(self, box_id: str, collapsed: bool) -> None:
        """Remember a fold the user made (the box also reports its state when first shown: not a choice)."""
        if box_id in self.collapsed or collapsed != self.defaults.get(box_id, False):
            self.collapsed[box_id] = collapsed
