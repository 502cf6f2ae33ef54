"""The demo ideas themselves: when they came in, from whom, about what and where; then their status flow."""

from __future__ import annotations

import math
import random
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterator, Optional

from .places import Place
from .texts import (
    CATEGORY_LETTER,
    COMPANIES,
    DEPARTMENTS,
    FIRST_NAMES,
    LAST_NAMES,
    ORGANISATIONS,
    PLACES,
    TEMPLATES,
    Template,
)

DEFAULT_COUNT = 200
EMPLOYEE_SHARE = 62 / 200  # "just over 60" of the first ~200 came from employees by November 2020
# The programme's timeline moves with ``today`` (as the real one ran 2020-01-20 .. 2022-12-09, listed 2022-12-15):
PROGRAMME_DAYS = 1060  # it started this many days before today (about two years and ten months)
EMPLOYEE_PHASE_DAYS = 305  # the first call, to employees only (about ten months)
LAST_SUBMISSION_DAYS = 6  # the newest idea came in this many days before today
GRANT_CAP_SEK = 46_500_000  # a plausible share of the 50 MSEK: the rest kept for follow-up

COORDINATORS = ("karin.hedlund", "mats.olofsson", "sara.nyberg")


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return "".join(ch if ch.isalnum() else "." for ch in plain).strip(".")


