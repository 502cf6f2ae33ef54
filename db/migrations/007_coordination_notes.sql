-- 007: coordination notes. The handling of each coordination warning (core/coordination/notes.py): its status
-- (new / in_progress / resolved / accepted with a reason), assignee and notes, keyed by the rule id and the
-- permit/segment keys ('' for none). `fingerprint` holds the inputs (the permits' dates, the paving) the status was
-- set for: when they change the warning reopens. In its own schema, so db/load_twin.sh (which replaces the twin
-- tables) never touches it. Planners read, editors write.
CREATE SCHEMA IF NOT EXISTS coordination AUTHORIZATION digiresan_admin;
COMMENT ON SCHEMA coordination IS 'Digiresan: the handling of coordination warnings';

CREATE TABLE IF NOT EXISTS coordination.coordination_notes (
    rule        text NOT NULL,
    permit_id   text NOT NULL DEFAULT '',
    other_id    text NOT NULL DEFAULT '',
    segment_id  text NOT NULL DEFAULT '',
    status      text NOT NULL DEFAULT 'new',
    reason      text,
    assignee    text,
    notes       text,
    fingerprint text NOT NULL DEFAULT '',
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text NOT NULL DEFAULT session_user,
    PRIMARY KEY (rule, permit_id, other_id, segment_id),
    CONSTRAINT coordination_notes_status_check CHECK (status IN ('new', 'in_progress', 'resolved', 'accepted')),
    CONSTRAINT coordination_notes_reason_check CHECK (status <> 'accepted' OR coalesce(btrim(reason), '') <> '')
);
COMMENT ON TABLE coordination.coordination_notes IS 'Handling of coordination warnings (status, assignee, notes)';
ALTER TABLE coordination.coordination_notes OWNER TO digiresan_admin;

REVOKE ALL ON coordination.coordination_notes FROM PUBLIC;
GRANT USAGE ON SCHEMA coordination TO twin_reader, twin_editor;
GRANT SELECT ON coordination.coordination_notes TO twin_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON coordination.coordination_notes TO twin_editor;
