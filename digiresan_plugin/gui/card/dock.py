"""The "Twin card" dock: shows one twin report as foldable sections, warnings first.

The dock reads nothing but the report and, for map interaction, the project's twin layers: clicking a related
feature flashes and selects it, and the report's subject is highlighted on the canvas while the card is shown.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Callable, Mapping, Optional, Union

from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer
from qgis.gui import QgsCollapsibleGroupBox, QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QMimeData, QSize, Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices, QPalette
from qgis.PyQt.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...core import settings
from ...core.identify.export import report_to_text, write_csv, write_json
from ...core.identify.report import ReportLike, Section, TwinReport, as_report, as_section
from ...core.layers import twin_layer
from ...core.log import get_logger
from ..base_dock import DigiresanDock
from ..long_text import open_if_full_text
from ..qt_compat import QAction
from .highlight import SubjectHighlight, subject_geometry
from .links import CARD_SCHEME, FEATURE_SCHEME, IDEA_SCHEME, SHOW_ALL_SCHEME, is_external, parse_href
from .parts import CardParts
from .render import CardRenderer
from .theme import MUTED, NOTICES

LOG = get_logger(__name__)

LayerFor = Callable[[str], Optional[QgsVectorLayer]]


class TwinCardDock(DigiresanDock):
    """Shows one twin report: header, warnings first, then foldable sections; copy and export it."""

    featureActivated = pyqtSignal(str, int)  # noqa: N815 - Qt signal; catalog layer id, feature id
    cardRequested = pyqtSignal(str, int)  # noqa: N815 - Qt signal; "Also here": the card of layer id, feature id
    ideaRequested = pyqtSignal(int)  # noqa: N815 - Qt signal; an idea's id (open it in the ideas dock)
    showAllRequested = pyqtSignal(str)  # noqa: N815 - Qt signal; section id
    helpRequested = pyqtSignal()  # noqa: N815 - Qt signal

    def __init__(
        self,
        canvas: Optional[QgsMapCanvas] = None,
        parent: Optional[QWidget] = None,
        layer_for: Optional[LayerFor] = None,
        message_bar: Optional[QgsMessageBar] = None,
    ):
        super().__init__(parent, message_bar)
        self.setWindowTitle(self.tr("Twin card"))
        self.message_title = self.tr("Twin card")
        self.setObjectName("DigiresanTwinCardDock")
        self.canvas = canvas
        self._layer_for: LayerFor = layer_for or (lambda layer_id: twin_layer(QgsProject.instance(), layer_id))
        self._report: Optional[TwinReport] = None
        self._renderer: Optional[CardRenderer] = None
        self._highlight = SubjectHighlight(canvas)
        self._build()
        self.parts = CardParts(self.content, self.content_layout, self._on_anchor)
        project = QgsProject.instance()
        self._signals.connect(project.layersWillBeRemoved, self._layers_removed)
        self._signals.connect(project.cleared, self.clear)
        self._signals.connect(self.closed, self._highlight.remove)
        self._signals.connect(self.opened, self._highlight_subject)
        self.clear()

    # -- widgets ---------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.toolbar = QToolBar(body)
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.copy_action = self._action("mActionEditCopy.svg", self.tr("Copy as text"), self.tr("Copy"),
                                        self.tr("Copy the card to the clipboard (text, and formatted for mail "
                                                "and word processors)"), self.copy_to_clipboard)
        self.json_action = self._action("mActionFileSave.svg", self.tr("Export JSON…"), self.tr("JSON"),
                                        self.tr("Save the report as a JSON file"), lambda: self._export("json"))
        self.csv_action = self._action("mActionOpenTable.svg", self.tr("Export CSV…"), self.tr("CSV"),
                                       self.tr("Save the report as a CSV table (one row per value)"),
                                       lambda: self._export("csv"))
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.help_action = self._action("mActionHelpContents.svg", self.tr("Help"), "",
                                        self.tr("How to read the twin card"), self.helpRequested.emit)
        self.toolbar.widgetForAction(self.help_action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        layout.addWidget(self.toolbar)

        self.scroll = QScrollArea(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.content = QWidget(self.scroll)
        self.content.setObjectName("twinCardContent")
        self.content.setAutoFillBackground(True)
        palette = self.content.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self.content.setPalette(palette)
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(8, 6, 8, 8)
        self.content_layout.setSpacing(6)
        self.scroll.setWidget(self.content)
        layout.addWidget(self.scroll)
        self.setWidget(body)

    def _action(self, icon: str, text: str, icon_text: str, tip: str, slot: Callable) -> QAction:
        action = QAction(QgsApplication.getThemeIcon(icon), text, self)
        if icon_text:
            action.setIconText(icon_text)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        return action

    # -- public API ------------------------------------------------------------------------
    @property
    def report(self) -> Optional[TwinReport]:
        return self._report

    @property
    def highlight(self):
        """The subject's ``QgsHighlight`` on the canvas (None: none shown)."""
        return self._highlight.item

    def show_report(self, report: ReportLike) -> None:
        """Render ``report`` (a :class:`TwinReport`, or its ``to_dict()`` form) and highlight its subject."""
        self._report = as_report(report)
        self._renderer = CardRenderer(self._report)
        self._rebuild()
        self._set_actions_enabled(True)
        self._highlight_subject()

    def clear(self) -> None:
        """No card: a hint instead, no highlight."""
        self._report = None
        self._renderer = None
        self._highlight.remove()
        self._clear_content()
        hint = QLabel(self.tr("Choose the Twin info tool and click on the map: the card shows everything the twin "
                              "knows about the place — condition, signs, excavations, traffic and conflicts."),
                      self.content)
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED}; padding: 12px;")
        self.content_layout.addWidget(hint)
        self.content_layout.addStretch(1)
        self._set_actions_enabled(False)

    def show_failure(self, text: str, retry: Optional[Callable[[], None]] = None) -> None:
        """No card but an error (a failed read is never shown as "nothing here"), with a Retry button."""
        self._report = None
        self._renderer = None
        self._highlight.remove()
        self._clear_content()
        _severity, background, border, ink = NOTICES[0]
        frame = QFrame(self.content)
        frame.setObjectName("failureBox")
        frame.setStyleSheet(f"#failureBox {{ background: {background}; border: 1px solid {border}; "
                            f"border-left: 4px solid {border}; border-radius: 3px; }}")
        layout = QVBoxLayout(frame)
        label = QLabel(text, frame)
        label.setObjectName("failureText")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {ink};")
        layout.addWidget(label)
        if retry is not None:
            button = QPushButton(self.tr("Retry"), frame)
            button.setObjectName("retryButton")
            button.clicked.connect(retry)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.content_layout.addWidget(frame)
        self.content_layout.addStretch(1)
        self._set_actions_enabled(False)

    def update_section(self, section: Union[Section, Mapping]) -> None:
        """Replace one section (same ``id``) of the shown report, e.g. with all items after "show all"."""
        if self._report is None:
            return
        section = as_section(section)
        sections = list(self._report.sections)
        for i, old in enumerate(sections):
            if old.id == section.id:
                sections[i] = section
                break
        else:
            return
        self._report = dataclasses.replace(self._report, sections=sections)
        self._renderer = CardRenderer(self._report)
        self.parts.replace_section(self._renderer, section)

    def section_box(self, section_id: str) -> Optional[QgsCollapsibleGroupBox]:
        """The foldable box of a section (``"__attributes__"`` for the subject's own attributes)."""
        return self.parts.boxes.get(section_id)

    def cleanup(self) -> None:
        """Undo everything outside the widget (highlight, project connections): call before unloading."""
        self._highlight.remove()
        super().cleanup()

    # -- actions ---------------------------------------------------------------------------
    def copy_to_clipboard(self) -> None:
        """The card as plain text, plus HTML for applications that paste formatted text."""
        if self._report is None:
            return
        mime = QMimeData()
        mime.setText(report_to_text(self._report))
        mime.setHtml(self._renderer.card_html())
        QApplication.clipboard().setMimeData(mime)
        self.message(self.tr("The card is on the clipboard (text, and formatted for mail and word processors)"),
                     Qgis.MessageLevel.Success, 3)

    def export_json(self, path: str | Path) -> None:
        write_json(self._report or TwinReport(), path)

    def export_csv(self, path: str | Path) -> None:
        write_csv(self._report or TwinReport(), path, excel=True)

    def _export(self, kind: str) -> None:
        if self._report is None:
            return
        folder = settings.get("card_export_dir", "") or str(Path.home())
        subject = self._report.subject
        name = (subject.key or subject.title) if subject is not None else None
        stem = re.sub(r"[^\w.-]+", "_", str(name or "card")).strip("_")
        default = str(Path(folder) / f"twin_card_{stem or 'card'}.{kind}")
        if kind == "json":
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export twin card as JSON"), default,
                                                  self.tr("JSON (*.json)"))
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export twin card as CSV"), default,
                                                  self.tr("CSV (*.csv)"))
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        try:
            self.export_json(path) if kind == "json" else self.export_csv(path)
        except OSError as exc:
            LOG.error(f"Export of the twin card to {path} failed: {exc}")
            self.message(self.tr("Could not save {path}: {error}").format(path=path, error=exc),
                         Qgis.MessageLevel.Critical, 5)
            return
        settings.set_value("card_export_dir", str(Path(path).parent))
        self.message(self.tr("Twin card saved to {path}").format(path=path), Qgis.MessageLevel.Success, 5)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for action in (self.copy_action, self.json_action, self.csv_action):
            action.setEnabled(enabled)

    # -- links -----------------------------------------------------------------------------
    def open_link(self, href: str) -> None:
        """Follow a card link: a related feature (flash, select), "show all" of a section or of a long value."""
        if open_if_full_text(self, href):
            return
        parsed = parse_href(href)
        if parsed is None:
            if is_external(href):  # a document: its file or address, opened by the system's handler
                QDesktopServices.openUrl(QUrl(href))
            return
        scheme, value = parsed
        if scheme == FEATURE_SCHEME:
            layer_id, fid = value
            self.activate_feature(layer_id, fid)
        elif scheme == CARD_SCHEME:
            layer_id, fid = value
            self.cardRequested.emit(layer_id, fid)
        elif scheme == IDEA_SCHEME:
            self.ideaRequested.emit(value)
        elif scheme == SHOW_ALL_SCHEME:
            self.showAllRequested.emit(value)

    def activate_feature(self, layer_id: str, fid: int) -> None:
        """Select the feature on its layer, bring it into view if needed, flash it."""
        layer = self._layer_for(layer_id)
        if layer is None:
            self.message(self.tr("Layer '{layer}' is not in the project").format(layer=layer_id),
                         Qgis.MessageLevel.Warning, 5)
            return
        layer.selectByIds([fid])
        if self.canvas is not None and layer.isSpatial():
            self.canvas.panToFeatureIds(layer, [fid], False)
            self.canvas.flashFeatureIds(layer, [fid])
        self.featureActivated.emit(layer_id, fid)

    def _on_anchor(self, url: QUrl) -> None:
        self.open_link(url.toString())

    # -- rendering -------------------------------------------------------------------------
    def _clear_content(self) -> None:
        self.parts.clear()

    def _rebuild(self) -> None:
        self.parts.show(self._renderer)
        self.scroll.verticalScrollBar().setValue(0)

    # -- subject highlight -----------------------------------------------------------------
    def _highlight_subject(self) -> None:
        self._highlight.remove()
        subject = self._report.subject if self._report is not None else None
        if self.canvas is None or subject is None or subject.fid is None:
            return
        layer = self._layer_for(str(subject.layer))
        if layer is None or not layer.isSpatial():
            return
        geometry = subject_geometry(subject, layer)
        if geometry is not None:
            self._highlight.show(geometry, layer)

    def _layers_removed(self, layer_ids: list[str]) -> None:
        if self._highlight.layer_id in layer_ids:
            self._highlight.remove()
