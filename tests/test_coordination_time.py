"""Time on the map: the permits get temporal properties from their dates, and the Temporal Controller's range is
the date the card and the board answer for."""

from __future__ import annotations

from datetime import date

from qgis.core import Qgis, QgsDateTimeRange, QgsVectorLayerTemporalContext
from qgis.gui import QgsMessageBar
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from digiresan_plugin.core.coordination.temporal import apply_temporal, as_of, temporal_fields
from digiresan_plugin.gui.card.dock import TwinCardDock
from digiresan_plugin.gui.identify_controller import IdentifyController

from .fixtures_twin import S2, build_twin, open_layers


def at(day: date) -> QDateTime:
    return QDateTime(QDate(day), QTime(0, 0))


def test_permits_play_over_time(tmp_path, catalog):
    layers = open_layers(build_twin(tmp_path / "twin.gpkg"), catalog)
    assert temporal_fields(catalog) == {"excavation_permits": ("start_date", "end_date")}
    assert apply_temporal(catalog, layers.get) == ["excavation_permits"]
    props = layers["excavation_permits"].temporalProperties()
    assert props.isActive() and (props.startField(), props.endField()) == ("start_date", "end_date")
    assert props.mode() == Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromFields
    # on 2026-12-10 three permits are on the map (P1, P2 ongoing; P6 ended 2026-12-07)
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layers["excavation_permits"])
    visible = props.createFilterString(context, QgsDateTimeRange(at(date(2026, 12, 10)), at(date(2026, 12, 10))))
    ids = {f["permit_id"] for f in layers["excavation_permits"].getFeatures(visible)}
    assert ids == {"GT-2026-0001", "GT-2026-0002"}
    assert not layers["road_segments"].temporalProperties().isActive()


def test_the_temporal_controller_changes_what_the_card_says(tmp_path, catalog, qgis_iface):
    layers = open_layers(build_twin(tmp_path / "twin.gpkg"), catalog)
    canvas = qgis_iface.mapCanvas()
    dock = TwinCardDock(canvas, message_bar=QgsMessageBar())
    controller = IdentifyController(qgis_iface, catalog, dock, layer_for=layers.get)
    try:
        s2 = next(f.id() for f in layers["road_segments"].getFeatures() if f["segment_id"] == S2)
        canvas.setTemporalRange(QgsDateTimeRange(QDateTime(), QDateTime()))
        today = as_of(canvas)
        assert controller.make_engine().today == today == date.today()
        # S2: paving planned 2031, permit P6; "dig before paving" looks one year ahead of the date answered for
        kinds = [w.kind for w in controller.make_engine().report_for_feature("road_segments", s2).warnings]
        assert "dig_before_paving" not in kinds
        canvas.setTemporalRange(QgsDateTimeRange(at(date(2030, 6, 1)), at(date(2030, 6, 14))))
        assert as_of(canvas) == date(2030, 6, 1)
        engine = controller.make_engine()
        assert engine.today == date(2030, 6, 1)
        kinds = [w.kind for w in engine.report_for_feature("road_segments", s2).warnings]
        assert kinds == ["dig_before_paving"]
    finally:
        canvas.setTemporalRange(QgsDateTimeRange(QDateTime(), QDateTime()))
        controller.unload()
        dock.cleanup()
        sip.delete(dock)


def test_the_work_window_on_segment_and_permit_cards(tmp_path, catalog):
    from digiresan_plugin.core.coordination.card import WorkWindowCard
    from digiresan_plugin.core.identify import TwinEngine

    from .coordination_fixture import TODAY, build_coordination_twin

    layers = open_layers(build_coordination_twin(tmp_path / "coord.gpkg"), catalog)
    engine = TwinEngine(catalog, layers.get, today=TODAY)
    card = WorkWindowCard(catalog, layers.get, hours=6)
    t1 = next(f.id() for f in layers["road_segments"].getFeatures() if f["segment_id"] == "T1")
    found = card.card_section(engine.report_for_feature("road_segments", t1).to_dict())
    assert [i["values"] for i in found["items"]] == [
        {"segment": "T1", "window": "09–15", "avoid": "07–08, 16–17", "vehicles": 600}]
    assert found["summary"]["text"] == "Work 09–15 (6 h between 06 and 22); avoid 07–08, 16–17"
    permit = next(f.id() for f in layers["excavation_permits"].getFeatures() if f["permit_id"] == "GT-T1")
    found = card.card_section(engine.report_for_feature("excavation_permits", permit).to_dict())
    assert [i["values"]["window"] for i in found["items"]] == ["09–15"]
    other = next(f.id() for f in layers["excavation_permits"].getFeatures() if f["permit_id"] == "GT-1")
    assert card.card_section(engine.report_for_feature("excavation_permits", other).to_dict()) is None  # no counts
    del engine, card
    layers.clear()  # the layers go while the test's QGIS objects are alive (an engine's cycle kept them to the end)
