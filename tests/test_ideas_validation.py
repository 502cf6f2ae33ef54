"""Decisions that add up: the amounts a decision text states, and the checks before a save (cases by construction),
in the real dock too (blocking problems are not saved, the others only when confirmed)."""

from __future__ import annotations

import pytest

from digiresan_plugin.core.ideas.formats import mnkr, sek
from digiresan_plugin.core.ideas.model import Idea
from digiresan_plugin.core.ideas.validation import check_decision, stated_amounts

NB = "\u202f"


@pytest.mark.parametrize("text, amounts", [
    ("Beviljas 330 000 kr", [330000.0]),
    ("Beviljas 330\u00a0000 kronor för en pilot.", [330000.0]),
    ("Beviljas 330\u202f000 kr", [330000.0]),
    ("Delvis beviljad: 1,5 mnkr av sökta 2 mnkr.", [1500000.0, 2000000.0]),
    ("Beviljas 250 tkr.", [250000.0]),
    ("Beviljas 330 000:-", [330000.0]),
    ("Beviljas 1.250.000 SEK", [1250000.0]),
    ("Beviljas 2,5 miljoner kronor", [2500000.0]),
    ("Beslut 2021 om 300 000 kr", [300000.0]),  # the year is not part of the amount
    ("Avslås: för lite effekt under 2023.", []),
    ("Köp av 12 kronorsbiljetter", []),
    ("", []),
    (None, []),
])
def test_amounts_stated_in_a_decision_text(text, amounts):
    assert stated_amounts(text) == amounts


IDEA = Idea(1, "DR-2021-0001", "Smartare snöröjning", estimated_cost_sek=300000.0, status="Under bedömning")


@pytest.mark.parametrize("status, granted, text, expected", [
    # consistent decisions: nothing to say
    ("Beviljad", 300000, "Beviljas 300 000 kr.", []),
    ("Beviljad", 120000, "Beviljas.", []),
    ("Delvis beviljad", 250000, "Delvis beviljad med 250 000 kr av sökta 300 000 kr.", []),
    ("Avslagen", 0, "Avslås.", []),
    ("Genomförd utan medel", 0, "Genomförs inom befintlig budget.", []),
    ("Under bedömning", 0, "", []),
    # the case: the text says 330 000 kr, the granted field 250 000 kr
    ("Delvis beviljad", 250000, "Beviljas 330 000 kr", [("text_amount_differs", False)]),
    # status and amount disagree: blocking
    ("Beviljad", 0, "Beviljas.", [("granted_without_amount", True)]),
    ("Avslagen", 50000, "Avslås.", [("rejected_with_amount", True)]),
    ("Genomförd utan medel", 1000, "", [("without_funds_with_amount", True)]),
    ("Delvis beviljad", 0, "", [("partial_without_amount", True)]),
    ("Delvis beviljad", 300000, "", [("partial_not_below_estimate", True)]),
    ("Delvis beviljad", 350000, "", [("partial_not_below_estimate", True)]),
    # more than the estimate: to be confirmed
    ("Beviljad", 350000, "Beviljas 350 000 kr.", [("over_estimate", False)]),
    ("Beviljad", 350000, "Beviljas 300 000 kr.", [("over_estimate", False), ("text_amount_differs", False)]),
])
def test_decision_checks(status, granted, text, expected):
    assert [(p.code, p.blocking) for p in check_decision(IDEA, status, granted, text)] == expected


def test_without_an_estimate_only_status_and_text_are_checked():
    idea = Idea(2, "DR-2021-0002", "Utan kalkyl")
    assert check_decision(idea, "Beviljad", 10_000_000, "") == []
    assert [p.code for p in check_decision(idea, "Delvis beviljad", 10_000_000, "")] == []


