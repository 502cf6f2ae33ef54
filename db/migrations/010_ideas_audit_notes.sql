-- 010: notes in the ideas' audit log that are not a field change: e.g. "personal data exported" (who, when, what).
-- Written by coordinators through the plugin; nobody may change or delete a note (no UPDATE/DELETE granted).
CREATE TABLE IF NOT EXISTS ideas.audit_notes (
    note_id    bigserial PRIMARY KEY,
    noted_at   timestamptz NOT NULL DEFAULT now(),
    noted_by   text NOT NULL DEFAULT session_user,
    action     text NOT NULL,
    detail     text,
    db_user    text NOT NULL DEFAULT session_user
);
CREATE INDEX IF NOT EXISTS audit_notes_noted_at_idx ON ideas.audit_notes (noted_at);
COMMENT ON TABLE ideas.audit_notes IS 'audit notes that are not a field change (e.g. an export of personal data)';
COMMENT ON COLUMN ideas.audit_notes.noted_by IS 'the application user, else the database user';
COMMENT ON COLUMN ideas.audit_notes.db_user IS 'the database login that wrote the note';

ALTER TABLE ideas.audit_notes OWNER TO digiresan_admin;
REVOKE ALL ON ideas.audit_notes FROM PUBLIC, twin_reader, twin_editor, ideas_coordinator;
REVOKE ALL ON SEQUENCE ideas.audit_notes_note_id_seq FROM PUBLIC, twin_reader, twin_editor, ideas_coordinator;
-- db_user always says who really wrote the note: it cannot be given by the writer
GRANT SELECT, INSERT (noted_by, action, detail) ON ideas.audit_notes TO ideas_coordinator;
GRANT USAGE ON SEQUENCE ideas.audit_notes_note_id_seq TO ideas_coordinator;
