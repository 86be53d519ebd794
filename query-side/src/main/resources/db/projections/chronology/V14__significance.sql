-- The significance column: a contact or follow-up marked as a significant event, with its impact on the child.
-- Each marking is a version with the recording times it was valid between, so the chronology as of any instant
-- shows the marks of that instant. A mark applies to the item's own entry (the contact, or the follow-up as
-- raised), not to later entries about it (a risk re-graded or closed).
CREATE TABLE chronology_significance (
    item_id     UUID         NOT NULL,
    version     INTEGER      NOT NULL,
    case_id     UUID         NOT NULL,
    significant BOOLEAN      NOT NULL,
    impact      TEXT,
    marked_at   TIMESTAMPTZ  NOT NULL,
    marked_by   VARCHAR(255) NOT NULL,
    valid_from  TIMESTAMPTZ  NOT NULL,
    valid_to    TIMESTAMPTZ,
    CONSTRAINT chronology_significance_pk PRIMARY KEY (item_id, version)
);
CREATE INDEX chronology_significance_current_idx ON chronology_significance (item_id) WHERE valid_to IS NULL;
CREATE INDEX chronology_entry_source_idx ON chronology_entry (source_id) WHERE valid_to IS NULL;
