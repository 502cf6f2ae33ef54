"""Edit forms from the catalog, on real QGIS forms over a real GeoPackage: widgets, aliases, enforced constraints,
defaults, the tabbed layout and child tables through project relations."""

from __future__ import annotations

from qgis.core import QgsFeatureRequest, QgsFieldConstraints, QgsVectorLayerUtils
from qgis.gui import QgsAttributeDialog, QgsAttributeEditorContext, QgsAttributeForm, QgsRelationEditorWidget
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QDialogButtonBox, QTabWidget, QWidget

from digiresan_plugin.core.edit_watch import EditWatch
from digiresan_plugin.core.gpkg_triggers import install_triggers
from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.twin_source import TwinSource
from tests.maintenance_fixtures import (
    AddingTools,
    init_editor_widgets,
    make_unwritable,
    make_writable,
    one,
    private_copy,
)

SEGMENT = "OST-STORGATAN-0006"


def load(project, catalog, path, language="en"):
    init_editor_widgets()
    report = TwinLoader(catalog, project, language).load(TwinSource.geopackage(path))
    assert report.problems == []
    return report


def segment(layer):
    return next(layer.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"segment_id\" = '{SEGMENT}'")))


def test_fields_get_widgets_aliases_and_constraints_from_the_catalog(project, catalog, demo_twin, tmp_path):
    load(project, catalog, private_copy(demo_twin, tmp_path))
    roads = twin_layer(project, "road_segments")
    fields = roads.fields()

    def widget(name):
        return roads.editorWidgetSetup(fields.indexOf(name))

    surface = widget("surface")
    assert surface.type() == "ValueMap"
    labels = {label: code for entry in surface.config()["map"] for label, code in entry.items()}
    assert labels["Cobblestone"] == "gatsten" and labels["Asphalt"] == "asfalt"  # label shown, code stored
    assert widget("functional_class").type() == "Range"
    assert (widget("functional_class").config()["Min"], widget("functional_class").config()["Max"]) == (0, 9)
    assert widget("last_paved").type() == "DateTime" and widget("last_paved").config()["calendar_popup"] is True
    assert roads.attributeDisplayName(fields.indexOf("surface")) == "Surface"
    index = fields.indexOf("segment_id")
    constraints = fields.at(index).constraints()
    assert constraints.constraintStrength(QgsFieldConstraints.Constraint.ConstraintUnique) == \
        QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard
    assert constraints.constraintStrength(QgsFieldConstraints.Constraint.ConstraintNotNull) == \
        QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard
    assert roads.editFormConfig().readOnly(fields.indexOf("latest_condition_class"))  # kept by triggers

    inspections = twin_layer(project, "road_condition")
    key = inspections.editorWidgetSetup(inspections.fields().indexOf("segment_id"))
    assert key.type() == "RelationReference" and key.config()["Relation"] == "digiresan_segment_condition"
    signs = twin_layer(project, "traffic_signs")
    codes = {code: label for entry in signs.editorWidgetSetup(signs.fields().indexOf("sign_code")).config()["map"]
             for label, code in entry.items()}
    assert codes["C31-50"] == "C31-50 – Speed limit 50 km/h"  # code + name shown, code stored
    permits = twin_layer(project, "excavation_permits")
    assert permits.editorWidgetSetup(permits.fields().indexOf("emergency")).type() == "CheckBox"


def test_aliases_and_labels_in_swedish(project, catalog, demo_twin, tmp_path):
    load(project, catalog, private_copy(demo_twin, tmp_path), language="sv")
    roads = twin_layer(project, "road_segments")
    index = roads.fields().indexOf("surface")
    assert roads.attributeDisplayName(index) == "Slitlager"
    labels = {label for entry in roads.editorWidgetSetup(index).config()["map"] for label in entry}
    assert {"Asfalt", "Gatsten", "Grus"} <= labels
    assert roads.constraintDescription(roads.fields().indexOf("functional_class")).startswith("Funktionell vägklass")


def test_permit_ending_before_it_starts_is_refused_by_the_form(project, catalog, demo_twin, tmp_path):
    load(project, catalog, private_copy(demo_twin, tmp_path))
    permits = twin_layer(project, "excavation_permits")
    feature = next(permits.getFeatures())
    permits.startEditing()
    dialog = QgsAttributeDialog(permits, feature, False)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.attributeForm().changeAttribute("end_date", QDate(feature["start_date"]).addDays(-3))
    assert not ok.isEnabled()  # QGIS's form cannot be saved
    tips = [w.toolTip() for w in dialog.attributeForm().findChildren(QWidget)]
    assert any("The permit must end on or after its start date" in tip for tip in tips), tips
    permits.rollBack()


