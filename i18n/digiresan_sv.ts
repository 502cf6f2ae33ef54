<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>@default</name>
    <message>
        <location filename="../digiresan_plugin/core/db_errors.py" line="57" />
        <source>The database refused the change to {layer}: {field} is required</source>
        <translation>Databasen vägrade ändringen i {layer}: {field} måste anges</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/db_errors.py" line="48" />
        <source>The database refused the change to {layer}: no feature has {field} '{value}'</source>
        <translation>Databasen vägrade ändringen i {layer}: inget objekt har {field} '{value}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/db_errors.py" line="53" />
        <source>The database refused to delete from {parent}: {child} still refer to it; delete or move them first</source>
        <translation>Databasen vägrade att ta bort från {parent}: {child} hänvisar fortfarande dit; ta bort eller flytta dem först</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/db_errors.py" line="59" />
        <source>The database refused the change to {layer}: {field} must be unique, another feature has this value</source>
        <translation>Databasen vägrade ändringen i {layer}: {field} måste vara unikt, ett annat objekt har samma värde</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/db_errors.py" line="65" />
        <source>The database refused the change to {layer}: {detail}</source>
        <translation>Databasen vägrade ändringen i {layer}: {detail}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/demo_copy.py" line="45" />
        <source>The embedded demo twin is missing: {path} (a source checkout builds it with 'make demo')</source>
        <translation>Den inbyggda demotvillingen saknas: {path} (i en källkodskopia byggs den med 'make demo')</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/demo_copy.py" line="55" />
        <source>Cannot copy the demo twin to {path}: {error}</source>
        <translation>Kan inte kopiera demotvillingen till {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/demo_copy.py" line="82" />
        <source>Cannot replace the demo twin {path}: {error}</source>
        <translation>Kan inte ersätta demotvillingen {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/field_checks.py" line="69" />
        <source>{field} must be one of: {values}</source>
        <translation>{field} måste vara något av: {values}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/field_checks.py" line="71" />
        <source>{field} must be a value of the list '{list}'</source>
        <translation>{field} måste vara ett värde ur listan '{list}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/field_checks.py" line="77" />
        <source>{field} must be between {min} and {max}</source>
        <translation>{field} måste vara mellan {min} och {max}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/field_checks.py" line="83" />
        <source>{field} cannot be in the future</source>
        <translation>{field} kan inte ligga i framtiden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/form_layout.py" line="69" />
        <source>Attributes</source>
        <translation>Egenskaper</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/form_layout.py" line="101" />
        <source>More</source>
        <translation>Övrigt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance.py" line="52" />
        <source>{source} is read-only for you: the twin is shown, edits cannot be saved</source>
        <translation>{source} är skrivskyddad för dig: tvillingen visas men ändringar kan inte sparas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance.py" line="69" />
        <source>{file}: the edit history and the checks of the GeoPackage could not be set up: {error}</source>
        <translation>{file}: ändringshistoriken och GeoPackage-filens kontroller kunde inte läggas upp: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance.py" line="75" />
        <source>Preparing the twin GeoPackage</source>
        <translation>Förbereder tvillingens GeoPackage</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="38" />
        <source>{field} is empty; it is required</source>
        <translation>{field} är tomt men måste anges</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="64" />
        <source>The key {field} is empty</source>
        <translation>Nyckeln {field} är tom</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="77" />
        <source>field rules</source>
        <translation>fältregler</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="84" />
        <source>(found: {value})</source>
        <translation>(hittat: {value})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="104" />
        <source>duplicate keys</source>
        <translation>dubbla nycklar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="110" />
        <source>{field} '{value}' is used by {n} features; it must be unique</source>
        <translation>{field} '{value}' används av {n} objekt; det måste vara unikt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="139" />
        <source>parents of {field}</source>
        <translation>överordnade objekt för {field}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="123" />
        <source>parent and child tables are not in one database</source>
        <translation>huvud- och undertabellerna ligger inte i samma databas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="142" />
        <source>{field} '{value}' names no feature of {parent}</source>
        <translation>{field} '{value}' pekar inte på något objekt i {parent}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="171" />
        <source>hourly counts</source>
        <translation>timflöden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="178" />
        <source>Counts of {year}: {n} rows for {distinct} distinct hours, expected {hours} hours once each</source>
        <translation>Mätningen {year}: {n} rader för {distinct} olika timmar, väntat {hours} timmar en gång var</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="184" />
        <source>Counts of {year} sum to {sum} vehicles, {share} % of ÅDT {aadt} (expected {low}–{high} %)</source>
        <translation>Mätningen {year} summerar till {sum} fordon, {share} % av ÅDT {aadt} (väntat {low}–{high} %)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="216" />
        <source>status and dates</source>
        <translation>status och datum</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="224" />
        <source>Status '{status}' but it ended {days} days ago ({end})</source>
        <translation>Status '{status}' men det slutade för {days} dagar sedan ({end})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="230" />
        <source>Status '{status}' but it starts only on {start}</source>
        <translation>Status '{status}' men det börjar först {start}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="228" />
        <source>Status '{status}' but its end date {end} passed {days} days ago</source>
        <translation>Status '{status}' men slutdatumet {end} passerades för {days} dagar sedan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/context.py" line="53" />
        <source>{layer}: {what} not checked: {error}</source>
        <translation>{layer}: {what} kontrollerades inte: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/context.py" line="66" />
        <source>attribute rules</source>
        <translation>attributregler</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/context.py" line="59" />
        <source>the quality check reads GeoPackage and PostGIS layers, not '{provider}'</source>
        <translation>kvalitetskontrollen läser GeoPackage- och PostGIS-lager, inte '{provider}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/spatial_rules.py" line="43" />
        <source>No geometry</source>
        <translation>Ingen geometri</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/spatial_rules.py" line="45" />
        <source>Empty geometry</source>
        <translation>Tom geometri</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/spatial_rules.py" line="49" />
        <source>Invalid geometry: {reason}</source>
        <translation>Ogiltig geometri: {reason}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/spatial_rules.py" line="100" />
        <source>No feature of {target} at all (expected one within {limit} m)</source>
        <translation>Inget objekt alls i {target} (väntat ett inom {limit} m)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/spatial_rules.py" line="102" />
        <source>Nearest feature of {target} is {distance} m away (expected within {limit} m)</source>
        <translation>Närmaste objekt i {target} ligger {distance} m bort (väntat inom {limit} m)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/spatial_rules.py" line="137" />
        <source>Sign {code} says {value}, but {field} of {target} {key} is {limit}</source>
        <translation>Märket {code} anger {value}, men {field} för {target} {key} är {limit}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="49" />
        <source>Unsaved twin edits</source>
        <translation>Osparade ändringar i tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="36" />
        <source>{layers} have unsaved edits. Save them before {action}?</source>
        <translation>{layers} har osparade ändringar. Spara dem före {action}?</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="49" />
        <source>Not saved, nothing was removed:
{errors}</source>
        <translation>Inte sparat, inget togs bort:
{errors}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="62" />
        <source>Remove the twin</source>
        <translation>Ta bort tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="62" />
        <source>Remove the {n} twin layers ({layers}) and the group '{group}' from the project?

The data in {source} is not changed; load the twin again to get them back.</source>
        <translation>Ta bort tvillingens {n} lager ({layers}) och gruppen '{group}' ur projektet?

Data i {source} ändras inte; läs in tvillingen igen för att få tillbaka dem.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="72" />
        <source>Reset demo twin</source>
        <translation>Återställ demotvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="72" />
        <source>Replace your copy of the demo twin by a fresh one?

{path}

Your edits are kept next to it as a backup (…bak.gpkg) until the next reset.</source>
        <translation>Ersätta din kopia av demotvillingen med en ny?

{path}

Dina ändringar sparas bredvid som säkerhetskopia (…bak.gpkg) till nästa återställning.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="104" />
        <source>resetting the demo twin</source>
        <translation>återställningen av demotvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="114" />
        <source>The demo twin was reset: {path}</source>
        <translation>Demotvillingen är återställd: {path}</translation>
    </message>
</context>
<context>
    <name>CardRenderer</name>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="52" />
        <source>Nothing found here</source>
        <translation>Inget hittat här</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="117" />
        <source>Attributes</source>
        <translation>Egenskaper</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="103" />
        <source>Warnings</source>
        <translation>Varningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="150" />
        <source>Nothing found</source>
        <translation>Inget hittat</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="143" />
        <source>Showing {shown} of {total}</source>
        <translation>Visar {shown} av {total}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="146" />
        <source>Show all</source>
        <translation>Visa alla</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/base.py" line="90" />
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/base.py" line="87" />
        <source>Meaning</source>
        <translation>Betydelse</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/base.py" line="92" />
        <source>Distance (m)</source>
        <translation>Avstånd (m)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/base.py" line="129" />
        <source>Distance</source>
        <translation>Avstånd</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/display.py" line="30" />
        <source>Feature</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="95" />
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="97" />
        <source>tomorrow</source>
        <translation>i morgon</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="98" />
        <source>in {n} days</source>
        <translation>om {n} dagar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="101" />
        <source>last day</source>
        <translation>sista dagen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="102" />
        <source>{n} days left</source>
        <translation>{n} dagar kvar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="37" />
        <source>ongoing</source>
        <translation>pågår</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="39" />
        <source>ended</source>
        <translation>avslutad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="40" />
        <source>upcoming</source>
        <translation>kommande</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="31" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="31" />
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/sections/hourly_profile.py" line="137" />
        <source>No counts</source>
        <translation>Inga mätningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/sections/hourly_profile.py" line="135" />
        <source>Counted in {year}</source>
        <translation>Mätår {year}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/sections/hourly_profile.py" line="122" />
        <source>Peak hours {peaks}</source>
        <translation>Högtrafik {peaks}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/sections/hourly_profile.py" line="133" />
        <source>ÅDT {aadt}</source>
        <translation>ÅDT {aadt}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/hourly_profile.py" line="57" />
        <source>Vehicles per hour, weekday</source>
        <translation>Fordon per timme, vardag</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/hourly_profile.py" line="54" />
        <source>{hour}: {value} vehicles</source>
        <translation>{hour}: {value} fordon</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/hourly_profile.py" line="55" />
        <source>{hour}: no count</source>
        <translation>{hour}: ingen mätning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/sections/hourly_profile.py" line="189" />
        <source>Hour</source>
        <translation>Timme</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="103" />
        <source>Notes</source>
        <translation>Upplysningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="40" />
        <source>Dig moratorium</source>
        <translation>Grävstopp</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="41" />
        <source>Overlapping permits</source>
        <translation>Överlappande grävtillstånd</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="42" />
        <source>Dig before paving</source>
        <translation>Gräv före beläggning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="43" />
        <source>Missing layers</source>
        <translation>Lager som saknas</translation>
    </message>
</context>
<context>
    <name>CheckTwinAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="79" />
        <source>Check twin data</source>
        <translation>Kontrollera tvillingens data</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="82" />
        <source>Checks every twin layer against the catalog: values outside their domain or range, required values missing, dates in the future, empty or duplicate keys, child rows without parent, missing, empty or invalid geometries, signs far from any road, speed-limit signs that disagree with the road, permit statuses that do not fit the dates, hourly counts that are not 24 hours or do not add up to ÅDT. Output: one point per problem with the layer, key, feature id, field, rule, severity and message. The twin is only read.</source>
        <translation>Kontrollerar varje lager i tvillingen mot katalogen: värden utanför sin värdemängd eller sitt intervall, obligatoriska värden som saknas, datum i framtiden, tomma eller dubbla nycklar, underrader utan huvudobjekt, saknade, tomma eller ogiltiga geometrier, vägmärken långt från väg, hastighetsskyltar som inte stämmer med vägen, tillståndsstatus som inte passar datumen, timflöden som inte är 24 timmar eller inte stämmer med ÅDT. Resultat: en punkt per problem med lager, nyckel, objekt-id, fält, regel, allvarlighet och meddelande. Tvillingen läses bara.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="92" />
        <source>Problems</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="95" />
        <source>Twin catalog (JSON; default: the bundled one)</source>
        <translation>Tvillingkatalog (JSON; standard: den medföljande)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="97" />
        <source>Today (YYYY-MM-DD; default: the current date)</source>
        <translation>Dagens datum (ÅÅÅÅ-MM-DD; standard: dagens datum)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="99" />
        <source>Report language</source>
        <translation>Rapportens språk</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="105" />
        <source>Number of problems</source>
        <translation>Antal problem</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="106" />
        <source>Number of errors</source>
        <translation>Antal fel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="107" />
        <source>Number of warnings</source>
        <translation>Antal varningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="108" />
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="121" />
        <source>Today must be a date like 2026-11-27, got '{}'</source>
        <translation>Dagens datum måste vara ett datum som 2026-11-27, fick '{}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="127" />
        <source>No twin layer could be read</source>
        <translation>Inget tvillinglager kunde läsas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="142" />
        <source>Checking the twin layers of the current project</source>
        <translation>Kontrollerar tvillinglagren i det aktuella projektet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="148" />
        <source>Twin source: {}</source>
        <translation>Tvillingkälla: {}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="155" />
        <source>Layer '{layer}': table '{table}' not found in {source}</source>
        <translation>Lager '{layer}': tabellen '{table}' finns inte i {source}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="196" />
        <source>No problems found in {n} layers</source>
        <translation>Inga problem hittades i {n} lager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="198" />
        <source>{n} problems in {layers} layers: {rules}</source>
        <translation>{n} problem i {layers} lager: {rules}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="201" />
        <source>({n} checks could not run)</source>
        <translation>({n} kontroller kunde inte köras)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="34" />
        <source>Idea changed meanwhile</source>
        <translation>Idén har ändrats under tiden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="36" />
        <source>someone</source>
        <translation>någon</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="38" />
        <source>{reference} was saved by {who} ({when}) after you opened it. Nothing has been overwritten. Choose for each field which value to keep.</source>
        <translation>{reference} sparades av {who} ({when}) efter att du öppnade den. Ingenting har skrivits över. Välj för varje fält vilket värde som ska behållas.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="47" />
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="47" />
        <source>Saved by {who}</source>
        <translation>Sparat av {who}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="47" />
        <source>Yours</source>
        <translation>Ditt värde</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="68" />
        <source>Save chosen values</source>
        <translation>Spara valda värden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="69" />
        <source>Keep theirs</source>
        <translation>Behåll deras värden</translation>
    </message>
</context>
<context>
    <name>CoordinationConflictsAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="33" />
        <source>Coordination conflicts</source>
        <translation>Samordningskonflikter</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="75" />
        <source>Every coordination conflict of the whole network whose period touches FROM–TO (default today to 14 days ahead; both empty: the full network): the card&apos;s rules (dig moratorium, overlapping permits, dig before paving), two permits at the same place and time (space_time), at the same place within months (space: shared trenching), at the same time by a shared crossing (time), the dig-now notice before a planned paving and the dig ban in force. One row per conflict with its rule id, class, both permits, the segment, the period, the handling status and the message.</source>
        <translation>Varje samordningskonflikt i hela nätet vars period berör FROM–TO (standard i dag till 14 dagar framåt; båda tomma: hela nätet): kortets regler (grävstopp, överlappande grävtillstånd, gräv före beläggning), två tillstånd på samma plats samtidigt (space_time), på samma plats inom några månader (space: samförläggning), samtidigt vid en gemensam korsning (time), uppmaningen att gräva nu före en planerad beläggning och grävstoppet som gäller. En rad per konflikt med regel-id, klass, båda tillstånden, segmentet, perioden, hanteringsstatus och meddelandet.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="86" />
        <source>From (YYYY-MM-DD or &apos;today&apos;; empty: no start)</source>
        <translation>Från (ÅÅÅÅ-MM-DD eller &apos;today&apos;; tomt: ingen början)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="89" />
        <source>To (YYYY-MM-DD or &apos;+days&apos; after From; empty: no end)</source>
        <translation>Till (ÅÅÅÅ-MM-DD eller &apos;+dagar&apos; efter Från; tomt: inget slut)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="94" />
        <source>Number of conflicts</source>
        <translation>Antal konflikter</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="1" />
        <source>{} conflicts</source>
        <translation>{} konflikter</translation>
    </message>
</context>
<context>
    <name>DecisionEditor</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="71" />
        <source>Decision text</source>
        <translation>Beslutstext</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="74" />
        <source>Save decision</source>
        <translation>Spara beslut</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="75" />
        <source>Revert</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="79" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="80" />
        <source>Granted</source>
        <translation>Beviljat</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="81" />
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="85" />
        <source>Saving checks that nobody changed the idea since you opened it; every change is kept in its history.</source>
        <translation>När du sparar kontrolleras att ingen har ändrat idén sedan du öppnade den; varje ändring sparas i idéns historik.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="103" />
        <source>This source is read-only for you: decisions cannot be saved here.</source>
        <translation>Du har bara läsbehörighet till den här källan: beslut kan inte sparas här.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="108" />
        <source>Select an idea to decide on it.</source>
        <translation>Välj en idé för att fatta beslut om den.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="125" />
        <source>Saving needs coordinator mode and a source you may edit.</source>
        <translation>För att spara krävs samordnarläge och en källa som du får redigera.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="129" />
        <source>Nothing changed.</source>
        <translation>Inget har ändrats.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="146" />
        <source>Saved {reference}.</source>
        <translation>{reference} har sparats.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="156" />
        <source>Kept the values saved by {user}.</source>
        <translation>Behöll värdena som {user} sparade.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="159" />
        <source>The idea could not be saved</source>
        <translation>Idén kunde inte sparas</translation>
    </message>
</context>
<context>
    <name>DigiresanOptionsPage</name>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="21" />
        <source>Coordination</source>
        <translation>Samordning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="25" />
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="26" />
        <source>Warn when a permit digs in a street paved less than this many years ago</source>
        <translation>Varna när ett grävtillstånd gäller en gata som belagts för mindre än så här många år sedan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="27" />
        <source>Dig moratorium after paving</source>
        <translation>Grävstopp efter beläggning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="30" />
        <source>A card lists at most this many related features per section, then 'show all'</source>
        <translation>Ett kort visar högst så här många relaterade objekt per avsnitt, därefter 'Visa alla'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="31" />
        <source>Related features per section</source>
        <translation>Relaterade objekt per avsnitt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="34" />
        <source>Twin and ideas</source>
        <translation>Tvilling och idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="37" />
        <source>Embedded demo twin</source>
        <translation>Inbyggd demotvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="38" />
        <source>gpkg:&lt;file&gt;, postgres:&lt;saved connection&gt; or pgservice:&lt;service&gt;; no passwords here</source>
        <translation>gpkg:&lt;fil&gt;, postgres:&lt;sparad anslutning&gt; eller pgservice:&lt;tjänst&gt;; inga lösenord här</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="41" />
        <source>Default twin source</source>
        <translation>Standardkälla för tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="42" />
        <source>Coordinator mode (edit ideas, see submitters' personal data)</source>
        <translation>Samordnarläge (redigera idéer, se förslagsställarnas personuppgifter)</translation>
    </message>
</context>
<context>
    <name>DigiresanPlugin</name>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="83" />
        <source>Digiresan</source>
        <translation>Digiresan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="235" />
        <source>Digital twin</source>
        <translation>Digital tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="150" />
        <source>Show or hide the Digital twin dock</source>
        <translation>Visa eller dölj panelen Digital tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="167" />
        <source>Twin info</source>
        <translation>Tvillinginfo</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="171" />
        <source>Twin info (Ctrl+Alt+I): click anywhere on the map for one card with everything</source>
        <translation>Tvillinginfo (Ctrl+Alt+I): klicka var som helst på kartan och få ett kort med allt om platsen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="187" />
        <source>Digiresan ideas</source>
        <translation>Digiresan-idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="188" />
        <source>Show or hide the list of Digiresan ideas and their funding</source>
        <translation>Visa eller dölj listan med Digiresan-idéer och deras finansiering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="206" />
        <source>Coordination</source>
        <translation>Samordning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="216" />
        <source>Show or hide the coordination board: every conflict of the coming weeks</source>
        <translation>Visa eller dölj samordningstavlan: alla konflikter de närmaste veckorna</translation>
    </message>
</context>
<context>
    <name>DigiresanProvider</name>
    <message>
        <location filename="../digiresan_plugin/processing/provider.py" line="30" />
        <source>Digiresan digital twin</source>
        <translation>Digiresan – digital tvilling</translation>
    </message>
</context>
<context>
    <name>IdeaDetailView</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="34" />
        <source>Select an idea to see its details.</source>
        <translation>Välj en idé för att se detaljerna.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="57" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="59" />
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="60" />
        <source>Department</source>
        <translation>Förvaltning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="61" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="62" />
        <source>Received</source>
        <translation>Inkom</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="63" />
        <source>Estimated cost</source>
        <translation>Beräknad kostnad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="64" />
        <source>Granted</source>
        <translation>Beviljat</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="65" />
        <source>Yearly effect</source>
        <translation>Årlig effekt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="66" />
        <source>Effect/cost</source>
        <translation>Effekt/kostnad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="69" />
        <source>Linked to</source>
        <translation>Kopplad till</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="71" />
        <source>Location</source>
        <translation>Plats</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="73" />
        <source>Submitter</source>
        <translation>Förslagsställare</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="74" />
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="82" />
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="82" />
        <source>None yet</source>
        <translation>Inget ännu</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="82" />
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="94" />
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="97" />
        <source>No changes recorded</source>
        <translation>Inga registrerade ändringar</translation>
    </message>
</context>
<context>
    <name>IdeasDock</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock.py" line="66" />
        <source>Digiresan ideas</source>
        <translation>Digiresan-idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock.py" line="102" />
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock.py" line="104" />
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock.py" line="106" />
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/editing.py" line="19" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock.py" line="371" />
        <source>Could not write {path}: {error}</source>
        <translation>Kunde inte skriva {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock.py" line="374" />
        <source>Exported {n} ideas to {path}</source>
        <translation>Exporterade {n} idéer till {path}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/editing.py" line="20" />
        <source>Granted (SEK)</source>
        <translation>Beviljat (kr)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/editing.py" line="22" />
        <source>Decided on</source>
        <translation>Beslutsdatum</translation>
    </message>
</context>
<context>
    <name>IdeasFilterBar</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="30" />
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="31" />
        <source>All themes</source>
        <translation>Alla teman</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="32" />
        <source>All categories</source>
        <translation>Alla kategorier</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="91" />
        <source>All years</source>
        <translation>Alla år</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="40" />
        <source>Search title and description</source>
        <translation>Sök i titel och beskrivning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="114" />
        <source>{shown} of {total} ideas</source>
        <translation>{shown} av {total} idéer</translation>
    </message>
</context>
<context>
    <name>IdeasHeader</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="38" />
        <source>Reload the ideas</source>
        <translation>Läs in idéerna igen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="39" />
        <source>Pick an idea on the map to select its row</source>
        <translation>Peka ut en idé på kartan för att markera dess rad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="42" />
        <source>Zoom to the selected idea</source>
        <translation>Zooma till den valda idén</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="43" />
        <source>Export the filtered list to CSV</source>
        <translation>Exportera den filtrerade listan till CSV</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="44" />
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="65" />
        <source>Export ideas</source>
        <translation>Exportera idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="65" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="72" />
        <source>no source</source>
        <translation>ingen källa</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="73" />
        <source>coordinator</source>
        <translation>samordnare</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="73" />
        <source>planner, read-only</source>
        <translation>planerare, endast läsbehörighet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="75" />
        <source>Read-only list. Coordinators edit decisions in coordinator mode (Settings › Options › Digiresan).</source>
        <translation>Skrivskyddad lista. Samordnare redigerar beslut i samordnarläge (Inställningar › Alternativ › Digiresan).</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="83" />
        <source>Ideas</source>
        <translation>Idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="84" />
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
</context>
<context>
    <name>IdeasMapLayer</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/map_layer.py" line="66" />
        <source>Digiresan ideas</source>
        <translation>Digiresan-idéer</translation>
    </message>
</context>
<context>
    <name>IdeasStore</name>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="125" />
        <source>Loading Digiresan ideas</source>
        <translation>Läser in Digiresan-idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="150" />
        <source>The ideas could not be loaded</source>
        <translation>Idéerna kunde inte läsas in</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="164" />
        <source>No history</source>
        <translation>Ingen historik</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="166" />
        <source>Loading idea history</source>
        <translation>Läser in idéns historik</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="179" />
        <source>The idea could not be saved</source>
        <translation>Idén kunde inte sparas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="182" />
        <source>Saving Digiresan idea</source>
        <translation>Sparar Digiresan-idé</translation>
    </message>
</context>
<context>
    <name>IdeasTableModel</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="252" />
        <source>Expected yearly effect per SEK of estimated cost (the programme aims at 2 : 1)</source>
        <translation>Förväntad årlig effekt per krona av den beräknade kostnaden (programmets mål är 2 : 1)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="28" />
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="28" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="28" />
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="28" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="28" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="28" />
        <source>Received</source>
        <translation>Inkom</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="28" />
        <source>Cost (SEK)</source>
        <translation>Kostnad (kr)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="28" />
        <source>Granted (SEK)</source>
        <translation>Beviljat (kr)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="28" />
        <source>Yearly effect (SEK)</source>
        <translation>Årlig effekt (kr)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="28" />
        <source>Effect/cost</source>
        <translation>Effekt/kostnad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="40" />
        <source>Submitter</source>
        <translation>Förslagsställare</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="40" />
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
</context>
<context>
    <name>IdentifyController</name>
    <message>
        <location filename="../digiresan_plugin/gui/identify_controller.py" line="99" />
        <source>Twin info failed: {error}</source>
        <translation>Tvillinginfo misslyckades: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/identify_controller.py" line="163" />
        <source>Twin info</source>
        <translation>Tvillinginfo</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/identify_controller.py" line="123" />
        <source>Could not show all of '{section}': {error}</source>
        <translation>Kunde inte visa allt i '{section}': {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/identify_controller.py" line="110" />
        <source>Could not show the card: {error}</source>
        <translation>Kunde inte visa kortet: {error}</translation>
    </message>
</context>
<context>
    <name>ProgrammeSummaryPanel</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="55" />
        <source>Granted 2020–2022</source>
        <translation>Beviljat 2020–2022</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="55" />
        <source>Expected yearly effect</source>
        <translation>Förväntad årlig effekt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="56" />
        <source>Effect per granted SEK</source>
        <translation>Effekt per beviljad krona</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="96" />
        <source>{n} ideas · {funded} funded · {effect} with an expected effect</source>
        <translation>{n} idéer · {funded} beviljade · {effect} med förväntad effekt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="101" />
        <source>+{year} MSEK · {total} of {budget} MSEK</source>
        <translation>+{year} mnkr · {total} av {budget} mnkr</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="104" />
        <source>{granted} of {budget} MSEK · {left} MSEK left</source>
        <translation>{granted} av {budget} mnkr · {left} mnkr kvar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="108" />
        <source>{effect} of {target} MSEK a year</source>
        <translation>{effect} av {target} mnkr per år</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="113" />
        <source>{ratio} : 1 (target {target} : 1)</source>
        <translation>{ratio} : 1 (mål {target} : 1)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="116" />
        <source>Granted: Beviljad, Delvis beviljad and Genomförd, booked in the year of the decision. Effect: the same plus Genomförd utan medel. Bars: share of the 50 MSEK budget, of the 100 MSEK effect target and of the 2 : 1 ratio.</source>
        <translation>Beviljat: Beviljad, Delvis beviljad och Genomförd, bokfört det år beslutet fattades. Effekt: samma plus Genomförd utan medel. Staplar: andel av budgeten på 50 mnkr, av effektmålet på 100 mnkr och av kvoten 2 : 1.</translation>
    </message>
</context>
<context>
    <name>QualityDialog</name>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="51" />
        <source>Check twin data</source>
        <translation>Kontrollera tvillingens data</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="68" />
        <source>Check again</source>
        <translation>Kontrollera igen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="85" />
        <source>Severity</source>
        <translation>Allvarlighet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="85" />
        <source>Layer</source>
        <translation>Lager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="85" />
        <source>Key</source>
        <translation>Nyckel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="85" />
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="85" />
        <source>Problem</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="90" />
        <source>Click a problem to zoom to it</source>
        <translation>Klicka på ett problem för att zooma dit</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="94" />
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="103" />
        <source>No twin is loaded: load one in the Digital twin dock first.</source>
        <translation>Ingen tvilling är inläst: läs in en i panelen Digital tvilling först.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="110" />
        <source>Checking {n} layers…</source>
        <translation>Kontrollerar {n} lager…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="121" />
        <source>Checking twin data</source>
        <translation>Kontrollerar tvillingens data</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="129" />
        <source>The check could not finish: {error}</source>
        <translation>Kontrollen kunde inte slutföras: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="145" />
        <source>No problems found in {n} layers.</source>
        <translation>Inga problem hittades i {n} lager.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="147" />
        <source>{n} problems: {errors} errors, {warnings} warnings, in {layers} layers.</source>
        <translation>{n} problem: {errors} fel, {warnings} varningar, i {layers} lager.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="158" />
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="158" />
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
</context>
<context>
    <name>ReportAtPointAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="30" />
        <source>Twin report at point</source>
        <translation>Tvillingrapport för punkt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="33" />
        <source>Builds the twin card for a point, exactly as a click with the Twin info tool: the feature under the point (within the radius, in metres on the ground) in the catalog's priority order, or the nearest street and the property at the point. Writes the report as JSON (see docs/report_schema.md).</source>
        <translation>Skapar tvillingkortet för en punkt, precis som ett klick med verktyget Tvillinginfo: objektet under punkten (inom sökradien, i meter på marken) i katalogens prioritetsordning, eller närmaste gata och fastigheten på platsen. Skriver rapporten som JSON (se docs/report_schema.md).</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="41" />
        <source>Point</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="42" />
        <source>Search radius (m; default from the catalog)</source>
        <translation>Sökradie (m; standard: från katalogen)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="45" />
        <source>Report (JSON)</source>
        <translation>Rapport (JSON)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="48" />
        <source>Subject layer</source>
        <translation>Huvudobjektets lager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="49" />
        <source>Subject key</source>
        <translation>Huvudobjektets nyckel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="50" />
        <source>Number of warnings</source>
        <translation>Antal varningar</translation>
    </message>
</context>
<context>
    <name>ReportForFeaturesAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="48" />
        <source>Twin report for features</source>
        <translation>Tvillingrapport för objekt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="51" />
        <source>For each input feature of a twin layer (e.g. selected road segments), builds its twin card and writes one row: key, latest condition class and trend, sign codes, number of open permits and next start, peak hours, ÅDT and the coordination warnings. Columns follow the catalog's card sections.</source>
        <translation>Skapar tvillingkortet för varje indataobjekt i ett tvillinglager (t.ex. valda vägsegment) och skriver en rad per objekt: nyckel, senaste tillståndsklass och trend, vägmärkeskoder, antal ej avslutade grävtillstånd och nästa start, högtrafiktimmar, ÅDT och samordningsvarningarna. Kolumnerna följer katalogens kortavsnitt.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="58" />
        <source>Features of a twin layer</source>
        <translation>Objekt i ett tvillinglager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="60" />
        <source>Twin layer id in the catalog (default: recognised from the input)</source>
        <translation>Tvillinglagrets id i katalogen (standard: känns igen från indata)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="64" />
        <source>Twin report table</source>
        <translation>Tabell med tvillingrapporter</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="79" />
        <source>'{}' is not a layer of the twin catalog ({})</source>
        <translation>'{}' är inget lager i tvillingkatalogen ({})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="90" />
        <source>Cannot tell which twin layer the input is: give its catalog id in 'Twin layer id'</source>
        <translation>Kan inte avgöra vilket tvillinglager indata kommer från: ange lagrets id i 'Tvillinglagrets id i katalogen'</translation>
    </message>
</context>
<context>
    <name>TwinAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="74" />
        <source>Digital twin</source>
        <translation>Digital tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="81" />
        <source>Twin GeoPackage</source>
        <translation>Tvillingens GeoPackage</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="83" />
        <source>…or twin source (postgres:&lt;saved connection&gt;, pgservice:&lt;service&gt;, gpkg:&lt;file&gt;)</source>
        <translation>…eller tvillingkälla (postgres:&lt;sparad anslutning&gt;, pgservice:&lt;tjänst&gt;, gpkg:&lt;fil&gt;)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="90" />
        <source>Twin catalog (JSON; default: the bundled one)</source>
        <translation>Tvillingkatalog (JSON; standard: den medföljande)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="92" />
        <source>Today (YYYY-MM-DD; default: the current date)</source>
        <translation>Dagens datum (ÅÅÅÅ-MM-DD; standard: aktuellt datum)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="94" />
        <source>Report language</source>
        <translation>Rapportspråk</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="96" />
        <source>Dig moratorium (years; default: the plugin setting)</source>
        <translation>Grävstopp (år; standard: insticksprogrammets inställning)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="132" />
        <source>Today must be a date like 2026-11-27, got '{}'</source>
        <translation>Dagens datum ska anges som t.ex. 2026-11-27, inte '{}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="162" />
        <source>Using the twin layers of the current project</source>
        <translation>Använder tvillinglagren i det aktuella projektet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="166" />
        <source>Twin source: {}</source>
        <translation>Tvillingkälla: {}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="171" />
        <source>No twin layer could be read from {}</source>
        <translation>Inget tvillinglager kunde läsas från {}</translation>
    </message>
</context>
<context>
    <name>TwinCardDock</name>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="68" />
        <source>Twin card</source>
        <translation>Tvillingkort</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="94" />
        <source>Copy as text</source>
        <translation>Kopiera som text</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="94" />
        <source>Copy</source>
        <translation>Kopiera</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="94" />
        <source>Copy the card to the clipboard (text, and formatted for mail and word processors)</source>
        <translation>Kopiera kortet till urklipp (som text och formaterat för e-post och ordbehandlare)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="97" />
        <source>Export JSON…</source>
        <translation>Exportera JSON…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="97" />
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="97" />
        <source>Save the report as a JSON file</source>
        <translation>Spara rapporten som en JSON-fil</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="99" />
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="99" />
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="99" />
        <source>Save the report as a CSV table (one row per value)</source>
        <translation>Spara rapporten som en CSV-tabell (en rad per värde)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="105" />
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="105" />
        <source>How to read the twin card</source>
        <translation>Så läser du tvillingkortet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="160" />
        <source>Choose the Twin info tool and click on the map: the card shows everything the twin knows about the place — condition, signs, excavations, traffic and conflicts.</source>
        <translation>Välj verktyget Tvillinginfo och klicka på kartan: kortet visar allt tvillingen vet om platsen — tillstånd, vägmärken, grävningar, trafik och konflikter.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="226" />
        <source>Export twin card as JSON</source>
        <translation>Exportera tvillingkortet som JSON</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="226" />
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="229" />
        <source>Export twin card as CSV</source>
        <translation>Exportera tvillingkortet som CSV</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="229" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="239" />
        <source>Could not save {path}: {error}</source>
        <translation>Kunde inte spara {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="242" />
        <source>Twin card saved to {path}</source>
        <translation>Tvillingkortet sparades i {path}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="265" />
        <source>Layer '{layer}' is not in the project</source>
        <translation>Lagret '{layer}' finns inte i projektet</translation>
    </message>
</context>
<context>
    <name>TwinDock</name>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="60" />
        <source>Digital twin</source>
        <translation>Digital tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="79" />
        <source>Embedded demo twin (central Östersund)</source>
        <translation>Inbyggd demotvilling (centrala Östersund)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="80" />
        <source>GeoPackage file</source>
        <translation>GeoPackage-fil</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="81" />
        <source>PostgreSQL connection</source>
        <translation>PostgreSQL-anslutning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="82" />
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="88" />
        <source>GeoPackage (*.gpkg *.GPKG)</source>
        <translation>GeoPackage (*.gpkg *.GPKG)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="89" />
        <source>Choose a twin GeoPackage</source>
        <translation>Välj tvillingens GeoPackage</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="90" />
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="93" />
        <source>Connection</source>
        <translation>Anslutning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="98" />
        <source>Load twin</source>
        <translation>Läs in tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="99" />
        <source>Add the twin's layers to the project (existing ones are reused)</source>
        <translation>Lägg till tvillingens lager i projektet (befintliga lager återanvänds)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="100" />
        <source>Zoom to twin</source>
        <translation>Zooma till tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="101" />
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="102" />
        <source>Remove the twin's layers from the project</source>
        <translation>Ta bort tvillingens lager från projektet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="113" />
        <source>Layers</source>
        <translation>Lager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="128" />
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="129" />
        <source>Try the same twin source again</source>
        <translation>Försök med samma tvillingkälla igen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="172" />
        <source>Choose a GeoPackage file first.</source>
        <translation>Välj först en GeoPackage-fil.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="177" />
        <source>No saved PostgreSQL connection: add one in the Data Source Manager.</source>
        <translation>Ingen sparad PostgreSQL-anslutning: lägg till en i datakällshanteraren.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="221" />
        <source>Checking twin source</source>
        <translation>Kontrollerar tvillingkällan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="239" />
        <source>Twin loaded with {n} problem(s): {first}</source>
        <translation>Tvillingen lästes in med {n} problem: {first}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="246" />
        <source>{n} layers from {source}</source>
        <translation>{n} lager från {source}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="252" />
        <source>Digital twin loaded: {n} layers</source>
        <translation>Den digitala tvillingen är inläst: {n} lager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="323" />
        <source>{title} — not loaded</source>
        <translation>{title} — inte inläst</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="107" />
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="119" />
        <source>An online map under the twin. It needs an internet connection; nothing is fetched while it is off, and the twin works without it.</source>
        <translation>En karta från internet under tvillingen. Den kräver en internetanslutning; inget hämtas så länge den är avslagen, och tvillingen fungerar utan den.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="83" />
        <source>Reset demo twin…</source>
        <translation>Återställ demotvillingen…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="85" />
        <source>Replace your copy of the embedded demo twin by a fresh one</source>
        <translation>Ersätt din kopia av den inbyggda demotvillingen med en ny</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="103" />
        <source>Check data</source>
        <translation>Kontrollera data</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="104" />
        <source>List the twin's data problems and zoom to them</source>
        <translation>Lista problemen i tvillingens data och zooma till dem</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="208" />
        <source>loading another twin</source>
        <translation>inläsningen av en annan tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="250" />
        <source>Read-only: you may not write to {file}, so edits cannot be saved.</source>
        <translation>Skrivskyddad: du får inte skriva till {file}, så ändringar kan inte sparas.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="268" />
        <source>the twin source</source>
        <translation>tvillingkällan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="271" />
        <source>removing the twin</source>
        <translation>borttagningen av tvillingen</translation>
    </message>
</context>
<context>
    <name>TwinLoader</name>
    <message>
        <location filename="../digiresan_plugin/core/loader.py" line="129" />
        <source>Layer '{layer}': table '{table}' not found or not readable in {source}</source>
        <translation>Lagret '{layer}': tabellen '{table}' finns inte eller går inte att läsa i {source}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/loader.py" line="135" />
        <source>Layer '{layer}' (table '{table}'): missing field(s) {fields}</source>
        <translation>Lagret '{layer}' (tabellen '{table}'): fält saknas: {fields}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/loader.py" line="142" />
        <source>Layer '{layer}': style {style} not applied: {message}</source>
        <translation>Lagret '{layer}': stilen {style} kunde inte användas: {message}</translation>
    </message>
</context>
<context>
    <name>TwinLocatorFilter</name>
    <message>
        <location filename="../digiresan_plugin/gui/locator.py" line="58" />
        <source>Digital twin features</source>
        <translation>Objekt i den digitala tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/locator.py" line="90" />
        <source>Digiresan ideas</source>
        <translation>Digiresan-idéer</translation>
    </message>
</context>
<context>
    <name>TwinSource</name>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="105" />
        <source>GeoPackage not found: {path}</source>
        <translation>GeoPackage-filen hittades inte: {path}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="112" />
        <source>Schema '{schema}' not found in {source}</source>
        <translation>Schemat '{schema}' finns inte i {source}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="119" />
        <source>Cannot reach the twin database {source}: {error}</source>
        <translation>Det går inte att nå tvillingdatabasen {source}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="140" />
        <source>No saved PostgreSQL connection named '{name}'</source>
        <translation>Det finns ingen sparad PostgreSQL-anslutning med namnet '{name}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="48" />
        <source>Twin source '{text}' is not understood: expected gpkg:&lt;file&gt;, postgres:&lt;saved connection&gt; or pgservice:&lt;service&gt;</source>
        <translation>Tvillingkällan '{text}' går inte att tolka: ange gpkg:&lt;fil&gt;, postgres:&lt;sparad anslutning&gt; eller pgservice:&lt;tjänst&gt;</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="56" />
        <source>A twin source must not contain a password: use a saved QGIS connection with an authentication configuration, or a pg_service entry with a .pgpass file</source>
        <translation>En tvillingkälla får inte innehålla något lösenord: använd en sparad QGIS-anslutning med en autentiseringskonfiguration, eller en pg_service-post med en .pgpass-fil</translation>
    </message>
</context>
<context>
    <name>TwinStyles</name>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>1 – very good</source>
        <translation>1 – mycket bra</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>2 – good</source>
        <translation>2 – bra</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>3 – fair</source>
        <translation>3 – godtagbart</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>4 – poor</source>
        <translation>4 – dåligt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>5 – very poor</source>
        <translation>5 – mycket dåligt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>A – warning</source>
        <translation>A – varningsmärken</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Applied / needs completion</source>
        <translation>Ansökan / komplettering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Approved – active now</source>
        <translation>Beviljad – aktiv nu</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Approved – not active</source>
        <translation>Beviljad – ej aktiv</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>B – priority</source>
        <translation>B – väjningspliktsmärken</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>C – prohibitory</source>
        <translation>C – förbudsmärken</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Culture</source>
        <translation>Kultur</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>D – mandatory</source>
        <translation>D – påbudsmärken</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>E – information</source>
        <translation>E – anvisningsmärken</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Healthcare</source>
        <translation>Vård</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Industry</source>
        <translation>Industri</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Not inspected</source>
        <translation>Ej mätt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Office</source>
        <translation>Kontor</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Ongoing – active now</source>
        <translation>Pågående – aktiv nu</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Ongoing – outside permit dates</source>
        <translation>Pågående – utanför tillståndets datum</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Other</source>
        <translation>Övrigt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Other status</source>
        <translation>Annan status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Residential</source>
        <translation>Bostäder</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Restored / closed</source>
        <translation>Återställd / avslutad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Retail</source>
        <translation>Handel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>T – supplementary plate</source>
        <translation>T – tilläggstavlor</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18" />
        <source>Unknown</source>
        <translation>Okänt</translation>
    </message>
</context>
<context>
    <name>CoordinationDock</name>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="94" />
        <source>Accepted with reason</source>
        <translation>Godtagen med motivering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="91" />
        <source>All rules</source>
        <translation>Alla regler</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="92" />
        <source>Any status</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="110" />
        <source>Class</source>
        <translation>Klass</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="1" />
        <source>Coordination</source>
        <translation>Samordning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="149" />
        <source>Coordination board</source>
        <translation>Samordningstavla</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="110" />
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="80" />
        <source>Follow the Temporal Controller</source>
        <translation>Följ tidskontrollen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="84" />
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="259" />
        <source>Handling saved</source>
        <translation>Hanteringen sparad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="93" />
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="13" />
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="93" />
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="204" />
        <source>No coordination warnings in this period</source>
        <translation>Inga samordningsvarningar under perioden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="33" />
        <source>Note</source>
        <translation>Notering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="181" />
        <source>Other rules</source>
        <translation>Övriga regler</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="97" />
        <source>Permit, applicant, utility or street</source>
        <translation>Tillstånd, sökande, ledningsägare eller gata</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="111" />
        <source>Permits</source>
        <translation>Tillstånd</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="82" />
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="94" />
        <source>Resolved</source>
        <translation>Löst</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="111" />
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="261" />
        <source>Save coordination handling</source>
        <translation>Spara samordningshantering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="110" />
        <source>Severity</source>
        <translation>Allvarlighet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="180" />
        <source>Space and time</source>
        <translation>Plats och tid</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="180" />
        <source>Space only</source>
        <translation>Endast plats</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="111" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="110" />
        <source>Street / start</source>
        <translation>Gata / start</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="154" />
        <source>The coordination board failed: {error}</source>
        <translation>Samordningstavlan misslyckades: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="253" />
        <source>The handling could not be saved: {error}</source>
        <translation>Hanteringen kunde inte sparas: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="247" />
        <source>This twin has no place for coordination notes</source>
        <translation>Den här tvillingen har ingen plats för samordningsanteckningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="181" />
        <source>Time only</source>
        <translation>Endast tid</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="138" />
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="1" />
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="219" />
        <source>Work window on {street}: {window} (avoid {avoid})</source>
        <translation>Arbetsfönster på {street}: {window} (undvik {avoid})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="222" />
        <source>No hourly counts on {street}</source>
        <translation>Inga timräkningar på {street}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="297" />
        <source>Select a warning first: the timeline shows its street</source>
        <translation>Välj en varning först: tidslinjen visar dess gata</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="87" />
        <source>The year of the selected warning&apos;s street: permits, dig bans and paving</source>
        <translation>Året för den valda varningens gata: grävtillstånd, grävstopp och beläggning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="42" />
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="299" />
        <source>Timeline: {street}</source>
        <translation>Tidslinje: {street}</translation>
    </message>
</context>
<context>
    <name>HandlingEditor</name>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="31" />
        <source>Accepted with reason</source>
        <translation>Godtagen med motivering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="70" />
        <source>An accepted warning needs a reason</source>
        <translation>En godtagen varning behöver en motivering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="43" />
        <source>Assignee</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="30" />
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="30" />
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="45" />
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="44" />
        <source>Reason</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="31" />
        <source>Resolved</source>
        <translation>Löst</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="38" />
        <source>Save handling</source>
        <translation>Spara hantering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="42" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="35" />
        <source>Why the warning is accepted</source>
        <translation>Varför varningen godtas</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/timeline.py" line="101" />
        <source>Export PNG…</source>
        <translation>Exportera PNG…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/timeline.py" line="110" />
        <source>Export the timeline</source>
        <translation>Exportera tidslinjen</translation>
    </message>
</context>
<context>
    <name>CoordinationStatementAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="47" />
        <source>A one-page PDF for one excavation permit: a map of the permit and the works it conflicts with, every coordination conflict it takes part in, the work window on its streets and the contacts of the other permits, in the report language.</source>
        <translation>En PDF på en sida för ett grävtillstånd: en karta över tillståndet och arbetena det krockar med, varje samordningskonflikt det ingår i, arbetsfönstret på dess gator och kontakterna för de andra tillstånden, på rapportspråket.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="44" />
        <source>Coordination statement (PDF)</source>
        <translation>Samordningsbesked (PDF)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="78" />
        <source>No permit &apos;{}&apos; in the twin</source>
        <translation>Inget tillstånd &apos;{}&apos; i tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="55" />
        <source>Permit id</source>
        <translation>Tillstånds-id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="57" />
        <source>Statement (PDF)</source>
        <translation>Besked (PDF)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="137" />
        <source>The PDF could not be written: {}</source>
        <translation>PDF:en kunde inte skrivas: {}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="1" />
        <source>{} conflicts in the statement</source>
        <translation>{} konflikter i beskedet</translation>
    </message>
</context>
</TS>