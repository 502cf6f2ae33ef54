"""Demo Digiresan ideas for the twin GeoPackage: tables ``ideas`` (Point, EPSG:3006, nullable) and ``idea_events``.

About 200 ideas over 2020–2022 as the programme had them: just over 60 from employees by November 2020, then
residents, businesses and organisations too; statuses through the flow Inkommen → Under bedömning → decision →
Genomförd / Återkallad as of mid-December 2022 (or ``today`` if earlier); grants within the 50 MSEK; many ideas
located in the twin, some linked to a road segment or a building. Every status change is in ``idea_events`` and
``version`` counts the saves, as PostgreSQL's audit trigger would have it. Personal data are fictitious (``.example``
addresses, the telephone numbers Swedish regulators reserve for fiction).

Deterministic for (seed, today). Written with GDAL/OGR into an existing GeoPackage; ``count`` grows the list for
benchmarks (streamed in transactions of 20 000 rows).
"""

from __future__ import annotations

import math
import random
import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator, Optional, Sequence

DEFAULT_COUNT = 200
EMPLOYEE_SHARE = 62 / 200  # "just over 60" of the first ~200 came from employees by November 2020
PROGRAMME_START = date(2020, 1, 20)
EMPLOYEE_PHASE_END = date(2020, 11, 20)
LAST_SUBMISSION = date(2022, 12, 9)
AS_OF = date(2022, 12, 15)  # the state of the list: the programme's last coordinator meeting
GRANT_CAP_SEK = 46_500_000  # a plausible share of the 50 MSEK: the rest kept for follow-up
COMMIT_EVERY = 20000

COORDINATORS = ("karin.hedlund", "mats.olofsson", "sara.nyberg")

# department per theme (Östersunds kommun's förvaltningar)
DEPARTMENTS = {
    "skola": ("Barn- och utbildningsförvaltningen",),
    "vård och omsorg": ("Vård- och omsorgsförvaltningen", "Socialförvaltningen"),
    "samhällsbyggnad": ("Samhällsbyggnadsförvaltningen", "Teknisk förvaltning"),
    "administration": ("Kommunledningsförvaltningen",),
    "kultur och fritid": ("Kultur- och fritidsförvaltningen",),
    "miljö": ("Samhällsbyggnadsförvaltningen", "Teknisk förvaltning"),
}


@dataclass(frozen=True)
class _Template:
    theme: str
    title: str
    description: str
    cost: tuple[int, int]  # thousand SEK
    ratio: tuple[float, float]  # expected yearly effect per SEK of cost
    place: str  # "segment", "building:<purpose>", "point" or ""
    who: str  # categories that propose it: m(edarbetare) i(nvånare) f(öretag) o(rganisation)