def test_bad_value_in_the_edit_buffer_is_refused_in_words_and_kept(project, catalog, demo_twin, tmp_path):
    """The field calculator or a script writes the edit buffer directly: the GeoPackage refuses the commit, the user
    reads the catalog's message, the edit stays in the buffer to be corrected."""
    path = private_copy(demo_twin, tmp_path)
    install_triggers(path, catalog)
    load(project, catalog, path)
    watch = EditWatch(catalog, project, "en")
    messages = []
    watch.message.connect(lambda title, text, level: messages.append(text))
    inspections = twin_layer(project, "road_condition")
    feature = next(inspections.getFeatures())
    before = one(path, "SELECT condition_class FROM road_condition WHERE fid = ?", (feature.id(),))
    index = inspections.fields().indexOf("condition_class")
    inspections.startEditing()
    inspections.changeAttributeValue(feature.id(), index, 9)
    assert not inspections.commitChanges(False)
    assert messages == ["The database refused the change to Road condition inspections: Condition class (1–5) must "
                        "be one of: 1 – very good, 2 – good, 3 – fair, 4 – poor, 5 – very poor"]
    assert one(path, "SELECT condition_class FROM road_condition WHERE fid = ?", (feature.id(),)) == before
    assert inspections.isModified() and inspections.getFeature(feature.id())["condition_class"] == 9  # kept
    inspections.changeAttributeValue(feature.id(), index, 4)  # corrected: saved
    assert inspections.commitChanges(), inspections.commitErrors()
    assert one(path, "SELECT condition_class FROM road_condition WHERE fid = ?", (feature.id(),)) == 4
    watch.cleanup()


def test_segment_form_has_a_tab_per_card_section_and_child_tables(project, catalog, demo_twin, tmp_path):
    load(project, catalog, private_copy(demo_twin, tmp_path))
    roads = twin_layer(project, "road_segments")
    tools = AddingTools()
    context = QgsAttributeEditorContext()
    context.setVectorLayerTools(tools)
    form = QgsAttributeForm(roads, segment(roads), context)
    tabs = form.findChild(QTabWidget)
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Attributes", "Condition", "Traffic by hour (weekday)", "Paving plan", "More"]
    editors = {e.relation().id(): e for e in form.findChildren(QgsRelationEditorWidget)}
    assert set(editors) == {"digiresan_segment_condition", "digiresan_segment_traffic",
                            "digiresan_segment_paving_plan"}
    # child rows listed as the card lists them, the provider's fid hidden
    inspections = twin_layer(project, "road_condition")
    assert inspections.displayExpression() == '"inspected_on"'
    assert inspections.editorWidgetSetup(inspections.fields().indexOf("fid")).type() == "Hidden"


def test_child_added_through_the_relation_gets_the_parent_key(project, catalog, demo_twin, tmp_path):
    path = private_copy(demo_twin, tmp_path)
    before = one(path, "SELECT count(*) FROM road_condition WHERE segment_id = ?", (SEGMENT,))
    load(project, catalog, path)
    roads, inspections = twin_layer(project, "road_segments"), twin_layer(project, "road_condition")
    tools = AddingTools()
    context = QgsAttributeEditorContext()
    context.setVectorLayerTools(tools)
    inspections.startEditing()
    form = QgsAttributeForm(roads, segment(roads), context)
    editor = next(e for e in form.findChildren(QgsRelationEditorWidget)
                  if e.relation().id() == "digiresan_segment_condition")
    editor.addFeature()
    assert len(tools.added) == 1
    child = tools.added[0]
    assert child["segment_id"] == SEGMENT  # filled in by the relation
    assert child["inspected_on"] == QDate.currentDate()  # the catalog's default
    child_id = child.id()
    inspections.changeAttributeValue(child_id, inspections.fields().indexOf("condition_class"), 3)
    assert inspections.commitChanges(), inspections.commitErrors()
    assert one(path, "SELECT count(*) FROM road_condition WHERE segment_id = ?", (SEGMENT,)) == before + 1


def test_unwritable_geopackage_is_opened_read_only(project, catalog, demo_twin, tmp_path):
    path = private_copy(demo_twin, tmp_path)
    segments = one(path, "SELECT count(*) FROM road_segments", ())
    make_unwritable(path)
    try:
        load(project, catalog, path)
        roads = twin_layer(project, "road_segments")
        assert roads.readOnly() and not roads.startEditing()
        assert roads.featureCount() == segments
    finally:
        project.clear()
        make_writable(path)


def test_default_values_fill_a_new_feature(project, catalog, demo_twin, tmp_path):
    load(project, catalog, private_copy(demo_twin, tmp_path))
    plan = twin_layer(project, "paving_plan")
    feature = QgsVectorLayerUtils.createFeature(plan)
    assert feature["planned_year"] == QDate.currentDate().year() + 1
