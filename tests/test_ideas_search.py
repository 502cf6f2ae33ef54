"""The ideas' text search (one byte corpus, narrowed while typing) and the fast GeoPackage reads behind it.

Expected rows are written out by hand, or are what a fresh search (nothing kept) gives for the same text, or the
literal definition (``text in title + "\\n" + description`` after lower-casing the test's own ASCII/Swedish texts).
"""

from __future__ import annotations

import random
import sqlite3
import threading
from datetime import date

import numpy as np
import pytest

from digiresan_plugin.core.ideas import dense_starts, text_search
from digiresan_plugin.core.ideas.filtering import IdeaFilter, IdeaIndex
from digiresan_plugin.core.ideas.gpkg import GeoPackageIdeaRepository
from digiresan_plugin.core.ideas.model import Idea
from digiresan_plugin.core.ideas.text_search import TextSearch

SWEDISH = [
    ("Åtgärd för ÖVERSVÄMNING", "Pumpar vid ån."),  # 0
    ("åtgärd i skolan", ""),  # 1
    ("Ärende", "Äldreomsorg – nattpatrull"),  # 2
    ("ÄPPLE och päron", None),  # 3
    ("Ost", "ingen ring över a"),  # 4
    (None, "Skolskjuts på ÖSTERSUND"),  # 5
]


def rows(search: TextSearch, needle: str) -> list[int]:
    return search.rows(needle).tolist()


@pytest.mark.parametrize(("needle", "expected"), [
    ("å", [0, 1, 5]),  # Å, å (åtgärd), å (på)
    ("åtgärd", [0, 1]),
    ("över", [0, 4]),  # ÖVER and över
    ("ä", [0, 1, 2, 3]),  # svÄmning, åtgärd, Ärende/Äldre, ÄPPLE/päron
    ("äldreomsorg - natt", [2]),  # the typographic dash in the text found with "-"
    ("pumpar vid ån.", [0]),
    ("skol", [1, 5]),
    ("n\nä", []),  # title and description are joined by a line break: "...Ärende\nÄldre..."
    ("ärende\näldre", [2]),
    ("o", [1, 2, 3, 4, 5]),  # not in row 0: "för", "Ö" are other letters
    ("x", []),
    ("€", []),  # a character no text has (not even Latin-1)
])
def test_swedish_letters_and_case(needle, expected):
    search = TextSearch([t for t, _d in SWEDISH], [d for _t, d in SWEDISH])
    assert rows(search, needle) == expected


def test_a_nul_inside_a_text_does_not_shift_the_rows():
    search = TextSearch(["ett\x00två", "tre", "fyra"], ["", "x\x00y", "fem"])
    assert rows(search, "tre") == [1]
    assert rows(search, "fem") == [2]
    assert rows(search, "ett två") == [0]  # the NUL is a space
    assert rows(search, "x y") == [1]


def test_text_outside_latin1_is_searched_as_utf8():
    search = TextSearch(["Łódź – stadsbesök", "Malmö", "ΑΘΗΝΑ"], ["", "Öresund", "Ελλάδα"])
    assert rows(search, "łódź - stad") == [0]
    assert rows(search, "ódź") == [0]
    assert rows(search, "ö") == [0, 1]
    assert rows(search, "αθηνα") == [2]  # Greek capitals folded to lower case
    assert rows(search, "λλ") == [2]


def _texts(count: int, seed: int = 7) -> tuple[list[str], list[str]]:
    pick = random.Random(seed)
    words = ["skola", "skolskjuts", "Sköld", "ÅTERVINNING", "väg", "ö", "snö", "sensor", "papper", "– pilot",
             "Östersund", "ä", "kaka", "s", "k", "sk"]
    titles = [" ".join(pick.choice(words) for _ in range(pick.randint(0, 4))) for _ in range(count)]
    descriptions = [" ".join(pick.choice(words) for _ in range(pick.randint(0, 12))) for _ in range(count)]
    return titles, descriptions


TYPED = [
    ["s", "sk", "sko", "skol", "skols", "skolsk", "skolskj"],  # typing on
    ["a", "la", "ola", "kola", "skola"],  # typing in front
    ["ö", "ös", "öst", "ös", "ö", "sö", "snö"],  # backspace and retyping
    ["p", "pi", "pil", "- pil", "- pilot"],
    ["ter", "återv", "vinning", "n", "nn"],
    ["zz", "zzz", "kaka kaka", "a k"],
]


