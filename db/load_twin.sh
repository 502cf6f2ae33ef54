#!/usr/bin/env bash
# Load a twin GeoPackage into PostGIS: every table into schema `twin` (replacing what is there, dropping twin
# tables the GeoPackage has not), key and spatial
# indexes, ANALYZE, grants; an `ideas` table (and `idea_events`, if present) replaces the rows of ideas.ideas.
#
#   db/load_twin.sh [--dbname NAME] TWIN.gpkg
#
# Connects as digiresan_admin through the pg_service of the local cluster (db/pg.sh start must have run and
# db/migrate.py must have created the schemas). --dbname overrides the service's database (the tests use it).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DBNAME=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dbname) DBNAME=$2; shift 2 ;;
    --dbname=*) DBNAME=${1#*=}; shift ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "load_twin.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: db/load_twin.sh [--dbname NAME] TWIN.gpkg" >&2; exit 2; }
GPKG=$1
[ -f "$GPKG" ] || { echo "load_twin.sh: no such GeoPackage: $GPKG" >&2; exit 1; }
command -v ogr2ogr >/dev/null || { echo "load_twin.sh: ogr2ogr missing (apt-get install gdal-bin)" >&2; exit 1; }

eval "$(bash "$ROOT/db/pg.sh" env)"
CONN="service=digiresan_admin${DBNAME:+ dbname=$DBNAME}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d "$CONN")

# Layer names of the GeoPackage ("1: road_segments (Line String)" → road_segments).
mapfile -t LAYERS < <(ogrinfo -ro -q "$GPKG" | sed -n 's/^[0-9][0-9]*: \([^ ]*\).*/\1/p')
[ "${#LAYERS[@]}" -gt 0 ] || { echo "load_twin.sh: no tables in $GPKG" >&2; exit 1; }

TWIN_LAYERS=()
IDEA_LAYERS=()
for layer in "${LAYERS[@]}"; do
  case "$layer" in
    ideas | idea_events) IDEA_LAYERS+=("$layer") ;;
    twin_history | twin_session) ;;  # the GeoPackage's own edit history: PostGIS keeps its own (migration 006)
    *) TWIN_LAYERS+=("$layer") ;;
  esac
done

ogr_load() {  # SCHEMA SUFFIX LAYER…: each layer becomes SCHEMA.<layer><SUFFIX>
  local schema=$1 suffix=$2
  shift 2
  local layer fid fid_opts
  for layer in "$@"; do
    # Keep a meaningful FID column (e.g. idea_id) with its values; otherwise the FID becomes `fid`.
    fid=$(ogrinfo -ro -so "$GPKG" "$layer" | sed -n 's/^FID Column = //p')
    case "$fid" in
      idea_id | event_id) fid_opts=(-lco FID="$fid" -preserve_fid) ;;
      *) fid_opts=(-lco FID=fid) ;;
    esac
    ogr2ogr -f PostgreSQL "PG:$CONN active_schema=$schema" "$GPKG" "$layer" -nln "$layer$suffix" -overwrite \
      -lco SCHEMA="$schema" -lco OVERWRITE=YES -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST "${fid_opts[@]}" \
      --config PG_USE_COPY YES -gt 65536
  done
}

start=$(date +%s)
if [ "${#TWIN_LAYERS[@]}" -gt 0 ]; then
  # migration 006: foreign keys off while the tables are replaced (back on below)
  "${PSQL[@]}" -c "DO \$\$ BEGIN IF to_regprocedure('maintenance.drop_foreign_keys()') IS NOT NULL THEN
                     PERFORM maintenance.drop_foreign_keys(); END IF; END \$\$;"
  # the twin is replaced as a whole: a table of an earlier load that this GeoPackage has not (e.g. an older twin
  # without the agreements) must not stay behind
  keep=$(printf "'%s'," "${TWIN_LAYERS[@]}")
  "${PSQL[@]}" -c "DO \$\$ DECLARE t text; BEGIN
                     FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'twin'
                                AND tablename <> ALL (ARRAY[${keep%,}]::text[]) LOOP
                       EXECUTE format('DROP TABLE twin.%I CASCADE', t);
                     END LOOP; END \$\$;"
  ogr_load twin "" "${TWIN_LAYERS[@]}"
fi

# Key indexes (when the columns exist), ANALYZE and grants.
"${PSQL[@]}" <<'SQL'
SET client_min_messages = warning;
DO $$
DECLARE
    t record;
    cols text[];
    -- composite keys first: an index on (segment_id, hour) also serves segment_id alone
    key_sets text[][] := ARRAY[
        ['segment_id', 'hour'], ['segment_id', 'inspected_on'], ['segment_id', 'planned_year'],
        ['segment_id', ''], ['sign_id', ''], ['permit_id', ''], ['building_id', ''], ['designation', ''],
        ['park_id', ''], ['linked_key', ''], ['agreement_id', ''], ['asset_id', ''], ['regulation_id', ''],
        ['document_id', '']];
    i int;
    wanted text[];