_T = _Template
TEMPLATES = (
    # --- skola
    _T("skola", "Skolplaneringsverktyg",
       "Lärare planerar i dag lektioner, prov och rum i egna kalkylark. Ett gemensamt digitalt planeringsverktyg "
       "kopplat till schemat ger överblick för rektor och frigör tid för undervisning.", (300, 1500), (1.5, 4.0),
       "building:skola", "m"),
    _T("skola", "Digital frånvarorapportering för vårdnadshavare",
       "Vårdnadshavare ringer in frånvaro till en telefonsvarare som personalen lyssnar av varje morgon. "
       "Anmälan i en app går direkt till mentor och närvarosystemet.", (150, 600), (2.0, 5.0), "", "mi"),
    _T("skola", "Läsplattor med talsyntes för elever med lässvårigheter",
       "Elever med dyslexi får läsplattor med talsyntes och inlästa läromedel, så att fler klarar målen "
       "utan extra stödundervisning.", (200, 800), (1.0, 2.5), "building:skola", "mo"),
    _T("skola", "Gemensam plattform för digitala prov",
       "Skolorna använder olika verktyg för prov och bedömning. En gemensam plattform förenklar rättning, "
       "minskar pappersutskrifter och förbereder för digitala nationella prov.", (400, 1200), (1.2, 3.0), "", "m"),
    _T("skola", "Skolskjutsplanering med ruttoptimering",
       "Skolskjutsarnas rutter planeras för hand varje läsår. Ruttoptimering med elevernas adresser ger kortare "
       "restider och färre fordon.", (250, 900), (2.5, 6.0), "segment", "mf"),
    _T("skola", "Närvarostyrd belysning och ventilation i klassrum",
       "Sensorer släcker ljuset och drar ner ventilationen i tomma klassrum. Energibesparingen betalar "
       "investeringen inom några år.", (300, 2000), (1.5, 3.0), "building:skola", "mf"),
    _T("skola", "Chattbot för frågor om skolval och barnomsorg",
       "Kontaktcenter får många återkommande frågor om skolval, köer och avgifter. En chattbot på webben svarar "
       "dygnet runt och lämnar över svåra frågor till en handläggare.", (150, 500), (2.0, 4.5), "", "mi"),
    _T("skola", "Förbeställning av skolluncher mot matsvinn",
       "Eleverna anmäler i appen om de äter lunch. Köket lagar rätt mängd och matsvinnet minskar.",
       (200, 700), (2.0, 5.0), "building:skola", "mio"),
    _T("skola", "In- och utcheckning på fritidshemmet med app",
       "Personalen prickar av barnen på papperslistor. Med en app ser alla vilka barn som är på plats, "
       "och vårdnadshavare kan meddela hämtning.", (100, 400), (1.5, 4.0), "building:skola", "mi"),
    _T("skola", "Digital elevhälsojournal",
       "Skolsköterskor och kuratorer dokumenterar i separata system. En gemensam digital journal ger säkrare "
       "hantering och mindre dubbeldokumentation.", (500, 2000), (1.0, 2.5), "", "m"),
    # --- vård och omsorg
    _T("vård och omsorg", "Digital signering av läkemedel",
       "I hemtjänsten och på boendena signeras läkemedelsgivning på papperslistor. Digital signering i mobilen ger "
       "säkrare läkemedelshantering, färre avvikelser och mindre administration för sjuksköterskorna.",
       (400, 2500), (2.0, 5.0), "building:vård", "m"),
    _T("vård och omsorg", "App för kostregistrering",
       "Mat- och vätskeintag registreras för hand på boendena. I appen registrerar personalen måltiderna och får "
       "en varning vid risk för undernäring.", (150, 600), (1.5, 4.0), "building:vård", "m"),
    _T("vård och omsorg", "Digital nattillsyn med kamera",
       "Nattpersonalen åker runt för att titta till brukare som sover. Tillsyn via kamera, efter samtycke, stör "
       "mindre och sparar många körda mil.", (500, 2500), (2.0, 5.0), "", "m"),
    _T("vård och omsorg", "Läkemedelsrobotar i hemtjänsten",
       "En robot i hemmet delar ut läkemedel vid rätt tid och larmar om dosen inte tas. Färre besök behövs "
       "enbart för läkemedel.", (800, 3500), (1.5, 3.5), "", "mf"),
    _T("vård och omsorg", "Ruttplanering för hemtjänsten",
       "Planerarna lägger hemtjänstens körlistor manuellt. Digital ruttplanering ger kortare körsträckor och "
       "mer tid hos brukarna.", (300, 1200), (3.0, 7.0), "segment", "mf"),
    _T("vård och omsorg", "Digitala trygghetslarm med GPS",
       "De analoga trygghetslarmen fungerar inte utanför hemmet. Digitala larm med GPS ger brukare med demens "
       "större frihet och anhöriga större trygghet.", (400, 1500), (1.2, 3.0), "", "mio"),
    _T("vård och omsorg", "Videomöten i biståndshandläggningen",
       "Uppföljningar av beslut görs med hembesök. Videomöten för enklare uppföljningar sparar restid.",
       (100, 400), (2.5, 6.0), "", "m"),
    _T("vård och omsorg", "Sensorer för fallupptäckt på boende",
       "Sensorer i golv eller tak larmar personalen när en boende faller, utan kamera i rummet.",
       (600, 3000), (1.2, 3.0), "building:vård", "mf"),
    _T("vård och omsorg", "Digitala nycklar i hemtjänsten",
       "Nyckelskåp och nyckelhantering tar tid varje pass. Digitala lås öppnas med mobilen och loggar besöken.",
       (300, 1500), (2.0, 5.0), "", "mf"),
    _T("vård och omsorg", "Självservice i schemat för timvikarier",
       "Lediga pass bemannas via telefon. Med självservice i schemat bokar vikarier själva och chefer sparar tid.",
       (200, 900), (2.0, 4.5), "", "m"),
    _T("vård och omsorg", "Sensorer i inkontinensskydd",
       "Sensorer visar när skyddet behöver bytas. Färre onödiga byten och bättre nattsömn för de boende.",
       (300, 1200), (1.5, 3.5), "building:vård", "mf"),
    # --- samhällsbyggnad
    _T("samhällsbyggnad", "Snödjupssensorer för snöröjning",
       "Sensorer mäter snödjupet på utvalda gator så att plogbilarna skickas ut när det behövs i stället för "
       "enligt fast schema.", (200, 900), (2.0, 6.0), "segment", "mif"),
    _T("samhällsbyggnad", "Digital tvilling",
       "En digital tvilling av centrala Östersund där gator, ledningar, grävtillstånd och byggnader finns i samma "
       "karta, så att planerare ser konflikter innan grävningen börjar.", (1500, 5000), (1.5, 3.0), "point", "m"),
    _T("samhällsbyggnad", "Felanmälan med karta och foto",
       "Invånare anmäler trasig belysning, potthål och klotter i en karta med foto. Anmälan hamnar direkt hos "
       "rätt arbetslag.", (200, 700), (2.0, 5.0), "segment", "mi"),
    _T("samhällsbyggnad", "Smart gatubelysning med dimring",
       "Gatubelysningen dimras när ingen rör sig på gatan och felanmäler sig själv när en armatur går sönder.",
       (800, 4000), (1.5, 3.0), "segment", "mf"),
    _T("samhällsbyggnad", "Digitala bygglovsansökningar med automatisk kontroll",
       "Ansökningar kommer ofta in ofullständiga. En e-tjänst som kontrollerar handlingarna direkt kortar "
       "handläggningstiden.", (400, 1800), (1.5, 4.0), "", "mf"),
    _T("samhällsbyggnad", "Parkeringssensorer och skyltar med lediga platser",
       "Bilister letar parkering i centrum. Sensorer i platserna och skyltar vid infarterna minskar söktrafiken.",
       (500, 2000), (1.0, 2.5), "segment", "if"),
    _T("samhällsbyggnad", "Samordning av grävningar mellan ledningsägare",
       "Samma gata grävs upp flera gånger av olika ledningsägare. En gemensam plan i kartan gör att arbetena "
       "samordnas och nylagd beläggning får ligga kvar.", (300, 1200), (2.5, 6.0), "segment", "mf"),
    _T("samhällsbyggnad", "Vägskador upptäckta med kamera på sopbilarna",
       "Kameror på sopbilarna fotograferar gatorna varje vecka och en AI-modell hittar sprickor och potthål.",
       (300, 1000), (2.0, 5.0), "segment", "mf"),
    _T("samhällsbyggnad", "3D-modell för samråd om detaljplaner",
       "Vid samråd är det svårt att förstå hur ny bebyggelse kommer att se ut. En 3D-modell på webben gör "
       "förslagen begripliga för fler.", (300, 1500), (1.0, 2.5), "point", "mio"),
    _T("samhällsbyggnad", "Trafikflödesmätning med kameror i korsningar",
       "Trafikräkning med slangar görs några veckor per år. Kameror i korsningarna ger flöden året runt och "
       "bättre underlag för signalreglering.", (300, 1500), (1.2, 3.0), "segment", "mf"),
    _T("samhällsbyggnad", "Ledningskarta för grävande entreprenörer",
       "Entreprenörer beställer ledningsanvisningar per telefon. En webbkarta med ledningarna minskar "
       "grävskador och väntetid.", (400, 1500), (2.0, 5.0), "segment", "f"),
    # --- administration
    _T("administration", "Digital signering av avtal och beslut",
       "Avtal och delegationsbeslut skrivs ut, signeras och skannas. Digital signering kortar ledtiden och "
       "sparar porto och papper.", (200, 800), (2.0, 6.0), "", "m"),
    _T("administration", "Robotiserad fakturahantering",
       "Leverantörsfakturor konteras och attesteras manuellt. En mjukvarurobot hanterar de återkommande "
       "fakturorna och frigör tid på ekonomienheten.", (300, 1200), (3.0, 8.0), "", "mf"),
    _T("administration", "E-arkiv för nämndhandlingar",
       "Nämndhandlingar arkiveras på papper. Ett e-arkiv gör dem sökbara och minskar arkivytan.",
       (600, 2500), (1.0, 2.5), "", "m"),
    _T("administration", "Automatisk diarieföring av e-post",
       "Registratorerna diarieför inkommande e-post för hand. Automatisk klassning föreslår ärende och "
       "handläggare.", (300, 900), (2.0, 5.0), "", "m"),
    _T("administration", "Gemensam bokning av lokaler och tjänstebilar",
       "Varje förvaltning har egna bokningslistor för möteslokaler och bilar. Ett gemensamt bokningssystem "
       "ger bättre nyttjande och färre bilar.", (150, 500), (2.0, 5.0), "", "m"),
    _T("administration", "Chattbot för kontaktcenter",
       "En chattbot svarar på vanliga frågor om avgifter, sophämtning och öppettider och avlastar kontaktcenter.",
       (250, 900), (1.5, 4.0), "", "mi"),
    _T("administration", "Digital introduktion för nyanställda",
       "Nyanställda får introduktion på papper från varje chef. En digital introduktion ger samma grund åt alla.",
       (100, 400), (1.5, 3.5), "", "m"),
    _T("administration", "Beslutsstöd med nyckeltal för nämnderna",
       "Nämnderna får nyckeltal i långa rapporter. En interaktiv översikt ger snabbare och bättre underlag.",
       (300, 1200), (1.0, 2.5), "", "m"),
    _T("administration", "Digitala nämndsammanträden med röstning",
       "Ledamöter får handlingar på papper och röstar med handuppräckning. Digitala möten med röstning sparar "
       "utskrifter och gör protokollen snabbare.", (150, 600), (1.5, 3.5), "", "mo"),
    # --- kultur och fritid
    _T("kultur och fritid", "Digital bokning av idrottshallar",
       "Föreningar bokar halltider via e-post och telefon. Digital bokning visar lediga tider och fakturerar "
       "automatiskt.", (200, 800), (1.5, 4.0), "building:samhällsfunktion", "mo"),
    _T("kultur och fritid", "Meröppet bibliotek med passersystem",
       "Med lånekort och kod kommer besökare in på biblioteket även när personalen gått hem.",
       (300, 1500), (1.0, 2.5), "building:kultur", "mio"),
    _T("kultur och fritid", "Närvarostyrd belysning i elljusspår",
       "Elljusspåren lyser hela kvällen. Belysning som tänds när någon är i spåret sparar energi.",
       (400, 2000), (1.5, 3.0), "point", "io"),
    _T("kultur och fritid", "Digital stadsvandring i stadskärnan",
       "Besökare guidas i mobilen till byggnader och platser i Östersunds historia, med ljud och bilder.",
       (150, 600), (0.8, 2.0), "point", "iof"),
    _T("kultur och fritid", "Isbanornas status i en app",
       "Invånare ringer för att höra om isbanorna är spolade. Status i en app som personalen uppdaterar.",
       (100, 400), (1.0, 3.0), "point", "io"),
    _T("kultur och fritid", "Besöksräknare i parker och på badplatser",
       "Räknare visar hur många som besöker parker och badplatser och styr skötsel och städning dit behovet är.",
       (150, 700), (1.5, 3.5), "point", "mo"),
    _T("kultur och fritid", "Föreningsbidrag via e-tjänst",
       "Ansökningar om föreningsbidrag kommer på papper. En e-tjänst med färdiga uppgifter om föreningen "
       "förenklar för både förening och handläggare.", (150, 600), (2.0, 4.5), "", "mo"),
    _T("kultur och fritid", "Digital informationsskylt vid Stortorget",
       "En digital skylt visar evenemang, trafikinformation och viktiga meddelanden på torget.",
       (200, 900), (0.8, 2.0), "point", "fo"),
    # --- miljö
    _T("miljö", "Fyllnadsgradssensorer i papperskorgar",
       "Papperskorgarna töms enligt fast slinga. Sensorer visar vilka som är fulla och slingan planeras efter det.",
       (200, 900), (2.0, 5.0), "point", "mif"),
    _T("miljö", "Energiövervakning i kommunens fastigheter",
       "Mätare och en gemensam översikt visar energianvändningen per byggnad och timme, så att fel i "
       "styrningen upptäcks direkt.", (500, 3000), (2.0, 6.0), "building:kontor", "mf"),
    _T("miljö", "Luftkvalitetsmätare längs infarterna",
       "Billiga sensorer mäter partiklar och kvävedioxid längs infarterna och visar värdena öppet på webben.",
       (300, 1200), (0.8, 2.0), "segment", "io"),
    _T("miljö", "Digital tillsyn av enskilda avlopp",
       "Tillsynen av enskilda avlopp görs med pappersprotokoll. Ett digitalt tillsynsstöd med karta ger fler "
       "tillsynsbesök per dag.", (200, 800), (2.0, 4.5), "", "m"),
    _T("miljö", "Bokningsbar laddinfrastruktur för kommunens bilar",
       "Elbilarna står laddade på fel ställen. Laddplatser som bokas tillsammans med bilen ger jämnare "
       "användning och färre fossilbilar.", (400, 2500), (1.2, 3.0), "point", "mf"),
    _T("miljö", "Vägning av matavfall med återkoppling till hushållen",
       "Hushållen får veta hur mycket matavfall de sorterar ut, jämfört med grannarna. Mer matavfall till "
       "biogas och mindre restavfall.", (300, 1200), (1.5, 3.5), "", "mio"),
    _T("miljö", "Dagvattensensorer vid översvämningskänsliga gator",
       "Nivåsensorer i brunnarna larmar innan gatan svämmar över vid skyfall.", (200, 900), (1.5, 4.0),
       "segment", "mi"),
    _T("miljö", "Bilpool med digitala nycklar för förvaltningarna",
       "Förvaltningarna har egna bilar som ofta står still. En gemensam bilpool med digitala nycklar ger "
       "färre bilar.", (300, 1000), (2.0, 5.0), "", "m"),
)