@pytest.fixture(params=["one part", "two parts"])
def parts(request, monkeypatch):
    """Search the corpus in one part, or in two (the second in the worker thread) even when it is small."""
    if request.param == "two parts":
        monkeypatch.setattr(dense_starts, "PARALLEL_BYTES", 0)
        monkeypatch.setattr(dense_starts.os, "cpu_count", lambda: 2)
    return request.param


@pytest.mark.parametrize("typed", TYPED)
def test_narrowing_gives_the_rows_of_a_fresh_search(typed, parts):
    titles, descriptions = _texts(3000)
    typing = TextSearch(titles, descriptions)
    lowered = [f"{t}\n{d}".lower().replace("–", "-") for t, d in zip(titles, descriptions)]
    for needle in typed:
        typed_rows = rows(typing, needle)
        assert typed_rows == rows(TextSearch(titles, descriptions), needle), needle
        assert typed_rows == [k for k, text in enumerate(lowered) if needle in text], needle  # the definition
    assert len(typing._dense._parts) == (2 if parts == "two parts" else 1)


def test_rows_are_exact_at_every_word_boundary(parts):
    """Rows of every length from 0 to 19 bytes at every alignment (the rows are found 8 bytes at a time): a letter at
    a row's first or last byte, or just outside it, belongs to that row only."""
    titles, descriptions = [], []
    for shift in range(8):
        titles.append("." * shift)
        descriptions.append("")
        for length in range(20):
            for spot in (0, length - 1):
                text = ["."] * length
                if length:
                    text[spot] = "q"
                titles.append("".join(text))
                descriptions.append("")
    lowered = [f"{t}\n{d}" for t, d in zip(titles, descriptions)]
    search = TextSearch(titles, descriptions)
    for needle in ("q", "\n", ".", "q.", ".q", "..q", "\nq"):
        expected = [k for k, text in enumerate(lowered) if needle in text]
        assert rows(search, needle) == expected, needle
        search.forget()
    assert search.rows("q").tolist() == [k for k, t in enumerate(titles) if "q" in t]
    assert len(search.rows("\n")) == len(titles)  # the dense path: every row


class _Counted(dense_starts.DenseStarts):
    passes: list[str] = []

    def start(self, byte):
        self.passes.append(f"start {bytes((byte,)).decode()}")
        super().start(byte)

    def grow(self, key, offset):
        self.passes.append(f"grow {key.decode()}")
        super().grow(key, offset)

    def positions(self):
        self.passes.append("list")
        return super().positions()


def test_typing_on_compares_only_the_new_byte_then_only_the_listed_starts(monkeypatch):
    """While the text is in more than a quarter of the rows, a keystroke is one comparison of its new byte over the
    corpus; once it is in fewer, its starts are listed once and every later byte is checked there only."""
    monkeypatch.setattr(text_search, "DenseStarts", _Counted)
    _Counted.passes = []
    titles = ["sko", "skola", "ska", "sa", "as", "kos", "s", "x"] * 10  # "s": 7/8 of rows, "sk": 3/8, "sko": 2/8
    search = TextSearch(titles, [""] * len(titles))
    typed = {needle: rows(search, needle) for needle in ("s", "sk", "sko", "skol", "skola", "skolan")}
    assert _Counted.passes == ["start s", "grow sk", "grow sko", "list"]
    lowered = [f"{t}\n" for t in titles]
    assert typed == {needle: [k for k, t in enumerate(lowered) if needle in t] for needle in typed}
    _Counted.passes.clear()
    assert rows(search, "a") == [k for k, t in enumerate(titles) if "a" in t]  # another text: start again
    assert rows(search, "ka") == [k for k, t in enumerate(titles) if "ka" in t]  # typing in front
    assert _Counted.passes == ["start a", "grow ka"]


def _idea(idea_id: int, title: str, description: str, theme: str = "skola", status: str = "Inkommen") -> Idea:
    return Idea(idea_id, f"DR-2024-{idea_id:04d}", title, description, theme, "Förvaltning", "invånare",
                date(2024, 1, idea_id), status, 100.0, None, 200.0, None, None)


def test_a_saved_idea_is_found_by_its_new_text_only():
    ideas = [_idea(1, "Snöröjning", "Plogbilar"), _idea(2, "Skolskjuts", "Bussar"), _idea(3, "Sensor", "Mäter")]
    index = IdeaIndex(ideas)
    assert index.apply(IdeaFilter(text="snö")).rows.tolist() == [0]
    saved = _idea(1, "Vinterväghållning", "Sandning")
    index.replace(0, saved, [saved] + ideas[1:])
    assert index.apply(IdeaFilter(text="snö")).rows.tolist() == []
    assert index.apply(IdeaFilter(text="sand")).rows.tolist() == [0]
    assert index.apply(IdeaFilter(text="s")).rows.tolist() == [0, 1, 2]
    assert index.apply(IdeaFilter(text="s", theme="skola")).rows.tolist() == [0, 1, 2]


