"""The "Twin card" dock: renders one twin report (dict, docs/report_schema.md) as foldable sections.

The dock reads nothing but the report and, for map interaction, the project's twin layers: clicking a related
feature flashes and selects it, and the report's subject is highlighted on the canvas while the card is shown.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Callable, Optional

from qgis.core import Qgis, QgsApplication, QgsFeatureRequest, QgsProject, QgsSettings, QgsVectorLayer
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsHighlight, QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QEvent, QMimeData, QPointF, QRectF, QSize, Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPalette
from qgis.PyQt.QtWidgets import (
    QAction,
    QApplication,
    QFileDialog,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core import settings
from ..core.layers import twin_layer
from ..core.log import get_logger
from ..core.signals import SignalBag
from .card_render import (
    BAR_COLOR,
    FEATURE_SCHEME,
    INFO_BG,
    INFO_BORDER,
    INFO_INK,
    INK,
    MUTED,
    PEAK_COLOR,
    SHOW_ALL_SCHEME,
    WARN_BG,
    WARN_BORDER,
    WARN_INK,
    CardRenderer,
    esc,
    hour_label,
    hourly_values,
    parse_href,
    report_to_csv,
    report_to_html,
    report_to_json,
    report_to_text,
)

LOG = get_logger(__name__)

ATTRIBUTES_ID = "__attributes__"
LayerFor = Callable[[str], Optional[QgsVectorLayer]]


class AutoHeightBrowser(QTextBrowser):
    """Rich text as tall as its content: the dock's scroll area scrolls, not each section. Links are signals."""

    def __init__(self, html: str = "", parent: Optional[QWidget] = None, font: Optional[QFont] = None):
        super().__init__(parent)
        if font is not None:
            self.setFont(font)  # before the text: one layout, not two
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setContextMenuPolicy(Qt.DefaultContextMenu)
        self.viewport().setAutoFillBackground(False)
        palette = self.palette()
        palette.setColor(QPalette.Base, Qt.transparent)
        self.setPalette(palette)
        self.document().setDocumentMargin(2)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self.setHtml(html)

    def _fit(self, *_args) -> None:
        width = self.viewport().width()
        if width > 0 and self.document().textWidth() != width:
            self.document().setTextWidth(width)
        height = math.ceil(self.document().size().height()) + 2 * self.frameWidth()
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(200, self.height())


