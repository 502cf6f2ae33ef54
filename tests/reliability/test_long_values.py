"""Item 9: no value can freeze the card or the idea details — at most 2 000 characters of a value are laid out,
with "Show all" opening the whole text in a plain-text viewer. A 1 MB word without a break (over two minutes of
layout before) is rendered in the real widgets here; the suite's timeout is the guard."""

from __future__ import annotations

from qgis.gui import QgsMessageBar
from qgis.PyQt.QtWidgets import QPlainTextEdit

from digiresan_plugin.core.ideas.model import Idea
from digiresan_plugin.core.identify.report import Attribute, Subject, TwinReport
from digiresan_plugin.gui.long_text import CAP, TEXT_SCHEME

WORD = "Å" + "x" * (1024 * 1024) + "ÖSLUT"  # one megabyte, no break


def test_card_caps_a_huge_value_and_shows_it_all_on_demand(qgis_app):
    from digiresan_plugin.gui.card.dock import TwinCardDock

    report = TwinReport(language="en", subject=Subject(
        "road_segments", "Road segments", "segment_id", "S1", 1, "Storgatan (S1)",
        [Attribute("street_name", "Street", WORD, "text"), Attribute("segment_id", "Segment id", "S1", "text")]))
    dock = TwinCardDock(None, message_bar=QgsMessageBar())
    try:
        dock.show_report(report)
        html = dock._renderer.subject_html()
        assert len(html) < CAP + 2000 and f'href="{TEXT_SCHEME}:' in html and "1048582 characters" in html
        href = html.split(f'href="{TEXT_SCHEME}:', 1)[1].split('"', 1)[0]
        dock.open_link(f"{TEXT_SCHEME}:{href}")
        viewers = [w for w in dock.findChildren(QPlainTextEdit) if w.objectName() == "fullText"]
        assert len(viewers) == 1 and viewers[0].toPlainText() == WORD
        viewers[0].window().close()
    finally:
        dock.cleanup()


def test_idea_details_cap_description_and_decision(qgis_app):
    from digiresan_plugin.gui.ideas.detail_view import IdeaDetailView

    view = IdeaDetailView(None)
    idea = Idea(7, "DR-2026-0007", "Cykelbana", description=WORD, decision_text="Beviljas. " + WORD, theme=WORD)
    html = view.idea_html(idea, [], "", False)
    assert len(html) < 4 * CAP + 4000 and html.count(f'href="{TEXT_SCHEME}:') == 3
    view.setHtml(html)
    assert "Cykelbana" in view.toPlainText() and "ÖSLUT" not in view.toPlainText()
    href = html.split(f'href="{TEXT_SCHEME}:', 1)[1].split('"', 1)[0]
    from qgis.PyQt.QtCore import QUrl

    view.anchorClicked.emit(QUrl(f"{TEXT_SCHEME}:{href}"))
    viewers = [w for w in view.findChildren(QPlainTextEdit) if w.objectName() == "fullText"]
    assert len(viewers) == 1 and viewers[0].toPlainText().endswith("ÖSLUT")
    viewers[0].window().close()


def test_short_values_are_unchanged():
    from digiresan_plugin.gui.card.formatting import esc

    assert esc('Storgatan <b>"7"</b>\nhörn') == "Storgatan &lt;b&gt;&quot;7&quot;&lt;/b&gt;<br>hörn"
