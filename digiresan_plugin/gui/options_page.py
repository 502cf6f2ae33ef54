"""The Digiresan page in QGIS's Options dialog (Settings › Options › Digiresan)."""

from __future__ import annotations

from typing import Optional

from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from ..core import settings


class DigiresanOptionsPage(QgsOptionsPageWidget):
    """Moratorium years, related-feature cap, default twin source and the planner view (which only narrows: the
    coordinator role comes from the ideas source)."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("DigiresanOptionsPage")
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Coordination"), self)
        form = QFormLayout(box)
        self.moratorium = QSpinBox(box)
        self.moratorium.setRange(0, 20)
        self.moratorium.setSuffix(self.tr(" years"))
        self.moratorium.setToolTip(self.tr("Warn when a permit digs in a street paved less than this many years ago"))
        form.addRow(self.tr("Dig moratorium after paving"), self.moratorium)
        self.cap = QSpinBox(box)
        self.cap.setRange(10, 100000)
        self.cap.setToolTip(self.tr("A card lists at most this many related features per section, then 'show all'"))
        form.addRow(self.tr("Related features per section"), self.cap)
        layout.addWidget(box)

        source_box = QGroupBox(self.tr("Twin and ideas"), self)
        source_form = QFormLayout(source_box)
        self.source = QLineEdit(source_box)
        self.source.setPlaceholderText(self.tr("Embedded demo twin"))
        self.source.setToolTip(
            self.tr("gpkg:<file>, postgres:<saved connection> or pgservice:<service>; no passwords here")
        )
        source_form.addRow(self.tr("Default twin source"), self.source)
        self.planner_view = QCheckBox(
            self.tr("Planner view: no editing and no personal data, even when my role allows them"), source_box
        )
        source_form.addRow(self.planner_view)
        role_note = QLabel(self.tr(
            "Who may decide on ideas and read submitters' personal data comes from the ideas source: the database "
            "role (ideas_coordinator) on PostgreSQL, the e-service's grants for its export. A local GeoPackage "
            "protects nothing: its personal data stay hidden until you choose to show them in the ideas dock."),
            source_box)
        role_note.setWordWrap(True)
        role_note.setStyleSheet("color: gray;")
        source_form.addRow(role_note)
        layout.addWidget(source_box)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        self.moratorium.setValue(int(settings.get("dig_moratorium_years")))
        self.cap.setValue(int(settings.get("related_feature_cap")))
        self.source.setText(str(settings.get("twin_source") or ""))
        self.planner_view.setChecked(bool(settings.get("ideas_planner_view")))

    def apply(self) -> None:
        settings.set_value("dig_moratorium_years", self.moratorium.value())
        settings.set_value("related_feature_cap", self.cap.value())
        settings.set_value("twin_source", self.source.text().strip())
        settings.set_value("ideas_planner_view", self.planner_view.isChecked())


class DigiresanOptionsFactory(QgsOptionsWidgetFactory):
    """Registers :class:`DigiresanOptionsPage` with QGIS's Options dialog."""

    def __init__(self, icon: QIcon):
        super().__init__()
        self.setTitle("Digiresan")
        self._icon = icon

    def icon(self) -> QIcon:
        return self._icon

    def createWidget(self, parent: Optional[QWidget] = None) -> DigiresanOptionsPage:  # noqa: N802
        return DigiresanOptionsPage(parent)
