-- 004: least privilege, enforced by the database.
--   twin_reader:       SELECT on twin.*; ideas without personal data (column privileges + the *_public views)
--   twin_editor:       SELECT/INSERT/UPDATE/DELETE on twin.*
--   ideas_coordinator: all of ideas (incl. submitter_name/submitter_contact); UPDATE only of the decision columns;
--                      INSERT into idea_events
-- Re-running re-establishes exactly these grants (REVOKE first, then GRANT).
GRANT USAGE ON SCHEMA twin TO twin_reader, twin_editor;
GRANT USAGE ON SCHEMA ideas TO twin_reader, ideas_coordinator;
GRANT SELECT ON public.schema_version TO twin_reader, twin_editor, ideas_coordinator;

-- twin: existing tables and, through default privileges, tables created later by the loader or a migration.
GRANT SELECT ON ALL TABLES IN SCHEMA twin TO twin_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA twin TO twin_editor;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA twin TO twin_editor;
ALTER DEFAULT PRIVILEGES FOR ROLE digiresan_admin IN SCHEMA twin GRANT SELECT ON TABLES TO twin_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE digiresan_admin IN SCHEMA twin
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO twin_editor;
ALTER DEFAULT PRIVILEGES FOR ROLE digiresan_admin IN SCHEMA twin GRANT USAGE, SELECT ON SEQUENCES TO twin_editor;
-- the same for tables the migrating superuser creates in twin
ALTER DEFAULT PRIVILEGES IN SCHEMA twin GRANT SELECT ON TABLES TO twin_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA twin GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO twin_editor;
ALTER DEFAULT PRIVILEGES IN SCHEMA twin GRANT USAGE, SELECT ON SEQUENCES TO twin_editor;

-- ideas: start from nothing (a table-level REVOKE also removes column privileges).
REVOKE ALL ON ideas.ideas, ideas.idea_events, ideas.ideas_public, ideas.idea_events_public
    FROM PUBLIC, twin_reader, twin_editor, ideas_coordinator;
REVOKE ALL ON SEQUENCE ideas.idea_events_event_id_seq FROM PUBLIC, twin_reader, twin_editor, ideas_coordinator;

-- planners: every column except submitter_name and submitter_contact
GRANT SELECT (idea_id, reference, title, description, theme, department, submitter_category, submitted_on, status,
              estimated_cost_sek, granted_sek, expected_yearly_effect_sek, decision_text, decided_on, geom,
              linked_layer, linked_key, version, updated_at, updated_by)
    ON ideas.ideas TO twin_reader;
GRANT SELECT ON ideas.ideas_public, ideas.idea_events_public TO twin_reader, ideas_coordinator;

-- coordinators
GRANT SELECT ON ideas.ideas, ideas.idea_events TO ideas_coordinator;
GRANT UPDATE (status, granted_sek, decision_text, decided_on, version, updated_at, updated_by)
    ON ideas.ideas TO ideas_coordinator;
GRANT INSERT ON ideas.idea_events TO ideas_coordinator;
GRANT USAGE ON SEQUENCE ideas.idea_events_event_id_seq TO ideas_coordinator;