def test_messages_show_swedish_amounts():
    (problem,) = check_decision(IDEA, "Delvis beviljad", 250000, "Beviljas 330 000 kr")
    assert problem.message == (f"The decision text states 330{NB}000 kr, but the granted amount is 250{NB}000 kr.")
    assert sek(1234567.4) == f"1{NB}234{NB}567 kr" and mnkr(12_345_678) == "12,3 mnkr"
    assert mnkr(None) == sek(None) == "–"


# --- in the dock ----------------------------------------------------------------------------------------------------
def test_the_editor_shows_the_stated_amount_and_blocks_or_asks(make_ideas_dock, monkeypatch):
    from tests.sqlite_rows import rows

    dock, gpkg = make_ideas_dock()
    (idea_id, version, estimate), = rows(gpkg, "SELECT idea_id, version, estimated_cost_sek FROM ideas WHERE status = "
                                               "'Under bedömning' AND estimated_cost_sek > 20000 ORDER BY idea_id "
                                               "LIMIT 1")
    assert dock.select_idea(idea_id)
    editor = dock.editor_page
    messages = []
    editor.message.connect(lambda text, _level: messages.append(text))
    # the case: partly granted below the estimate, but the text says more
    below = round(estimate / 2)
    dock.edit_status.setCurrentIndex(dock.edit_status.findData("Delvis beviljad"))
    dock.edit_granted.setValue(below)
    dock.edit_decision.setPlainText(f"Beviljas {round(estimate) + 30000} kr")
    assert editor.check_label.text().startswith("The text states ") and "the granted amount is" in \
        editor.check_label.text()
    asked = []
    monkeypatch.setattr(editor, "confirm_problems", lambda problems: asked.append([p.code for p in problems]) or False)
    dock.save_button.click()
    assert asked == [["text_amount_differs"]] and messages[-1] == "Not saved."
    assert rows(gpkg, "SELECT version FROM ideas WHERE idea_id = ?", (idea_id,)) == [(version,)]
    # blocking: "Avslagen" with an amount is never saved, and nobody is asked
    dock.edit_status.setCurrentIndex(dock.edit_status.findData("Avslagen"))
    dock.edit_decision.setPlainText("Avslås.")
    assert "cannot have a granted amount" in editor.check_label.text()
    asked.clear()
    dock.save_button.click()
    assert asked == [] and messages[-1].startswith("Not saved: ")
    assert rows(gpkg, "SELECT version FROM ideas WHERE idea_id = ?", (idea_id,)) == [(version,)]
    # confirmed: saved as entered
    dock.edit_status.setCurrentIndex(dock.edit_status.findData("Delvis beviljad"))
    dock.edit_decision.setPlainText(f"Beviljas {round(estimate) + 30000} kr")
    monkeypatch.setattr(editor, "confirm_problems", lambda problems: True)
    saved = []
    dock.saved.connect(saved.append)
    dock.save_button.click()
    wait_until(lambda: saved)
    assert rows(gpkg, "SELECT status, granted_sek FROM ideas WHERE idea_id = ?", (idea_id,)) == [
        ("Delvis beviljad", float(below))]


def wait_until(condition, timeout: float = 30.0) -> None:
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out waiting"
        QCoreApplication.processEvents()
        time.sleep(0.005)


@pytest.fixture()
def make_ideas_dock(tmp_path, project):
    from demo import generate_twin
    from demo.ideas import write_ideas_for_twin
    from digiresan_plugin.core.ideas.gpkg import GeoPackageIdeaRepository
    from digiresan_plugin.gui.ideas.dock import IdeasDock
    from tests.conftest import SEED, TODAY

    docks = []

    def make():
        path = tmp_path / "twin.gpkg"
        generate_twin(path, seed=SEED, today=TODAY)
        write_ideas_for_twin(path, SEED, TODAY)
        dock = IdeasDock(None, None, None, repository=GeoPackageIdeaRepository(path), coordinator=True, load=False)
        docks.append(dock)
        dock.refresh()
        wait_until(lambda: not dock.is_busy())
        return dock, path

    yield make
    for dock in docks:
        dock.cleanup()
        dock.deleteLater()
