"""Ideas core: filters, counts, the programme summary and the ratio on a small data set whose answers are known by
construction (the sums below are written out by hand, not computed the way the code does)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from digiresan_plugin.core.ideas.filtering import (
    IdeaFilter,
    IdeaIndex,
    filter_ideas,
    ideas_for_feature,
    normalise,
    status_counts,
)
from digiresan_plugin.core.ideas.model import (
    STATUSES,
    Conflict,
    Idea,
    IdeaChange,
    effect_cost_ratio,
    event_text,
    same_value,
)
from digiresan_plugin.core.ideas.summary import programme_summary, programme_years


def idea(idea_id, reference, title, description, theme, category, submitted, status, cost, granted, effect,
         decided=None, **kw) -> Idea:
    return Idea(idea_id, reference, title, description, theme, "Förvaltning", category, submitted, status, cost,
                granted, effect, None, decided, **kw)


IDEAS = [
    idea(1, "DR-2020-0001", "Digital signering av läkemedel", "Signering i mobilen i hemtjänsten.",
         "vård och omsorg", "medarbetare", date(2020, 2, 1), "Genomförd", 1_000_000.0, 800_000.0, 2_500_000.0,
         date(2020, 4, 1), x=481600.0, y=7005600.0),
    idea(2, "DR-2020-0002", "Snödjupssensorer för snöröjning", "Plogbilar ut när det behövs.",
         "samhällsbyggnad", "medarbetare", date(2020, 3, 10), "Beviljad", 400_000.0, 400_000.0, 1_000_000.0,
         date(2021, 1, 15), linked_layer="road_segments", linked_key="OST-STORGATAN-0006"),
    idea(3, "DR-2021-0001", "Skolplaneringsverktyg", "Pilot – första etappen på en skola.",
         "skola", "invånare", date(2021, 2, 1), "Delvis beviljad", 1_200_000.0, 600_000.0, 1_800_000.0,
         date(2021, 6, 1)),
    idea(4, "DR-2021-0002", "App för kostregistrering", "Måltider och vätska registreras i appen.",
         "vård och omsorg", "företag", date(2021, 5, 5), "Avslagen", 300_000.0, None, 200_000.0, date(2021, 8, 1)),
    idea(5, "DR-2022-0001", "Digital tvilling", "Gator och ledningar i samma karta.",
         "samhällsbyggnad", "organisation", date(2022, 1, 10), "Genomförd utan medel", 2_000_000.0, None,
         3_000_000.0, date(2022, 3, 1), x=481700.0, y=7005700.0),
    idea(6, "DR-2022-0002", "Robot '; DROP TABLE ideas; --", "Fakturor hanteras av en robot.",
         "administration", "medarbetare", date(2022, 4, 1), "Inkommen", 100_000.0, None, None),
    idea(7, "DR-2022-0003", "Fetstil <b>viktigt</b> i nyhetsbrev", "Nyhetsbrevet får rubriker.",
         "kultur och fritid", "invånare", date(2022, 5, 1), "Under bedömning", 50_000.0, None, 150_000.0),
    idea(8, "DR-2022-0004", "Återkallad idé om papper", "Pappersarkiv skannas.",
         "miljö", "medarbetare", date(2022, 6, 1), "Återkallad", 500_000.0, 300_000.0, 900_000.0, date(2022, 7, 1)),
    idea(9, "DR-2022-0005", "Sensorer i papperskorgar", "Tömning efter behov.",
         "miljö", "företag", date(2022, 11, 20), "Beviljad", 250_000.0, 250_000.0, 500_000.0, date(2023, 1, 20),
         x=482000.0, y=7006000.0),
]


def refs(ideas) -> list[str]:
    return [i.reference for i in ideas]


# --- summary --------------------------------------------------------------------------------------------------
def test_programme_summary_sums_known_by_construction():
    s = programme_summary(IDEAS, (2020, 2021, 2022))
    # granted (Beviljad, Delvis beviljad, Genomförd) by decision year; id 9 decided 2023 counts in 2022;
    # id 8 (Återkallad) does not count although it has 300 000 granted.
    assert s.granted_by_year == {2020: 800_000.0, 2021: 1_000_000.0, 2022: 250_000.0}
    assert s.granted_total == 2_050_000.0
    assert s.cumulative_by_year() == {2020: 800_000.0, 2021: 1_800_000.0, 2022: 2_050_000.0}
    assert s.remaining == 50_000_000.0 - 2_050_000.0
    # effect: ids 1, 2, 3, 5 (without money) and 9
    assert s.effect_total == 8_800_000.0
    assert s.ratio == pytest.approx(8.8 / 2.05)
    assert (s.funded_count, s.effect_count) == (4, 5)
    assert (s.budget, s.effect_target, s.target_ratio) == (50e6, 100e6, 2.0)


def test_summary_of_nothing_has_no_ratio():
    s = programme_summary([], (2020, 2021, 2022))
    assert s.granted_total == 0 and s.ratio is None and s.granted_by_year == {2020: 0, 2021: 0, 2022: 0}


def test_programme_years_follow_the_ideas_or_the_setting():
    received = [date(2024, 3, 1), date(2026, 5, 2), date(2025, 1, 9)]
    ideas = [Idea(i, f"DR-{d.year}-{i:04d}", "x", submitted_on=d, status="Beviljad", granted_sek=100.0,
                  decided_on=d) for i, d in enumerate(received, 1)]
    assert programme_years(ideas) == (2024, 2025, 2026)  # the latest year received and the two before
    assert programme_years(ideas, first_year=2020) == (2020, 2021, 2022)
    s = programme_summary(ideas)
    assert s.years == (2024, 2025, 2026) and s.granted_by_year == {2024: 100.0, 2025: 100.0, 2026: 100.0}
    assert programme_summary(ideas, first_year=2020).granted_by_year == {2020: 0.0, 2021: 0.0, 2022: 300.0}
    assert programme_years([]) == tuple(range(date.today().year - 2, date.today().year + 1))


def test_ratio_per_idea():
    assert IDEAS[0].ratio == 2.5
    assert IDEAS[5].ratio is None  # no effect given
    assert effect_cost_ratio(100.0, 0.0) is None
    assert effect_cost_ratio(300_000.0, 150_000.0) == 2.0


# --- filters and counts ---------------------------------------------------------------------------------------
def test_no_filter_lists_all_and_counts_each_status():
    result = IdeaIndex(IDEAS).apply(IdeaFilter())
    assert list(result.rows) == list(range(9))
    assert result.counts == {"Inkommen": 1, "Under bedömning": 1, "Beviljad": 2, "Delvis beviljad": 1,
                             "Genomförd utan medel": 1, "Avslagen": 1, "Genomförd": 1, "Återkallad": 1}
    assert list(result.counts) == list(STATUSES)
    assert result.total == 9
    assert status_counts(IDEAS) == result.counts


def test_status_filter_keeps_counts_of_the_other_statuses():
    result = IdeaIndex(IDEAS).apply(IdeaFilter(status="Beviljad"))
    assert [IDEAS[i].reference for i in result.rows] == ["DR-2020-0002", "DR-2022-0005"]
    assert result.counts["Beviljad"] == 2 and result.counts["Avslagen"] == 1 and result.total == 9


def test_theme_category_and_year_filters_update_counts():
    index = IdeaIndex(IDEAS)
    care = index.apply(IdeaFilter(theme="vård och omsorg"))
    assert [IDEAS[i].idea_id for i in care.rows] == [1, 4]
    assert care.counts["Genomförd"] == 1 and care.counts["Avslagen"] == 1 and care.total == 2
    staff_2022 = index.apply(IdeaFilter(category="medarbetare", year=2022))
    assert [IDEAS[i].idea_id for i in staff_2022.rows] == [6, 8]
    assert staff_2022.counts == {**{s: 0 for s in STATUSES}, "Inkommen": 1, "Återkallad": 1}
    none = index.apply(IdeaFilter(theme="skola", year=2020))
    assert list(none.rows) == [] and none.total == 0
    unknown = index.apply(IdeaFilter(theme="rymdfart"))
    assert list(unknown.rows) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DIGITAL", ["DR-2020-0001", "DR-2022-0001"]),
        ("  tvilling  ", ["DR-2022-0001"]),
        ("'; DROP", ["DR-2022-0002"]),  # SQL-like text: just characters
        ("'; drop table ideas; --", ["DR-2022-0002"]),
        ("<b>", ["DR-2022-0003"]),  # HTML-like text: just characters
        ("</b> i", ["DR-2022-0003"]),
        ("%", []),  # no SQL wildcards
        ("_", []),
        (".*", []),  # no regular expressions
        ("s[ae]nsor", []),
        ("ÅTERKALLAD", ["DR-2022-0004"]),  # case-insensitive with Swedish letters
        ("pilot - första", ["DR-2021-0001"]),  # typographic dash in the text found with "-"
        ("pilot – första", ["DR-2021-0001"]),
        ("vätska", ["DR-2021-0002"]),  # description is searched too
        ("", [i.reference for i in IDEAS]),
    ],
)
def test_search_is_literal_and_case_insensitive(text, expected):
    assert refs(filter_ideas(IDEAS, IdeaFilter(text=text))) == expected


def test_search_combines_with_facets_and_typing_on_narrows_correctly():
    index = IdeaIndex(IDEAS)
    # typing "s", "se", "sen", … must give what a fresh search gives at each step
    for k in range(1, len("sensorer") + 1):
        needle = "sensorer"[:k]
        typed = [IDEAS[i].reference for i in index.apply(IdeaFilter(text=needle)).rows]
        fresh = [IDEAS[i].reference for i in IdeaIndex(IDEAS).apply(IdeaFilter(text=needle)).rows]
        assert typed == fresh
    assert refs(filter_ideas(IDEAS, IdeaFilter(text="sensorer"))) == ["DR-2020-0002", "DR-2022-0005"]
    # deleting characters widens again
    assert len(index.apply(IdeaFilter(text="s")).rows) > len(index.apply(IdeaFilter(text="sensorer")).rows)
    r = index.apply(IdeaFilter(text="sensorer", theme="miljö"))
    assert [IDEAS[i].idea_id for i in r.rows] == [9]
    assert r.counts["Beviljad"] == 1 and r.total == 1


def test_sort_order_is_kept_by_the_filter():
    index = IdeaIndex(IDEAS)
    by_ratio = np.array(sorted(range(9), key=lambda i: -(IDEAS[i].ratio or 0)))
    rows = index.apply(IdeaFilter(theme="samhällsbyggnad"), by_ratio).rows
    assert [IDEAS[i].idea_id for i in rows] == [2, 5]  # 2.5 before 1.5
    assert [IDEAS[i].idea_id for i in index.apply(IdeaFilter(text="digital"), by_ratio).rows] == [1, 5]


def test_normalise_only_trims_lowercases_and_folds_dashes():
    assert normalise("  Å<B>'%_ – X ") == "å<b>'%_ - x"


# --- twin card lookup -----------------------------------------------------------------------------------------
def test_ideas_for_feature_by_link_and_by_box():
    assert refs(ideas_for_feature(IDEAS, "road_segments", "OST-STORGATAN-0006")) == ["DR-2020-0002"]
    assert refs(ideas_for_feature(IDEAS, "buildings", "OST-STORGATAN-0006")) == []
    assert refs(ideas_for_feature(IDEAS, bbox=(481590, 7005590, 481710, 7005710))) == ["DR-2020-0001",
                                                                                       "DR-2022-0001"]
    both = ideas_for_feature(IDEAS, "road_segments", "OST-STORGATAN-0006", bbox=(481999, 7005999, 482001, 7006001))
    assert refs(both) == ["DR-2020-0002", "DR-2022-0005"]


# --- changes and conflicts ------------------------------------------------------------------------------------
def test_change_accepts_only_editable_fields():
    with pytest.raises(ValueError, match="submitter_name"):
        IdeaChange(1, 1, {"submitter_name": "x"})
    with pytest.raises(ValueError, match="title"):
        IdeaChange(1, 1, {"status": "Beviljad", "title": "x"})


def test_conflict_lists_both_values_of_the_fields_that_differ():
    mine = IdeaChange(1, 3, {"status": "Avslagen", "granted_sek": 800_000, "decision_text": "Nej"})
    theirs = Idea(1, "DR-2020-0001", "t", status="Beviljad", granted_sek=800_000.0, decision_text="Ja", version=4)
    assert Conflict(mine, theirs).differences() == [("status", "Avslagen", "Beviljad"),
                                                    ("decision_text", "Nej", "Ja")]


def test_values_compare_and_print_like_the_database():
    assert same_value("granted_sek", 150000, 150000.004)
    assert not same_value("granted_sek", None, 0.0)
    assert same_value("decision_text", "", None)
    assert same_value("decided_on", date(2021, 3, 4), "2021-03-04")
    assert event_text(150000.0) == "150000.00" and event_text(date(2021, 3, 4)) == "2021-03-04"
    assert event_text(None) is None and event_text("") is None


def test_swedish_ideas_csv_has_semicolons_and_decimal_commas(tmp_path):
    import csv

    from digiresan_plugin.core.csv_style import csv_style
    from digiresan_plugin.core.ideas.export import write_csv

    ideas = [Idea(1, "DR-2026-0001", "Bänkar; vid torget", status="Beviljad", granted_sek=150_000.5,
                  estimated_cost_sek=200_000.0, expected_yearly_effect_sek=300_001.0, x=481000.25, y=7005000.0)]
    path = tmp_path / "ideer.csv"
    assert write_csv(path, ideas, style=csv_style("sv")) == 1
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    header, row = list(csv.reader(path.open(encoding="utf-8-sig", newline=""), delimiter=";"))
    values = dict(zip(header, row))
    assert values["title"] == "Bänkar; vid torget"  # quoted, one column
    assert (values["granted_sek"], values["estimated_cost_sek"], values["x"]) == ("150000,50", "200000", "481000,25")
    assert values["ratio"] == "1,50"  # effect / estimated cost: 300 001 / 200 000
