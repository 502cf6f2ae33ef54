"""A coordinator's edit as a change, and the CSV cells: answers written out by hand."""

from __future__ import annotations

from datetime import date

from digiresan_plugin.core.ideas.editing import decision_change, edited_values, field_label, resolved_change
from digiresan_plugin.core.ideas.export import CSV_FIELDS, csv_value, write_csv
from digiresan_plugin.core.ideas.model import Conflict, Idea, IdeaChange

IDEA = Idea(7, "DR-2022-0007", "Sensorer i skolans kök", status="Under bedömning", granted_sek=None,
            decision_text="  Utreds  ", version=3, estimated_cost_sek=200000.0, expected_yearly_effect_sek=450000.0,
            submitted_on=date(2022, 3, 1), submitter_name="Bo Berg")


def test_only_what_differs_is_changed():
    assert edited_values(IDEA, "Under bedömning", 0.0, "Utreds") == {}  # trimmed text, 0 kr = no amount
    assert edited_values(IDEA, "Under bedömning", 0.004, "Utreds\n") == {}  # to the öre
    assert edited_values(IDEA, "Under bedömning", 125000.0, "") == {"granted_sek": 125000.0, "decision_text": None}


def test_a_first_decision_sets_the_decision_date():
    today = date(2022, 9, 14)
    assert edited_values(IDEA, "Beviljad", 0.0, "Utreds", today=today) == {"status": "Beviljad",
                                                                            "decided_on": today}
    decided = Idea(8, "DR-2022-0008", "t", status="Beviljad", decided_on=date(2022, 5, 2))
    assert edited_values(decided, "Avslagen", 0.0, "", today=today) == {"status": "Avslagen"}
    assert edited_values(IDEA, "Genomförd", 0.0, "Utreds", today=today) == {"status": "Genomförd"}  # no decision


def test_changes_are_based_on_the_version_seen_and_then_the_version_saved_meanwhile():
    change = decision_change(IDEA, {"status": "Avslagen"}, user="Coordinator")
    assert (change.idea_id, change.base_version, change.values, change.user) == (7, 3, {"status": "Avslagen"},
                                                                               "Coordinator")
    theirs = Idea(7, "DR-2022-0007", "t", status="Beviljad", version=5)
    again = resolved_change(Conflict(change, theirs), {"decision_text": "Mine"})
    assert (again.idea_id, again.base_version, again.values, again.user) == (7, 5, {"decision_text": "Mine"},
                                                                             "Coordinator")
    assert isinstance(again, IdeaChange)


def test_field_labels():
    assert field_label("granted_sek") == "Granted (SEK)"
    assert field_label("theme") == "theme"


def test_csv_cells(tmp_path):
    assert csv_value(IDEA, "ratio") == "2.25"
    assert csv_value(IDEA, "estimated_cost_sek") == "200000"
    assert csv_value(Idea(1, "r", "t", granted_sek=1234.5), "granted_sek") == "1234.50"
    assert csv_value(IDEA, "submitted_on") == "2022-03-01"
    assert csv_value(IDEA, "granted_sek") == ""
    path = tmp_path / "ideas.csv"
    assert write_csv(path, [IDEA]) == 1
    header, row = path.read_text(encoding="utf-8-sig").splitlines()
    assert header.split(",") == list(CSV_FIELDS) and "Bo Berg" not in row
    write_csv(path, [IDEA], personal=True)
    assert path.read_text(encoding="utf-8-sig").splitlines()[0].endswith("submitter_name,submitter_contact")
    assert "Bo Berg" in path.read_text(encoding="utf-8-sig")
