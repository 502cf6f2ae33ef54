"""The Digiresan Processing provider, through processing.run and through the real qgis_process command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import (
    NULL,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsPointXY,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.processing import register_provider, unregister_provider

from .fixtures_twin import ON_P1_ONLY, ON_S1, S1, S2, S3, TODAY, build_twin, open_layers

REPO = Path(__file__).resolve().parent.parent
COMMON = {"TODAY": TODAY.isoformat(), "LANGUAGE": 0, "MORATORIUM_YEARS": 3}


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_twin(tmp_path_factory.mktemp("ptwin") / "twin.gpkg")


@pytest.fixture()
def provider(qgis_processing):
    provider = register_provider()
    yield provider
    unregister_provider()


def expected_report(twin: Path, catalog, xy=ON_S1) -> dict:
    layers = open_layers(twin, catalog)
    engine = TwinEngine(catalog, layers.get, today=TODAY, setting_values={"dig_moratorium_years": 3})
    return engine.report_at_point(QgsPointXY(*xy), QgsCoordinateReferenceSystem("EPSG:3006"), 2.0).to_dict()


def test_provider_and_algorithms_are_registered(provider):
    assert QgsApplication.processingRegistry().providerById("digiresan") is provider
    assert provider.name() == "Digiresan"
    ids = {a.id() for a in provider.algorithms()}
    assert ids == {"digiresan:report_at_point", "digiresan:report_for_features", "digiresan:coordination_conflicts",
                   "digiresan:check_twin", "digiresan:import_into_twin", "digiresan:maintenance_candidates",
                   "digiresan:budget_scenario", "digiresan:coordination_statement"}
    assert not provider.icon().isNull()
    assert register_provider() is provider  # idempotent


def test_unregister_removes_the_provider(qgis_processing):
    register_provider()
    unregister_provider()
    unregister_provider()
    assert QgsApplication.processingRegistry().providerById("digiresan") is None


def test_report_at_point_writes_the_same_report_as_a_click(provider, twin, catalog, tmp_path):
    import processing

    out = tmp_path / "report.json"
    result = processing.run("digiresan:report_at_point", {
        "TWIN": str(twin), "POINT": f"{ON_S1[0]},{ON_S1[1]} [EPSG:3006]", "RADIUS_M": 2.0, "OUTPUT": str(out),
        **COMMON})
    assert result["SUBJECT_KEY"] == S1 and result["SUBJECT_LAYER"] == "road_segments"
    assert result["WARNING_COUNT"] == 7
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data == expected_report(twin, catalog)


def test_report_at_point_with_a_source_string_and_another_crs(provider, twin, catalog, tmp_path):
    import processing

    out = tmp_path / "permit.json"
    # ON_P1_ONLY = (481630, 7005614) in EPSG:3006 is about (14.6379, 63.1781) in WGS 84: let QGIS transform it
    from qgis.core import QgsCoordinateTransform, QgsProject

    wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:3006"), QgsCoordinateReferenceSystem("EPSG:4326"),
                                 QgsProject.instance()).transform(QgsPointXY(*ON_P1_ONLY))
    processing.run("digiresan:report_at_point", {
        "CONNECTION": f"gpkg:{twin}", "POINT": f"{wgs.x()!r},{wgs.y()!r} [EPSG:4326]", "OUTPUT": str(out),
        **COMMON})
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["subject"]["key"] == "GT-2026-0001"
    assert data["query"]["crs"] == "EPSG:4326" and data["query"]["radius_m"] == 2.0
    assert [i["key"] for i in data["sections"][0]["items"]] == [S1]


def test_report_for_features_table(provider, twin, tmp_path):
    import processing

    out = tmp_path / "rows.gpkg"
    result = processing.run("digiresan:report_for_features", {
        "INPUT": f"{twin}|layername=road_segments", "TWIN": str(twin), "OUTPUT": str(out), **COMMON})
    table = QgsVectorLayer(result["OUTPUT"], "rows", "ogr")
    assert table.isValid()
    rows = {f["key"]: f for f in table.getFeatures()}
    assert set(rows) == {S1, S2, S3}
    s1 = rows[S1]
    assert s1["condition_latest"] == 4 and s1["condition_trend"] == "worsening"
    assert s1["signs_codes"] == "B2, C31-50, E19" and s1["signs_count"] == 3
    assert s1["excavations_count"] == 3
    assert s1["excavations_next_start"].toString("yyyy-MM-dd") == "2026-12-07"
    assert s1["traffic_peak_hours"] == "07–08 and 16–17" and s1["traffic_aadt"] == 8400
    assert s1["paving_plan_count"] == 2
    assert s1["warning_count"] == 7 and "GT-2026-0001" in s1["warnings"]
    s2 = rows[S2]
    assert (s2["signs_codes"], s2["excavations_count"], s2["warning_count"]) == ("C31-40", 1, 0)
    assert s2["excavations_next_start"].toString("yyyy-MM-dd") == "2026-11-30"
    s3 = rows[S3]
    assert (s3["signs_count"], s3["excavations_count"], s3["warning_count"]) == (0, 0, 0)
    assert s3["condition_latest"] == NULL and s3["traffic_peak_hours"] == NULL and s3["warnings"] == NULL


def conflict_rows(path: str) -> list:
    layer = QgsVectorLayer(path, "conflicts", "ogr")
    assert layer.isValid() and layer.crs().authid() == "EPSG:3006"
    return [(f["rule"], f["class"], f["permit_id"], f["other_id"], f["segment_id"]) for f in layer.getFeatures()]


def test_coordination_conflicts_full_network(provider, twin, tmp_path):
    import processing

    out = tmp_path / "conflicts.gpkg"
    result = processing.run("digiresan:coordination_conflicts", {
        "TWIN": str(twin), "OUTPUT": str(out), "FROM": "", "TO": "", **COMMON})
    rows = conflict_rows(result["OUTPUT"])
    p1, p2, p3, p4, p5 = "GT-2026-0001", "GT-2026-0002", "GT-2026-0003", "GT-2026-0004", "GT-2027-0005"
    # the card's rules: P3 is closed, P4 touches no segment, P6 is alone on a street paved in 2015
    kept = {(r[0], r[2]) for r in rows if r[1] == ""}
    assert {p for rule, p in kept if rule in ("moratorium", "dig_before_paving")} == {p1, p2, p5}
    assert [r for r in rows if r[0] == "permit_overlap"] == [("permit_overlap", "", p2, p1, S1)]
    # P3 ended 30 days ago: it still counts (restoration) and meets P2; P4 touches P1; all but P4 are on S1
    assert sorted(r[2:4] for r in rows if r[1] == "space_time") == [(p2, p1), (p3, p2)]
    assert sorted(r[2:4] for r in rows if r[1] == "space") == [(p1, p4), (p1, p5), (p2, p5), (p3, p1), (p3, p5)]
    assert not [r for r in rows if r[1] == "time"]  # S1 and S2 share no crossing
    # paving planned 2027 and 2030 on S1, 2031 on S2; S1 paved a year ago
    assert sorted(r[4] for r in rows if r[0] == "dig_notice") == [S1, S1, S2]
    assert [r[4] for r in rows if r[0] == "moratorium_in_force"] == [S1]
    assert result["COUNT"] == len(rows) == 18
    layer = QgsVectorLayer(result["OUTPUT"], "conflicts", "ogr")
    overlap = next(f for f in layer.getFeatures() if f["rule"] == "permit_overlap")
    assert overlap["start"].toString("yyyy-MM-dd") == "2026-12-07" and overlap["end"].toString("yyyy-MM-dd") == (
        "2026-12-12")
    assert overlap.geometry().area() == pytest.approx(400.0)  # both permits' areas
    assert overlap["handling_status"] == "new" and "GT-2026-0001" in overlap["message"]


def test_coordination_conflicts_default_window_and_shorter_moratorium(provider, twin, tmp_path):
    import processing

    result = processing.run("digiresan:coordination_conflicts", {
        "TWIN": str(twin), "OUTPUT": str(tmp_path / "c.gpkg"), **{**COMMON, "MORATORIUM_YEARS": 1}})
    rows = conflict_rows(result["OUTPUT"])
    # today → +14 days: the card's rules only for P1 and P2 (P5 starts in 2027); S1 was paved exactly a year ago
    assert {r[2] for r in rows if r[0] == "dig_before_paving"} == {"GT-2026-0001", "GT-2026-0002"}
    assert {r[0] for r in rows} == {"dig_before_paving", "moratorium", "permit_overlap", "coordination_space_time",
                                    "coordination_space"}
    assert {r[2] for r in rows if r[0] == "moratorium"} == {"GT-2026-0002"}  # P1 starts after the year is over


class Errors(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803 - QGIS API
        self.errors.append(error)


@pytest.mark.parametrize("window, expected", [
    ({"FROM": "27/11"}, "FROM must be a date like 2026-11-27, 'today' or '+14', got '27/11'"),
    ({"FROM": "2026-12-01", "TO": "2026-11-01"}, "TO (2026-11-01) is before FROM (2026-12-01)"),
])
def test_coordination_conflicts_bad_window(provider, twin, tmp_path, window, expected):
    import processing
    from qgis.core import QgsProcessingException

    feedback = Errors()
    with pytest.raises(QgsProcessingException):
        processing.run("digiresan:coordination_conflicts", {
            "TWIN": str(twin), "OUTPUT": str(tmp_path / "c.gpkg"), **window, **COMMON}, feedback=feedback)
    assert any(expected in e for e in feedback.errors), feedback.errors


# -- the real command line -----------------------------------------------------------------------------------
def qgis_process(args: list[str], env: dict, timeout: int = 180) -> subprocess.CompletedProcess:
    exe = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
    if exe is None:
        pytest.skip("qgis_process is not installed")
    return subprocess.run([exe, *args], env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A throw-away QGIS profile (HOME) and a plugin folder holding the plugin as a symlinked package."""
    root = tmp_path_factory.mktemp("cli")
    plugin = root / "plugins" / "digiresan_plugin"
    plugin.mkdir(parents=True)
    for entry in (REPO / "digiresan_plugin").iterdir():
        if entry.name != "__pycache__":
            (plugin / entry.name).symlink_to(entry)
    (plugin / "resources").symlink_to(REPO / "resources")
    shutil.copy(REPO / "metadata.txt", plugin / "metadata.txt")
    if (REPO / "LICENSE").is_file():
        shutil.copy(REPO / "LICENSE", plugin / "LICENSE")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QGIS_")}
    env.update({"HOME": str(root / "home"), "QGIS_PLUGINPATH": str(root / "plugins"), "QT_QPA_PLATFORM": "offscreen",
                "XDG_RUNTIME_DIR": str(root / "runtime"), "PYTHONDONTWRITEBYTECODE": "1"})
    (root / "home").mkdir()
    (root / "runtime").mkdir(mode=0o700)
    enabled = qgis_process(["plugins", "enable", "digiresan_plugin"], env)
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    return env


def test_qgis_process_lists_the_algorithms(cli_env):
    listed = qgis_process(["list"], cli_env)
    assert listed.returncode == 0, listed.stderr
    assert "digiresan:report_at_point" in listed.stdout
    assert "digiresan:coordination_conflicts" in listed.stdout


def test_qgis_process_run_report_at_point(cli_env, twin, catalog, tmp_path, qgis_app):
    out = tmp_path / "cli.json"
    run = qgis_process([
        "--json", "run", "digiresan:report_at_point", "--",
        f"TWIN={twin}", f"POINT={ON_S1[0]},{ON_S1[1]} [EPSG:3006]", "RADIUS_M=2", f"OUTPUT={out}",
        f"TODAY={TODAY.isoformat()}", "LANGUAGE=0", "MORATORIUM_YEARS=3",
    ], cli_env)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    start = run.stdout.index("{")
    results = json.loads(run.stdout[start:])["results"]
    assert results["SUBJECT_KEY"] == S1 and results["WARNING_COUNT"] == 7
    assert json.loads(out.read_text(encoding="utf-8")) == expected_report(twin, catalog)