def _sek(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ") + " kr"


_EVENT_NAMES = {"granted": "granted_sek"}


def _text(value) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass
class Idea:
    """One idea as it is written: its fields, and its history as ``idea_events`` rows."""

    idea_id: int
    reference: str
    title: str
    description: str
    theme: str
    department: str
    category: str
    submitted_on: date
    status: str
    cost: float
    granted: Optional[float]
    effect: float
    decision_text: Optional[str]
    decided_on: Optional[date]
    x: Optional[float]
    y: Optional[float]
    linked_layer: Optional[str]
    linked_key: Optional[str]
    submitter_name: str
    submitter_contact: str
    version: int
    updated_at: str
    updated_by: str
    events: list


def _stamp(day: date, rng: random.Random) -> str:
    moment = datetime(day.year, day.month, day.day, rng.randint(7, 15), rng.randint(0, 59), rng.randint(0, 59))
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _dates(rng: random.Random, n: int, start: date, end: date) -> list[date]:
    span = max((end - start).days, 1)
    return sorted(start + timedelta(days=rng.randint(0, span)) for _ in range(n))


class IdeaMaker:
    """Makes ``count`` ideas for (seed, today) in submission order, each with its status flow up to the list's date."""

    def __init__(self, seed: int, today: date, count: int, segments: list[Place], buildings: list[Place],
                 extent: tuple[float, float, float, float]):
        self.rng = random.Random(f"digiresan-ideas:{seed}:{today.isoformat()}:{count}")
        self.as_of = today - timedelta(days=1)  # the list as the coordinators left it yesterday
        self.start = today - timedelta(days=PROGRAMME_DAYS)
        self.employee_end = self.start + timedelta(days=EMPLOYEE_PHASE_DAYS)
        self.last_submission = today - timedelta(days=LAST_SUBMISSION_DAYS)
        self.count = count
        self.segments = segments
        self.buildings = buildings
        xmin, ymin, xmax, ymax = extent
        dx, dy = (xmax - xmin) * 0.08, (ymax - ymin) * 0.08
        self.box = (xmin + dx, ymin + dy, xmax - dx, ymax - dy)
        self.by_purpose: dict[str, list[Place]] = {}
        for b in buildings:
            self.by_purpose.setdefault(b.purpose, []).append(b)
        self.cap = GRANT_CAP_SEK * max(1.0, count / DEFAULT_COUNT)
        self.granted_total = 0.0
        self.uses: dict[str, int] = {}
        self.first_ref: dict[str, tuple[str, str]] = {}  # title → (reference, status) of its first idea
        self.per_year: dict[int, int] = {}

    # -- one idea ----------------------------------------------------------------------------------------------
    def ideas(self) -> Iterator[Idea]:
        rng = self.rng
        n_employee = max(1, round(self.count * EMPLOYEE_SHARE)) if self.count > 1 else self.count
        first = _dates(rng, n_employee, self.start, self.employee_end)
        later_end = self.last_submission
        later_start = self.employee_end + timedelta(days=1)
        later = _dates(rng, self.count - n_employee, later_start, max(later_end, later_start))
        if first:
            first[0] = self.start  # the programme opened with an idea on its first day ...
        if later:
            later[-1] = max(later_end, later_start)  # ... and the newest came in LAST_SUBMISSION_DAYS ago
        for idea_id, (day, phase) in enumerate([(d, 1) for d in first] + [(d, 2) for d in later], 1):
            yield self._idea(idea_id, day, phase)

    def _category(self, phase: int) -> str:
        if phase == 1:
            return "medarbetare"
        return self.rng.choices(("medarbetare", "invånare", "företag", "organisation"), (45, 30, 15, 10))[0]

    def _template(self, category: str) -> Template:
        letter = CATEGORY_LETTER[category]
        pool = [t for t in TEMPLATES if letter in t.who]
        # prefer templates used less often, so the list has variety before repeats
        least = min(self.uses.get(t.title, 0) for t in pool)
        fresh = [t for t in pool if self.uses.get(t.title, 0) <= least + 1]
        return self.rng.choice(fresh)

    def _idea(self, idea_id: int, submitted: date, phase: int) -> Idea:
        rng = self.rng
        category = self._category(phase)
        t = self._template(category)
        use = self.uses.get(t.title, 0)
        self.uses[t.title] = use + 1
        year = submitted.year
        self.per_year[year] = self.per_year.get(year, 0) + 1
        reference = f"DR-{year}-{self.per_year[year]:04d}"
        place, title, description = self._place_and_text(t, use)
        lo, hi = t.cost
        cost = math.exp(rng.uniform(math.log(lo), math.log(hi))) * 1000 * rng.uniform(0.5, 1.1)
        cost = max(50_000.0, round(cost, -4))
        cost = min(cost, 5_000_000.0)
        ratio = rng.uniform(*t.ratio) * rng.uniform(0.5, 0.95)
        effect = round(cost * ratio, -4)
        name, contact = self._submitter(category)
        idea = Idea(idea_id, reference, title, description, t.theme, rng.choice(DEPARTMENTS[t.theme]), category,
                     submitted, "Inkommen", cost, None, effect, None, None,
                     place[0] if place else None, place[1] if place else None,
                     place[2] if place else None, place[3] if place else None, name, contact, 1,
                     _stamp(submitted, rng), "e-tjänst", [])
        self._flow(idea, ratio, t.title)
        self.first_ref.setdefault(t.title, (reference, idea.status))
        return idea

    def _place_and_text(self, t: Template, use: int):
        """((x, y, linked_layer, linked_key) or None, title, description)."""
        rng = self.rng
        title, description = t.title, t.description
        place = None
        kind = t.place
        if kind == "segment" and self.segments and rng.random() < 0.8:
            p = rng.choice(self.segments)
            place = (p.x, p.y, p.layer, p.key)
            title += f" på {p.name}" if use else ""
            description += f" Förslaget gäller i första hand {p.name}."
        elif kind.startswith("building:") and self.buildings and rng.random() < 0.75:
            candidates = self.by_purpose.get(kind.split(":", 1)[1]) or self.buildings
            p = rng.choice(candidates)
            place = (p.x, p.y, p.layer, p.key)
            block = p.name.replace("Östersund ", "")
            title += f" – pilot i {block}" if use else ""
            description += f" Piloten görs i byggnaden i {block}."
        elif kind in ("point", "segment") or (kind.startswith("building:") and rng.random() < 0.5):
            x0, y0, x1, y1 = self.box
            place = (round(rng.uniform(x0, x1), 1), round(rng.uniform(y0, y1), 1), None, None)
            if use:
                title += f" ({rng.choice(PLACES)})" if kind != "point" else " – etapp " + str(use + 1)
        elif use:
            title += f" – {rng.choice(('pilot', 'utökning', 'etapp ' + str(use + 1), 'förstudie'))}"
        if use and rng.random() < 0.4:
            description += f" Idén har lämnats in tidigare i en annan form; jämför {self._similar(t.title)}."
        return place, title, description

    def _similar(self, title: str) -> str:
        ref = self.first_ref.get(title)
        return ref[0] if ref else "tidigare förslag"

    def _submitter(self, category: str) -> tuple[str, str]:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        person = f"{first} {last}"
        handle = f"{_ascii(first)}.{_ascii(last)}"
        if category == "medarbetare":
            return person, f"{handle}@ostersund.example"
        if category == "invånare":
            if rng.random() < 0.5:
                return person, f"070-174 06 {rng.randint(5, 99):02d}"  # PTS's numbers for fiction
            return person, f"{handle}@mail.example"
        org = rng.choice(COMPANIES if category == "företag" else ORGANISATIONS)
        domain = _ascii(org.replace(" AB", "")).replace(".", "")[:24]
        return f"{person} ({org})", f"{handle}@{domain}.example"

    # -- the status flow -------------------------------------------------------------------------------------------
    def _save(self, idea: Idea, day: date, changes: dict) -> bool:
        """Apply one coordinator save on ``day`` (if it is not after the list's date, yesterday)."""
        if day > self.as_of:
            return False
        rng = self.rng
        stamp = _stamp(day, rng)
        user = rng.choice(COORDINATORS)
        for name, new in changes.items():
            old = getattr(idea, name)
            idea.events.append((idea.idea_id, stamp, user, _EVENT_NAMES.get(name, name), _text(old), _text(new)))
            setattr(idea, name, new)
        idea.version += 1
        idea.updated_at, idea.updated_by = stamp, user
        return True

    def _flow(self, idea: Idea, ratio: float, template_title: str) -> None:
        rng = self.rng
        day = idea.submitted_on + timedelta(days=rng.randint(5, 40))
        if not self._save(idea, day, {"status": "Under bedömning"}):
            return
        if rng.random() < 0.04:
            self._save(idea, day + timedelta(days=rng.randint(5, 60)),
                       {"status": "Återkallad", "decision_text": "Återkallad av förslagsställaren."})
            return
        decided = day + timedelta(days=rng.randint(14, 110))
        decision = self._decision(idea, ratio, template_title)
        if decided > self.as_of:
            return
        status, granted, text = decision
        changes = {"status": status, "decision_text": text, "decided_on": decided}
        if granted:
            changes["granted"] = granted
            self.granted_total += granted
        self._save(idea, decided, changes)
        if status in ("Beviljad", "Delvis beviljad"):
            roll = rng.random()
            done = decided + timedelta(days=rng.randint(90, 420))
            if roll < 0.62:
                self._save(idea, done, {"status": "Genomförd"})
            elif roll < 0.68:
                self._save(idea, done, {"status": "Återkallad", "granted": 0.0, "decision_text": text +
                                        " Projektet avbröts; beviljade medel återförs till programmet."})
                self.granted_total -= granted

    def _decision(self, idea: Idea, ratio: float, template_title: str) -> tuple[str, Optional[float], str]:
        rng = self.rng
        cost = idea.cost
        duplicate = self.first_ref.get(template_title)
        if duplicate and duplicate[1] in ("Beviljad", "Genomförd") and rng.random() < 0.3:
            return "Avslagen", None, (f"Avslås: samma behov hanteras redan i {duplicate[0]}. "
                                      "Förslagsställaren hänvisas dit.")
        if ratio < 1.0 and rng.random() < 0.7:
            return "Avslagen", None, ("Avslås. Den förväntade effekten står inte i proportion till kostnaden "
                                      f"(kvot {ratio:.1f}:1 mot programmets mål 2:1).")
        weights = (40, 15, 25, 8) if ratio >= 2 else (24, 18, 30, 22)
        status = rng.choices(("Beviljad", "Delvis beviljad", "Genomförd utan medel", "Avslagen"), weights)[0]
        if status == "Genomförd utan medel":
            return status, None, rng.choice((
                "Genomförs inom verksamhetens ordinarie budget; inga medel ur Digiresan behövs.",
                "Kan genomföras med befintliga system och licenser. Inga programmedel.",
                "Genomförs av IT-enheten inom förvaltningsavtalet utan medel ur programmet."))
        if status == "Avslagen":
            return status, None, rng.choice((
                "Avslås. Förslaget behöver utredas vidare av förvaltningen innan det kan prövas.",
                "Avslås. Liknande lösning upphandlas nationellt; kommunen avvaktar den.",
                "Avslås. Nyttan är svår att bedöma; förslagsställaren välkomnas att komma in med en förstudie."))
        granted = cost if status == "Beviljad" else round(cost * rng.uniform(0.4, 0.75), -4)
        remaining = self.cap - self.granted_total
        if granted > remaining:
            if remaining >= 100_000:
                granted = round(remaining * 0.9, -4)
                status = "Delvis beviljad"
            else:
                return "Avslagen", None, "Avslås: programmets medel för perioden är fördelade."
        if status == "Beviljad":
            text = (f"Beviljas {_sek(granted)} ur Digiresan. Effekten följs upp ett år efter införandet.")
        else:
            text = (f"Delvis beviljad: {_sek(granted)} för en första etapp. Resterande del prövas efter "
                    "utvärdering av etappen.")
        return status, granted, text


