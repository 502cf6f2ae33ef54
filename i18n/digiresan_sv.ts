<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>@default</name>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="317"/>
        <source>&apos;merge&apos; or &apos;split&apos; (lines are taken as they are without it)</source>
        <translation>'merge' eller 'split' (utan den tas linjerna som de är)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="149"/>
        <source>, got {value}</source>
        <translation>, fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="163"/>
        <source>a number ≥ {minimum}</source>
        <translation>ett tal ≥ {minimum}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="163"/>
        <source>missing</source>
        <translation>saknas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="238"/>
        <source>a QML path relative to the catalog</source>
        <translation>en QML-sökväg relativt katalogen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="303"/>
        <source>a URL</source>
        <translation>en URL</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="274"/>
        <source>a background map id</source>
        <translation>ett id för en bakgrundskarta</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="36"/>
        <source>a field of the &apos;from&apos; layer</source>
        <translation>ett fält i lagret 'from'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="36"/>
        <source>a field of the &apos;to&apos; layer</source>
        <translation>ett fält i lagret 'to'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="280"/>
        <source>a group id</source>
        <translation>ett grupp-id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="238"/>
        <source>a key field name</source>
        <translation>ett nyckelfältnamn</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="125"/>
        <source>a label text</source>
        <translation>en etikettext</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="207"/>
        <source>a layer id</source>
        <translation>ett lager-id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="154"/>
        <source>a list of [&quot;field&quot;, &quot;asc&quot;|&quot;desc&quot;]</source>
        <translation>en lista med [&quot;fält&quot;, &quot;asc&quot;|&quot;desc&quot;]</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="271"/>
        <source>a list of background maps</source>
        <translation>en lista med bakgrundskartor</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="130"/>
        <source>a list of conditions</source>
        <translation>en lista med villkor</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="177"/>
        <source>a list of exemptions</source>
        <translation>en lista med undantag</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="73"/>
        <source>a list of field names</source>
        <translation>en lista med fältnamn</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="192"/>
        <source>a list of groups</source>
        <translation>en lista med grupper</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="91"/>
        <source>a list of layer ids</source>
        <translation>en lista med lager-id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="74"/>
        <source>a list of relation ids (listed before this one)</source>
        <translation>en lista med relations-id (listade före denna)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="143"/>
        <source>a list of rules</source>
        <translation>en lista med regler</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_cards.py" line="74"/>
        <source>a list of sections</source>
        <translation>en lista med sektioner</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="145"/>
        <source>a list of values</source>
        <translation>en lista med värden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="81"/>
        <source>a list of warning rules</source>
        <translation>en lista med varningsregler</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="51"/>
        <source>a list of {layer, relation}</source>
        <translation>en lista med {layer, relation}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_item_warnings.py" line="49"/>
        <source>a message template</source>
        <translation>en meddelandemall</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="221"/>
        <source>a month and day like &apos;05-01&apos;</source>
        <translation>en månad och dag som '05-01'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="39"/>
        <source>a number of metres</source>
        <translation>ett antal meter</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="60"/>
        <source>a positive integer</source>
        <translation>ett positivt heltal</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="55"/>
        <source>a relation id</source>
        <translation>ett relations-id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="146"/>
        <source>a rule id</source>
        <translation>ett regel-id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_cards.py" line="24"/>
        <source>a section id</source>
        <translation>ett sektions-id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="110"/>
        <source>a setting name</source>
        <translation>ett inställningsnamn</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="238"/>
        <source>a table name</source>
        <translation>ett tabellnamn</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_cards.py" line="51"/>
        <source>a title template such as &apos;{field}&apos;</source>
        <translation>en rubrikmall som '{field}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_cards.py" line="83"/>
        <source>a title template such as &apos;{name} ({id})&apos; or an object with &apos;en&apos; and &apos;sv&apos; templates</source>
        <translation>en rubrikmall som '{name} ({id})' eller ett objekt med mallarna 'en' och 'sv'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_item_warnings.py" line="44"/>
        <source>a value template such as &apos;C31-{value}&apos;</source>
        <translation>en värdemall som 'C31-{value}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="86"/>
        <source>a warning id</source>
        <translation>ett varnings-id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_cards.py" line="48"/>
        <source>a {type_name}</source>
        <translation>ett värde av typen {type_name}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="56"/>
        <source>an authority id such as &apos;EPSG:3006&apos;</source>
        <translation>ett auktoritets-id som 'EPSG:3006'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="184"/>
        <source>an exemption id</source>
        <translation>ett undantags-id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="288"/>
        <source>an http(s) tile URL with {x}, {y} and {z}</source>
        <translation>en http(s)-URL för kartplattor med {x}, {y} och {z}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="135"/>
        <source>an integer</source>
        <translation>ett heltal</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="47"/>
        <source>an integer number of years ≥ 0</source>
        <translation>ett helt antal år ≥ 0</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="297"/>
        <source>an integer zoom level</source>
        <translation>en zoomnivå som heltal</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="35"/>
        <source>an object of field names</source>
        <translation>ett objekt med fältnamn</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="113"/>
        <source>an object {layer, fields}</source>
        <translation>ett objekt {layer, fields}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="214"/>
        <source>null or one of {geometry_types}</source>
        <translation>null eller en av {geometry_types}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="136"/>
        <source>one of {condition_ops}</source>
        <translation>en av {condition_ops}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="22"/>
        <source>one of {relation_types}</source>
        <translation>en av {relation_types}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="148"/>
        <source>one of {rule_kinds}</source>
        <translation>en av {rule_kinds}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_cards.py" line="25"/>
        <source>one of {section_kinds}</source>
        <translation>en av {section_kinds}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="69"/>
        <source>one of {severities}</source>
        <translation>en av {severities}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="43"/>
        <source>one of {spatial_predicates}</source>
        <translation>en av {spatial_predicates}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="88"/>
        <source>one of {warning_kinds}</source>
        <translation>en av {warning_kinds}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="238"/>
        <source>true or false</source>
        <translation>true eller false</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="114"/>
        <source>Cost</source>
        <translation>Kostnad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/gpkg.py" line="123"/>
        <source>Cannot open {path}: {error}</source>
        <translation>Kan inte öppna {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/gpkg.py" line="118"/>
        <source>GeoPackage not found: {path}</source>
        <translation>GeoPackage-filen finns inte: {path}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/postgres.py" line="106"/>
        <source>No saved PostgreSQL connection named &apos;{name}&apos;</source>
        <translation>Ingen sparad PostgreSQL-anslutning med namnet '{name}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="229"/>
        <source>&apos;from&apos;, &apos;template&apos;, &apos;default&apos; or &apos;classify&apos;</source>
        <translation>'from', 'template', 'default' eller 'classify'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="212"/>
        <source>&apos;reject&apos; or &apos;keep&apos;</source>
        <translation>'reject' eller 'keep'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="287"/>
        <source>&apos;xyz&apos;, got &apos;{kind}&apos;</source>
        <translation>'xyz', fick '{kind}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance_spec.py" line="154"/>
        <source>&apos;{parent}&apos; (the parent of relation &apos;{relation_id}&apos;)</source>
        <translation>'{parent}' (föräldern i relationen '{relation_id}')</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/sources.py" line="54"/>
        <source>&apos;{text}&apos; names no service</source>
        <translation>'{text}' anger ingen tjänst (service)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/sources.py" line="49"/>
        <source>&apos;{text}&apos;: only service=&lt;name&gt; and dbname=&lt;database&gt; are understood here</source>
        <translation>'{text}': här förstås bara service=&lt;namn&gt; och dbname=&lt;databas&gt;</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="193"/>
        <source>4 ascending numbers (upper limits of classes 1–4)</source>
        <translation>4 stigande tal (övre gränserna för klass 1–4)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/plan.py" line="78"/>
        <source>A scenario needs an id before it is written into the paving plan</source>
        <translation>Ett scenario behöver ett id innan det skrivs in i beläggningsplanen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/postgres.py" line="124"/>
        <source>Cannot connect to the ideas database ({label}): {error}</source>
        <translation>Kan inte ansluta till idédatabasen ({label}): {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/gpkg.py" line="275"/>
        <source>Cannot read idea {idea_id} from {path}: {error}</source>
        <translation>Kan inte läsa idé {idea_id} från {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/gpkg.py" line="246"/>
        <source>Cannot read ideas from {path}: {error}</source>
        <translation>Kan inte läsa idéer från {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="240"/>
        <source>Cannot read ideas from {where}: the export did not finish within {deadline:g} s (deadline){detail}</source>
        <translation>Kan inte läsa idéer från {where}: exporten blev inte klar inom {deadline:g} s (tidsgräns){detail}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="246"/>
        <source>Cannot read ideas from {where}: {last} after {tries}</source>
        <translation>Kan inte läsa idéer från {where}: {last} efter {tries}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="215"/>
        <source>Cannot read ideas from {where}: {name}</source>
        <translation>Kan inte läsa idéer från {where}: {name}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/gpkg.py" line="296"/>
        <source>Cannot read the history of idea {idea_id} from {path}: {error}</source>
        <translation>Kan inte läsa historiken för idé {idea_id} från {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/gpkg.py" line="129"/>
        <source>Cannot read {path}: {error}</source>
        <translation>Kan inte läsa {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/gpkg.py" line="341"/>
        <source>Cannot save idea {idea_id} in {path}: {error}</source>
        <translation>Kan inte spara idé {idea_id} i {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/gpkg.py" line="326"/>
        <source>Cannot write an audit note in {name}: {error}</source>
        <translation>Kan inte skriva en loggnotering i {name}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="330"/>
        <source>Idea {n} on page {page} of {url} is not understood: {name} {error}</source>
        <translation>Idé {n} på sida {page} av {url} går inte att tolka: {name} {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="331"/>
        <source>JSON nested a reasonable number of levels deep</source>
        <translation>JSON med ett rimligt antal nivåer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/sources.py" line="176"/>
        <source>Layer &apos;{layer_id}&apos; has no field &apos;{missing}&apos;</source>
        <translation>Lagret '{layer_id}' saknar fältet '{missing}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/sources.py" line="334"/>
        <source>Layer &apos;{layer_id}&apos; has no field &apos;{name}&apos;</source>
        <translation>Lagret '{layer_id}' saknar fältet '{name}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/sources.py" line="84"/>
        <source>Layer &apos;{layer_id}&apos; has no field &apos;{name}&apos; ({what} {role})</source>
        <translation>Lagret '{layer_id}' saknar fältet '{name}' ({what} {role})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/plan.py" line="53"/>
        <source>Layer &apos;{name}&apos; has no field &apos;{name2}&apos; and it cannot be added (PostGIS: apply migration 008)</source>
        <translation>Lagret '{name}' saknar fältet '{name2}' och det kan inte läggas till (PostGIS: kör migrering 008)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/plan.py" line="82"/>
        <source>Layer &apos;{name}&apos; has no field &apos;{names}&apos; (paving plan {role})</source>
        <translation>Lagret '{name}' saknar fältet '{names}' (beläggningsplan, {role})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/plan.py" line="88"/>
        <source>Layer &apos;{name}&apos; is being edited: save or discard the edits first</source>
        <translation>Lagret '{name}' redigeras: spara eller förkasta ändringarna först</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="80"/>
        <source>No authentication configuration with id &apos;{authcfg}&apos; in QGIS</source>
        <translation>Ingen autentiseringskonfiguration med id '{authcfg}' i QGIS</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/paths.py" line="20"/>
        <source>No resources folder with twin_catalog.json next to {package_dir} or its parent</source>
        <translation>Ingen resursmapp med twin_catalog.json bredvid {package_dir} eller dess överordnade mapp</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="222"/>
        <source>Not authorised to read ideas from {where}: HTTP {status_code}; check the authentication configuration</source>
        <translation>Saknar behörighet att läsa idéer från {where}: HTTP {status_code}; kontrollera autentiseringskonfigurationen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/plan.py" line="91"/>
        <source>Scenario &apos;{scenario_id}&apos; is already in &apos;{name}&apos;: delete it first</source>
        <translation>Scenariot '{scenario_id}' finns redan i '{name}': ta bort det först</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/plan.py" line="114"/>
        <source>Scenario &apos;{scenario_id}&apos; not written into &apos;{name}&apos; (nothing was): {errors}</source>
        <translation>Scenariot '{scenario_id}' skrevs inte in i '{name}' (ingenting skrevs): {errors}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="60"/>
        <source>TO ({end}) is before FROM ({start})</source>
        <translation>TO ({end}) ligger före FROM ({start})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/postgres.py" line="52"/>
        <source>The Python module psycopg2 is missing: it is needed for PostgreSQL</source>
        <translation>Python-modulen psycopg2 saknas: den behövs för PostgreSQL</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="317"/>
        <source>The answer from {url} (page {page}) has no list of ideas (&apos;items&apos;)</source>
        <translation>Svaret från {url} (sida {page}) har ingen lista med idéer ('items')</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="236"/>
        <source>The answer from {where} is not valid JSON ({error})</source>
        <translation>Svaret från {where} är inte giltig JSON ({error})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="95"/>
        <source>The authentication configuration &apos;{authcfg}&apos; gives no token for {url}</source>
        <translation>Autentiseringskonfigurationen '{authcfg}' ger ingen token för {url}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/plan.py" line="28"/>
        <source>The catalog has no relation &apos;{relation}&apos; (paving plan)</source>
        <translation>Katalogen har ingen relation '{relation}' (beläggningsplan)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="307"/>
        <source>The export at {url} has more than {max_pages} pages: not read to the end, so no list is shown</source>
        <translation>Exporten på {url} har fler än {max_pages} sidor: den lästes inte till slutet, så ingen lista visas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="337"/>
        <source>The export at {url} lists idea {idea_id} twice (pages {pages_of} and {page}): the list is not shown</source>
        <translation>Exporten på {url} listar idé {idea_id} två gånger (sida {pages_of} och {page}): listan visas inte</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="351"/>
        <source>The export at {url} pages in a loop ({next_url})</source>
        <translation>Exporten på {url} bläddrar i en slinga ({next_url})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="272"/>
        <source>The export at {where} is larger than {max_bytes} MB: stopped reading it</source>
        <translation>Exporten på {where} är större än {max_bytes} MB: läsningen avbröts</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/permits.py" line="140"/>
        <source>The maintenance model&apos;s permits relation &apos;{relation}&apos; is not in the catalog</source>
        <translation>Underhållsmodellens grävtillståndsrelation '{relation}' finns inte i katalogen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/network.py" line="89"/>
        <source>The maintenance model&apos;s {kind} relation &apos;{relation_id}&apos; is not in the catalog</source>
        <translation>Underhållsmodellens relation för {kind}, '{relation_id}', finns inte i katalogen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/network.py" line="100"/>
        <source>The twin has no layer &apos;{layer_id}&apos; ({kind})</source>
        <translation>Tvillingen har inget lager '{layer_id}' ({kind})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/permits.py" line="147"/>
        <source>The twin has no layer &apos;{to_layer}&apos; (permits)</source>
        <translation>Tvillingen har inget lager '{to_layer}' (grävtillstånd)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/network.py" line="251"/>
        <source>The twin has no layer &apos;{to_layer}&apos; ({kind})</source>
        <translation>Tvillingen har inget lager '{to_layer}' ({kind})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="317"/>
        <source>UTF-8 text: byte 0x{object:02x} at position {start} is not UTF-8 (save the file as UTF-8)</source>
        <translation>UTF-8-text: byte 0x{object:02x} på position {start} är inte UTF-8 (spara filen som UTF-8)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="178"/>
        <source>[min, max] with two finite numbers, got {value}</source>
        <translation>[min, max] med två ändliga tal, fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="300"/>
        <source>a QGIS expression (text)</source>
        <translation>ett QGIS-uttryck (text)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="209"/>
        <source>a catalog layer id</source>
        <translation>ett lager-id i katalogen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="211"/>
        <source>a catalog relation id</source>
        <translation>ett relations-id i katalogen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="275"/>
        <source>a code of the sign-code table</source>
        <translation>en kod i skyltkodstabellen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="206"/>
        <source>a field name</source>
        <translation>ett fältnamn</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="38"/>
        <source>a field name for &apos;{role}&apos; (missing)</source>
        <translation>ett fältnamn för '{role}' (saknas)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="165"/>
        <source>a field name or [&quot;field&quot;, &quot;asc&quot;|&quot;desc&quot;], got {item}</source>
        <translation>ett fältnamn eller [&quot;fält&quot;, &quot;asc&quot;|&quot;desc&quot;], fick {item}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="176"/>
        <source>a field name or a list of field names</source>
        <translation>ett fältnamn eller en lista med fältnamn</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/measures.py" line="61"/>
        <source>a field of the twin table &apos;{table}&apos; ({columns})</source>
        <translation>ett fält i tvillingtabellen '{table}' ({columns})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance_spec.py" line="128"/>
        <source>a finite number ≥ 0, got {distance}</source>
        <translation>ett ändligt tal ≥ 0, fick {distance}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="41"/>
        <source>a finite number ≥ {minimum:g}, got {value}</source>
        <translation>ett ändligt tal ≥ {minimum:g}, fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="59"/>
        <source>a known CRS such as &apos;EPSG:3006&apos;, got &apos;{value}&apos;</source>
        <translation>ett känt koordinatsystem som 'EPSG:3006', fick '{value}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="392"/>
        <source>a layer id of the catalog</source>
        <translation>ett lager-id i katalogen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="332"/>
        <source>a layer id of the catalog ({layer_ids})</source>
        <translation>ett lager-id i katalogen ({layer_ids})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/runner.py" line="68"/>
        <source>a layer id of the catalog ({value})</source>
        <translation>ett lager-id i katalogen ({value})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/config.py" line="121"/>
        <source>a layer id of the catalog, got &apos;{layer}&apos;</source>
        <translation>ett lager-id i katalogen, fick '{layer}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="35"/>
        <source>a layer with geometry, &apos;{value}&apos; has none</source>
        <translation>ett lager med geometri, '{value}' har ingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance_spec.py" line="139"/>
        <source>a list of derived fields</source>
        <translation>en lista med härledda fält</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="230"/>
        <source>a list of integers</source>
        <translation>en lista med heltal</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="265"/>
        <source>a list of positive integers (sign {code} carries a value)</source>
        <translation>en lista med positiva heltal (skylt {code} har ett värde)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance_spec.py" line="106"/>
        <source>a list of relations</source>
        <translation>en lista med relationer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/config.py" line="103"/>
        <source>a list of texts</source>
        <translation>en lista med texter</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/runner.py" line="89"/>
        <source>a mapping for this required twin field</source>
        <translation>en mappning för detta obligatoriska tvillingfält</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="227"/>
        <source>a month and day like '05-01' (day ≤ 28), got '{text}'</source>
        <translation>en månad och dag som '05-01' (dag ≤ 28), fick '{text}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="326"/>
        <source>a month and day like &apos;09-30&apos;</source>
        <translation>en månad och dag som '09-30'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="243"/>
        <source>a non-empty list</source>
        <translation>en lista som inte är tom</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="218"/>
        <source>a non-empty list of functional-class groups</source>
        <translation>en lista som inte är tom med grupper av funktionsklasser</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="203"/>
        <source>a non-empty list of layers</source>
        <translation>en lista som inte är tom med lager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="76"/>
        <source>a non-empty list of relation ids</source>
        <translation>en lista som inte är tom med relations-id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="172"/>
        <source>a non-empty list of texts</source>
        <translation>en lista som inte är tom med texter</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="269"/>
        <source>a non-empty list of treatments</source>
        <translation>en lista som inte är tom med åtgärder</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="182"/>
        <source>a non-empty list of values</source>
        <translation>en lista som inte är tom med värden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="225"/>
        <source>a non-empty list of {code, en, sv}</source>
        <translation>en lista som inte är tom med {code, en, sv}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="192"/>
        <source>a non-empty text</source>
        <translation>en text som inte är tom</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/config.py" line="95"/>
        <source>a non-empty text, got {value}</source>
        <translation>en text som inte är tom, fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/config.py" line="110"/>
        <source>a number from {low:g} to {high:g}, got {value}</source>
        <translation>ett tal från {low:g} till {high:g}, fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="259"/>
        <source>a number of metres &gt; 0, got {tolerance}</source>
        <translation>ett antal meter &gt; 0, fick {tolerance}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="182"/>
        <source>a number, got {value}</source>
        <translation>ett tal, fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="62"/>
        <source>a positive integer, got {limit}</source>
        <translation>ett positivt heltal, fick {limit}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="357"/>
        <source>a preset id ({preset_ids}) or a JSON file</source>
        <translation>ett förinställnings-id ({preset_ids}) eller en JSON-fil</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="64"/>
        <source>a projected CRS in metres such as &apos;EPSG:3006&apos;, got &apos;{value}&apos; ({units})</source>
        <translation>ett projicerat koordinatsystem i meter som 'EPSG:3006', fick '{value}' ({units})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="258"/>
        <source>a readable bundled sign-code table resources/sign_codes.json</source>
        <translation>en läsbar medföljande skyltkodstabell resources/sign_codes.json</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="342"/>
        <source>a readable file ({strerror})</source>
        <translation>en läsbar fil ({strerror})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="87"/>
        <source>a relation from &apos;{from_layer}&apos; to &apos;{to_layer}&apos;, &apos;{sub_id}&apos; is from &apos;{from_layer2}&apos; to &apos;{to_layer2}&apos;</source>
        <translation>en relation från '{from_layer}' till '{to_layer}', '{sub_id}' går från '{from_layer2}' till '{to_layer2}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="112"/>
        <source>a relation from &apos;{layer_id}&apos;, &apos;{value}&apos; is from &apos;{from_layer}&apos;</source>
        <translation>en relation från '{layer_id}', '{value}' går från '{from_layer}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="247"/>
        <source>a relation from &apos;{layer}&apos; to &apos;{layer2}&apos;, got &apos;{near_relation}&apos;</source>
        <translation>en relation från '{layer}' till '{layer2}', fick '{near_relation}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="58"/>
        <source>a relation from &apos;{via_layer}&apos; to &apos;{layer_id}&apos;, got &apos;{via_rel}&apos;</source>
        <translation>en relation från '{via_layer}' till '{layer_id}', fick '{via_rel}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="224"/>
        <source>a rising list of numbers (upper limits of classes 1…n)</source>
        <translation>en stigande lista med tal (övre gränserna för klass 1…n)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="59"/>
        <source>a search distance &gt; 0 for &apos;nearest&apos;</source>
        <translation>ett sökavstånd &gt; 0 för 'nearest'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="312"/>
        <source>a source field name or a list of them</source>
        <translation>ett källfältnamn eller en lista med källfältnamn</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="95"/>
        <source>a spatial catalog layer id, got &apos;{layer_id}&apos;</source>
        <translation>ett id för ett lager med geometri i katalogen, fick '{layer_id}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/config.py" line="127"/>
        <source>a spatial relation from &apos;{layer}&apos; with a distance_m</source>
        <translation>en rumslig relation från '{layer}' med distance_m</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="258"/>
        <source>a surface every band has rates for</source>
        <translation>en beläggning som alla intervall har takter för</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance_spec.py" line="177"/>
        <source>a table name of letters, digits and &apos;_&apos;, got {value}</source>
        <translation>ett tabellnamn av bokstäver, siffror och '_', fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="276"/>
        <source>a treatment code (the catalog&apos;s treatment domain)</source>
        <translation>en åtgärdskod (katalogens åtgärdsdomän)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="225"/>
        <source>a unique id</source>
        <translation>ett unikt id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="148"/>
        <source>a value (missing)</source>
        <translation>ett värde (saknas)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_item_warnings.py" line="34"/>
        <source>a whole number of months ≥ 1, got {months}</source>
        <translation>ett helt antal månader ≥ 1, fick {months}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="303"/>
        <source>an SQL expression over the table&apos;s columns (text, no &apos;;&apos;)</source>
        <translation>ett SQL-uttryck över tabellens kolumner (text, inget ';')</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/notes.py" line="81"/>
        <source>an accepted warning needs a reason</source>
        <translation>en accepterad varning behöver en motivering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="138"/>
        <source>an existing maintenance model JSON file</source>
        <translation>en befintlig JSON-fil med underhållsmodell</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="290"/>
        <source>an http(s) tile URL with {{x}}, {{y}} and {{z}}, got &apos;{url}&apos;</source>
        <translation>en http(s)-URL för kartplattor med {{x}}, {{y}} och {{z}}, fick '{url}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="277"/>
        <source>an id no layer or other background map has, got &apos;{map_id}&apos;</source>
        <translation>ett id som inget lager eller annan bakgrundskarta har, fick '{map_id}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="137"/>
        <source>an integer from {lo} to {hi}, got {value}</source>
        <translation>ett heltal från {lo} till {hi}, fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="49"/>
        <source>an integer number of years ≥ 0, got {value}</source>
        <translation>ett helt antal år ≥ 0, fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/config.py" line="135"/>
        <source>an object</source>
        <translation>ett objekt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_item_warnings.py" line="42"/>
        <source>an object of related field: value template</source>
        <translation>ett objekt med relaterat fält: värdemall</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="208"/>
        <source>an object of source value → twin value</source>
        <translation>ett objekt med källvärde → tvillingvärde</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="280"/>
        <source>an object of twin field → how to fill it</source>
        <translation>ett objekt med tvillingfält → hur det fylls</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="181"/>
        <source>an object with &apos;en&apos; and &apos;sv&apos; texts</source>
        <translation>ett objekt med texterna 'en' och 'sv'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="220"/>
        <source>an object with &apos;field&apos; and &apos;limits&apos;</source>
        <translation>ett objekt med 'field' och 'limits'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance_spec.py" line="166"/>
        <source>an object with &apos;table&apos; and &apos;session_table&apos;</source>
        <translation>ett objekt med 'table' och 'session_table'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="284"/>
        <source>an object with &apos;wkt&apos; or &apos;x&apos; and &apos;y&apos;</source>
        <translation>ett objekt med 'wkt' eller 'x' och 'y'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/config.py" line="181"/>
        <source>an object with a list &apos;rules&apos;</source>
        <translation>ett objekt med en lista 'rules'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="289"/>
        <source>an object with field, layer and max_distance_m</source>
        <translation>ett objekt med field, layer och max_distance_m</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="297"/>
        <source>an object with index, value, first, last and columns</source>
        <translation>ett objekt med index, value, first, last och columns</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="308"/>
        <source>an object with site, time and value (source field names)</source>
        <translation>ett objekt med site, time och value (källfältnamn)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="145"/>
        <source>an object, got {name}</source>
        <translation>ett objekt, fick {name}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="154"/>
        <source>an object, got {value}</source>
        <translation>ett objekt, fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_item_warnings.py" line="29"/>
        <source>an option of kind &apos;{kind}&apos; (missing)</source>
        <translation>ett alternativ för typen '{kind}' (saknas)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="296"/>
        <source>at least one of levels, iri_levels, rut_levels (only segments needing action are candidates)</source>
        <translation>minst ett av levels, iri_levels, rut_levels (bara segment som behöver åtgärd är kandidater)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="301"/>
        <source>column name patterns such as &apos;h{:02d}&apos;</source>
        <translation>kolumnnamnsmönster som 'h{:02d}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="214"/>
        <source>exactly one of &apos;values&apos;, &apos;range&apos; or &apos;table&apos;</source>
        <translation>exakt ett av 'values', 'range' eller 'table'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="237"/>
        <source>false for a layer without geometry</source>
        <translation>false för ett lager utan geometri</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/runner.py" line="81"/>
        <source>key fields (layer &apos;{id}&apos; has no key in the catalog)</source>
        <translation>nyckelfält (lagret '{id}' har ingen nyckel i katalogen)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="385"/>
        <source>key fields that the mapping fills, &apos;{name}&apos; is not</source>
        <translation>nyckelfält som mappningen fyller, '{name}' gör den inte</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="281"/>
        <source>keys among {dataclass_fields}</source>
        <translation>nycklar bland {dataclass_fields}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/reader.py" line="54"/>
        <source>layer &apos;{layer}&apos; ({value}) has no field &apos;{missing}&apos;</source>
        <translation>lagret '{layer}' ({value}) saknar fältet '{missing}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="234"/>
        <source>limits at or above the needs_action limits</source>
        <translation>gränser vid eller över gränserna för needs_action</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="186"/>
        <source>min ≤ max, got [{value}, {value2}]</source>
        <translation>min ≤ max, fick [{value}, {value2}]</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/sources.py" line="223"/>
        <source>no primary key in {table}</source>
        <translation>ingen primärnyckel i {table}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/model.py" line="146"/>
        <source>not editable: {unknown}</source>
        <translation>kan inte redigeras: {unknown}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="254"/>
        <source>null (the last band is open)</source>
        <translation>null (det sista intervallet är öppet)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="223"/>
        <source>null or one of {geometry_types}, got &apos;{geometry}&apos;</source>
        <translation>null eller en av {geometry_types}, fick '{geometry}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="201"/>
        <source>one of from, template, map, other, factor, default, transform, value_to, classify</source>
        <translation>en av from, template, map, other, factor, default, transform, value_to, classify</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="117"/>
        <source>one of the catalog&apos;s layer ids {layer_ids}</source>
        <translation>ett av katalogens lager-id {layer_ids}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="116"/>
        <source>one of the catalog&apos;s layer ids {layer_ids}, got &apos;{layer}&apos;</source>
        <translation>ett av katalogens lager-id {layer_ids}, fick '{layer}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="28"/>
        <source>one of the catalog&apos;s layer ids {layer_ids}, got &apos;{value}&apos;</source>
        <translation>ett av katalogens lager-id {layer_ids}, fick '{value}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="107"/>
        <source>one of the relation ids {relations}, got &apos;{value}&apos;</source>
        <translation>ett av relations-id:na {relations}, fick '{value}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_cards.py" line="38"/>
        <source>one of {allowed} for kind &apos;{kind}&apos;</source>
        <translation>en av {allowed} för typen '{kind}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_reader.py" line="140"/>
        <source>one of {condition_ops}, got &apos;{op}&apos;</source>
        <translation>en av {condition_ops}, fick '{op}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="207"/>
        <source>one of {domain_types}, got {kind}</source>
        <translation>en av {domain_types}, fick {kind}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="288"/>
        <source>one of {domains}, got {raw}</source>
        <translation>en av {domains}, fick {raw}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="314"/>
        <source>one of {group_ids}</source>
        <translation>en av {group_ids}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="282"/>
        <source>one of {group_ids}, got &apos;{group}&apos;</source>
        <translation>en av {group_ids}, fick '{group}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/config.py" line="140"/>
        <source>one of {kinds}, got {kind}</source>
        <translation>en av {kinds}, fick {kind}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/runner.py" line="63"/>
        <source>one of {modes}, got &apos;{mode}&apos;</source>
        <translation>en av {modes}, fick '{mode}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="24"/>
        <source>one of {relation_types}, got &apos;{kind}&apos;</source>
        <translation>en av {relation_types}, fick '{kind}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="129"/>
        <source>one of {roles}</source>
        <translation>en av {roles}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="283"/>
        <source>one of {rule_keys}</source>
        <translation>en av {rule_keys}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="150"/>
        <source>one of {rule_kinds}, got &apos;{kind}&apos;</source>
        <translation>en av {rule_kinds}, fick '{kind}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_cards.py" line="27"/>
        <source>one of {section_kinds}, got &apos;{kind}&apos;</source>
        <translation>en av {section_kinds}, fick '{kind}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="73"/>
        <source>one of {severities}, got &apos;{severity}&apos;</source>
        <translation>en av {severities}, fick '{severity}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/config.py" line="145"/>
        <source>one of {severities}, got {severity}</source>
        <translation>en av {severities}, fick {severity}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="51"/>
        <source>one of {spatial_predicates}, got &apos;{predicate}&apos;</source>
        <translation>en av {spatial_predicates}, fick '{predicate}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="330"/>
        <source>one of {strategies}</source>
        <translation>en av {strategies}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="215"/>
        <source>one of {transforms}</source>
        <translation>en av {transforms}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="41"/>
        <source>one of {warning_fields}</source>
        <translation>en av {warning_fields}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="90"/>
        <source>one of {warning_kinds}, got &apos;{kind}&apos;</source>
        <translation>en av {warning_kinds}, fick '{kind}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/gpkg.py" line="365"/>
        <source>only status, granted amount, decision and decision date can be edited</source>
        <translation>bara status, beviljat belopp, beslut och beslutsdatum kan redigeras</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="140"/>
        <source>readable JSON ({error})</source>
        <translation>läsbar JSON ({error})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/notes.py" line="77"/>
        <source>status must be one of {statuses}, got &apos;{status}&apos;</source>
        <translation>status måste vara en av {statuses}, fick '{status}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/scenario.py" line="195"/>
        <source>strategy must be one of {strategies}, got &apos;{strategy}&apos;</source>
        <translation>strategin måste vara en av {strategies}, fick '{strategy}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/measures.py" line="53"/>
        <source>table &apos;{table}&apos; to link to not found</source>
        <translation>tabellen '{table}' att koppla till finns inte</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="295"/>
        <source>the attribution the tiles&apos; licence asks for</source>
        <translation>den källhänvisning som kartplattornas licens kräver</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="80"/>
        <source>the id of a key or spatial relation listed before &apos;{rel_id}&apos;, got {sub_id}</source>
        <translation>id för en nyckel- eller rumslig relation listad före '{rel_id}', fick {sub_id}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/config.py" line="167"/>
        <source>the id of a key relation</source>
        <translation>id för en nyckelrelation</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance_spec.py" line="147"/>
        <source>the id of a key relation ({by_id})</source>
        <translation>id för en nyckelrelation ({by_id})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="272"/>
        <source>the integer 1</source>
        <translation>heltalet 1</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="189"/>
        <source>the integer 1, got {version}</source>
        <translation>heltalet 1, fick {version}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/reader.py" line="105"/>
        <source>the twin has no layer &apos;{layer}&apos;</source>
        <translation>tvillingen har inget lager '{layer}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="170"/>
        <source>true or false, got {value}</source>
        <translation>true eller false, fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="235"/>
        <source>unique codes, &apos;{duplicates}&apos; appears twice</source>
        <translation>unika koder, '{duplicates}' förekommer två gånger</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="198"/>
        <source>unique group ids</source>
        <translation>unika grupp-id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="261"/>
        <source>unique layer ids, &apos;{duplicates}&apos; appears twice</source>
        <translation>unika lager-id, '{duplicates}' förekommer två gånger</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_relations.py" line="21"/>
        <source>unique relation ids, &apos;{rel_id}&apos; appears twice</source>
        <translation>unika relations-id, '{rel_id}' förekommer två gånger</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/config.py" line="186"/>
        <source>unique rule ids, &apos;{duplicates}&apos; appears twice</source>
        <translation>unika regel-id, '{duplicates}' förekommer två gånger</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/config.py" line="168"/>
        <source>unique rule {what}, &apos;{twice}&apos; appears twice</source>
        <translation>unika regel-{what}, '{twice}' förekommer två gånger</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_cards.py" line="79"/>
        <source>unique section ids, &apos;{duplicates}&apos; appears twice</source>
        <translation>unika sektions-id, '{duplicates}' förekommer två gånger</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/config_warnings.py" line="119"/>
        <source>unique warning ids, &apos;{duplicates}&apos; appears twice</source>
        <translation>unika varnings-id, '{duplicates}' förekommer två gånger</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="344"/>
        <source>valid JSON: {msg}</source>
        <translation>giltig JSON: {msg}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/model.py" line="175"/>
        <source>values among {allowed}</source>
        <translation>värden bland {allowed}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/scenario.py" line="201"/>
        <source>years must be ≥ 1 and the budget ≥ 0, got {years} and {budget_sek_per_year}</source>
        <translation>antalet år måste vara ≥ 1 och budgeten ≥ 0, fick {years} och {budget_sek_per_year}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="299"/>
        <source>zoom levels 0 &lt;= zmin &lt;= zmax &lt;= 25, got {zmin}..{zmax}</source>
        <translation>zoomnivåer 0 &lt;= zmin &lt;= zmax &lt;= 25, fick {zmin}..{zmax}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/gpkg.py" line="143"/>
        <source>{name} has no &apos;{table}&apos; table</source>
        <translation>{name} har ingen tabell '{table}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="53"/>
        <source>{name} must be a date like 2026-11-27, &apos;today&apos; or &apos;+14&apos;, got &apos;{text}&apos;</source>
        <translation>{name} måste vara ett datum som 2026-11-27, 'today' eller '+14', fick '{text}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/gpkg.py" line="129"/>
        <source>{path} is not a readable GeoPackage: {error}</source>
        <translation>{path} är inte en läsbar GeoPackage-fil: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/notes.py" line="109"/>
        <source>{path}: GeoPackage not found</source>
        <translation>{path}: GeoPackage-filen finns inte</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/board.py" line="55"/>
        <source>{path}: the catalog has no &apos;coordination&apos; key</source>
        <translation>{path}: katalogen har ingen nyckel 'coordination'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/notes.py" line="157"/>
        <source>{path}: the coordination note could not be saved: {error}</source>
        <translation>{path}: samordningsanteckningen kunde inte sparas: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/notes.py" line="126"/>
        <source>{path}: the coordination notes could not be read: {error}</source>
        <translation>{path}: samordningsanteckningarna kunde inte läsas: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="150"/>
        <source>{what} (missing)</source>
        <translation>{what} (saknas)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="194"/>
        <source>{what} (the domain&apos;s type is {kind}), got {value}</source>
        <translation>{what} (domänens typ är {kind}), fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/catalog.py" line="161"/>
        <source>{what}, got {value}</source>
        <translation>{what}, fick {value}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/postgres.py" line="144"/>
        <source>{what}: not allowed for this database user ({error})</source>
        <translation>{what}: inte tillåtet för denna databasanvändare ({error})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/coordination/notes.py" line="188"/>
        <source>{what}: psycopg2 is not installed</source>
        <translation>{what}: psycopg2 är inte installerat</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/postgres.py" line="149"/>
        <source>{what}: the database connection failed ({error})</source>
        <translation>{what}: databasanslutningen misslyckades ({error})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="45"/>
        <source>{path}: key &apos;{key}&apos;: expected {expected}</source>
        <translation>{path}: nyckel '{key}': förväntade {expected}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="245"/>
        <source>{count} attempts</source>
        <translation>{count} försök</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/http.py" line="245"/>
        <source>1 attempt</source>
        <translation>1 försök</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/cross_streets.py" line="118"/>
        <source>{street}, north of {cross}</source>
        <translation>{street}, norr om {cross}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/cross_streets.py" line="118"/>
        <source>{street}, east of {cross}</source>
        <translation>{street}, öster om {cross}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/cross_streets.py" line="119"/>
        <source>{street}, south of {cross}</source>
        <translation>{street}, söder om {cross}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/cross_streets.py" line="119"/>
        <source>{street}, west of {cross}</source>
        <translation>{street}, väster om {cross}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/db_errors.py" line="57"/>
        <source>The database refused the change to {layer}: {field} is required</source>
        <translation>Databasen vägrade ändringen i {layer}: {field} måste anges</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/db_errors.py" line="48"/>
        <source>The database refused the change to {layer}: no feature has {field} &apos;{value}&apos;</source>
        <translation>Databasen vägrade ändringen i {layer}: inget objekt har {field} '{value}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/db_errors.py" line="53"/>
        <source>The database refused to delete from {parent}: {child} still refer to it; delete or move them first</source>
        <translation>Databasen vägrade att ta bort från {parent}: {child} hänvisar fortfarande dit; ta bort eller flytta dem först</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/db_errors.py" line="59"/>
        <source>The database refused the change to {layer}: {field} must be unique, another feature has this value</source>
        <translation>Databasen vägrade ändringen i {layer}: {field} måste vara unikt, ett annat objekt har samma värde</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/db_errors.py" line="65"/>
        <source>The database refused the change to {layer}: {detail}</source>
        <translation>Databasen vägrade ändringen i {layer}: {detail}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/demo_copy.py" line="69"/>
        <source>The embedded demo twin is missing: {path} (a source checkout builds it with &apos;make demo&apos;)</source>
        <translation>Den inbyggda demotvillingen saknas: {path} (i en källkodskopia byggs den med 'make demo')</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/demo_copy.py" line="80"/>
        <source>Cannot copy the demo twin to {path}: {error}</source>
        <translation>Kan inte kopiera demotvillingen till {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/demo_copy.py" line="107"/>
        <source>Cannot replace the demo twin {path}: {error}</source>
        <translation>Kan inte ersätta demotvillingen {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/field_checks.py" line="69"/>
        <source>{field} must be one of: {values}</source>
        <translation>{field} måste vara något av: {values}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/field_checks.py" line="71"/>
        <source>{field} must be a value of the list &apos;{list}&apos;</source>
        <translation>{field} måste vara ett värde ur listan '{list}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/field_checks.py" line="77"/>
        <source>{field} must be between {min} and {max}</source>
        <translation>{field} måste vara mellan {min} och {max}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/field_checks.py" line="83"/>
        <source>{field} cannot be in the future</source>
        <translation>{field} kan inte ligga i framtiden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/form_layout.py" line="70"/>
        <source>Attributes</source>
        <translation>Egenskaper</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/form_layout.py" line="102"/>
        <source>More</source>
        <translation>Övrigt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance.py" line="52"/>
        <source>{source} is read-only for you: the twin is shown, edits cannot be saved</source>
        <translation>{source} är skrivskyddad för dig: tvillingen visas men ändringar kan inte sparas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance.py" line="69"/>
        <source>{file}: the edit history and the checks of the GeoPackage could not be set up: {error}</source>
        <translation>{file}: ändringshistoriken och GeoPackage-filens kontroller kunde inte läggas upp: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/maintenance.py" line="75"/>
        <source>Preparing the twin GeoPackage</source>
        <translation>Förbereder tvillingens GeoPackage</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="38"/>
        <source>{field} is empty; it is required</source>
        <translation>{field} är tomt men måste anges</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="64"/>
        <source>The key {field} is empty</source>
        <translation>Nyckeln {field} är tom</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="77"/>
        <source>field rules</source>
        <translation>fältregler</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="84"/>
        <source>(found: {value})</source>
        <translation>(hittat: {value})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="104"/>
        <source>duplicate keys</source>
        <translation>dubbla nycklar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="110"/>
        <source>{field} &apos;{value}&apos; is used by {n} features; it must be unique</source>
        <translation>{field} '{value}' används av {n} objekt; det måste vara unikt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="139"/>
        <source>parents of {field}</source>
        <translation>överordnade objekt för {field}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="123"/>
        <source>parent and child tables are not in one database</source>
        <translation>huvud- och undertabellerna ligger inte i samma databas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="142"/>
        <source>{field} &apos;{value}&apos; names no feature of {parent}</source>
        <translation>{field} '{value}' pekar inte på något objekt i {parent}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="178"/>
        <source>hourly counts</source>
        <translation>timflöden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="185"/>
        <source>Counts of {year}: {n} rows for {distinct} distinct hours, expected {hours} hours once each</source>
        <translation>Mätningen {year}: {n} rader för {distinct} olika timmar, väntat {hours} timmar en gång var</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="191"/>
        <source>Counts of {year} sum to {sum} vehicles, {share} % of ÅDT {aadt} (expected {low}–{high} %)</source>
        <translation>Mätningen {year} summerar till {sum} fordon, {share} % av ÅDT {aadt} (väntat {low}–{high} %)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="223"/>
        <source>status and dates</source>
        <translation>status och datum</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="231"/>
        <source>Status &apos;{status}&apos; but it ended {days} days ago ({end})</source>
        <translation>Status '{status}' men det slutade för {days} dagar sedan ({end})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="237"/>
        <source>Status &apos;{status}&apos; but it starts only on {start}</source>
        <translation>Status '{status}' men det börjar först {start}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/attribute_rules.py" line="235"/>
        <source>Status &apos;{status}&apos; but its end date {end} passed {days} days ago</source>
        <translation>Status '{status}' men slutdatumet {end} passerades för {days} dagar sedan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/context.py" line="53"/>
        <source>{layer}: {what} not checked: {error}</source>
        <translation>{layer}: {what} kontrollerades inte: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/context.py" line="66"/>
        <source>attribute rules</source>
        <translation>attributregler</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/context.py" line="59"/>
        <source>the quality check reads GeoPackage and PostGIS layers, not &apos;{provider}&apos;</source>
        <translation>kvalitetskontrollen läser GeoPackage- och PostGIS-lager, inte '{provider}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/spatial_rules.py" line="45"/>
        <source>No geometry</source>
        <translation>Ingen geometri</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/spatial_rules.py" line="47"/>
        <source>Empty geometry</source>
        <translation>Tom geometri</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/spatial_rules.py" line="51"/>
        <source>Invalid geometry: {reason}</source>
        <translation>Ogiltig geometri: {reason}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/spatial_rules.py" line="107"/>
        <source>No feature of {target} at all (expected one within {limit} m)</source>
        <translation>Inget objekt alls i {target} (väntat ett inom {limit} m)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/spatial_rules.py" line="109"/>
        <source>Nearest feature of {target} is {distance} m away (expected within {limit} m)</source>
        <translation>Närmaste objekt i {target} ligger {distance} m bort (väntat inom {limit} m)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/quality/spatial_rules.py" line="145"/>
        <source>Sign {code} says {value}, but {field} of {target} {key} is {limit}</source>
        <translation>Märket {code} anger {value}, men {field} för {target} {key} är {limit}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="50"/>
        <source>Unsaved twin edits</source>
        <translation>Osparade ändringar i tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="37"/>
        <source>{layers} have unsaved edits. Save them before {action}?</source>
        <translation>{layers} har osparade ändringar. Spara dem före {action}?</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="50"/>
        <source>Not saved, nothing was removed:
{errors}</source>
        <translation>Inte sparat, inget togs bort:
{errors}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="63"/>
        <source>Remove the twin</source>
        <translation>Ta bort tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="63"/>
        <source>Remove the {n} twin layers ({layers}) and the group &apos;{group}&apos; from the project?

The data in {source} is not changed; load the twin again to get them back.</source>
        <translation>Ta bort tvillingens {n} lager ({layers}) och gruppen '{group}' ur projektet?

Data i {source} ändras inte; läs in tvillingen igen för att få tillbaka dem.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="73"/>
        <source>Reset demo twin</source>
        <translation>Återställ demotvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="73"/>
        <source>Replace your copy of the demo twin by a fresh one?

{path}

Your edits are kept next to it as a backup (…bak.gpkg) until the next reset.</source>
        <translation>Ersätta din kopia av demotvillingen med en ny?

{path}

Dina ändringar sparas bredvid som säkerhetskopia (…bak.gpkg) till nästa återställning.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="105"/>
        <source>resetting the demo twin</source>
        <translation>återställningen av demotvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_guard.py" line="115"/>
        <source>The demo twin was reset: {path}</source>
        <translation>Demotvillingen är återställd: {path}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/aggregate.py" line="49"/>
        <source>a date and time such as 2026-05-04 07:00</source>
        <translation>ett datum med tid, till exempel 2026-05-04 07:00</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/aggregate.py" line="67"/>
        <source>no measurement site</source>
        <translation>ingen mätplats</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_values.py" line="90"/>
        <source>expected {what}</source>
        <translation>väntade {what}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_checks.py" line="38"/>
        <source>a value is required</source>
        <translation>ett värde krävs</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/aggregate.py" line="83"/>
        <source>not a weekday (the twin&apos;s profile is weekday traffic)</source>
        <translation>inte en vardag (tvillingens profil är vardagstrafik)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_values.py" line="84"/>
        <source>unknown code &apos;{code}&apos; in {column} (known: {known})</source>
        <translation>okänd kod '{code}' i {column} (kända: {known})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_values.py" line="131"/>
        <source>cannot build the key from {template}: {error}</source>
        <translation>kan inte bilda nyckeln av {template}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_values.py" line="151"/>
        <source>no value, and none of {fields} to derive it from</source>
        <translation>inget värde, och inget av {fields} att härleda det ur</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_links.py" line="26"/>
        <source>no {field} and no position to find the nearest feature in &apos;{layer}&apos;</source>
        <translation>inget {field} och ingen position för att hitta närmaste objekt i '{layer}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_links.py" line="34"/>
        <source>nothing in &apos;{layer}&apos; within {distance} m</source>
        <translation>inget i '{layer}' inom {distance} m</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_values.py" line="161"/>
        <source>no value for {field} {index} (column {column})</source>
        <translation>inget värde för {field} {index} (kolumn {column})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_checks.py" line="44"/>
        <source>&apos;{value}&apos; is not in the domain {domain} ({codes})</source>
        <translation>'{value}' finns inte i värdemängden {domain} ({codes})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_checks.py" line="49"/>
        <source>{value} is outside {low}–{high}</source>
        <translation>{value} ligger utanför {low}–{high}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_checks.py" line="52"/>
        <source>{value} is in the future (today is {today})</source>
        <translation>{value} ligger i framtiden (i dag är {today})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/shapes.py" line="32"/>
        <source>no geometry</source>
        <translation>ingen geometri</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/shapes.py" line="48"/>
        <source>{n} parts where the twin layer holds one {type}</source>
        <translation>{n} delar där tvillingens lager har en {type}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/shapes.py" line="56"/>
        <source>a {found} where the twin layer holds {type}</source>
        <translation>en {found} där tvillingens lager har {type}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_values.py" line="183"/>
        <source>expected {what}, got &apos;{value}&apos;</source>
        <translation>väntade {what}, fick '{value}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/shapes.py" line="69"/>
        <source>an invalid geometry that cannot be repaired without changing its type</source>
        <translation>en ogiltig geometri som inte kan lagas utan att byta typ</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/runner.py" line="52"/>
        <source>{twin}: importing into a saved PostgreSQL connection is not supported yet; use a pg_service entry (pgservice:&lt;service&gt;)</source>
        <translation>{twin}: import till en sparad PostgreSQL-anslutning stöds inte än; använd en pg_service-post (pgservice:&lt;tjänst&gt;)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/runner.py" line="278"/>
        <source>the key field has no value</source>
        <translation>nyckelfältet saknar värde</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_links.py" line="47"/>
        <source>the section must end after it starts ({start} {a}, {end} {b})</source>
        <translation>sträckan måste sluta efter att den börjar ({start} {a}, {end} {b})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/runner.py" line="282"/>
        <source>key {key} appears twice in the file (first at row {row})</source>
        <translation>nyckeln {key} finns två gånger i filen (först på rad {row})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/runner.py" line="288"/>
        <source>already in the twin (mode insert; use upsert to update)</source>
        <translation>finns redan i tvillingen (läge infoga; använd uppdatera för att ändra)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/runner.py" line="315"/>
        <source>refused by the twin: {reason}</source>
        <translation>vägrad av tvillingen: {reason}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/source.py" line="70"/>
        <source>{file}: file not found</source>
        <translation>{file}: filen hittades inte</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/source.py" line="88"/>
        <source>{file}: not a vector or table file QGIS can open</source>
        <translation>{file}: inte en vektor- eller tabellfil som QGIS kan öppna</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/source.py" line="106"/>
        <source>{file}: not UTF-8 or Windows-1252 text</source>
        <translation>{file}: inte UTF-8- eller Windows-1252-text</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/source.py" line="109"/>
        <source>{file}: the file is empty (a header row is needed)</source>
        <translation>{file}: filen är tom (en rubrikrad behövs)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/source.py" line="126"/>
        <source>{file}: no geometry column (one of {wanted}) in the header ({names})</source>
        <translation>{file}: ingen geometrikolumn (någon av {wanted}) i rubrikraden ({names})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/source.py" line="137"/>
        <source>{file}: &apos;{crs}&apos; is not a coordinate reference system</source>
        <translation>{file}: '{crs}' är inte ett koordinatsystem</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/source.py" line="142"/>
        <source>{file}: the file&apos;s coordinates have no CRS; give one (for example EPSG:3006)</source>
        <translation>{file}: filens koordinater saknar koordinatsystem; ange ett (till exempel EPSG:3006)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/source.py" line="164"/>
        <source>the geometry could not be reprojected into the twin&apos;s CRS</source>
        <translation>geometrin kunde inte projiceras om till tvillingens koordinatsystem</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/source.py" line="166"/>
        <source>the geometry could not be reprojected into the twin&apos;s CRS ({error})</source>
        <translation>geometrin kunde inte projiceras om till tvillingens koordinatsystem ({error})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/source.py" line="201"/>
        <source>&apos;{text}&apos; in {column} is not WKT</source>
        <translation>'{text}' i {column} är inte WKT</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/source.py" line="209"/>
        <source>both coordinates</source>
        <translation>båda koordinaterna</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/source.py" line="212"/>
        <source>coordinates {x}/{y}: expected {what}</source>
        <translation>koordinaterna {x}/{y}: väntade {what}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/values.py" line="75"/>
        <source>a number</source>
        <translation>ett tal</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/values.py" line="81"/>
        <source>a number (decimal point or comma)</source>
        <translation>ett tal (decimalpunkt eller decimalkomma)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/values.py" line="84"/>
        <source>a finite number</source>
        <translation>ett ändligt tal</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/values.py" line="93"/>
        <source>a whole number</source>
        <translation>ett heltal</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/values.py" line="122"/>
        <source>a real calendar date ({error})</source>
        <translation>ett verkligt datum ({error})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/values.py" line="123"/>
        <source>a date (2026-05-03, 20260503, 3.5.2026, 3/5 2026 or 3 maj 2026)</source>
        <translation>ett datum (2026-05-03, 20260503, 3.5.2026, 3/5 2026 eller 3 maj 2026)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/values.py" line="136"/>
        <source>a date and time (2026-05-03 14:00)</source>
        <translation>ett datum med tid (2026-05-03 14:00)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/values.py" line="150"/>
        <source>yes or no (ja/nej, true/false, 1/0)</source>
        <translation>ja eller nej (ja/nej, true/false, 1/0)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/values.py" line="183"/>
        <source>a sign code such as C31-50, C31:50, SE:C31-50 or c31 50</source>
        <translation>en vägmärkeskod som C31-50, C31:50, SE:C31-50 eller c31 50</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/values.py" line="188"/>
        <source>a code of the sign-code table (&apos;{code}&apos; is not one)</source>
        <translation>en kod i vägmärkestabellen ('{code}' är ingen)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/writer.py" line="35"/>
        <source>{twin}: cannot open for writing ({error})</source>
        <translation>{twin}: kan inte öppnas för skrivning ({error})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/writer.py" line="38"/>
        <source>{twin}: table &apos;{table}&apos; not found</source>
        <translation>{twin}: tabellen '{table}' hittades inte</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/writer.py" line="90"/>
        <source>{twin}: cannot start a transaction</source>
        <translation>{twin}: kan inte starta en transaktion</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/writer.py" line="125"/>
        <source>{twin}: the twin refused to empty the table for &apos;replace&apos; ({error})</source>
        <translation>{twin}: tvillingen vägrade tömma tabellen för 'ersätt' ({error})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/writer.py" line="144"/>
        <source>the database refused the row</source>
        <translation>databasen vägrade raden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/writer.py" line="175"/>
        <source>{twin}: the import could not be committed</source>
        <translation>{twin}: importen kunde inte sparas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/candidates.py" line="240"/>
        <source>{measure} {value}{unit} &gt; {limit} for {group}</source>
        <translation>{measure} {value}{unit} &gt; {limit} för {group}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/candidates.py" line="241"/>
        <source>rut</source>
        <translation>spårdjup</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/candidates.py" line="242"/>
        <source>ÅDT {aadt}</source>
        <translation>ÅDT {aadt}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/candidates.py" line="243"/>
        <source>width assumed {width} m</source>
        <translation>bredd antagen {width} m</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/candidates.py" line="244"/>
        <source>dig first: {permits}; pave from {year}</source>
        <translation>gräv först: {permits}; belägg från {year}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="142"/>
        <source>dig moratorium: not before {year}</source>
        <translation>grävstopp: inte före {year}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="113"/>
        <source>no treatment rule matches</source>
        <translation>ingen åtgärdsregel passar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="106"/>
        <source>not inspected</source>
        <translation>inte mätt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="106"/>
        <source>acceptable</source>
        <translation>godtagbart</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="106"/>
        <source>needs action</source>
        <translation>behöver åtgärd</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="106"/>
        <source>urgent</source>
        <translation>akut</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="107"/>
        <source>Condition by the model</source>
        <translation>Tillstånd enligt modellen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="110"/>
        <source>Next limit crossed</source>
        <translation>Nästa gräns passeras</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="118"/>
        <source>Suggested treatment</source>
        <translation>Föreslagen åtgärd</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="115"/>
        <source>Coordination</source>
        <translation>Samordning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="116"/>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="118"/>
        <source>none needed now</source>
        <translation>ingen behövs nu</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="139"/>
        <source>dig first ({utilities}); pave from {year}</source>
        <translation>gräv först ({utilities}); belägg från {year}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="143"/>
        <source>clear</source>
        <translation>fritt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/investment/card.py" line="148"/>
        <source>Maintenance</source>
        <translation>Underhåll</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="240"/>
        <source>&apos;mean&apos; or &apos;max&apos;</source>
        <translation>'mean' eller 'max'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="237"/>
        <source>an object with fields (and how, from, to)</source>
        <translation>ett objekt med fields (och how, from, to)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="395"/>
        <source>fields the mapping fills, &apos;{name}&apos; is not</source>
        <translation>fält som mappningen fyller, '{name}' är inte ett sådant</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="243"/>
        <source>the twin fields to combine</source>
        <translation>tvillingens fält som ska slås samman</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="263"/>
        <source>a pattern naming route, from and to once each, in braces</source>
        <translation>ett mönster som nämner route, from och to en gång var, inom klamrar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="258"/>
        <source>an object with &apos;key&apos; (a pattern of the twin&apos;s key) or &apos;route&apos;, &apos;from&apos; and &apos;to&apos; (the twin&apos;s fields)</source>
        <translation>ett objekt med 'key' (ett mönster för tvillingens nyckel) eller 'route', 'from' och 'to' (tvillingens fält)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/mapping.py" line="251"/>
        <source>an object with route, at and twin</source>
        <translation>ett objekt med route, at och twin</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/measures.py" line="163"/>
        <source>measure {measure} is given without a route</source>
        <translation>mätvärdet {measure} är angivet utan väg (route)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/measures.py" line="171"/>
        <source>measure {measure} is outside everything in &apos;{layer}&apos; on route {route} (the twin has {ranges})</source>
        <translation>mätvärdet {measure} ligger utanför allt i '{layer}' på väg {route} (tvillingen har {ranges})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/row_links.py" line="26"/>
        <source>no {field}, no route and measure ({columns}) and no position to find the feature in &apos;{layer}&apos;</source>
        <translation>inget {field}, ingen väg och inget mätvärde ({columns}) och ingen position att hitta objektet i '{layer}' med</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/measures.py" line="167"/>
        <source>nothing in &apos;{layer}&apos; on route {route}</source>
        <translation>inget i '{layer}' på väg {route}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/measures.py" line="156"/>
        <source>route {route} is given without a measure</source>
        <translation>väg {route} är angiven utan mätvärde</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/importing/runner.py" line="125"/>
        <source>{file}: no column {column} (mapping {mapping})</source>
        <translation>{file}: ingen kolumn {column} (mappning {mapping})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="217"/>
        <source>&apos;label&apos; or &apos;code&apos;, got {show}</source>
        <translation>'label' eller 'code', fick {show}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/cross_streets.py" line="61"/>
        <source>an object with &apos;layer&apos; and &apos;name_field&apos;</source>
        <translation>ett objekt med 'layer' och 'name_field'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/cross_streets.py" line="68"/>
        <source>the id of a line layer, one of {ids}, got {layer}</source>
        <translation>id för ett linjelager, ett av {ids}, fick {layer}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/cross_streets.py" line="71"/>
        <source>the id of a line layer, one of {ids}: layer &apos;{layer}&apos; has geometry {geometry}</source>
        <translation>id för ett linjelager, ett av {ids}: lagret '{layer}' har geometrin {geometry}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/cross_streets.py" line="74"/>
        <source>the id of a line layer, one of {ids}: layer &apos;{layer}&apos; has no geometry</source>
        <translation>id för ett linjelager, ett av {ids}: lagret '{layer}' har ingen geometri</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/cross_streets.py" line="78"/>
        <source>the name of the field of layer &apos;{layer}&apos; that holds the street name, got {name}</source>
        <translation>namnet på det fält i lagret '{layer}' som har gatunamnet, fick {name}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/cross_streets.py" line="83"/>
        <source>one of the fields of layer &apos;{layer}&apos; ({fields}), got &apos;{name}&apos;</source>
        <translation>ett av fälten i lagret '{layer}' ({fields}), fick '{name}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/cross_streets.py" line="88"/>
        <source>a distance in metres above 0 and at most 50, got {touch}</source>
        <translation>ett avstånd i meter över 0 och högst 50, fick {touch}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/street_rows.py" line="150"/>
        <source>table &apos;{table}&apos; has no primary key or no geometry column</source>
        <translation>tabellen '{table}' saknar primärnyckel eller geometrikolumn</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/street_rows.py" line="153"/>
        <source>table &apos;{table}&apos; has no spatial index</source>
        <translation>tabellen '{table}' saknar spatialt index</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/cross_streets.py" line="292"/>
        <source>{path}: the cross streets of layer &apos;{layer}&apos; are read through QGIS ({reason})</source>
        <translation>{path}: tvärgatorna i lagret '{layer}' läses genom QGIS ({reason})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="245"/>
        <source>&apos;sign_codes.json&apos; (the bundled sign-code table) or &apos;catalog_layers&apos; (the catalog&apos;s layers), got {table}</source>
        <translation>'sign_codes.json' (den medföljande skyltkodstabellen) eller 'catalog_layers' (katalogens lager), fick {table}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/domains.py" line="252"/>
        <source>&apos;text&apos; (layer ids are text)</source>
        <translation>'text' (lager-id är text)</translation>
    </message>
</context>
<context>
    <name>BudgetScenarioAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="92"/>
        <source>Budget scenario</source>
        <translation>Budgetscenario</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="95"/>
        <source>Runs the maintenance model over N years with a budget per year (SEK; several budgets separated by commas run side by side) and a strategy (worst first, or benefit per SEK). Per year: the segments treated, the spend, the network's condition distribution (share of length per class 1–5; class 0 = not inspected), the share acceptable and the backlog (SEK to bring every segment to acceptable). Segments with open or planned permits are paved after the digs; digging treatments wait for the dig moratorium to end. Accept writes the scenario's rows into the paving plan, marked with its id.</source>
        <translation>Kör underhållsmodellen över N år med en budget per år (kr; flera budgetar åtskilda med kommatecken körs sida vid sida) och en strategi (sämst först, eller nytta per krona). Per år: de åtgärdade segmenten, kostnaden, nätets tillståndsfördelning (andel av längden per klass 1–5; klass 0 = inte mätt), andelen godtagbart och underhållsskulden (kronor för att få varje segment godtagbart). Segment med öppna eller planerade grävtillstånd beläggs efter grävningarna; åtgärder som gräver väntar tills grävstoppet är slut. Godkänn skriver scenariots rader i beläggningsplanen, märkta med dess id.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="106"/>
        <source>Years</source>
        <translation>År</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="109"/>
        <source>Budget per year (SEK; several separated by commas)</source>
        <translation>Budget per år (kr; flera åtskilda med kommatecken)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="111"/>
        <source>Strategy</source>
        <translation>Strategi</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="111"/>
        <source>Worst first</source>
        <translation>Sämst först</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="111"/>
        <source>Benefit/cost</source>
        <translation>Nytta/kostnad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="114"/>
        <source>Accept: write the scenario into the paving plan (one scenario only)</source>
        <translation>Godkänn: skriv scenariot i beläggningsplanen (bara ett scenario)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="117"/>
        <source>Scenario id (default: strategy and budget)</source>
        <translation>Scenario-id (standard: strategi och budget)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="119"/>
        <source>Scenario years</source>
        <translation>Scenarioår</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="121"/>
        <source>Treated segments</source>
        <translation>Åtgärdade segment</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="123"/>
        <source>First year (default: next year)</source>
        <translation>Första år (standard: nästa år)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="129"/>
        <source>Paving-plan rows written</source>
        <translation>Skrivna rader i beläggningsplanen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="135"/>
        <source>Budget per year must be numbers in SEK, got &apos;{}&apos;</source>
        <translation>Budget per år måste vara tal i kronor, fick '{}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="141"/>
        <source>Accept writes one scenario: give one budget and one strategy</source>
        <translation>Godkänn skriver ett scenario: ange en budget och en strategi</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="150"/>
        <source>Accept needs the twin as a file or connection (TWIN or CONNECTION), with a layer &apos;{}&apos;</source>
        <translation>Godkänn behöver tvillingen som fil eller anslutning (TWIN eller CONNECTION), med ett lager '{}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="165"/>
        <source>Running scenario {}</source>
        <translation>Kör scenario {}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="192"/>
        <source>{id}: {treated} segments treated, backlog {backlog} MSEK in {year}</source>
        <translation>{id}: {treated} segment åtgärdade, underhållsskuld {backlog} Mkr år {year}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/budget_scenario.py" line="203"/>
        <source>{count} rows written into the paving plan as scenario {id}</source>
        <translation>{count} rader skrivna i beläggningsplanen som scenario {id}</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <location filename="../digiresan_plugin/gui/investment/table_model.py" line="22"/>
        <source>Street</source>
        <translation>Gata</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/table_model.py" line="22"/>
        <source>Segment</source>
        <translation>Vägsegment</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/table_model.py" line="22"/>
        <source>Treatment</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/table_model.py" line="22"/>
        <source>Cost (SEK)</source>
        <translation>Kostnad (kr)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/table_model.py" line="23"/>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/table_model.py" line="23"/>
        <source>Coordination</source>
        <translation>Samordning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/table_model.py" line="23"/>
        <source>Next limit</source>
        <translation>Nästa gräns</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/table_model.py" line="23"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/table_model.py" line="24"/>
        <source>clear</source>
        <translation>fritt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/table_model.py" line="24"/>
        <source>dig first</source>
        <translation>gräv först</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/table_model.py" line="25"/>
        <source>moratorium</source>
        <translation>grävstopp</translation>
    </message>
</context>
<context>
    <name>CardRenderer</name>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="52"/>
        <source>Nothing found here</source>
        <translation>Inget hittat här</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="136"/>
        <source>Attributes</source>
        <translation>Egenskaper</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="118"/>
        <source>Warnings</source>
        <translation>Varningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="170"/>
        <source>Nothing found</source>
        <translation>Inget hittat</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="163"/>
        <source>Showing {shown} of {total}</source>
        <translation>Visar {shown} av {total}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="166"/>
        <source>Show all</source>
        <translation>Visa alla</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/base.py" line="95"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/base.py" line="92"/>
        <source>Meaning</source>
        <translation>Betydelse</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/base.py" line="97"/>
        <source>Distance (m)</source>
        <translation>Avstånd (m)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/base.py" line="135"/>
        <source>Distance</source>
        <translation>Avstånd</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/display.py" line="59"/>
        <source>Feature</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="132"/>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="134"/>
        <source>tomorrow</source>
        <translation>i morgon</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="135"/>
        <source>in {n} days</source>
        <translation>om {n} dagar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="138"/>
        <source>last day</source>
        <translation>sista dagen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="139"/>
        <source>{n} days left</source>
        <translation>{n} dagar kvar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="59"/>
        <source>ongoing</source>
        <translation>pågår</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="61"/>
        <source>ended</source>
        <translation>avslutad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="62"/>
        <source>upcoming</source>
        <translation>kommande</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="53"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/formatting.py" line="53"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/sections/hourly_profile.py" line="137"/>
        <source>No counts</source>
        <translation>Inga mätningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/sections/hourly_profile.py" line="135"/>
        <source>Counted in {year}</source>
        <translation>Mätår {year}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/sections/hourly_profile.py" line="122"/>
        <source>Peak hours {peaks}</source>
        <translation>Högtrafik {peaks}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/sections/hourly_profile.py" line="133"/>
        <source>ÅDT {aadt}</source>
        <translation>ÅDT {aadt}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/hourly_profile.py" line="67"/>
        <source>Vehicles per hour, weekday</source>
        <translation>Fordon per timme, vardag</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/hourly_profile.py" line="64"/>
        <source>{hour}: {value} vehicles</source>
        <translation>{hour}: {value} fordon</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/hourly_profile.py" line="65"/>
        <source>{hour}: no count</source>
        <translation>{hour}: ingen mätning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/identify/sections/hourly_profile.py" line="189"/>
        <source>Hour</source>
        <translation>Timme</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="118"/>
        <source>Notes</source>
        <translation>Upplysningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="40"/>
        <source>Dig moratorium</source>
        <translation>Grävstopp</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="41"/>
        <source>Overlapping permits</source>
        <translation>Överlappande grävtillstånd</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="42"/>
        <source>Dig before paving</source>
        <translation>Gräv före beläggning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="43"/>
        <source>Missing layers</source>
        <translation>Lager som saknas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/sections/documents.py" line="32"/>
        <source>file missing: {path}</source>
        <translation>filen saknas: {path}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/render.py" line="80"/>
        <source>Also here:</source>
        <translation>Även här:</translation>
    </message>
</context>
<context>
    <name>CheckTwinAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="80"/>
        <source>Check twin data</source>
        <translation>Kontrollera tvillingens data</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="83"/>
        <source>Checks every twin layer against the catalog: values outside their domain or range, required values missing, dates in the future, empty or duplicate keys, child rows without parent, missing, empty or invalid geometries, signs far from any road, speed-limit signs that disagree with the road, permit statuses that do not fit the dates, hourly counts that are not 24 hours or do not add up to ÅDT. Output: one point per problem with the layer, key, feature id, field, rule, severity and message. The twin is only read.</source>
        <translation>Kontrollerar varje lager i tvillingen mot katalogen: värden utanför sin värdemängd eller sitt intervall, obligatoriska värden som saknas, datum i framtiden, tomma eller dubbla nycklar, underrader utan huvudobjekt, saknade, tomma eller ogiltiga geometrier, vägmärken långt från väg, hastighetsskyltar som inte stämmer med vägen, tillståndsstatus som inte passar datumen, timflöden som inte är 24 timmar eller inte stämmer med ÅDT. Resultat: en punkt per problem med lager, nyckel, objekt-id, fält, regel, allvarlighet och meddelande. Tvillingen läses bara.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="93"/>
        <source>Problems</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="96"/>
        <source>Twin catalog (JSON; default: the bundled one)</source>
        <translation>Tvillingkatalog (JSON; standard: den medföljande)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="98"/>
        <source>Today (YYYY-MM-DD; default: the current date)</source>
        <translation>Dagens datum (ÅÅÅÅ-MM-DD; standard: dagens datum)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="100"/>
        <source>Report language</source>
        <translation>Rapportens språk</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="106"/>
        <source>Number of problems</source>
        <translation>Antal problem</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="107"/>
        <source>Number of errors</source>
        <translation>Antal fel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="108"/>
        <source>Number of warnings</source>
        <translation>Antal varningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="109"/>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="123"/>
        <source>Today must be a date like 2026-11-27, got &apos;{}&apos;</source>
        <translation>Dagens datum måste vara ett datum som 2026-11-27, fick '{}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="129"/>
        <source>No twin layer could be read</source>
        <translation>Inget tvillinglager kunde läsas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="144"/>
        <source>Checking the twin layers of the current project</source>
        <translation>Kontrollerar tvillinglagren i det aktuella projektet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="150"/>
        <source>Twin source: {}</source>
        <translation>Tvillingkälla: {}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="157"/>
        <source>Layer &apos;{layer}&apos;: table &apos;{table}&apos; not found in {source}</source>
        <translation>Lager '{layer}': tabellen '{table}' finns inte i {source}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="198"/>
        <source>No problems found in {n} layers</source>
        <translation>Inga problem hittades i {n} lager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="200"/>
        <source>{n} problems in {layers} layers: {rules}</source>
        <translation>{n} problem i {layers} lager: {rules}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/check_twin.py" line="203"/>
        <source>({n} checks could not run)</source>
        <translation>({n} kontroller kunde inte köras)</translation>
    </message>
</context>
<context>
    <name>ConditionChart</name>
    <message>
        <location filename="../digiresan_plugin/gui/investment/chart.py" line="80"/>
        <source>not inspected</source>
        <translation>ej inspekterad</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="35"/>
        <source>Idea changed meanwhile</source>
        <translation>Idén har ändrats under tiden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="37"/>
        <source>someone</source>
        <translation>någon</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="39"/>
        <source>{reference} was saved by {who} ({when}) after you opened it. Nothing has been overwritten. Choose for each field which value to keep.</source>
        <translation>{reference} sparades av {who} ({when}) efter att du öppnade den. Ingenting har skrivits över. Välj för varje fält vilket värde som ska behållas.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="48"/>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="48"/>
        <source>Saved by {who}</source>
        <translation>Sparat av {who}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="48"/>
        <source>Yours</source>
        <translation>Ditt värde</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="69"/>
        <source>Save chosen values</source>
        <translation>Spara valda värden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/conflict_dialog.py" line="70"/>
        <source>Keep theirs</source>
        <translation>Behåll deras värden</translation>
    </message>
</context>
<context>
    <name>CoordinationConflictsAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="93"/>
        <source>Coordination conflicts</source>
        <translation>Samordningskonflikter</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="76"/>
        <source>Every coordination conflict of the whole network whose period touches FROM–TO (default today to 14 days ahead; both empty: the full network): the card's rules (dig moratorium, overlapping permits, dig before paving), two permits at the same place and time (space_time), at the same place within months (space: shared trenching), at the same time by a shared crossing (time), the dig-now notice before a planned paving and the dig ban in force. One row per conflict with its rule id, class, both permits, the segment, the period, the handling status and the message.</source>
        <translation>Varje samordningskonflikt i hela nätet vars period berör FROM–TO (standard i dag till 14 dagar framåt; båda tomma: hela nätet): kortets regler (grävstopp, överlappande grävtillstånd, gräv före beläggning), två tillstånd på samma plats samtidigt (space_time), på samma plats inom några månader (space: samförläggning), samtidigt vid en gemensam korsning (time), uppmaningen att gräva nu före en planerad beläggning och grävstoppet som gäller. En rad per konflikt med regel-id, klass, båda tillstånden, segmentet, perioden, hanteringsstatus och meddelandet.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="87"/>
        <source>From (YYYY-MM-DD or &apos;today&apos;; empty: no start)</source>
        <translation>Från (ÅÅÅÅ-MM-DD eller 'today'; tomt: ingen början)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="90"/>
        <source>To (YYYY-MM-DD or &apos;+days&apos; after From; empty: no end)</source>
        <translation>Till (ÅÅÅÅ-MM-DD eller '+dagar' efter Från; tomt: inget slut)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="96"/>
        <source>Number of conflicts</source>
        <translation>Antal konflikter</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_conflicts.py" line="149"/>
        <source>{} conflicts</source>
        <translation>{} konflikter</translation>
    </message>
</context>
<context>
    <name>CoordinationDock</name>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="82"/>
        <source>Coordination</source>
        <translation>Samordning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="109"/>
        <source>Follow the Temporal Controller</source>
        <translation>Följ tidskontrollen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="111"/>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="113"/>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="114"/>
        <source>The year of the selected warning&apos;s street: permits, dig bans and paving</source>
        <translation>Året för den valda varningens gata: grävtillstånd, grävstopp och beläggning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="117"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="117"/>
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="127"/>
        <source>All rules</source>
        <translation>Alla regler</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="128"/>
        <source>Any status</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="133"/>
        <source>Any utility</source>
        <translation>Alla ledningsslag</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="134"/>
        <source>Any applicant</source>
        <translation>Alla sökande</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="129"/>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="129"/>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="129"/>
        <source>Resolved</source>
        <translation>Löst</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="129"/>
        <source>Accepted with reason</source>
        <translation>Godtagen med motivering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="136"/>
        <source>Permit, applicant, utility or street</source>
        <translation>Tillstånd, sökande, ledningsägare eller gata</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="154"/>
        <source>Street / start</source>
        <translation>Gata / start</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="154"/>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="154"/>
        <source>Severity</source>
        <translation>Allvarlighet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="154"/>
        <source>Class</source>
        <translation>Klass</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="154"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="154"/>
        <source>Permits</source>
        <translation>Tillstånd</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="154"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="154"/>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="202"/>
        <source>Coordination board</source>
        <translation>Samordningstavla</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="207"/>
        <source>The coordination board failed: {error}</source>
        <translation>Samordningstavlan misslyckades: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="241"/>
        <source>Space and time</source>
        <translation>Plats och tid</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="241"/>
        <source>Space only</source>
        <translation>Endast plats</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="242"/>
        <source>Time only</source>
        <translation>Endast tid</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="242"/>
        <source>Other rules</source>
        <translation>Övriga regler</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="243"/>
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="243"/>
        <source>Note</source>
        <translation>Notering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="267"/>
        <source>No coordination warnings in this period</source>
        <translation>Inga samordningsvarningar under perioden</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="278"/>
        <source>Work window on {street}: {window} (avoid {avoid})</source>
        <translation>Arbetsfönster på {street}: {window} (undvik {avoid})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="281"/>
        <source>No hourly counts on {street}</source>
        <translation>Inga timräkningar på {street}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="318"/>
        <source>This twin has no place for coordination notes</source>
        <translation>Den här tvillingen har ingen plats för samordningsanteckningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="324"/>
        <source>The handling could not be saved: {error}</source>
        <translation>Hanteringen kunde inte sparas: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="331"/>
        <source>Handling saved</source>
        <translation>Hanteringen sparad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="333"/>
        <source>Save coordination handling</source>
        <translation>Spara samordningshantering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="349"/>
        <source>Select a warning first: the timeline shows its street</source>
        <translation>Välj en varning först: tidslinjen visar dess gata</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="351"/>
        <source>Timeline: {street}</source>
        <translation>Tidslinje: {street}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/dock.py" line="211"/>
        <source>Coordination board kept for the next session</source>
        <translation>Samordningstavlan sparas till nästa session</translation>
    </message>
</context>
<context>
    <name>CoordinationStatementAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="45"/>
        <source>Coordination statement (PDF)</source>
        <translation>Samordningsbesked (PDF)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="48"/>
        <source>A one-page PDF for one excavation permit: a map of the permit and the works it conflicts with, every coordination conflict it takes part in, the work window on its streets and the contacts of the other permits, in the report language.</source>
        <translation>En PDF på en sida för ett grävtillstånd: en karta över tillståndet och arbetena det krockar med, varje samordningskonflikt det ingår i, arbetsfönstret på dess gator och kontakterna för de andra tillstånden, på rapportspråket.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="57"/>
        <source>Permit id</source>
        <translation>Tillstånds-id</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="59"/>
        <source>Statement (PDF)</source>
        <translation>Besked (PDF)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="87"/>
        <source>No permit &apos;{}&apos; in the twin</source>
        <translation>Inget tillstånd '{}' i tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="91"/>
        <source>{} conflicts in the statement</source>
        <translation>{} konflikter i beskedet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/coordination_statement.py" line="148"/>
        <source>The PDF could not be written: {}</source>
        <translation>PDF:en kunde inte skrivas: {}</translation>
    </message>
</context>
<context>
    <name>DecisionEditor</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="83"/>
        <source>Decision text</source>
        <translation>Beslutstext</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="89"/>
        <source>Save decision</source>
        <translation>Spara beslut</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="90"/>
        <source>Revert</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="94"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="95"/>
        <source>Granted</source>
        <translation>Beviljat</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="96"/>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="101"/>
        <source>Saving checks that nobody changed the idea since you opened it; every change is kept in its history.</source>
        <translation>När du sparar kontrolleras att ingen har ändrat idén sedan du öppnade den; varje ändring sparas i idéns historik.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="122"/>
        <source>This source is read-only for you: decisions cannot be saved here.</source>
        <translation>Du har bara läsbehörighet till den här källan: beslut kan inte sparas här.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="128"/>
        <source>Select an idea to decide on it.</source>
        <translation>Välj en idé för att fatta beslut om den.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="173"/>
        <source>Nothing changed.</source>
        <translation>Inget har ändrats.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="199"/>
        <source>Saved {reference}.</source>
        <translation>{reference} har sparats.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="210"/>
        <source>Kept the values saved by {user}.</source>
        <translation>Behöll värdena som {user} sparade.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="213"/>
        <source>The idea could not be saved</source>
        <translation>Idén kunde inte sparas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="147"/>
        <source>The text states {amounts}.</source>
        <translation>Texten anger {amounts}.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="151"/>
        <source>The text states {amounts}, the granted amount is {granted}.</source>
        <translation>Texten anger {amounts}, beviljat belopp är {granted}.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="178"/>
        <source>Not saved: {problems}</source>
        <translation>Inte sparat: {problems}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="182"/>
        <source>Not saved.</source>
        <translation>Inte sparat.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="221"/>
        <source>Save this decision?</source>
        <translation>Spara beslutet?</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="222"/>
        <source>Save anyway?</source>
        <translation>Spara ändå?</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/decision_editor.py" line="168"/>
        <source>Saving needs a coordinator role in this source (and no planner view).</source>
        <translation>För att spara krävs en samordnarroll i den här källan (och ingen planerarvy).</translation>
    </message>
</context>
<context>
    <name>DigiresanHelp</name>
    <message>
        <location filename="../digiresan_plugin/gui/help.py" line="63"/>
        <source>The help is not installed with the plugin.</source>
        <translation>Hjälpen är inte installerad med insticksprogrammet.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/help.py" line="68"/>
        <source>No web browser opened. The help is at {path}</source>
        <translation>Ingen webbläsare öppnades. Hjälpen finns i {path}</translation>
    </message>
</context>
<context>
    <name>DigiresanOptionsPage</name>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="22"/>
        <source>Coordination</source>
        <translation>Samordning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="26"/>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="27"/>
        <source>Warn when a permit digs in a street paved less than this many years ago</source>
        <translation>Varna när ett grävtillstånd gäller en gata som belagts för mindre än så här många år sedan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="28"/>
        <source>Dig moratorium after paving</source>
        <translation>Grävstopp efter beläggning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="31"/>
        <source>A card lists at most this many related features per section, then &apos;show all&apos;</source>
        <translation>Ett kort visar högst så här många relaterade objekt per avsnitt, därefter 'Visa alla'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="32"/>
        <source>Related features per section</source>
        <translation>Relaterade objekt per avsnitt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="35"/>
        <source>Twin and ideas</source>
        <translation>Tvilling och idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="38"/>
        <source>Embedded demo twin</source>
        <translation>Inbyggd demotvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="39"/>
        <source>gpkg:&lt;file&gt;, postgres:&lt;saved connection&gt; or pgservice:&lt;service&gt;; no passwords here</source>
        <translation>gpkg:&lt;fil&gt;, postgres:&lt;sparad anslutning&gt; eller pgservice:&lt;tjänst&gt;; inga lösenord här</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="42"/>
        <source>Default twin source</source>
        <translation>Standardkälla för tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="43"/>
        <source>Planner view: no editing and no personal data, even when my role allows them</source>
        <translation>Planerarvy: ingen redigering och inga personuppgifter, även när min roll tillåter dem</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/options_page.py" line="47"/>
        <source>Who may decide on ideas and read submitters&apos; personal data comes from the ideas source: the database role (ideas_coordinator) on PostgreSQL, the e-service&apos;s grants for its export. A local GeoPackage protects nothing: its personal data stay hidden until you choose to show them in the ideas dock.</source>
        <translation>Vem som får besluta om idéer och läsa förslagsställarnas personuppgifter bestäms av idékällan: databasrollen (ideas_coordinator) i PostgreSQL, e-tjänstens behörigheter för dess export. En lokal GeoPackage skyddar ingenting: dess personuppgifter förblir dolda tills du väljer att visa dem i idépanelen.</translation>
    </message>
</context>
<context>
    <name>DigiresanPlugin</name>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="92"/>
        <source>Digiresan</source>
        <translation>Digiresan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="348"/>
        <source>Digital twin</source>
        <translation>Digital tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="180"/>
        <source>Show or hide the Digital twin dock</source>
        <translation>Visa eller dölj panelen Digital tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="202"/>
        <source>Twin info</source>
        <translation>Tvillinginfo</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="206"/>
        <source>Twin info (Ctrl+Alt+I): click anywhere on the map for one card with everything</source>
        <translation>Tvillinginfo (Ctrl+Alt+I): klicka var som helst på kartan och få ett kort med allt om platsen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="222"/>
        <source>Digiresan ideas</source>
        <translation>Digiresan-idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="223"/>
        <source>Show or hide the list of Digiresan ideas and their funding</source>
        <translation>Visa eller dölj listan med Digiresan-idéer och deras finansiering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="260"/>
        <source>Maintenance plan</source>
        <translation>Underhållsplan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="261"/>
        <source>Show or hide the maintenance candidates and the budget scenarios</source>
        <translation>Visa eller dölj underhållskandidaterna och budgetscenarierna</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="277"/>
        <source>Coordination</source>
        <translation>Samordning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/plugin.py" line="278"/>
        <source>Show or hide the coordination board: every conflict of the coming weeks</source>
        <translation>Visa eller dölj samordningstavlan: alla konflikter de närmaste veckorna</translation>
    </message>
</context>
<context>
    <name>DigiresanProvider</name>
    <message>
        <location filename="../digiresan_plugin/processing/provider.py" line="34"/>
        <source>Digiresan digital twin</source>
        <translation>Digiresan – digital tvilling</translation>
    </message>
</context>
<context>
    <name>HandlingEditor</name>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="30"/>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="30"/>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="30"/>
        <source>Resolved</source>
        <translation>Löst</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="30"/>
        <source>Accepted with reason</source>
        <translation>Godtagen med motivering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="35"/>
        <source>Why the warning is accepted</source>
        <translation>Varför varningen godtas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="38"/>
        <source>Save handling</source>
        <translation>Spara hantering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="42"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="43"/>
        <source>Assignee</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="44"/>
        <source>Reason</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="45"/>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/handling.py" line="70"/>
        <source>An accepted warning needs a reason</source>
        <translation>En godtagen varning behöver en motivering</translation>
    </message>
</context>
<context>
    <name>IdeaDetailView</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="63"/>
        <source>Select an idea to see its details.</source>
        <translation>Välj en idé för att se detaljerna.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="137"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="139"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="140"/>
        <source>Department</source>
        <translation>Förvaltning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="141"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="142"/>
        <source>Received</source>
        <translation>Inkom</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="143"/>
        <source>Estimated cost</source>
        <translation>Beräknad kostnad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="144"/>
        <source>Granted</source>
        <translation>Beviljat</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="145"/>
        <source>Yearly effect</source>
        <translation>Årlig effekt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="146"/>
        <source>Effect/cost</source>
        <translation>Effekt/kostnad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="149"/>
        <source>Linked to</source>
        <translation>Kopplad till</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="151"/>
        <source>Location</source>
        <translation>Plats</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="153"/>
        <source>Submitter</source>
        <translation>Förslagsställare</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="154"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="162"/>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="162"/>
        <source>None yet</source>
        <translation>Inget ännu</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="162"/>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="174"/>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="177"/>
        <source>No changes recorded</source>
        <translation>Inga registrerade ändringar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="106"/>
        <source>Naming the place of an idea</source>
        <translation>Tar fram platsen för en idé</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/detail_view.py" line="121"/>
        <source>{name} ({distance} m)</source>
        <translation>{name} ({distance} m bort)</translation>
    </message>
</context>
<context>
    <name>IdeasDock</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock.py" line="72"/>
        <source>Digiresan ideas</source>
        <translation>Digiresan-idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock.py" line="116"/>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock.py" line="118"/>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock.py" line="120"/>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/editing.py" line="19"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock_access.py" line="139"/>
        <source>Could not write {path}: {error}</source>
        <translation>Kunde inte skriva {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock_access.py" line="142"/>
        <source>Exported {n} ideas to {path}</source>
        <translation>Exporterade {n} idéer till {path}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/editing.py" line="20"/>
        <source>Granted (SEK)</source>
        <translation>Beviljat (kr)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/editing.py" line="22"/>
        <source>Decided on</source>
        <translation>Beslutsdatum</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/dock_access.py" line="162"/>
        <source>The audit note could not be written: {error}</source>
        <translation>Loggnoteringen kunde inte skrivas: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="24"/>
        <source>Submitter</source>
        <translation>Förslagsställare</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="25"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="41"/>
        <source>checking your access…</source>
        <translation>kontrollerar din behörighet…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="43"/>
        <source>A local GeoPackage protects nothing: anyone with the file can read the submitters&apos; personal data. They are hidden unless you choose to show them, and that choice is logged.</source>
        <translation>En lokal GeoPackage skyddar ingenting: alla som har filen kan läsa förslagsställarnas personuppgifter. De är dolda om du inte väljer att visa dem, och det valet loggas.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="52"/>
        <source>planner view (setting)</source>
        <translation>planerarvy (inställning)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="49"/>
        <source>local file · personal data shown</source>
        <translation>lokal fil · personuppgifter visas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="50"/>
        <source>local file · personal data hidden</source>
        <translation>lokal fil · personuppgifter dolda</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="52"/>
        <source>Your role allows more, but Settings › Options › Digiresan › Planner view narrows the list.</source>
        <translation>Din roll tillåter mer, men Inställningar › Alternativ › Digiresan › Planerarvy begränsar listan.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="56"/>
        <source>coordinator (database role {role})</source>
        <translation>samordnare (databasroll {role})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="56"/>
        <source>The database gives {user} the role {role}: decisions and personal data.</source>
        <translation>Databasen ger {user} rollen {role}: beslut och personuppgifter.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="60"/>
        <source>coordinator (database privileges)</source>
        <translation>samordnare (databasbehörigheter)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="60"/>
        <source>The database lets {user} read personal data or save decisions.</source>
        <translation>Databasen låter {user} läsa personuppgifter eller spara beslut.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="63"/>
        <source>planner, read-only (database role)</source>
        <translation>planerare, skrivskyddat (databasroll)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="63"/>
        <source>The database gives {user} no coordinator role: no personal data, no editing. A coordinator connects with a login that has the role ideas_coordinator.</source>
        <translation>Databasen ger {user} ingen samordnarroll: inga personuppgifter, ingen redigering. En samordnare ansluter med en inloggning som har rollen ideas_coordinator.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="67"/>
        <source>read-only export · personal data granted</source>
        <translation>skrivskyddad export · personuppgifter tillåtna</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="67"/>
        <source>The e-service grants this token personal data; decisions are made in the e-service.</source>
        <translation>E-tjänsten ger denna token tillgång till personuppgifter; beslut fattas i e-tjänsten.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="70"/>
        <source>read-only export</source>
        <translation>skrivskyddad export</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="70"/>
        <source>The e-service grants this token no personal data.</source>
        <translation>E-tjänsten ger denna token inga personuppgifter.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="73"/>
        <source>coordinator</source>
        <translation>samordnare</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="74"/>
        <source>planner, read-only</source>
        <translation>planerare, skrivskyddat</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="78"/>
        <source>The list shows personal data: {fields}. Include them in the CSV file? An export with personal data is noted in the audit log (who, when, how many ideas, which fields).</source>
        <translation>Listan visar personuppgifter: {fields}. Ska de tas med i CSV-filen? En export med personuppgifter noteras i granskningsloggen (vem, när, hur många idéer, vilka fält).</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="81"/>
        <source>Export personal data?</source>
        <translation>Exportera personuppgifter?</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="83"/>
        <source>Export without personal data</source>
        <translation>Exportera utan personuppgifter</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="84"/>
        <source>Include personal data</source>
        <translation>Ta med personuppgifter</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="97"/>
        <source>{source} is a local file: Digiresan cannot protect the submitters&apos; personal data in it. Show names and contacts only if your work needs them. Your choice is noted in the log and in the file&apos;s audit notes.</source>
        <translation>{source} är en lokal fil: Digiresan kan inte skydda förslagsställarnas personuppgifter i den. Visa namn och kontaktuppgifter bara om ditt arbete kräver det. Ditt val noteras i loggen och i filens granskningsnoteringar.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/personal_data.py" line="100"/>
        <source>Show personal data?</source>
        <translation>Visa personuppgifter?</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/validation.py" line="68"/>
        <source>“Beviljad” needs a granted amount above 0 kr.</source>
        <translation>”Beviljad” kräver ett beviljat belopp över 0 kr.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/validation.py" line="71"/>
        <source>“Avslagen” cannot have a granted amount ({granted} entered).</source>
        <translation>”Avslagen” kan inte ha ett beviljat belopp ({granted} angivet).</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/validation.py" line="75"/>
        <source>“Genomförd utan medel” cannot have a granted amount ({granted} entered).</source>
        <translation>”Genomförd utan medel” kan inte ha ett beviljat belopp ({granted} angivet).</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/validation.py" line="79"/>
        <source>“Delvis beviljad” needs a granted amount above 0 kr.</source>
        <translation>”Delvis beviljad” kräver ett beviljat belopp över 0 kr.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/validation.py" line="82"/>
        <source>“Delvis beviljad” must be below the estimated cost {estimate} ({granted} entered); the full amount or more is “Beviljad”.</source>
        <translation>”Delvis beviljad” måste vara under den beräknade kostnaden {estimate} ({granted} angivet); hela beloppet eller mer är ”Beviljad”.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/validation.py" line="87"/>
        <source>The granted amount {granted} is more than the estimated cost {estimate}.</source>
        <translation>Beviljat belopp {granted} är mer än den beräknade kostnaden {estimate}.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/validation.py" line="92"/>
        <source>The decision text states {stated}, but the granted amount is {granted}.</source>
        <translation>Beslutstexten anger {stated}, men beviljat belopp är {granted}.</translation>
    </message>
</context>
<context>
    <name>IdeasFilterBar</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="34"/>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="35"/>
        <source>All themes</source>
        <translation>Alla teman</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="36"/>
        <source>All categories</source>
        <translation>Alla kategorier</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="122"/>
        <source>All years</source>
        <translation>Alla år</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="40"/>
        <source>Search title and description</source>
        <translation>Sök i titel och beskrivning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="146"/>
        <source>{shown} of {total} ideas</source>
        <translation>{shown} av {total} idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="149"/>
        <source>the map shows the same {n}</source>
        <translation>kartan visar samma {n}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/filter_bar.py" line="150"/>
        <source>{n} of them on the map (the rest have no location)</source>
        <translation>{n} av dem på kartan (resten saknar plats)</translation>
    </message>
</context>
<context>
    <name>IdeasHeader</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="40"/>
        <source>Reload the ideas</source>
        <translation>Läs in idéerna igen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="41"/>
        <source>Pick an idea on the map to select its row</source>
        <translation>Peka ut en idé på kartan för att markera dess rad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="44"/>
        <source>Zoom to the selected idea</source>
        <translation>Zooma till den valda idén</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="45"/>
        <source>Export the filtered list to CSV</source>
        <translation>Exportera den filtrerade listan till CSV</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="46"/>
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="83"/>
        <source>Export ideas</source>
        <translation>Exportera idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="83"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="90"/>
        <source>no source</source>
        <translation>ingen källa</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="108"/>
        <source>Ideas</source>
        <translation>Idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="109"/>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="98"/>
        <source>Local file: it protects nothing, anyone with it can read the submitters&apos; personal data. They are hidden.</source>
        <translation>Lokal fil: den skyddar ingenting, alla som har den kan läsa förslagsställarnas personuppgifter. De är dolda.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="102"/>
        <source>Show personal data…</source>
        <translation>Visa personuppgifter…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="60"/>
        <source>Asks first; the choice is logged</source>
        <translation>Frågar först; valet loggas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="98"/>
        <source>Local file: it protects nothing, anyone with it can read the submitters&apos; personal data. You chose to show them (logged).</source>
        <translation>Lokal fil: den skyddar ingenting, alla som har den kan läsa förslagsställarnas personuppgifter. Du valde att visa dem (loggat).</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/header.py" line="102"/>
        <source>Hide personal data</source>
        <translation>Dölj personuppgifter</translation>
    </message>
</context>
<context>
    <name>IdeasMapLayer</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/map_layer.py" line="81"/>
        <source>Digiresan ideas</source>
        <translation>Digiresan-idéer</translation>
    </message>
</context>
<context>
    <name>IdeasStore</name>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="145"/>
        <source>Loading Digiresan ideas</source>
        <translation>Läser in Digiresan-idéer</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="170"/>
        <source>The ideas could not be loaded</source>
        <translation>Idéerna kunde inte läsas in</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="184"/>
        <source>No history</source>
        <translation>Ingen historik</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="186"/>
        <source>Loading idea history</source>
        <translation>Läser in idéns historik</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="199"/>
        <source>The idea could not be saved</source>
        <translation>Idén kunde inte sparas</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="202"/>
        <source>Saving Digiresan idea</source>
        <translation>Sparar Digiresan-idé</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="216"/>
        <source>No audit note written</source>
        <translation>Ingen loggnotering skrevs</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/store.py" line="218"/>
        <source>Writing a Digiresan audit note</source>
        <translation>Skriver en Digiresan-loggnotering</translation>
    </message>
</context>
<context>
    <name>IdeasTableModel</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="287"/>
        <source>Expected yearly effect per SEK of estimated cost (the programme aims at 2 : 1)</source>
        <translation>Förväntad årlig effekt per krona av den beräknade kostnaden (programmets mål är 2 : 1)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="32"/>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="32"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="32"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="32"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="32"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="32"/>
        <source>Received</source>
        <translation>Inkom</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="32"/>
        <source>Cost (SEK)</source>
        <translation>Kostnad (kr)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="32"/>
        <source>Granted (SEK)</source>
        <translation>Beviljat (kr)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="32"/>
        <source>Yearly effect (SEK)</source>
        <translation>Årlig effekt (kr)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="32"/>
        <source>Effect/cost</source>
        <translation>Effekt/kostnad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="44"/>
        <source>Submitter</source>
        <translation>Förslagsställare</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/table_model.py" line="44"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
</context>
<context>
    <name>IdeasVocabulary</name>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="21"/>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="22"/>
        <source>Under review</source>
        <translation>Under bedömning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="23"/>
        <source>Granted</source>
        <translation>Beviljad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="24"/>
        <source>Partly granted</source>
        <translation>Delvis beviljad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="25"/>
        <source>Done without funding</source>
        <translation>Genomförd utan medel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="26"/>
        <source>Rejected</source>
        <translation>Avslagen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="27"/>
        <source>Done</source>
        <translation>Genomförd</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="28"/>
        <source>Withdrawn</source>
        <translation>Återkallad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="30"/>
        <source>school</source>
        <translation>skola</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="31"/>
        <source>health and social care</source>
        <translation>vård och omsorg</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="32"/>
        <source>urban development</source>
        <translation>samhällsbyggnad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="33"/>
        <source>administration</source>
        <translation>administration</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="34"/>
        <source>culture and leisure</source>
        <translation>kultur och fritid</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="35"/>
        <source>environment</source>
        <translation>miljö</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="37"/>
        <source>employee</source>
        <translation>medarbetare</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="38"/>
        <source>resident</source>
        <translation>invånare</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="39"/>
        <source>business</source>
        <translation>företag</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/ideas/vocabulary.py" line="40"/>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
</context>
<context>
    <name>IdentifyController</name>
    <message>
        <location filename="../digiresan_plugin/gui/identify_controller.py" line="112"/>
        <source>Twin info failed: {error}</source>
        <translation>Tvillinginfo misslyckades: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/identify_controller.py" line="203"/>
        <source>Twin info</source>
        <translation>Tvillinginfo</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/identify_controller.py" line="155"/>
        <source>Could not show all of &apos;{section}&apos;: {error}</source>
        <translation>Kunde inte visa allt i '{section}': {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/identify_controller.py" line="137"/>
        <source>Could not show the card: {error}</source>
        <translation>Kunde inte visa kortet: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/identify_controller.py" line="193"/>
        <source>The twin database did not answer: {error}</source>
        <translation>Tvillingdatabasen svarade inte: {error}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="56"/>
        <source>Import data into the twin</source>
        <translation>Importera data till tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="78"/>
        <source>Data files (*.gpkg *.shp *.geojson *.json *.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Datafiler (*.gpkg *.shp *.geojson *.json *.csv *.txt *.xlsx);;Alla filer (*)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="80"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="85"/>
        <source>My own mapping (JSON file)…</source>
        <translation>Egen mappning (JSON-fil)…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="90"/>
        <source>Mapping</source>
        <translation>Mappning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="94"/>
        <source>Mapping (*.json)</source>
        <translation>Mappning (*.json)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="96"/>
        <source>Mapping file</source>
        <translation>Mappningsfil</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="98"/>
        <source>insert new rows only</source>
        <translation>infoga bara nya rader</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="98"/>
        <source>update or insert by key</source>
        <translation>uppdatera eller infoga efter nyckel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="98"/>
        <source>replace the layer&apos;s rows</source>
        <translation>ersätt lagrets rader</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="102"/>
        <source>Mode</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="106"/>
        <source>CRS of the file (if it has none)</source>
        <translation>Filens koordinatsystem (om den saknar ett)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="107"/>
        <source>Dry run: check and count, write nothing</source>
        <translation>Provkörning: kontrollera och räkna, skriv ingenting</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="111"/>
        <source>Preview</source>
        <translation>Förhandsvisa</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="112"/>
        <source>Import</source>
        <translation>Importera</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="113"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="114"/>
        <source>Save rejected rows…</source>
        <translation>Spara avvisade rader…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="171"/>
        <source>Load the twin first: the import goes into the twin of the project.</source>
        <translation>Läs in tvillingen först: importen går till projektets tvilling.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="174"/>
        <source>Choose the file to import.</source>
        <translation>Välj filen som ska importeras.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="202"/>
        <source>Reading the first rows…</source>
        <translation>Läser de första raderna…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="208"/>
        <source>Import preview</source>
        <translation>Förhandsvisning av import</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="291"/>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="291"/>
        <source>Refused because</source>
        <translation>Avvisad därför att</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="231"/>
        <source>The first {n} rows as they would enter the twin.</source>
        <translation>De första {n} raderna så som de skulle komma in i tvillingen.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="238"/>
        <source>Importing…</source>
        <translation>Importerar…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="250"/>
        <source>Import into the twin</source>
        <translation>Import till tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="268"/>
        <source>Cancelled: nothing was written to the twin.</source>
        <translation>Avbrutet: ingenting skrevs till tvillingen.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="270"/>
        <source>Nothing was written to the twin: {}</source>
        <translation>Ingenting skrevs till tvillingen: {}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="273"/>
        <source>{file} → {layer}: read {read}, inserted {inserted}, updated {updated}, unchanged {unchanged}, rejected {rejected}</source>
        <translation>{file} → {layer}: lästa {read}, infogade {inserted}, uppdaterade {updated}, oförändrade {unchanged}, avvisade {rejected}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="278"/>
        <source>— dry run, nothing written</source>
        <translation>— provkörning, ingenting skrivet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="291"/>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="291"/>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="314"/>
        <source>Save rejected rows</source>
        <translation>Spara avvisade rader</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="314"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="92"/>
        <source>Into twin layer</source>
        <translation>Till tvillingens lager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="183"/>
        <source>{layer} is being edited: save or discard the edits before importing into it</source>
        <translation>{layer} redigeras: spara eller ångra redigeringarna innan du importerar till lagret</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="115"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="228"/>
        <source>None of the first {n} rows would enter the twin: is this the right mapping for the file?</source>
        <translation>Ingen av de första {n} raderna skulle komma in i tvillingen: är det här rätt mappning för filen?</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/import_dialog.py" line="335"/>
        <source>… and {n} more</source>
        <translation>… och {n} till</translation>
    </message>
</context>
<context>
    <name>ImportIntoTwinAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="80"/>
        <source>Import into twin</source>
        <translation>Importera till tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="83"/>
        <source>Imports a file into one twin layer through a mapping (a bundled preset such as nvdb_roads, or your own JSON mapping): field names matched without regard to case and as Shape exports cut them, codes translated, values checked against the catalog&apos;s domains, geometries reprojected into the twin&apos;s CRS. Upsert matches rows by the layer&apos;s key: re-running the same import changes nothing. One transaction: a failure or Cancel leaves the twin as it was. Every refused row is listed in the rejected output with its row number and the reason; read = inserted + updated + unchanged + rejected.</source>
        <translation>Importerar en fil till ett lager i tvillingen genom en mappning (en medföljande förinställning som nvdb_roads, eller din egen JSON-mappning): fältnamn matchas utan hänsyn till versaler och så som Shape-exporter kortar dem, koder översätts, värden kontrolleras mot katalogens värdemängder, geometrier projiceras om till tvillingens koordinatsystem. Uppdatering (upsert) matchar rader på lagrets nyckel: att köra samma import igen ändrar ingenting. En transaktion: ett fel eller Avbryt lämnar tvillingen som den var. Varje avvisad rad listas i utdata för avvisade rader med radnummer och orsak; lästa = infogade + uppdaterade + oförändrade + avvisade.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="92"/>
        <source>File to import (GeoPackage, Shape, GeoJSON, XLSX, CSV)</source>
        <translation>Fil att importera (GeoPackage, Shape, GeoJSON, XLSX, CSV)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="95"/>
        <source>Mapping: a preset ({}) or a JSON mapping file</source>
        <translation>Mappning: en förinställning ({}) eller en JSON-mappningsfil</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="98"/>
        <source>Twin layer id (default: the mapping&apos;s)</source>
        <translation>Tvillingens lager-id (standard: mappningens)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="100"/>
        <source>Mode</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="102"/>
        <source>Dry run (check and count only, write nothing)</source>
        <translation>Provkörning (kontrollera och räkna, skriv ingenting)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="104"/>
        <source>CRS of the file (when it has none, or to override it)</source>
        <translation>Filens koordinatsystem (när den saknar ett, eller för att ersätta det)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="106"/>
        <source>Rejected rows</source>
        <translation>Avvisade rader</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="109"/>
        <source>Twin catalog (JSON; default: the bundled one)</source>
        <translation>Tvillingkatalog (JSON; standard: den medföljande)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="111"/>
        <source>Today (YYYY-MM-DD; default: the current date)</source>
        <translation>Dagens datum (ÅÅÅÅ-MM-DD; standard: dagens datum)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="117"/>
        <source>Rows read</source>
        <translation>Lästa rader</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="117"/>
        <source>Rows inserted</source>
        <translation>Infogade rader</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="117"/>
        <source>Rows updated</source>
        <translation>Uppdaterade rader</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="117"/>
        <source>Rows unchanged</source>
        <translation>Oförändrade rader</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="117"/>
        <source>Rows rejected</source>
        <translation>Avvisade rader (antal)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="121"/>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="172"/>
        <source>Today must be a date like 2026-11-27, got &apos;{}&apos;</source>
        <translation>Dagens datum måste vara ett datum som 2026-11-27, fick '{}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="189"/>
        <source>Importing {file} into {layer} of {twin} ({mode}{dry})</source>
        <translation>Importerar {file} till {layer} i {twin} ({mode}{dry})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="189"/>
        <source>, dry run</source>
        <translation>, provkörning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="195"/>
        <source>Cancelled: nothing was written to the twin</source>
        <translation>Avbrutet: ingenting skrevs till tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="198"/>
        <source>Nothing was written to the twin: {}</source>
        <translation>Ingenting skrevs till tvillingen: {}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="231"/>
        <source>{file} → {layer}: read {read}, inserted {inserted}, updated {updated}, unchanged {unchanged}, rejected {rejected}</source>
        <translation>{file} → {layer}: lästa {read}, infogade {inserted}, uppdaterade {updated}, oförändrade {unchanged}, avvisade {rejected}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="236"/>
        <source>(replaced {n} rows)</source>
        <translation>(ersatte {n} rader)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="238"/>
        <source>— dry run, nothing written</source>
        <translation>— provkörning, ingenting skrivet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/import_into_twin.py" line="144"/>
        <source>{layer} is being edited: save or discard the edits before importing into it</source>
        <translation>{layer} redigeras: spara eller ångra redigeringarna innan du importerar till lagret</translation>
    </message>
</context>
<context>
    <name>InvestmentAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/investment_common.py" line="40"/>
        <source>Maintenance planning</source>
        <translation>Underhållsplanering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/investment_common.py" line="46"/>
        <source>Maintenance model (JSON; default: the plugin setting or the bundled one)</source>
        <translation>Underhållsmodell (JSON; standard: insticksprogrammets inställning eller den medföljande)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/investment_common.py" line="65"/>
        <source>Today must be a date like 2026-11-27, got &apos;{}&apos;</source>
        <translation>Dagens datum måste vara ett datum som 2026-11-27, fick '{}'</translation>
    </message>
</context>
<context>
    <name>LongText</name>
    <message>
        <location filename="../digiresan_plugin/gui/long_text.py" line="36"/>
        <source>Show all ({n} characters)</source>
        <translation>Visa allt ({n} tecken)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/long_text.py" line="50"/>
        <source>Full text</source>
        <translation>Hela texten</translation>
    </message>
</context>
<context>
    <name>MaintenanceCandidatesAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/maintenance_candidates.py" line="75"/>
        <source>Maintenance candidates</source>
        <translation>Underhållskandidater</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/maintenance_candidates.py" line="65"/>
        <source>Every road segment whose latest inspection is above the maintenance model's limits (IRI, rut depth per functional-class group), with the treatment the model's rules choose, its cost (length × width × unit cost), a priority (severity), the benefit per SEK, the year the next limit is crossed, the coordination status (dig first where permits are open or planned, dig moratorium) and a readable reason. Worst first.</source>
        <translation>Varje vägsegment vars senaste mätning ligger över underhållsmodellens gränser (IRI, spårdjup per grupp av funktionella vägklasser), med åtgärden som modellens regler väljer, dess kostnad (längd × bredd × enhetspris), en prioritet (allvarlighet), nyttan per krona, året då nästa gräns passeras, samordningsläget (gräv först där grävtillstånd är öppna eller planerade, grävstopp) och ett läsbart skäl. Sämst först.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/maintenance_candidates.py" line="78"/>
        <source>Number of candidates</source>
        <translation>Antal kandidater</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/maintenance_candidates.py" line="79"/>
        <source>Cost of every candidate (SEK)</source>
        <translation>Kostnad för alla kandidater (kr)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/maintenance_candidates.py" line="102"/>
        <source>{count} candidates, {cost} MSEK</source>
        <translation>{count} kandidater, {cost} Mkr</translation>
    </message>
</context>
<context>
    <name>MaintenancePlanDock</name>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="151"/>
        <source>Accept into paving plan</source>
        <translation>Lägg in i beläggningsplanen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="152"/>
        <source>Write the scenario&apos;s treated segments into the paving plan</source>
        <translation>Skriv scenariots åtgärdade segment i beläggningsplanen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="153"/>
        <source>Undo</source>
        <translation>Ångra</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="154"/>
        <source>Delete the scenario&apos;s rows from the paving plan</source>
        <translation>Ta bort scenariots rader ur beläggningsplanen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="292"/>
        <source>The twin has no paving plan layer</source>
        <translation>Tvillingen har inget lager för beläggningsplanen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="295"/>
        <source>The paving plan is being edited: save or discard the edits first</source>
        <translation>Beläggningsplanen redigeras: spara eller förkasta ändringarna först</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="330"/>
        <source>{count} rows of scenario {name} written into the paving plan</source>
        <translation>{count} rader från scenariot {name} skrivna i beläggningsplanen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="330"/>
        <source>{count} rows of scenario {name} deleted from the paving plan</source>
        <translation>{count} rader från scenariot {name} borttagna ur beläggningsplanen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="335"/>
        <source>Paving plan</source>
        <translation>Beläggningsplan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="67"/>
        <source>Maintenance plan</source>
        <translation>Underhållsplan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="76"/>
        <source>Find candidates</source>
        <translation>Hitta kandidater</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="77"/>
        <source>Find the candidates of the loaded twin</source>
        <translation>Hitta kandidaterna i den laddade tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="84"/>
        <source>Candidates</source>
        <translation>Kandidater</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="251"/>
        <source>Budget scenarios</source>
        <translation>Budgetscenarier</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="96"/>
        <source>Filter: street, segment, treatment, reason…</source>
        <translation>Filter: gata, segment, åtgärd, skäl…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="99"/>
        <source>Any coordination</source>
        <translation>All samordning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="99"/>
        <source>Clear</source>
        <translation>Fritt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="99"/>
        <source>Dig first</source>
        <translation>Gräv först</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="99"/>
        <source>Moratorium</source>
        <translation>Grävstopp</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="102"/>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="114"/>
        <source>Double-click a candidate for its card</source>
        <translation>Dubbelklicka på en kandidat för dess kort</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="131"/>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="134"/>
        <source>Budget per year in MSEK; several separated by spaces run side by side</source>
        <translation>Budget per år i Mkr; flera åtskilda med mellanslag körs sida vid sida</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="136"/>
        <source>Worst first</source>
        <translation>Sämst först</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="136"/>
        <source>Benefit/cost</source>
        <translation>Nytta/kostnad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="136"/>
        <source>Both</source>
        <translation>Båda</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="137"/>
        <source>Run</source>
        <translation>Kör</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="138"/>
        <source>MSEK/year</source>
        <translation>Mkr/år</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="170"/>
        <source>Load the twin first</source>
        <translation>Ladda tvillingen först</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="185"/>
        <source>Maintenance candidates</source>
        <translation>Underhållskandidater</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="190"/>
        <source>Candidates not found: {}</source>
        <translation>Kandidaterna hittades inte: {}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="197"/>
        <source>{count} of {segments} segments need action; backlog {cost} MSEK</source>
        <translation>{count} av {segments} segment behöver åtgärd; underhållsskuld {cost} Mkr</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="211"/>
        <source>Export candidates</source>
        <translation>Exportera kandidater</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="211"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="219"/>
        <source>Could not write {path}: {error}</source>
        <translation>Kunde inte skriva {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="222"/>
        <source>{count} candidates written to {path}</source>
        <translation>{count} kandidater skrivna till {path}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="229"/>
        <source>Find the candidates first</source>
        <translation>Hitta kandidaterna först</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="234"/>
        <source>Budgets are numbers in MSEK, e.g. 8 12 16</source>
        <translation>Budgetar är tal i Mkr, t.ex. 8 12 16</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="256"/>
        <source>Scenarios failed: {}</source>
        <translation>Scenarierna misslyckades: {}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="271"/>
        <source>acceptable</source>
        <translation>godtagbart</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="271"/>
        <source>backlog MSEK</source>
        <translation>skuld Mkr</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="271"/>
        <source>spend MSEK</source>
        <translation>kostnad Mkr</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/investment/dock.py" line="276"/>
        <source>measured</source>
        <translation>uppmätt</translation>
    </message>
</context>
<context>
    <name>ProgrammeSummaryPanel</name>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="58"/>
        <source>Expected yearly effect</source>
        <translation>Förväntad årlig effekt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="59"/>
        <source>Effect per granted SEK</source>
        <translation>Effekt per beviljad krona</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="104"/>
        <source>{n} ideas · {funded} funded · {effect} with an expected effect</source>
        <translation>{n} idéer · {funded} beviljade · {effect} med förväntad effekt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="117"/>
        <source>+{year} MSEK · {total} of {budget} MSEK</source>
        <translation>+{year} mnkr · {total} av {budget} mnkr</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="120"/>
        <source>{granted} of {budget} MSEK · {left} MSEK left</source>
        <translation>{granted} av {budget} mnkr · {left} mnkr kvar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="124"/>
        <source>{effect} of {target} MSEK a year</source>
        <translation>{effect} av {target} mnkr per år</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="129"/>
        <source>{ratio} : 1 (target {target} : 1)</source>
        <translation>{ratio} : 1 (mål {target} : 1)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="132"/>
        <source>Granted: Beviljad, Delvis beviljad and Genomförd, booked in the year of the decision. Effect: the same plus Genomförd utan medel. Bars: share of the 50 MSEK budget, of the 100 MSEK effect target and of the 2 : 1 ratio.</source>
        <translation>Beviljat: Beviljad, Delvis beviljad och Genomförd, bokfört det år beslutet fattades. Effekt: samma plus Genomförd utan medel. Staplar: andel av budgeten på 50 mnkr, av effektmålet på 100 mnkr och av kvoten 2 : 1.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="58"/>
        <source>Granted</source>
        <translation>Beviljat</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/ideas/summary_panel.py" line="113"/>
        <source>Granted {first}–{last}</source>
        <translation>Beviljat {first}–{last}</translation>
    </message>
</context>
<context>
    <name>QualityDialog</name>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="51"/>
        <source>Check twin data</source>
        <translation>Kontrollera tvillingens data</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="68"/>
        <source>Check again</source>
        <translation>Kontrollera igen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="85"/>
        <source>Severity</source>
        <translation>Allvarlighet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="85"/>
        <source>Layer</source>
        <translation>Lager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="85"/>
        <source>Key</source>
        <translation>Nyckel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="85"/>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="85"/>
        <source>Problem</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="90"/>
        <source>Click a problem to zoom to it</source>
        <translation>Klicka på ett problem för att zooma dit</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="94"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="103"/>
        <source>No twin is loaded: load one in the Digital twin dock first.</source>
        <translation>Ingen tvilling är inläst: läs in en i panelen Digital tvilling först.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="110"/>
        <source>Checking {n} layers…</source>
        <translation>Kontrollerar {n} lager…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="121"/>
        <source>Checking twin data</source>
        <translation>Kontrollerar tvillingens data</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="129"/>
        <source>The check could not finish: {error}</source>
        <translation>Kontrollen kunde inte slutföras: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="145"/>
        <source>No problems found in {n} layers.</source>
        <translation>Inga problem hittades i {n} lager.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="147"/>
        <source>{n} problems: {errors} errors, {warnings} warnings, in {layers} layers.</source>
        <translation>{n} problem: {errors} fel, {warnings} varningar, i {layers} lager.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="158"/>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/quality_dialog.py" line="158"/>
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
</context>
<context>
    <name>ReportAtPointAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="32"/>
        <source>Twin report at point</source>
        <translation>Tvillingrapport för punkt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="35"/>
        <source>Builds the twin card for a point, exactly as a click with the Twin info tool: the feature under the point (within the radius, in metres on the ground) in the catalog&apos;s priority order, or the nearest street and the property at the point. Writes the report as JSON (see docs/report_schema.md).</source>
        <translation>Skapar tvillingkortet för en punkt, precis som ett klick med verktyget Tvillinginfo: objektet under punkten (inom sökradien, i meter på marken) i katalogens prioritetsordning, eller närmaste gata och fastigheten på platsen. Skriver rapporten som JSON (se docs/report_schema.md).</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="43"/>
        <source>Point</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="44"/>
        <source>Search radius (m; default from the catalog)</source>
        <translation>Sökradie (m; standard: från katalogen)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="47"/>
        <source>Report (JSON)</source>
        <translation>Rapport (JSON)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="50"/>
        <source>Subject layer</source>
        <translation>Huvudobjektets lager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="51"/>
        <source>Subject key</source>
        <translation>Huvudobjektets nyckel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="52"/>
        <source>Number of warnings</source>
        <translation>Antal varningar</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="62"/>
        <source>RADIUS_M: expected a finite number of metres ≥ 0, got {}</source>
        <translation>RADIUS_M: ett ändligt antal meter ≥ 0 väntades, fick {}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_at_point.py" line="69"/>
        <source>OUTPUT: cannot write {path}: {error}</source>
        <translation>OUTPUT: kan inte skriva {path}: {error}</translation>
    </message>
</context>
<context>
    <name>ReportForFeaturesAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="48"/>
        <source>Twin report for features</source>
        <translation>Tvillingrapport för objekt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="51"/>
        <source>For each input feature of a twin layer (e.g. selected road segments), builds its twin card and writes one row: key, latest condition class and trend, sign codes, number of open permits and next start, peak hours, ÅDT and the coordination warnings. Columns follow the catalog's card sections.</source>
        <translation>Skapar tvillingkortet för varje indataobjekt i ett tvillinglager (t.ex. valda vägsegment) och skriver en rad per objekt: nyckel, senaste tillståndsklass och trend, vägmärkeskoder, antal ej avslutade grävtillstånd och nästa start, högtrafiktimmar, ÅDT och samordningsvarningarna. Kolumnerna följer katalogens kortavsnitt.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="58"/>
        <source>Features of a twin layer</source>
        <translation>Objekt i ett tvillinglager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="60"/>
        <source>Twin layer id in the catalog (default: recognised from the input)</source>
        <translation>Tvillinglagrets id i katalogen (standard: känns igen från indata)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="64"/>
        <source>Twin report table</source>
        <translation>Tabell med tvillingrapporter</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="79"/>
        <source>&apos;{}&apos; is not a layer of the twin catalog ({})</source>
        <translation>'{}' är inget lager i tvillingkatalogen ({})</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/report_for_features.py" line="90"/>
        <source>Cannot tell which twin layer the input is: give its catalog id in &apos;Twin layer id&apos;</source>
        <translation>Kan inte avgöra vilket tvillinglager indata kommer från: ange lagrets id i 'Tvillinglagrets id i katalogen'</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/timeline.py" line="124"/>
        <source>Export PNG…</source>
        <translation>Exportera PNG…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/coordination/timeline.py" line="133"/>
        <source>Export the timeline</source>
        <translation>Exportera tidslinjen</translation>
    </message>
</context>
<context>
    <name>TwinAlgorithm</name>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="76"/>
        <source>Digital twin</source>
        <translation>Digital tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="83"/>
        <source>Twin GeoPackage</source>
        <translation>Tvillingens GeoPackage</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="85"/>
        <source>…or twin source (postgres:&lt;saved connection&gt;, pgservice:&lt;service&gt;, gpkg:&lt;file&gt;)</source>
        <translation>…eller tvillingkälla (postgres:&lt;sparad anslutning&gt;, pgservice:&lt;tjänst&gt;, gpkg:&lt;fil&gt;)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="92"/>
        <source>Twin catalog (JSON; default: the bundled one)</source>
        <translation>Tvillingkatalog (JSON; standard: den medföljande)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="94"/>
        <source>Today (YYYY-MM-DD; default: the current date)</source>
        <translation>Dagens datum (ÅÅÅÅ-MM-DD; standard: aktuellt datum)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="96"/>
        <source>Report language</source>
        <translation>Rapportspråk</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="98"/>
        <source>Dig moratorium (years; default: the plugin setting)</source>
        <translation>Grävstopp (år; standard: insticksprogrammets inställning)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="164"/>
        <source>Today must be a date like 2026-11-27, got &apos;{}&apos;</source>
        <translation>Dagens datum ska anges som t.ex. 2026-11-27, inte '{}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="194"/>
        <source>Using the twin layers of the current project</source>
        <translation>Använder tvillinglagren i det aktuella projektet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="198"/>
        <source>Twin source: {}</source>
        <translation>Tvillingkälla: {}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/processing/common.py" line="203"/>
        <source>No twin layer could be read from {}</source>
        <translation>Inget tvillinglager kunde läsas från {}</translation>
    </message>
</context>
<context>
    <name>TwinCardDock</name>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="68"/>
        <source>Twin card</source>
        <translation>Tvillingkort</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="93"/>
        <source>Copy as text</source>
        <translation>Kopiera som text</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="93"/>
        <source>Copy</source>
        <translation>Kopiera</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="93"/>
        <source>Copy the card to the clipboard (text, and formatted for mail and word processors)</source>
        <translation>Kopiera kortet till urklipp (som text och formaterat för e-post och ordbehandlare)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="96"/>
        <source>Export JSON…</source>
        <translation>Exportera JSON…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="96"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="96"/>
        <source>Save the report as a JSON file</source>
        <translation>Spara rapporten som en JSON-fil</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="98"/>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="98"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="98"/>
        <source>Save the report as a CSV table (one row per value)</source>
        <translation>Spara rapporten som en CSV-tabell (en rad per värde)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="104"/>
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="104"/>
        <source>How to read the twin card</source>
        <translation>Så läser du tvillingkortet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="160"/>
        <source>Choose the Twin info tool and click on the map: the card shows everything the twin knows about the place — condition, signs, excavations, traffic and conflicts.</source>
        <translation>Välj verktyget Tvillinginfo och klicka på kartan: kortet visar allt tvillingen vet om platsen — tillstånd, vägmärken, grävningar, trafik och konflikter.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="248"/>
        <source>Export twin card as JSON</source>
        <translation>Exportera tvillingkortet som JSON</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="248"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="251"/>
        <source>Export twin card as CSV</source>
        <translation>Exportera tvillingkortet som CSV</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="251"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="261"/>
        <source>Could not save {path}: {error}</source>
        <translation>Kunde inte spara {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="265"/>
        <source>Twin card saved to {path}</source>
        <translation>Tvillingkortet sparades i {path}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="297"/>
        <source>Layer &apos;{layer}&apos; is not in the project</source>
        <translation>Lagret '{layer}' finns inte i projektet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="188"/>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/card/dock.py" line="230"/>
        <source>The card is on the clipboard (text, and formatted for mail and word processors)</source>
        <translation>Kortet ligger i urklipp (text, och formaterat för e-post och ordbehandlare)</translation>
    </message>
</context>
<context>
    <name>TwinDock</name>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="62"/>
        <source>Digital twin</source>
        <translation>Digital tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="83"/>
        <source>Embedded demo twin (central Östersund)</source>
        <translation>Inbyggd demotvilling (centrala Östersund)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="84"/>
        <source>GeoPackage file</source>
        <translation>GeoPackage-fil</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="85"/>
        <source>PostgreSQL connection</source>
        <translation>PostgreSQL-anslutning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="86"/>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="92"/>
        <source>GeoPackage (*.gpkg *.GPKG)</source>
        <translation>GeoPackage (*.gpkg *.GPKG)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="93"/>
        <source>Choose a twin GeoPackage</source>
        <translation>Välj tvillingens GeoPackage</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="94"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="99"/>
        <source>Connection</source>
        <translation>Anslutning</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="104"/>
        <source>Load twin</source>
        <translation>Läs in tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="105"/>
        <source>Add the twin&apos;s layers to the project (existing ones are reused)</source>
        <translation>Lägg till tvillingens lager i projektet (befintliga lager återanvänds)</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="106"/>
        <source>Zoom to twin</source>
        <translation>Zooma till tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="107"/>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="108"/>
        <source>Remove the twin&apos;s layers from the project</source>
        <translation>Ta bort tvillingens lager från projektet</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="126"/>
        <source>Layers</source>
        <translation>Lager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="148"/>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="149"/>
        <source>Try the same twin source again</source>
        <translation>Försök med samma tvillingkälla igen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="194"/>
        <source>Choose a GeoPackage file first.</source>
        <translation>Välj först en GeoPackage-fil.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="199"/>
        <source>No saved PostgreSQL connection: add one in the Data Source Manager.</source>
        <translation>Ingen sparad PostgreSQL-anslutning: lägg till en i datakällshanteraren.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="243"/>
        <source>Checking twin source</source>
        <translation>Kontrollerar tvillingkällan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="262"/>
        <source>Twin loaded with {n} problem(s): {first}</source>
        <translation>Tvillingen lästes in med {n} problem: {first}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="269"/>
        <source>{n} layers from {source}</source>
        <translation>{n} lager från {source}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="280"/>
        <source>Digital twin loaded: {n} layers</source>
        <translation>Den digitala tvillingen är inläst: {n} lager</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="363"/>
        <source>{title} — not loaded</source>
        <translation>{title} — inte inläst</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="114"/>
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="132"/>
        <source>An online map under the twin. It needs an internet connection; nothing is fetched while it is off, and the twin works without it.</source>
        <translation>En karta från internet under tvillingen. Den kräver en internetanslutning; inget hämtas så länge den är avslagen, och tvillingen fungerar utan den.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="87"/>
        <source>Reset demo twin…</source>
        <translation>Återställ demotvillingen…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="89"/>
        <source>Replace your copy of the embedded demo twin by a fresh one</source>
        <translation>Ersätt din kopia av den inbyggda demotvillingen med en ny</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="109"/>
        <source>Check data</source>
        <translation>Kontrollera data</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="110"/>
        <source>List the twin&apos;s data problems and zoom to them</source>
        <translation>Lista problemen i tvillingens data och zooma till dem</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="230"/>
        <source>loading another twin</source>
        <translation>inläsningen av en annan tvilling</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="278"/>
        <source>Read-only: you may not write to {file}, so edits cannot be saved.</source>
        <translation>Skrivskyddad: du får inte skriva till {file}, så ändringar kan inte sparas.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="297"/>
        <source>the twin source</source>
        <translation>tvillingkällan</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="300"/>
        <source>removing the twin</source>
        <translation>borttagningen av tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="111"/>
        <source>Import data…</source>
        <translation>Importera data…</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="381"/>
        <source>Bring a file (NVDB, survey, signs, permits, counts…) into the twin</source>
        <translation>För in en fil (NVDB, mätning, vägmärken, tillstånd, flöden…) i tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="381"/>
        <source>Load a twin first: the data is imported into the loaded twin</source>
        <translation>Läs in en tvilling först: data importeras till den inlästa tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="275"/>
        <source>This version of the plugin comes with a newer demo twin: 'Reset demo twin…' uses it (your copy is kept as a backup).</source>
        <translation>Den här versionen av insticksprogrammet har en nyare demotvilling: 'Återställ demotvillingen…' använder den (din kopia sparas som säkerhetskopia).</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/twin_dock.py" line="360"/>
        <source>{title} — not in this twin</source>
        <translation>{title} — finns inte i den här tvillingen</translation>
    </message>
</context>
<context>
    <name>TwinLoader</name>
    <message>
        <location filename="../digiresan_plugin/core/loader.py" line="155"/>
        <source>Layer &apos;{layer}&apos;: table &apos;{table}&apos; not found or not readable in {source}</source>
        <translation>Lagret '{layer}': tabellen '{table}' finns inte eller går inte att läsa i {source}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/loader.py" line="165"/>
        <source>Layer &apos;{layer}&apos; (table &apos;{table}&apos;): missing field(s) {fields}</source>
        <translation>Lagret '{layer}' (tabellen '{table}'): fält saknas: {fields}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/loader.py" line="172"/>
        <source>Layer &apos;{layer}&apos;: style {style} not applied: {message}</source>
        <translation>Lagret '{layer}': stilen {style} kunde inte användas: {message}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/layers.py" line="64"/>
        <source>Layer &apos;{layer}&apos; (table &apos;{table}&apos;): its coordinate reference system is undefined and the catalog declares none (&apos;crs&apos;): not loaded, distances would be wrong</source>
        <translation>Lagret '{layer}' (tabell '{table}'): dess koordinatsystem är odefinierat och katalogen anger inget ('crs'): inte laddat, avstånden skulle bli fel</translation>
    </message>
</context>
<context>
    <name>TwinLocatorFilter</name>
    <message>
        <location filename="../digiresan_plugin/gui/locator.py" line="61"/>
        <source>Digital twin features</source>
        <translation>Objekt i den digitala tvillingen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/gui/locator.py" line="98"/>
        <source>Digiresan ideas</source>
        <translation>Digiresan-idéer</translation>
    </message>
</context>
<context>
    <name>TwinSource</name>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="129"/>
        <source>GeoPackage not found: {path}</source>
        <translation>GeoPackage-filen hittades inte: {path}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="136"/>
        <source>Schema &apos;{schema}&apos; not found in {source}</source>
        <translation>Schemat '{schema}' finns inte i {source}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="190"/>
        <source>Cannot reach the twin database {source}: {error}</source>
        <translation>Det går inte att nå tvillingdatabasen {source}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="206"/>
        <source>No saved PostgreSQL connection named &apos;{name}&apos;</source>
        <translation>Det finns ingen sparad PostgreSQL-anslutning med namnet '{name}'</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="57"/>
        <source>Twin source &apos;{text}&apos; is not understood: expected gpkg:&lt;file&gt;, postgres:&lt;saved connection&gt; or pgservice:&lt;service&gt;</source>
        <translation>Tvillingkällan '{text}' går inte att tolka: ange gpkg:&lt;fil&gt;, postgres:&lt;sparad anslutning&gt; eller pgservice:&lt;tjänst&gt;</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="65"/>
        <source>A twin source must not contain a password: use a saved QGIS connection with an authentication configuration, or a pg_service entry with a .pgpass file</source>
        <translation>En tvillingkälla får inte innehålla något lösenord: använd en sparad QGIS-anslutning med en autentiseringskonfiguration, eller en pg_service-post med en .pgpass-fil</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="113"/>
        <source>Cannot reach the twin database {source}: no answer within {seconds} s</source>
        <translation>Kan inte nå tvillingdatabasen {source}: inget svar inom {seconds} s</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="115"/>
        <source>GeoPackage {path} did not open within {seconds} s</source>
        <translation>GeoPackage {path} öppnades inte inom {seconds} s</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="203"/>
        <source>The saved connection '{name}' keeps its password in plain text: store it in QGIS's authentication manager (Settings ▸ Options ▸ Authentication) and choose that configuration in the connection. The project is saved without the password.</source>
        <translation>Den sparade anslutningen '{name}' har lösenordet i klartext: lägg det i QGIS autentiseringshanterare (Inställningar ▸ Alternativ ▸ Autentisering) och välj den konfigurationen i anslutningen. Projektet sparas utan lösenordet.</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="236"/>
        <source>Cannot open {path}: {error}</source>
        <translation>Kan inte öppna {path}: {error}</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="241"/>
        <source>GeoPackage {path} is locked by another program: close it there (or end its edit), then retry</source>
        <translation>GeoPackage {path} är låst av ett annat program: stäng den där (eller avsluta redigeringen) och försök igen</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/twin_source.py" line="251"/>
        <source>{path} is not a GeoPackage: {error}</source>
        <translation>{path} är inte en GeoPackage: {error}</translation>
    </message>
</context>
<context>
    <name>TwinStyles</name>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>1 – very good</source>
        <translation>1 – mycket bra</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>2 – good</source>
        <translation>2 – bra</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>3 – fair</source>
        <translation>3 – godtagbart</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>4 – poor</source>
        <translation>4 – dåligt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>5 – very poor</source>
        <translation>5 – mycket dåligt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>A – warning</source>
        <translation>A – varningsmärken</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Applied / needs completion</source>
        <translation>Ansökan / komplettering</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Approved – active now</source>
        <translation>Beviljad – aktiv nu</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Approved – not active</source>
        <translation>Beviljad – ej aktiv</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>B – priority</source>
        <translation>B – väjningspliktsmärken</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>C – prohibitory</source>
        <translation>C – förbudsmärken</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Culture</source>
        <translation>Kultur</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>D – mandatory</source>
        <translation>D – påbudsmärken</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>E – information</source>
        <translation>E – anvisningsmärken</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Healthcare</source>
        <translation>Vård</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Industry</source>
        <translation>Industri</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Not inspected</source>
        <translation>Ej mätt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Office</source>
        <translation>Kontor</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Ongoing – active now</source>
        <translation>Pågående – aktiv nu</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Ongoing – outside permit dates</source>
        <translation>Pågående – utanför tillståndets datum</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Other</source>
        <translation>Övrigt</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Other status</source>
        <translation>Annan status</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Residential</source>
        <translation>Bostäder</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Restored / closed</source>
        <translation>Återställd / avslutad</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Retail</source>
        <translation>Handel</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>T – supplementary plate</source>
        <translation>T – tilläggstavlor</translation>
    </message>
    <message>
        <location filename="../digiresan_plugin/core/style_labels.py" line="18"/>
        <source>Unknown</source>
        <translation>Okänt</translation>
    </message>
</context>
</TS>
