"""The catalog's domains and field rules: parsed, with the bundled sign-code table, and a clear error for bad ones."""

from __future__ import annotations

import copy
import json

import pytest

from digiresan_plugin.core.catalog import CatalogError, parse_catalog
from digiresan_plugin.core.db_errors import describe_provider_error
from digiresan_plugin.core.domains import parse_domains
from digiresan_plugin.core.maintenance_spec import parse_maintenance
from digiresan_plugin.core.paths import default_catalog_path

RAW = json.loads(default_catalog_path().read_text(encoding="utf-8"))


def catalog_with(change) -> object:
    data = copy.deepcopy(RAW)
    change(data)
    return parse_catalog(data, "test_catalog.json")


def test_bundled_domains(catalog):
    domains = parse_domains(catalog)
    condition = domains.domains["condition_class"]
    assert condition.codes == (1, 2, 3, 4, 5)
    assert condition.label(4, "sv") == "4 – dålig" and condition.label(4, "en") == "4 – poor"
    assert not condition.allows(9) and condition.allows(None) and condition.allows(3)
    assert domains.domains["hour"].range == (0, 23)
    assert domains.rule("road_segments", "functional_class").value_range == (0, 9)
    signs = domains.domains["sign_code"]
    assert "C31-50" in signs.codes and "C31" not in signs.codes and "B1" in signs.codes
    assert signs.label("C31-50", "sv") == "C31-50 – Hastighetsbegränsning 50 km/h"
    status = domains.rule("excavation_permits", "status")
    assert status.not_null and status.domain.codes[:2] == ("Ansökan", "Komplettering")
    assert domains.rule("excavation_permits", "end_date").constraint.sql == "end_date >= start_date"


@pytest.mark.parametrize("change, key, expected", [
    (lambda d: d["domains"]["surface"].update(type="colour"), "domains.surface.type", "one of"),
    (lambda d: d["domains"]["hour"].update(range=[23, 0]), "domains.hour.range", "min ≤ max"),
    (lambda d: d["domains"]["hour"].update(range=[0, float("nan")]), "domains.hour.range", "finite"),
    (lambda d: d["domains"]["condition_class"]["values"].append({"code": "6", "en": "x", "sv": "x"}),
     "domains.condition_class.values[5].code", "an integer"),
    (lambda d: d["domains"]["surface"]["values"][0].pop("sv"), "domains.surface.values[0].sv", "non-empty"),
    (lambda d: d["field_rules"]["road_segments"]["surface"].update(domain="nope"),
     "field_rules.road_segments.surface.domain", "one of"),
    (lambda d: d["field_rules"].update(nowhere={}), "field_rules.nowhere", "a layer id"),
    (lambda d: d["field_rules"]["road_segments"]["surface"].update(colour=True),
     "field_rules.road_segments.surface.colour", "one of"),
    (lambda d: d["field_rules"]["road_segments"]["segment_id"].update(unique="yes"),
     "field_rules.road_segments.segment_id.unique", "true or false"),
    (lambda d: d["domains"]["sign_code"]["value_variants"].pop("C31"), "domains.sign_code.value_variants.C31",
     "positive integers"),
])
def test_bad_domain_entries_name_file_key_and_expectation(change, key, expected):
    with pytest.raises(CatalogError) as info:
        parse_domains(catalog_with(change))
    assert info.value.path == "test_catalog.json"
    assert info.value.key == key
    assert expected in info.value.expected


def test_derived_field_must_hang_on_a_key_relation():
    def change(d):
        d["derived_fields"][0]["relation"] = "segment_signs"

    with pytest.raises(CatalogError) as info:
        parse_maintenance(catalog_with(change))
    assert info.value.key == "derived_fields[0].relation"


def test_database_refusals_in_words(catalog):
    text = "OGR error setting feature 1: failed to execute update : digiresan|road_condition|condition_class|allowed"
    assert describe_provider_error(catalog, text, "en") == (
        "The database refused the change to Road condition inspections: Condition class (1–5) must be one of: "
        "1 – very good, 2 – good, 3 – fair, 4 – poor, 5 – very poor")
    pg = ('ERROR:  update or delete on table "road_segments" violates foreign key constraint '
          '"digiresan|traffic_counts|segment_id|parent" on table "traffic_counts"')
    assert describe_provider_error(catalog, pg, "en") == (
        "The database refused to delete from Road segments: Traffic counts by hour still refer to it; delete or "
        "move them first")
    insert = ('ERROR:  insert or update on table "road_condition" violates foreign key constraint '
              '"digiresan|road_condition|segment_id|parent"\nDETAIL:  Key (segment_id)=(NOPE) is not present')
    assert describe_provider_error(catalog, insert, "en") == (
        "The database refused the change to Road condition inspections: no feature has Road segment 'NOPE'")
    assert describe_provider_error(catalog, "connection refused", "en") is None


def test_display_value_for_the_card(catalog):
    from digiresan_plugin.core.domains import display_value, field_domains

    domains = field_domains(catalog)
    assert display_value(domains, "road_segments", "surface", "gatsten", "en") == ("Cobblestone", True)
    assert display_value(domains, "road_segments", "surface", "gatsten", "sv") == ("Gatsten", True)
    assert display_value(domains, "road_condition", "condition_class", 9, "en") == (None, False)
    assert display_value(domains, "road_condition", "condition_class", 4, "sv") == ("4 – dålig", True)
    assert display_value(domains, "traffic_counts", "hour", 24, "en") == (None, False)
    assert display_value(domains, "road_segments", "street_name", "Storgatan", "en") == (None, True)
    assert display_value(domains, "traffic_signs", "sign_code", "C31-50", "en") == (
        "C31-50 – Speed limit 50 km/h", True)
