-- A risk, action, guidance request or next session raised in a contact takes its place at the contact's time.
-- raised_in names that contact (so a correction of its time moves them too); added_after_signing marks one raised
-- in a contact already signed, with the reason given for it.
ALTER TABLE chronology_entry
    ADD COLUMN raised_in            UUID,
    ADD COLUMN added_after_signing  BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN reason_after_signing TEXT;
CREATE INDEX chronology_entry_raised_in_idx ON chronology_entry (raised_in) WHERE valid_to IS NULL;

-- Follow-ups raised in a draft wait here until the draft is signed (then they enter at its time) or discarded
-- (then at their own). Rows stay once released: a contact is signed or discarded only once.
CREATE TABLE chronology_held (
    entry_id   VARCHAR(80) NOT NULL,
    contact_id UUID        NOT NULL,
    entry      JSONB       NOT NULL,
    CONSTRAINT chronology_held_pk PRIMARY KEY (entry_id)
);
CREATE INDEX chronology_held_contact_idx ON chronology_held (contact_id);

-- A contact's links say why one was added after the contact was signed.
ALTER TABLE contact_link ADD COLUMN reason_after_signing TEXT;

-- Projections whose rules changed with this version are rebuilt from the events when the service next starts.
CREATE TABLE rebuild_due (
    processor_name VARCHAR(255) NOT NULL,
    reason         TEXT         NOT NULL,
    requested_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT rebuild_due_pk PRIMARY KEY (processor_name)
);
INSERT INTO rebuild_due (processor_name, reason) VALUES
    ('chronology', 'Follow-ups take their contact''s time; those added after signing are marked'),
    ('casework', 'Contact links keep the reason a follow-up was added after signing');
