"""Bundled resources: QML styles load and behave, icons are valid SVGs, the sign code table and its lookups."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsExpressionContext,
    QgsExpressionContextScope,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QRectF
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtSvg import QSvgRenderer

from digiresan_plugin.core import sign_codes
from digiresan_plugin.core.paths import resources_dir
from digiresan_plugin.core.sign_codes import sign_group, sign_group_name, sign_name, sign_table

pytestmark = pytest.mark.usefixtures("qgis_app")

STYLES = resources_dir() / "styles"
ICONS = resources_dir() / "icons"

# The contract of issue #2 (plus latest_condition_class on roads), written out here on purpose.
CONTRACT = {
    "road_segments": ("LineString", "segment_id:string&field=street_name:string&field=functional_class:integer"
                      "&field=speed_limit_kmh:integer&field=surface:string&field=road_owner:string"
                      "&field=width_m:double&field=aadt:integer&field=last_paved:date"
                      "&field=pavement_warranty_years:integer&field=latest_condition_class:integer"),
    "traffic_signs": ("Point", "sign_id:string&field=sign_code:string&field=value:string&field=side:string"
                      "&field=installed_on:date"),
    "excavation_permits": ("Polygon", "permit_id:string&field=applicant:string&field=contractor:string"
                           "&field=utility:string&field=start_date:date&field=end_date:date&field=status:string"
                           "&field=ta_plan_id:string&field=emergency:integer"),
    "buildings": ("Polygon", "building_id:string&field=purpose:string&field=construction_year:integer"
                  "&field=floors:integer&field=owner:string"),
    "properties": ("Polygon", "designation:string&field=area_m2:double&field=owner_type:string"
                   "&field=detailed_plan:string"),
    "parks": ("Polygon", "park_id:string&field=name:string&field=maintenance_class:integer"
              "&field=last_maintained:date"),
    "water": ("Polygon", "water_id:string&field=name:string&field=kind:string"),
    "park_assets": ("Point", "asset_id:string&field=park_id:string&field=kind:string&field=installed_on:date"
                    "&field=last_inspected:date&field=condition_class:integer"),
    "local_regulations": ("LineString", "regulation_id:string&field=kind:string&field=value:string"
                          "&field=valid_from:date&field=valid_to:date&field=text:string"),
    "agreements": ("Polygon", "agreement_id:string&field=kind:string&field=counterparty:string"
                   "&field=valid_to:date"),
}
# table -> (renderer class, number of categories or rules, label max scale or None for no labels)
EXPECTED = {
    "road_segments": (QgsCategorizedSymbolRenderer, 6, 8000),
    "traffic_signs": (QgsRuleBasedRenderer, 7, 5000),
    "excavation_permits": (QgsRuleBasedRenderer, 7, 3000),
    "buildings": (QgsCategorizedSymbolRenderer, 9, None),
    "properties": (QgsSingleSymbolRenderer, 1, 4000),
    "parks": (QgsSingleSymbolRenderer, 1, 10000),
    "water": (QgsSingleSymbolRenderer, 1, 60000),
    "park_assets": (QgsSingleSymbolRenderer, 1, None),
    "local_regulations": (QgsSingleSymbolRenderer, 1, None),
    "agreements": (QgsSingleSymbolRenderer, 1, None),
}
DOMAIN_CODES = (
    [f"B{n}" for n in range(1, 9)] + ["C1", "C2", "C27", "C31"] + [f"C{n}" for n in range(35, 41)]
    + ["C45", "D10", "E5", "E6", "E7", "E9", "E11", "E19", "E20", "E21", "E22", "T6", "T17", "X1", "X2", "X3"]
)
ICON_NAMES = ["digiresan", "twin_dock", "twin_info", "ideas", "help"]


def styled_layer(table: str) -> QgsVectorLayer:
    geometry, fields = CONTRACT[table]
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:3006&field={fields}", table, "memory")
    assert layer.isValid()
    message, ok = layer.loadNamedStyle(str(STYLES / f"{table}.qml"))
    assert ok, message
    return layer


def feature(layer: QgsVectorLayer, **attributes: object) -> QgsFeature:
    result = QgsFeature(layer.fields())
    for name, value in attributes.items():
        result[name] = value
    return result


def render_context(layer: QgsVectorLayer, today: str | None = None) -> QgsRenderContext:
    expression_context = QgsExpressionContext()
    # Scopes are handed over one by one: PyQGIS does not transfer the ones in a list, which crashes later.
    for scope in QgsExpressionContextUtils.globalProjectLayerScopes(layer):
        expression_context.appendScope(scope)
    if today is not None:
        scope = QgsExpressionContextUtils.layerScope(layer)
        scope.setVariable("digiresan_today", today)
        expression_context.appendScope(scope)
    context = QgsRenderContext()
    context.setExpressionContext(expression_context)
    return context


def rule_labels(layer: QgsVectorLayer, context: QgsRenderContext, **attributes: object) -> list[str]:
    """Legend labels of the rules that draw a feature with ``attributes``."""
    renderer = layer.renderer().clone()
    renderer.startRender(context, layer.fields())
    try:
        item = feature(layer, **attributes)
        context.expressionContext().setFeature(item)
        keys = renderer.legendKeysForFeature(item, context)
        return sorted(rule.label() for rule in renderer.rootRule().descendants() if rule.ruleKey() in keys)
    finally:
        renderer.stopRender(context)


# --- styles ----------------------------------------------------------------------------------------------------

def test_every_table_has_a_style_and_nothing_else() -> None:
    assert sorted(p.stem for p in STYLES.glob("*.qml")) == sorted(CONTRACT)


@pytest.mark.parametrize("table", sorted(EXPECTED))
def test_style_loads_with_expected_renderer_and_labels(table: str) -> None:
    layer = styled_layer(table)
    renderer_class, count, label_scale = EXPECTED[table]
    renderer = layer.renderer()
    assert isinstance(renderer, renderer_class)
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        assert len(renderer.categories()) == count
    elif isinstance(renderer, QgsRuleBasedRenderer):
        assert len(renderer.rootRule().children()) == count
        assert sum(rule.isElse() for rule in renderer.rootRule().children()) == 1
    if label_scale is None:
        assert not layer.labelsEnabled()
    else:
        assert layer.labelsEnabled()
        settings = layer.labeling().settings()
        assert settings.scaleVisibility and settings.minimumScale == label_scale
        assert not settings.displayAll  # labels never overlap


def test_roads_categorised_green_to_red_with_english_legend() -> None:
    layer = styled_layer("road_segments")
    renderer = layer.renderer()
    assert renderer.classAttribute() == "latest_condition_class"
    categories = renderer.categories()
    values = [category.value() for category in categories]
    assert [str(value) for value in values[:5]] == ["1", "2", "3", "4", "5"] and values[5] in (None, "")
    labels = [category.label() for category in categories]
    assert labels[0] == "1 – very good" and labels[4] == "5 – very poor"
    reds = [category.symbol().symbolLayer(1).color().red() for category in categories[:5]]
    greens = [category.symbol().symbolLayer(1).color().green() for category in categories[:5]]
    assert reds[0] < reds[4] and greens[0] > greens[4]  # class 1 green, class 5 red


@pytest.mark.parametrize(("functional_class", "width"), [(0, 1.8), (3, 1.4), (9, 0.6), (None, 0.6)])
def test_road_width_follows_functional_class(functional_class: int | None, width: float) -> None:
    layer = styled_layer("road_segments")
    categories = layer.renderer().categories()  # keep the copies alive: they own the symbols
    line = categories[0].symbol().symbolLayer(1)
    prop = line.dataDefinedProperties().property(QgsSymbolLayer.Property.PropertyStrokeWidth)
    context = QgsExpressionContext()
    context.setFields(layer.fields())
    context.setFeature(feature(layer, functional_class=functional_class))
    assert prop.prepare(context)
    value, ok = prop.valueAsDouble(context, -1)
    assert ok and value == pytest.approx(width)


@pytest.mark.parametrize(("scale", "width_m", "functional_class", "mm", "see_through"), [
    (1000, 9.0, 5, 9.0, True),  # zoomed in: the street's real width, 9 m = 9 mm at 1:1 000
    (500, 12.0, 3, 24.0, True),
    (2500, 14.0, 2, 5.6, True),
    (10000, 9.0, 3, 1.4, False),  # town scale: the functional class's width (0.9 mm would be thinner)
    (1000, None, 3, 1.4, False),  # no width known: the class's width at every scale
])
def test_road_width_in_map_units_when_zoomed_in(scale: int, width_m, functional_class: int, mm: float,
                                                 see_through: bool) -> None:
    layer = styled_layer("road_segments")
    categories = layer.renderer().categories()  # keep the copies alive: they own the symbols
    fill, casing = categories[2].symbol().symbolLayer(1), categories[2].symbol().symbolLayer(0)
    context = QgsExpressionContext()
    context.setFields(layer.fields())
    scope = QgsExpressionContextScope()
    scope.setVariable("map_scale", scale)
    context.appendScope(scope)
    context.setFeature(feature(layer, functional_class=functional_class, width_m=width_m))
    width = fill.dataDefinedProperties().property(QgsSymbolLayer.Property.PropertyStrokeWidth)
    assert width.prepare(context)
    value, ok = width.valueAsDouble(context, -1)
    assert ok and value == pytest.approx(mm)
    outer = casing.dataDefinedProperties().property(QgsSymbolLayer.Property.PropertyStrokeWidth)
    assert outer.prepare(context) and outer.valueAsDouble(context, -1)[0] == pytest.approx(mm + 0.35)
    # drawn at its real width the street lets the permits under it show; its class colour stays
    colour = fill.dataDefinedProperties().property(QgsSymbolLayer.Property.PropertyStrokeColor)
    assert colour.prepare(context)
    drawn, ok = colour.valueAsColor(context, QColor())
    assert ok and (drawn.red(), drawn.green(), drawn.blue()) == (fill.color().red(), fill.color().green(),
                                                                 fill.color().blue())
    assert (drawn.alpha() < 200) == see_through


def test_road_with_no_inspection_gets_the_grey_category() -> None:
    layer = styled_layer("road_segments")
    context = render_context(layer)
    renderer = layer.renderer().clone()
    renderer.startRender(context, layer.fields())
    keys = renderer.legendKeysForFeature(feature(layer, latest_condition_class=None), context)
    renderer.stopRender(context)
    assert keys == {"5"}  # the sixth category, "Not inspected"


@pytest.mark.parametrize(("code", "label"), [
    ("A20", "A – warning"), ("B1", "B – priority"), ("C31-50", "C – prohibitory"), ("D10", "D – mandatory"),
    ("E19", "E – information"), ("T6", "T – supplementary plate"), ("c39", "C – prohibitory"),
    ("X1", "Other"), (None, "Other"),
])
def test_sign_rule_by_group_letter(code: str | None, label: str) -> None:
    layer = styled_layer("traffic_signs")
    assert rule_labels(layer, render_context(layer), sign_code=code) == [label]


TODAY = "2026-11-27"
DAY = QDate(2026, 11, 27)


@pytest.mark.parametrize(("status", "start", "end", "label"), [
    ("Pågående", -5, 10, "Ongoing – active now"),
    ("Pågående", 0, 0, "Ongoing – active now"),  # both ends inclusive
    ("Pågående", -30, -1, "Ongoing – outside permit dates"),
    ("Beviljad", -1, 5, "Approved – active now"),
    ("Beviljad", 1, 20, "Approved – not active"),
    ("Beviljad", None, None, "Approved – not active"),
    ("Ansökan", -2, 2, "Applied / needs completion"),
    ("Komplettering", 3, 9, "Applied / needs completion"),
    ("Återställd", -40, -20, "Restored / closed"),
    ("Avslutad", -40, -20, "Restored / closed"),
    ("något annat", 0, 1, "Other status"),
])
def test_permit_rule_by_status_and_activity(status: str, start: int | None, end: int | None, label: str) -> None:
    layer = styled_layer("excavation_permits")
    dates = {
        "start_date": DAY.addDays(start) if start is not None else None,
        "end_date": DAY.addDays(end) if end is not None else None,
    }
    assert rule_labels(layer, render_context(layer, TODAY), status=status, **dates) == [label]


def test_permit_activity_uses_the_real_today_without_the_variable() -> None:
    layer = styled_layer("excavation_permits")
    today = date.today()
    running = {"start_date": QDate(today - timedelta(days=1)), "end_date": QDate(today + timedelta(days=1))}
    future = {"start_date": QDate(today + timedelta(days=3)), "end_date": QDate(today + timedelta(days=9))}
    context = render_context(layer)
    assert rule_labels(layer, context, status="Pågående", **running) == ["Ongoing – active now"]
    assert rule_labels(layer, context, status="Pågående", **future) == ["Ongoing – outside permit dates"]


def test_buildings_categorised_by_purpose() -> None:
    layer = styled_layer("buildings")
    renderer = layer.renderer()
    assert renderer.classAttribute() == "purpose"
    values = {category.value() for category in renderer.categories()}
    assert {"bostad", "kontor", "handel", "skola", "vård", "industri", "kultur", "övrigt"} <= values


def test_properties_have_no_fill() -> None:
    layer = styled_layer("properties")
    symbol_layer = layer.renderer().symbol().symbolLayer(0)
    assert symbol_layer.brushStyle() == 0  # Qt.NoBrush
    assert symbol_layer.strokeWidth() <= 0.4


# --- icons -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ICON_NAMES)
def test_icon_is_a_valid_24px_svg(name: str) -> None:
    path = ICONS / f"{name}.svg"
    assert path.is_file()
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    assert renderer.viewBoxF() == QRectF(0, 0, 24, 24)


def test_plugin_png_icon_is_64px() -> None:
    image = QImage(str(ICONS / "digiresan.png"))
    assert not image.isNull()
    assert (image.width(), image.height()) == (64, 64)
    assert image.hasAlphaChannel()


# --- sign code table -------------------------------------------------------------------------------------------

def test_sign_code_table_covers_the_domain_codes() -> None:
    data = json.loads((resources_dir() / "sign_codes.json").read_text(encoding="utf-8"))
    for letter in "ABCDETX":
        assert data["groups"][letter]["sv"] and data["groups"][letter]["en"]
    missing = [code for code in DOMAIN_CODES if code not in data["codes"]]
    assert not missing
    for code, entry in data["codes"].items():
        assert entry["sv"].strip() and entry["en"].strip(), code
        assert code[0] in data["groups"], code
        if entry.get("value"):
            assert "{value}" in entry["sv"] and "{value}" in entry["en"], code
        else:
            assert "{value}" not in entry["sv"] + entry["en"], code


@pytest.mark.parametrize(("code", "language", "name"), [
    ("C31-50", "sv", "Hastighetsbegränsning 50 km/h"),
    ("C31-50", "en", "Speed limit 50 km/h"),
    ("c31-30", "sv_SE", "Hastighetsbegränsning 30 km/h"),
    (" C31-40 ", "en_GB", "Speed limit 40 km/h"),
    ("C31", "sv", "Hastighetsbegränsning"),
    ("B1", "sv", "Väjningsplikt"),
    ("B1", "en", "Give way"),
    ("B1", "de", "Give way"),  # unknown language: English
    ("E22", "sv", "Hållplats för linjetrafik"),
    ("C39", "sv", "Förbud att stanna och parkera fordon"),
    ("A19-2", "sv", "Varning för djur"),  # a variant falls back to its base code
    ("Q99", "sv", "Q99"),
    ("C999", "en", "C999"),
    ("", "sv", ""),
    (None, "en", ""),
    ("  ", "en", "  "),
    ("?!", "sv", "?!"),
])
def test_sign_name(code: str | None, language: str, name: str) -> None:
    assert sign_name(code, language) == name


def test_sign_name_never_raises_on_odd_input() -> None:
    assert sign_name(42, "sv") == "42"  # type: ignore[arg-type]
    assert sign_name("B1", None) == "Give way"  # type: ignore[arg-type]


def test_sign_name_falls_back_to_english_then_code(monkeypatch: pytest.MonkeyPatch) -> None:
    table = {"groups": {}, "codes": {"B1": {"en": "Give way"}, "B2": {}}}
    monkeypatch.setattr(sign_codes, "sign_table", lambda: table)
    assert sign_name("B1", "sv") == "Give way"
    assert sign_name("B2", "sv") == "B2"


def test_sign_group() -> None:
    assert sign_group("C31-50") == "C"
    assert sign_group("t17") == "T"
    assert sign_group("") == "" and sign_group(None) == "" and sign_group("123") == ""
    assert sign_group_name("C31-50", "sv") == "Förbudsmärken"
    assert sign_group_name("E19", "en") == "Information signs"
    assert sign_group_name("Q1", "en") == ""


def test_sign_table_is_loaded_once() -> None:
    assert sign_table() is sign_table()


def test_every_legend_label_is_listed_for_translation():
    """Legend labels are translated at load time from the list pylupdate5 reads; none may be missing."""
    import re

    from digiresan_plugin.core.style_labels import LABELS

    found = set()
    for qml in STYLES.glob("*.qml"):
        found.update(re.findall(r'label="([^"]+)"', qml.read_text(encoding="utf-8")))
    assert found and found <= set(LABELS), sorted(found - set(LABELS))
