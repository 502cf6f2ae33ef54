-- 002: roles (cluster-wide) and who may connect.
--   twin_reader        planners: read the twin and the ideas without personal data
--   twin_editor        GIS specialists: edit twin layers
--   ideas_coordinator  coordinators: edit idea status/funding/decision, read personal data
-- The login roles digiresan_* are members; their passwords are set outside git (db/pg.sh, build/pg/pgpass).
-- digiresan_admin owns the schemas and loads data (db/load_twin.sh); it is not a superuser.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['twin_reader', 'twin_editor', 'ideas_coordinator'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
    FOREACH r IN ARRAY ARRAY['digiresan_admin', 'digiresan_reader', 'digiresan_editor', 'digiresan_coordinator'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I LOGIN', r);
        END IF;
    END LOOP;
END
$$;

GRANT twin_reader TO digiresan_reader;
GRANT twin_reader, twin_editor TO digiresan_editor;
GRANT twin_reader, ideas_coordinator TO digiresan_coordinator;

-- Only the Digiresan roles (and the owner) may connect to this database.
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO twin_reader, twin_editor, ideas_coordinator',
                   current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO digiresan_admin', current_database());
END
$$;

ALTER SCHEMA twin OWNER TO digiresan_admin;
ALTER SCHEMA ideas OWNER TO digiresan_admin;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
