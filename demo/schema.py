"""The tables of the demo twin GeoPackage: columns (name, SQL type), geometry type, description and indexes."""

from __future__ import annotations

# table -> (geometry type or None for an attribute table, description, [(column, SQL type), ...])
SCHEMA = {
    "road_segments": ("LINESTRING", "Street segments between crossings (after NVDB)", [
        ("segment_id", "TEXT NOT NULL"), ("street_name", "TEXT"), ("functional_class", "MEDIUMINT"),
        ("speed_limit_kmh", "MEDIUMINT"), ("surface", "TEXT"), ("road_owner", "TEXT"), ("width_m", "REAL"),
        ("lanes", "MEDIUMINT"), ("bearing_class", "TEXT"), ("aadt", "MEDIUMINT"), ("last_paved", "DATE"),
        ("pavement_warranty_years", "MEDIUMINT"), ("latest_condition_class", "MEDIUMINT"), ("from_street", "TEXT"),
        ("to_street", "TEXT"), ("length_m", "REAL")]),
    "road_condition": (None, "Condition inspections (IRI, rut depth, class 1-5)", [
        ("segment_id", "TEXT NOT NULL"), ("inspected_on", "DATE"), ("iri_mm_m", "REAL"), ("rut_depth_mm", "REAL"),
        ("condition_class", "MEDIUMINT")]),
    "paving_plan": (None, "Planned resurfacing per segment and year", [
        ("segment_id", "TEXT NOT NULL"), ("planned_year", "MEDIUMINT"), ("treatment", "TEXT"),
        ("estimated_cost_sek", "MEDIUMINT")]),
    "traffic_signs": ("POINT", "Traffic signs (Vägmärkesförordningen codes)", [
        ("sign_id", "TEXT NOT NULL"), ("sign_code", "TEXT"), ("value", "MEDIUMINT"), ("side", "TEXT"),
        ("installed_on", "DATE"), ("segment_id", "TEXT"), ("bearing_deg", "REAL"), ("name_sv", "TEXT"),
        ("plate_text", "TEXT")]),
    "excavation_permits": ("POLYGON", "Excavation permits (grävtillstånd) with TA-plans", [
        ("permit_id", "TEXT NOT NULL"), ("applicant", "TEXT"), ("contractor", "TEXT"), ("utility", "TEXT"),
        ("start_date", "DATE"), ("end_date", "DATE"), ("status", "TEXT"), ("ta_plan_id", "TEXT"),
        ("emergency", "BOOLEAN"), ("restoration_status", "TEXT"), ("segment_id", "TEXT"), ("applied_on", "DATE")]),
    "traffic_counts": (None, "Weekday hourly traffic per segment", [
        ("segment_id", "TEXT NOT NULL"), ("hour", "MEDIUMINT"), ("vehicles", "MEDIUMINT"),
        ("measured_year", "MEDIUMINT")]),
    "buildings": ("POLYGON", "Buildings", [
        ("building_id", "TEXT NOT NULL"), ("purpose", "TEXT"), ("construction_year", "MEDIUMINT"),
        ("floors", "MEDIUMINT"), ("owner", "TEXT"), ("designation", "TEXT"), ("footprint_m2", "REAL")]),
    "properties": ("POLYGON", "Real properties (fastigheter)", [
        ("designation", "TEXT NOT NULL"), ("area_m2", "REAL"), ("owner_type", "TEXT"), ("detailed_plan", "TEXT"),
        ("block", "TEXT")]),
    "parks": ("POLYGON", "Parks and squares", [
        ("park_id", "TEXT NOT NULL"), ("name", "TEXT"), ("maintenance_class", "TEXT"), ("last_maintained", "DATE"),
        ("kind", "TEXT"), ("area_m2", "REAL")]),
    "water": ("POLYGON", "Lakes and watercourses (background)", [
        ("water_id", "TEXT NOT NULL"), ("name", "TEXT"), ("kind", "TEXT")]),
    "local_regulations": ("LINESTRING", "Local traffic regulations (lokala trafikföreskrifter) along the streets", [
        ("regulation_id", "TEXT NOT NULL"), ("kind", "TEXT"), ("value", "TEXT"), ("valid_from", "DATE"),
        ("valid_to", "DATE"), ("text", "TEXT")]),
    "agreements": ("POLYGON", "Agreements: the area they cover, or linked to one feature by key", [
        ("agreement_id", "TEXT NOT NULL"), ("kind", "TEXT"), ("counterparty", "TEXT"), ("contact", "TEXT"),
        ("valid_from", "DATE"), ("valid_to", "DATE"), ("notice_months", "MEDIUMINT"), ("annual_cost_sek", "INTEGER"),
        ("description", "TEXT"), ("linked_layer", "TEXT"), ("linked_key", "TEXT")]),
    "documents": (None, "Documents linked to a twin feature: a file relative to the twin's folder or an address", [
        ("document_id", "TEXT NOT NULL"), ("linked_layer", "TEXT"), ("linked_key", "TEXT"), ("title", "TEXT"),
        ("kind", "TEXT"), ("path_or_url", "TEXT"), ("dated", "DATE")]),
    "park_assets": ("POINT", "Park assets: playgrounds, benches, lighting, trees, litter bins", [
        ("asset_id", "TEXT NOT NULL"), ("park_id", "TEXT"), ("kind", "TEXT"), ("installed_on", "DATE"),
        ("last_inspected", "DATE"), ("condition_class", "MEDIUMINT")]),
}
INDEXES = (
    ("road_segments", ("segment_id",), True), ("road_segments", ("street_name",), False),
    ("road_condition", ("segment_id",), False), ("road_condition", ("segment_id", "inspected_on"), False),
    ("paving_plan", ("segment_id",), False),
    ("traffic_signs", ("sign_id",), True), ("traffic_signs", ("segment_id",), False),
    ("excavation_permits", ("permit_id",), True), ("excavation_permits", ("segment_id",), False),
    ("traffic_counts", ("segment_id",), False), ("traffic_counts", ("segment_id", "hour"), True),
    ("buildings", ("building_id",), True), ("buildings", ("designation",), False),
    ("properties", ("designation",), True),
    ("parks", ("park_id",), True),
    ("water", ("water_id",), True),
    ("local_regulations", ("regulation_id",), True),
    ("agreements", ("agreement_id",), True), ("agreements", ("linked_key",), False),
    ("documents", ("document_id",), True), ("documents", ("linked_key",), False),
    ("park_assets", ("asset_id",), True), ("park_assets", ("park_id",), False),
)
TABLES = tuple(SCHEMA)
