-- 005: the audit log is written by its trigger only.
--   004 granted INSERT on ideas.idea_events to ideas_coordinator ("audit notes"): a coordinator could forge rows
--   (any changed_by, field, old/new value, even db_user). ideas.ideas_audit() is SECURITY DEFINER and owned by
--   digiresan_admin, so it writes the events whatever the caller may do: nobody else needs to write them.
-- Re-running is harmless (REVOKE of what is not granted is a no-op).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ideas.idea_events
    FROM PUBLIC, twin_reader, twin_editor, ideas_coordinator;
REVOKE ALL ON SEQUENCE ideas.idea_events_event_id_seq FROM PUBLIC, twin_reader, twin_editor, ideas_coordinator;
-- what stays: coordinators read the full log, readers the public view (both from 004)
GRANT SELECT ON ideas.idea_events TO ideas_coordinator;