FIRST_NAMES = (
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma", "Ingrid", "Malin", "Johanna", "Linnea",
    "Elin", "Ida", "Sofia", "Hanna", "Frida", "Maja", "Åsa", "Ulla", "Erik", "Lars", "Karl", "Anders", "Johan",
    "Per", "Nils", "Mikael", "Jonas", "Magnus", "Oskar", "Olof", "Henrik", "Fredrik", "Mattias", "Emil", "Gustav",
    "Björn", "Göran", "Jörgen",
)
LAST_NAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
    "Gustafsson", "Jonsson", "Hansson", "Bengtsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström",
    "Lindqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Forsberg", "Sjöberg", "Wikström", "Engström",
    "Danielsson", "Hägglund", "Nordin", "Sundqvist", "Holmgren", "Strömberg", "Åberg", "Jämtgård", "Frösell",
)
COMPANIES = (
    "Storsjö Teknik AB", "Jämtdata AB", "Frösö Konsult AB", "Brunflo Bygg & Mark AB", "Norrsken IT AB",
    "Odensala Energi AB", "Mittnorr Trafikanalys AB", "Lugnvik Fastighetsservice AB",
)
ORGANISATIONS = (
    "Föreningen Östersunds stadskärna", "Frösöns hembygdsförening", "IK Storsjöstjärnan", "Pensionärsföreningen Z",
    "Jämtlands cykelfrämjare", "Föräldraföreningen i centrala Östersund", "Skidklubben Östberget",
)
PLACES = ("Frösön", "Brunflo", "Lit", "Odensala", "Torvalla", "Lugnvik", "centrum", "Söder")