def _gpkg(path, rows_: list[tuple]) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE ideas (idea_id INTEGER PRIMARY KEY, reference TEXT, title TEXT, description TEXT, "
                 "theme TEXT, submitter_category TEXT, submitted_on TEXT, status TEXT)")
    conn.executemany("INSERT INTO ideas VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows_)
    conn.commit()
    conn.close()


ROWS = [
    (3, "DR-3", "Skolskjuts", "Bussar – på morgonen", "skola", "invånare", "2024-03-01", "Beviljad"),
    (1, "DR-1", "Snöröjning", None, "samhällsbyggnad", "medarbetare", "2024-01-05", "Inkommen"),
    (7, "DR-7", "ÅTERVINNING", "Sortering", None, "företag", None, "Genomförd"),
    (5, "DR-5", "Sensorer", "Papperskorgar", "miljö", None, "2024-02-10", "Avslagen"),
]


def test_the_one_read_search_corpus_gives_what_the_columns_give(tmp_path):
    path = tmp_path / "ideas.gpkg"
    _gpkg(path, ROWS)
    repo = GeoPackageIdeaRepository(path)
    ideas = repo.list_ideas()
    assert ideas.column("idea_id") == [1, 3, 5, 7]
    assert ideas.column("status") == ["Inkommen", "Beviljad", "Avslagen", "Genomförd"]
    assert ideas.column("submitted_on") == ["2024-01-05", "2024-03-01", "2024-02-10", None]
    index = IdeaIndex(ideas, search=False)
    index.prepare()
    assert not ideas.is_complete  # search and facets are ready before the other columns are read
    assert ideas.search_corpus() is not None
    plain = IdeaIndex(list(ideas))  # every column read, the texts from the ideas themselves
    for needle in ("s", "sk", "å", "återv", "bussar - på", "papper", "x"):
        assert index.apply(IdeaFilter(text=needle)).rows.tolist() == plain.apply(IdeaFilter(text=needle)).rows.tolist()
    assert index.apply(IdeaFilter(text="s")).rows.tolist() == [0, 1, 2, 3]
    assert index.apply(IdeaFilter(text="bussar - på")).rows.tolist() == [1]
    assert index.apply(IdeaFilter(text="s", theme="skola")).rows.tolist() == [1]
    assert sorted(index.theme_names()) == ["miljö", "samhällsbyggnad", "skola"]
    repo.close()


def test_separators_and_nul_in_values_fall_back_to_plain_reads(tmp_path):
    path = tmp_path / "ideas.gpkg"
    _gpkg(path, ROWS + [(9, "DR-9", "Titel\x00med nul", "a\x1fb", "te\x1fma", "x", "2024-04-01", "Under\x1fbedömning")])
    repo = GeoPackageIdeaRepository(path)
    ideas = repo.list_ideas()
    assert ideas.column("status") == ["Inkommen", "Beviljad", "Avslagen", "Genomförd", "Under\x1fbedömning"]
    index = IdeaIndex(ideas)
    assert index.apply(IdeaFilter(text="titel")).rows.tolist() == [4]
    assert index.apply(IdeaFilter(text="snö")).rows.tolist() == [0]
    assert index.apply(IdeaFilter(text="a\x1fb")).rows.tolist() == [4]
    assert "te\x1fma" in index.theme_names()
    repo.close()


def test_an_empty_table_lists_nothing(tmp_path):
    path = tmp_path / "ideas.gpkg"
    _gpkg(path, [])
    ideas = GeoPackageIdeaRepository(path).list_ideas()
    index = IdeaIndex(ideas)
    assert len(ideas) == 0 and index.apply(IdeaFilter(text="s")).rows.tolist() == []
    assert np.array_equal(index.apply(IdeaFilter()).rows, np.zeros(0, dtype=np.int64))


def test_the_worker_thread_ends_on_unload_and_a_later_search_starts_one(monkeypatch):
    monkeypatch.setattr(dense_starts, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(dense_starts.os, "cpu_count", lambda: 2)
    titles, descriptions = _texts(500)
    expected = rows(TextSearch(titles, descriptions), "s")
    search = TextSearch(titles, descriptions)
    assert rows(search, "s") == expected
    assert any(t.name.startswith("digiresan-search") for t in threading.enumerate())
    dense_starts.stop_worker()
    assert not any(t.name.startswith("digiresan-search") for t in threading.enumerate())
    search.forget()
    assert rows(search, "s") == expected
    dense_starts.stop_worker()
