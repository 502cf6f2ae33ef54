"""The texts of the demo ideas: idea templates per theme, departments, and the (fictitious) people and bodies."""

from __future__ import annotations

from dataclasses import dataclass

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
class Template:
    theme: str
    title: str
    description: str
    cost: tuple[int, int]  # thousand SEK
    ratio: tuple[float, float]  # expected yearly effect per SEK of cost
    place: str  # "segment", "building:<purpose>", "point" or ""
    who: str  # categories that propose it: m(edarbetare) i(nvånare) f(öretag) o(rganisation)


_T = Template
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

CATEGORY_LETTER = {"medarbetare": "m", "invånare": "i", "företag": "f", "organisation": "o"}