_CATEGORY_LETTER = {"medarbetare": "m", "invånare": "i", "företag": "f", "organisation": "o"}


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return "".join(ch if ch.isalnum() else "." for ch in plain).strip(".")


def _sek(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ") + " kr"


# --- the twin's features ideas can be linked to ------------------------------------------------------------------
@dataclass(frozen=True)
class _Place:
    layer: str
    key: str
    x: float
    y: float
    name: str  # street name or property designation
    purpose: str = ""


def _center(blob: Optional[bytes]) -> Optional[tuple[float, float]]:
    """Centre of a GeoPackage blob's envelope (or its point)."""
    from ..core.ideas.gpkg import _envelope

    env = _envelope(blob)
    return None if env is None else ((env[0] + env[1]) / 2, (env[2] + env[3]) / 2)


def _read_places(path: Path, table: str, key: str, name_col: str, extra: str, ids: Sequence[str],
                 limit: int, rng: random.Random) -> list[_Place]:
    """Up to ``limit`` features of ``table`` among ``ids`` with their centre (values bound, names fixed here)."""
    chosen = list(ids)
    if len(chosen) > limit:
        chosen = rng.sample(chosen, limit)
    if not chosen:
        return []
    places: list[_Place] = []
    conn = sqlite3.connect(str(path))
    try:
        for start in range(0, len(chosen), 500):
            batch = chosen[start:start + 500]
            marks = ",".join("?" * len(batch))
            query = (f'SELECT "{key}", "{name_col}", {extra}, geom FROM "{table}" '  # noqa: S608 - fixed names
                     f'WHERE "{key}" IN ({marks})')
            for k, name, purpose, blob in conn.execute(query, batch):
                center = _center(blob)
                if center:
                    places.append(_Place(table, str(k), round(center[0], 2), round(center[1], 2), name or "",
                                         purpose or ""))
    finally:
        conn.close()
    places.sort(key=lambda p: p.key)
    return places


# --- the ideas -----------------------------------------------------------------------------------------------------
@dataclass
class _Idea:
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


class _IdeaMaker:
    def __init__(self, seed: int, today: date, count: int, segments: list[_Place], buildings: list[_Place],
                 extent: tuple[float, float, float, float]):
        self.rng = random.Random(f"digiresan-ideas:{seed}:{today.isoformat()}:{count}")
        self.as_of = min(today, AS_OF)
        self.count = count
        self.segments = segments
        self.buildings = buildings
        xmin, ymin, xmax, ymax = extent
        dx, dy = (xmax - xmin) * 0.08, (ymax - ymin) * 0.08
        self.box = (xmin + dx, ymin + dy, xmax - dx, ymax - dy)
        self.by_purpose: dict[str, list[_Place]] = {}
        for b in buildings:
            self.by_purpose.setdefault(b.purpose, []).append(b)
        self.cap = GRANT_CAP_SEK * max(1.0, count / DEFAULT_COUNT)
        self.granted_total = 0.0
        self.uses: dict[str, int] = {}
        self.first_ref: dict[str, tuple[str, str]] = {}  # title → (reference, status) of its first idea
        self.per_year: dict[int, int] = {}

    # -- one idea ----------------------------------------------------------------------------------------------
    def ideas(self) -> Iterator[_Idea]:
        rng = self.rng
        n_employee = max(1, round(self.count * EMPLOYEE_SHARE)) if self.count > 1 else self.count
        first = _dates(rng, n_employee, PROGRAMME_START, min(EMPLOYEE_PHASE_END, self.as_of))
        later_end = min(LAST_SUBMISSION, self.as_of)
        later_start = EMPLOYEE_PHASE_END + timedelta(days=1)
        later = _dates(rng, self.count - n_employee, later_start, max(later_end, later_start))
        for idea_id, (day, phase) in enumerate([(d, 1) for d in first] + [(d, 2) for d in later], 1):
            yield self._idea(idea_id, day, phase)

    def _category(self, phase: int) -> str:
        if phase == 1:
            return "medarbetare"
        return self.rng.choices(("medarbetare", "invånare", "företag", "organisation"), (45, 30, 15, 10))[0]

    def _template(self, category: str) -> _Template:
        letter = _CATEGORY_LETTER[category]
        pool = [t for t in TEMPLATES if letter in t.who]
        # prefer templates used less often, so the list has variety before repeats
        least = min(self.uses.get(t.title, 0) for t in pool)
        fresh = [t for t in pool if self.uses.get(t.title, 0) <= least + 1]
        return self.rng.choice(fresh)

    def _idea(self, idea_id: int, submitted: date, phase: int) -> _Idea:
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
        idea = _Idea(idea_id, reference, title, description, t.theme, rng.choice(DEPARTMENTS[t.theme]), category,
                     submitted, "Inkommen", cost, None, effect, None, None,
                     place[0] if place else None, place[1] if place else None,
                     place[2] if place else None, place[3] if place else None, name, contact, 1,
                     _stamp(submitted, rng), "e-tjänst", [])
        self._flow(idea, ratio, t.title)
        self.first_ref.setdefault(t.title, (reference, idea.status))
        return idea

    def _place_and_text(self, t: _Template, use: int):
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
    def _save(self, idea: _Idea, day: date, changes: dict) -> bool:
        """Apply one coordinator save on ``day`` (if it is not after the list's date)."""
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

    def _flow(self, idea: _Idea, ratio: float, template_title: str) -> None:
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

    def _decision(self, idea: _Idea, ratio: float, template_title: str) -> tuple[str, Optional[float], str]:
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


_EVENT_NAMES = {"granted": "granted_sek"}


def _text(value) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# --- writing -------------------------------------------------------------------------------------------------------
_IDEA_FIELDS = (
    ("reference", "String", False, True), ("title", "String", False, False), ("description", "String", True, False),
    ("theme", "String", True, False), ("department", "String", True, False),
    ("submitter_category", "String", False, False), ("submitted_on", "Date", False, False),
    ("status", "String", False, False), ("estimated_cost_sek", "Real", True, False),
    ("granted_sek", "Real", True, False), ("expected_yearly_effect_sek", "Real", True, False),
    ("decision_text", "String", True, False), ("decided_on", "Date", True, False),
    ("linked_layer", "String", True, False), ("linked_key", "String", True, False),
    ("submitter_name", "String", True, False), ("submitter_contact", "String", True, False),
    ("version", "Integer", False, False), ("updated_at", "DateTime", False, False),
    ("updated_by", "String", True, False),
)
_EVENT_FIELDS = (
    ("idea_id", "Integer", False, False), ("changed_at", "DateTime", False, False),
    ("changed_by", "String", False, False), ("field", "String", False, False), ("old_value", "String", True, False),
    ("new_value", "String", True, False),
)


def _ogr():
    from osgeo import gdal, ogr, osr

    return gdal, ogr, osr


def _fail(what: str) -> RuntimeError:
    gdal, _ogr_mod, _osr = _ogr()
    return RuntimeError(f"{what}: {gdal.GetLastErrorMsg() or 'GDAL error'}")


def _create_layer(ds, name: str, geom_type, srs, fields, options: list[str]):
    _gdal, ogr, _osr = _ogr()
    for i in range(ds.GetLayerCount() - 1, -1, -1):
        if ds.GetLayerByIndex(i).GetName() == name:
            ds.DeleteLayer(i)
    layer = ds.CreateLayer(name, srs, geom_type, options=options)
    if layer is None:
        raise _fail(f"cannot create table {name}")
    types = {"String": ogr.OFTString, "Date": ogr.OFTDate, "DateTime": ogr.OFTDateTime, "Real": ogr.OFTReal,
             "Integer": ogr.OFTInteger}
    for fname, ftype, nullable, unique in fields:
        defn = ogr.FieldDefn(fname, types[ftype])
        defn.SetNullable(nullable)
        if unique:
            defn.SetUnique(True)
        if layer.CreateField(defn) != 0:
            raise _fail(f"cannot add field {name}.{fname}")
    return layer


def write_ideas(gpkg_path: Path, seed: int, today: date, segment_ids: Sequence[str] = (),
                building_ids: Sequence[str] = (), extent: Optional[tuple[float, float, float, float]] = None,
                count: Optional[int] = None) -> int:
    """Add (or replace) the ``ideas`` and ``idea_events`` tables of the twin GeoPackage at ``gpkg_path``.

    ``segment_ids``/``building_ids``: road segments and buildings ideas may be linked to (ids in the GeoPackage's
    ``road_segments.segment_id`` / ``buildings.building_id``); ``extent`` (xmin, ymin, xmax, ymax, EPSG:3006):
    where unlinked ideas are placed (default: the extent of the linkable features). ``count``: number of ideas
    (default about 200; larger for benchmarks). Returns the number of ideas written.
    """
    gdal, ogr, osr = _ogr()
    path = Path(gpkg_path)
    count = DEFAULT_COUNT if count is None else int(count)
    if count < 0:
        raise ValueError(f"count must be >= 0, not {count}")
    pick = random.Random(f"digiresan-idea-places:{seed}")
    segments = _read_places(path, "road_segments", "segment_id", "street_name", "NULL", segment_ids, 400, pick)
    buildings = _read_places(path, "buildings", "building_id", "designation", '"purpose"', building_ids, 400,
                             pick)
    if extent is None:
        pts = segments + buildings
        extent = ((min(p.x for p in pts), min(p.y for p in pts), max(p.x for p in pts), max(p.y for p in pts))
                  if pts else (481170.0, 7004680.0, 482480.0, 7006700.0))
    maker = _IdeaMaker(seed, today, count, segments, buildings, extent)

    ds = ogr.Open(str(path), 1)
    if ds is None:
        raise _fail(f"cannot open {path} for writing")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3006)
    ideas_layer = _create_layer(
        ds, "ideas", ogr.wkbPoint, srs, _IDEA_FIELDS,
        ["FID=idea_id", "GEOMETRY_NAME=geom", "GEOMETRY_NULLABLE=YES", "SPATIAL_INDEX=YES",
         "DESCRIPTION=Digiresan ideas with funding status (personal data: submitter_name, submitter_contact)"])
    events_layer = _create_layer(
        ds, "idea_events", ogr.wkbNone, None, _EVENT_FIELDS,
        ["FID=event_id", "ASPATIAL_VARIANT=GPKG_ATTRIBUTES", "DESCRIPTION=Audit log of the ideas: who, when, "
         "field, old and new value"])
    idea_defn, event_defn = ideas_layer.GetLayerDefn(), events_layer.GetLayerDefn()
    idx = {name: idea_defn.GetFieldIndex(name) for name, *_ in _IDEA_FIELDS}
    eidx = [event_defn.GetFieldIndex(name) for name, *_ in _EVENT_FIELDS]
    written = 0
    event_id = 0
    ds.StartTransaction()
    try:
        for idea in maker.ideas():
            feature = ogr.Feature(idea_defn)
            feature.SetFID(idea.idea_id)
            values = {
                "reference": idea.reference, "title": idea.title, "description": idea.description,
                "theme": idea.theme, "department": idea.department, "submitter_category": idea.category,
                "submitted_on": idea.submitted_on.isoformat(), "status": idea.status,
                "estimated_cost_sek": idea.cost, "granted_sek": idea.granted,
                "expected_yearly_effect_sek": idea.effect, "decision_text": idea.decision_text,
                "decided_on": idea.decided_on.isoformat() if idea.decided_on else None,
                "linked_layer": idea.linked_layer, "linked_key": idea.linked_key,
                "submitter_name": idea.submitter_name, "submitter_contact": idea.submitter_contact,
                "version": idea.version, "updated_at": idea.updated_at, "updated_by": idea.updated_by,
            }
            for name, value in values.items():
                if value is None:
                    feature.SetFieldNull(idx[name])
                else:
                    feature.SetField(idx[name], value)
            if idea.x is not None:
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(idea.x, idea.y)
                feature.SetGeometryDirectly(point)
            if ideas_layer.CreateFeature(feature) != 0:
                raise _fail(f"cannot write idea {idea.reference}")
            for event in idea.events:
                event_id += 1
                row = ogr.Feature(event_defn)
                row.SetFID(event_id)
                for i, value in zip(eidx, event):
                    if value is None:
                        row.SetFieldNull(i)
                    else:
                        row.SetField(i, value)
                if events_layer.CreateFeature(row) != 0:
                    raise _fail(f"cannot write the history of idea {idea.reference}")
            written += 1
            if written % COMMIT_EVERY == 0:
                ds.CommitTransaction()
                ds.StartTransaction()
        ds.CommitTransaction()
    except BaseException:
        ds.RollbackTransaction()
        ds = None
        raise
    for sql in (
        'CREATE INDEX IF NOT EXISTS "idx_ideas_status" ON "ideas" ("status")',
        'CREATE INDEX IF NOT EXISTS "idx_ideas_linked" ON "ideas" ("linked_layer", "linked_key")',
        'CREATE INDEX IF NOT EXISTS "idx_idea_events_idea_id" ON "idea_events" ("idea_id", "changed_at")',
    ):
        ds.ExecuteSQL(sql)
    ds = None
    return written


def write_ideas_for_twin(gpkg_path: Path, seed: int, today: date, count: Optional[int] = None) -> int:
    """:func:`write_ideas` with the links and the extent taken from the twin GeoPackage itself (e.g. to add
    ``count`` ideas to an existing twin for a benchmark)."""
    path = Path(gpkg_path)
    conn = sqlite3.connect(str(path))
    try:
        segments = [r[0] for r in conn.execute('SELECT "segment_id" FROM "road_segments" ORDER BY "fid"')]
        buildings = [r[0] for r in conn.execute('SELECT "building_id" FROM "buildings" ORDER BY "fid"')]
        box = conn.execute(
            "SELECT min(min_x), min(min_y), max(max_x), max(max_y) FROM gpkg_contents "
            "WHERE data_type = 'features' AND table_name <> 'ideas'").fetchone()
    finally:
        conn.close()
    extent = tuple(box) if box and None not in box else None
    return write_ideas(path, seed, today, segments, buildings, extent, count=count)
