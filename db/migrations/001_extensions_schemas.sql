-- 001: PostGIS and the two schemas: `twin` (the digital twin layers) and `ideas` (Digiresan ideas).
-- Idempotent; needs a superuser (CREATE EXTENSION postgis).
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE SCHEMA IF NOT EXISTS twin;
CREATE SCHEMA IF NOT EXISTS ideas;

COMMENT ON SCHEMA twin IS 'Digiresan digital twin of Östersund (loaded by db/load_twin.sh; edited by twin_editor)';
COMMENT ON SCHEMA ideas IS 'Digiresan ideas with funding status and their audit log';