BEGIN
    FOR t IN SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'twin' AND c.relkind IN ('r', 'p') LOOP
        SELECT array_agg(attname::text) INTO cols FROM pg_attribute
         WHERE attrelid = t.oid AND attnum > 0 AND NOT attisdropped;
        FOR i IN 1 .. array_length(key_sets, 1) LOOP
            wanted := ARRAY(SELECT k FROM unnest(key_sets[i:i]) WITH ORDINALITY AS u(k, n) WHERE k <> '' ORDER BY n);
            CONTINUE WHEN NOT wanted <@ cols;
            -- skip when an index (e.g. a UNIQUE constraint from the GeoPackage) already starts with these columns
            CONTINUE WHEN EXISTS (
                SELECT FROM pg_index x
                 WHERE x.indrelid = t.oid
                   AND ARRAY(SELECT a.attname::text
                               FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                               JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                              WHERE k.ord <= cardinality(wanted) ORDER BY k.ord) = wanted);
            EXECUTE format('CREATE INDEX %I ON twin.%I (%s)',
                           left(t.relname || '_' || array_to_string(wanted, '_'), 59) || '_idx', t.relname,
                           (SELECT string_agg(quote_ident(c), ', ') FROM unnest(wanted) AS c));
        END LOOP;
        EXECUTE format('ANALYZE twin.%I', t.relname);
    END LOOP;
END
$$;
GRANT USAGE ON SCHEMA twin TO twin_reader, twin_editor;
GRANT SELECT ON ALL TABLES IN SCHEMA twin TO twin_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA twin TO twin_editor;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA twin TO twin_editor;
SQL

# migration 006: the catalog's rules as constraints, foreign keys, the derived-field and history triggers; rules the
# loaded rows break are reported (and still enforced for new rows)
if [ "${#TWIN_LAYERS[@]}" -gt 0 ] && \
   [ "$("${PSQL[@]}" -At -c "SELECT to_regprocedure('maintenance.apply()') IS NOT NULL")" = t ]; then
  notes=$("${PSQL[@]}" -At -c "SELECT array_to_string(maintenance.apply(), E'\n')")
  if [ -n "$notes" ]; then
    echo "load_twin.sh: the loaded data breaks some of the catalog's rules:" >&2
    echo "$notes" | sed 's/^/  /' >&2
  fi
fi

if [ "${#IDEA_LAYERS[@]}" -gt 0 ]; then
  ogr_load ideas _import "${IDEA_LAYERS[@]}"
  # Replace the ideas (and their events) by the imported rows, casting each shared column to the target type.
  "${PSQL[@]}" <<'SQL'
BEGIN;
DO $$
DECLARE
    tbl text;
    col_list text;
    expr_list text;
BEGIN
    IF to_regclass('ideas.ideas_import') IS NULL THEN
        RETURN;
    END IF;
    TRUNCATE ideas.idea_events, ideas.ideas;
    FOREACH tbl IN ARRAY ARRAY['ideas', 'idea_events'] LOOP
        CONTINUE WHEN to_regclass(format('ideas.%I', tbl || '_import')) IS NULL;
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
               string_agg(format('%I::%s', a.attname, format_type(a.atttypid, a.atttypmod)), ', '
                          ORDER BY a.attnum)
          INTO col_list, expr_list
          FROM pg_attribute a
          JOIN pg_attribute s ON s.attrelid = format('ideas.%I', tbl || '_import')::regclass
                             AND s.attname = a.attname AND s.attnum > 0 AND NOT s.attisdropped
         WHERE a.attrelid = format('ideas.%I', tbl)::regclass AND a.attnum > 0 AND NOT a.attisdropped;
        EXECUTE format('INSERT INTO ideas.%I (%s) OVERRIDING SYSTEM VALUE SELECT %s FROM ideas.%I',
                       tbl, col_list, expr_list, tbl || '_import');
        EXECUTE format('DROP TABLE ideas.%I', tbl || '_import');
    END LOOP;
    PERFORM setval(pg_get_serial_sequence('ideas.ideas', 'idea_id'),
                   greatest((SELECT max(idea_id) FROM ideas.ideas), 1));
    PERFORM setval(pg_get_serial_sequence('ideas.idea_events', 'event_id'),
                   greatest((SELECT max(event_id) FROM ideas.idea_events), 1));
END
$$;
COMMIT;
ANALYZE ideas.ideas;
ANALYZE ideas.idea_events;
SQL
fi

echo "load_twin.sh: loaded ${#TWIN_LAYERS[@]} twin table(s)${IDEA_LAYERS:+ and ${IDEA_LAYERS[*]}} from $GPKG" \
  "into ${DBNAME:-the service database} in $(( $(date +%s) - start )) s"