class HourlyChart(QWidget):
    """24 bars of the weekday hourly profile, peak hours in the accent colour; a tooltip per bar."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.hours: list[Optional[float]] = [None] * 24
        self.peaks: set[int] = set()
        self.tip = "{hour}: {value}"
        self.no_count = "{hour}: –"
        self.format_value: Callable[[float], str] = lambda v: f"{v:g}"
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setMouseTracking(True)

    def set_profile(self, hours: list[Optional[float]], peaks: list[int]) -> None:
        self.hours = (list(hours) + [None] * 24)[:24]
        self.peaks = set(peaks or [])
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(300, 120)

    def _plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("00000") + 4
        return QRectF(left, metrics.height() * 0.6, self.width() - left - 4,
                      self.height() - metrics.height() * 1.9)

    def hour_at(self, x: float) -> Optional[int]:
        plot = self._plot_rect()
        if not plot.left() <= x < plot.right():
            return None
        return min(23, int((x - plot.left()) / (plot.width() / 24)))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing, True)
        plot = self._plot_rect()
        values = [v for v in self.hours if v is not None]
        top = max(values, default=0.0)
        muted, ink = QColor(MUTED), QColor(INK)
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.82))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        # axis: baseline, a faint line at the maximum, the maximum's value
        painter.setPen(QColor("#d5dbe1"))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.right(), plot.top()))
        painter.drawLine(QPointF(plot.left(), plot.center().y()), QPointF(plot.right(), plot.center().y()))
        painter.setPen(muted)
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        if top > 0:
            label = self.format_value(top)
            painter.drawText(QRectF(0, plot.top() - metrics.height() / 2, plot.left() - 4, metrics.height()),
                             Qt.AlignRight | Qt.AlignVCenter, label)
            painter.drawText(QRectF(0, plot.bottom() - metrics.height() / 2, plot.left() - 4, metrics.height()),
                             Qt.AlignRight | Qt.AlignVCenter, "0")
        step = plot.width() / 24
        gap = max(1.0, step * 0.18)
        painter.setPen(Qt.NoPen)
        for hour, value in enumerate(self.hours):
            x = plot.left() + hour * step
            if value is None or top <= 0:
                painter.setBrush(QColor("#e3e7eb"))
                painter.drawRect(QRectF(x + gap / 2, plot.bottom() - 2, step - gap, 2))
                continue
            height = max(1.0, plot.height() * value / top) if value > 0 else 0.0
            painter.setBrush(QColor(PEAK_COLOR if hour in self.peaks else BAR_COLOR))
            painter.drawRect(QRectF(x + gap / 2, plot.bottom() - height, step - gap, height))
        painter.setPen(ink)
        for hour in range(0, 24, 3):
            x = plot.left() + hour * step
            painter.drawText(QRectF(x - step, plot.bottom() + 2, 3 * step, metrics.height()),
                             Qt.AlignHCenter | Qt.AlignTop, f"{hour:02d}")
        painter.end()

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            hour = self.hour_at(event.pos().x())
            if hour is None:
                QToolTip.hideText()
            else:
                value = self.hours[hour]
                text = (self.no_count.format(hour=hour_label(hour)) if value is None
                        else self.tip.format(hour=hour_label(hour), value=self.format_value(value)))
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)


class TwinCardDock(QgsDockWidget):
    """Shows one twin report: header, warnings first, then foldable sections; copy and export it."""

    featureActivated = pyqtSignal(str, int)  # noqa: N815 - Qt signal; catalog layer id, feature id
    showAllRequested = pyqtSignal(str)  # noqa: N815 - Qt signal; section id
    helpRequested = pyqtSignal()  # noqa: N815 - Qt signal

    def __init__(
        self,
        canvas: Optional[QgsMapCanvas] = None,
        parent: Optional[QWidget] = None,
        layer_for: Optional[LayerFor] = None,
        message_bar: Optional[QgsMessageBar] = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Twin card"))
        self.setObjectName("DigiresanTwinCardDock")
        self.canvas = canvas
        self.message_bar = message_bar
        self._layer_for: LayerFor = layer_for or (lambda layer_id: twin_layer(QgsProject.instance(), layer_id))
        self._report: Optional[dict] = None
        self._renderer: Optional[CardRenderer] = None
        self._boxes: dict[str, QgsCollapsibleGroupBox] = {}
        self._collapsed: dict[str, bool] = {}  # sections the user folded or unfolded (this session)
        self.highlight: Optional[QgsHighlight] = None
        self._highlight_layer_id: Optional[str] = None
        self._signals = SignalBag()
        self._build()
        project = QgsProject.instance()
        self._signals.connect(project.layersWillBeRemoved, self._layers_removed)
        self._signals.connect(project.cleared, self.clear)
        self._signals.connect(self.closed, self._remove_highlight)
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
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.copy_action = self._action("mActionEditCopy.svg", self.tr("Copy as text"), self.tr("Copy"),
                                        self.tr("Copy the card to the clipboard (text, and formatted for mail "
                                                "and word processors)"), self.copy_to_clipboard)
        self.json_action = self._action("mActionFileSave.svg", self.tr("Export JSON…"), self.tr("JSON"),
                                        self.tr("Save the report as a JSON file"), lambda: self._export("json"))
        self.csv_action = self._action("mActionOpenTable.svg", self.tr("Export CSV…"), self.tr("CSV"),
                                       self.tr("Save the report as a CSV table (one row per value)"),
                                       lambda: self._export("csv"))
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.toolbar.addWidget(spacer)
        self.help_action = self._action("mActionHelpContents.svg", self.tr("Help"), "",
                                        self.tr("How to read the twin card"), self.helpRequested.emit)
        self.toolbar.widgetForAction(self.help_action).setToolButtonStyle(Qt.ToolButtonIconOnly)
        layout.addWidget(self.toolbar)

        self.scroll = QScrollArea(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.content = QWidget(self.scroll)
        self.content.setObjectName("twinCardContent")
        self.content.setAutoFillBackground(True)
        palette = self.content.palette()
        palette.setColor(QPalette.Window, palette.color(QPalette.Base))
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
    def report(self) -> Optional[dict]:
        return self._report

    def show_report(self, report: dict) -> None:
        """Render ``report`` (a ``TwinReport.to_dict()``) and highlight its subject on the map."""
        self._report = report
        self._renderer = CardRenderer(report)
        self._rebuild()
        self._set_actions_enabled(True)
        self._highlight_subject()

    def clear(self) -> None:
        """No card: a hint instead, no highlight."""
        self._report = None
        self._renderer = None
        self._remove_highlight()
        self._clear_content()
        hint = QLabel(self.tr("Choose the Twin info tool and click on the map: the card shows everything the twin "
                              "knows about the place — condition, signs, excavations, traffic and conflicts."),
                      self.content)
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED}; padding: 12px;")
        self.content_layout.addWidget(hint)
        self.content_layout.addStretch(1)
        self._set_actions_enabled(False)

    def update_section(self, section: dict) -> None:
        """Replace one section (same ``id``) of the shown report, e.g. with all items after "show all"."""
        if self._report is None:
            return
        sections = list(self._report.get("sections") or [])
        for i, old in enumerate(sections):
            if old.get("id") == section.get("id"):
                sections[i] = section
                break
        else:
            return
        self._report = dict(self._report, sections=sections)
        self._renderer = CardRenderer(self._report)
        old_box = self._boxes.get(section["id"])
        if old_box is None:
            return
        index = self.content_layout.indexOf(old_box)
        new_box = self._section_box(section)
        self.content_layout.insertWidget(index, new_box)
        self.content_layout.removeWidget(old_box)
        old_box.deleteLater()

    def section_box(self, section_id: str) -> Optional[QgsCollapsibleGroupBox]:
        """The foldable box of a section (``"__attributes__"`` for the subject's own attributes)."""
        return self._boxes.get(section_id)

    def cleanup(self) -> None:
        """Undo everything outside the widget (highlight, project connections): call before unloading."""
        self._remove_highlight()
        self._signals.disconnect_all()

    # -- actions ---------------------------------------------------------------------------
    def copy_to_clipboard(self) -> None:
        """The card as plain text, plus HTML for applications that paste formatted text."""
        if self._report is None:
            return
        mime = QMimeData()
        mime.setText(report_to_text(self._report))
        mime.setHtml(report_to_html(self._report))
        QApplication.clipboard().setMimeData(mime)

    def export_json(self, path: str | Path) -> None:
        Path(path).write_text(report_to_json(self._report or {}), encoding="utf-8")

    def export_csv(self, path: str | Path) -> None:
        # utf-8-sig: Excel opens å, ä, ö right
        Path(path).write_text(report_to_csv(self._report or {}), encoding="utf-8-sig")

    def _export(self, kind: str) -> None:
        if self._report is None:
            return
        folder = settings.get("card_export_dir", "") or str(Path.home())
        subject = self._report.get("subject") or {}
        stem = re.sub(r"[^\w.-]+", "_", str(subject.get("key") or subject.get("title") or "card")).strip("_")
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
            self._message(self.tr("Could not save {path}: {error}").format(path=path, error=exc), Qgis.Critical)
            return
        settings.set_value("card_export_dir", str(Path(path).parent))
        self._message(self.tr("Twin card saved to {path}").format(path=path), Qgis.Success)

    def _message(self, text: str, level: int) -> None:
        if self.message_bar is not None:
            self.message_bar.pushMessage(self.tr("Twin card"), text, level, 5)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for action in (self.copy_action, self.json_action, self.csv_action):
            action.setEnabled(enabled)

    # -- links -----------------------------------------------------------------------------
    def open_link(self, href: str) -> None:
        """Follow a card link: a related feature (flash, select) or "show all" of a section."""
        parsed = parse_href(href)
        if parsed is None:
            return
        scheme, value = parsed
        if scheme == FEATURE_SCHEME:
            layer_id, fid = value
            self.activate_feature(layer_id, fid)
        elif scheme == SHOW_ALL_SCHEME:
            self.showAllRequested.emit(value)

    def activate_feature(self, layer_id: str, fid: int) -> None:
        """Select the feature on its layer, bring it into view if needed, flash it."""
        layer = self._layer_for(layer_id)
        if layer is None:
            self._message(self.tr("Layer '{layer}' is not in the project").format(layer=layer_id), Qgis.Warning)
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
        self._boxes.clear()
        while self.content_layout.count():
            item = self.content_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _browser(self, html: str, parent: QWidget) -> AutoHeightBrowser:
        browser = AutoHeightBrowser(html, parent, self._body_font())
        browser.anchorClicked.connect(self._on_anchor)
        return browser

    def _rebuild(self) -> None:
        renderer = self._renderer
        self.content.setUpdatesEnabled(False)
        try:
            self._clear_content()
            self.content_layout.addWidget(self._browser(renderer.header_html(), self.content))
            for severity, bg, border, ink in (("warning", WARN_BG, WARN_BORDER, WARN_INK),
                                              ("info", INFO_BG, INFO_BORDER, INFO_INK)):
                html = renderer.warnings_html(severity)
                if html:
                    self.content_layout.addWidget(self._notice_box(renderer, severity, html, bg, border, ink))
            attributes = renderer.subject_html()
            if attributes:
                self.content_layout.addWidget(self._box(ATTRIBUTES_ID, renderer.t("Attributes"), False,
                                                        [self._browser(attributes, self.content)]))
            for section in renderer.sections:
                self.content_layout.addWidget(self._section_box(section))
            self.content_layout.addStretch(1)
        finally:
            self.content.setUpdatesEnabled(True)
        self.scroll.verticalScrollBar().setValue(0)

    def _notice_box(self, renderer: CardRenderer, severity: str, html: str, bg: str, border: str,
                    ink: str) -> QFrame:
        frame = QFrame(self.content)
        frame.setObjectName(f"{severity}Box")
        frame.setStyleSheet(f"#{severity}Box {{ background: {bg}; border: 1px solid {border}; "
                            f"border-left: 4px solid {border}; border-radius: 3px; }}")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(6, 4, 6, 4)
        heading = f'<p style="margin:0 0 2px 0; color:{ink}"><b>{esc(renderer.warnings_heading(severity))}</b></p>'
        browser = self._browser(f'<div style="color:{ink}">{heading}{html}</div>', frame)
        layout.addWidget(browser)
        return frame

    def _section_box(self, section: dict) -> QgsCollapsibleGroupBox:
        renderer = self._renderer
        section_id = str(section.get("id") or "")
        widgets: list[QWidget] = []
        if section.get("kind") == "hourly_profile" and not section.get("error"):
            hours = hourly_values(section)
            if any(h is not None for h in hours):
                chart = HourlyChart(self.content)
                chart.set_profile(hours, (section.get("summary") or {}).get("peak_hours") or [])
                chart.tip = renderer.t("{hour}: {value} vehicles")
                chart.no_count = renderer.t("{hour}: no count")
                chart.format_value = renderer.fmt.number
                chart.setToolTip(renderer.t("Vehicles per hour, weekday"))
                widgets.append(chart)
            widgets.append(self._browser(renderer.section_html(section, chart=False), self.content))
        else:
            widgets.append(self._browser(renderer.section_html(section, chart=False), self.content))
        empty = not section.get("error") and not section.get("items") and section.get("kind") != "hourly_profile"
        return self._box(section_id, renderer.section_title(section), empty, widgets)

    def _body_font(self) -> QFont:
        font = QFont(self.content.font())
        font.setBold(False)  # explicit, or the text in a section inherits the section title's bold
        return font

    def _box(self, box_id: str, title: str, collapsed: bool, widgets: list[QWidget]) -> QgsCollapsibleGroupBox:
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
        box.setCollapsed(self._collapsed.get(box_id, collapsed))
        box.collapsedStateChanged.connect(
            lambda state, key=box_id, default=collapsed: self._folded(key, state, default))
        self._boxes[box_id] = box
        return box

    def _folded(self, box_id: str, collapsed: bool, default: bool) -> None:
        """Remember a fold the user made (the box also reports its state when first shown: not a choice)."""
        if box_id in self._collapsed or collapsed != default:
            self._collapsed[box_id] = collapsed

    # -- subject highlight -----------------------------------------------------------------
    def _highlight_subject(self) -> None:
        self._remove_highlight()
        subject = (self._report or {}).get("subject")
        if self.canvas is None or not subject or subject.get("fid") is None:
            return
        layer = self._layer_for(str(subject.get("layer")))
        if layer is None or not layer.isSpatial():
            return
        feature = next(layer.getFeatures(QgsFeatureRequest(int(subject["fid"])).setNoAttributes()), None)
        if feature is None or not feature.hasGeometry():
            return
        highlight = QgsHighlight(self.canvas, feature.geometry(), layer)
        qsettings = QgsSettings()
        color = QColor(qsettings.value("Map/highlight/color", Qgis.DEFAULT_HIGHLIGHT_COLOR.name(), type=str))
        alpha = qsettings.value("Map/highlight/colorAlpha", Qgis.DEFAULT_HIGHLIGHT_COLOR.alpha(), type=int)
        highlight.setColor(color)
        fill = QColor(color)
        fill.setAlpha(alpha)
        highlight.setFillColor(fill)
        highlight.setBuffer(qsettings.value("Map/highlight/buffer", Qgis.DEFAULT_HIGHLIGHT_BUFFER_MM, type=float))
        highlight.setMinWidth(qsettings.value("Map/highlight/minWidth", Qgis.DEFAULT_HIGHLIGHT_MIN_WIDTH_MM,
                                              type=float))
        highlight.show()
        self.highlight = highlight
        self._highlight_layer_id = layer.id()

    def _remove_highlight(self) -> None:
        if self.highlight is not None:
            try:
                scene = self.highlight.scene()
                if scene is not None:
                    scene.removeItem(self.highlight)
            except RuntimeError:  # the canvas is already gone
                pass
            self.highlight = None
            self._highlight_layer_id = None

    def _layers_removed(self, layer_ids: list[str]) -> None:
        if self._highlight_layer_id in layer_ids:
            self._remove_highlight()
