-- The chronology of each case, for court or an inquest. An entry changed later (a corrected contact) keeps each
-- version with the recording times it was valid between, so a chronology as of any instant is a range lookup.
CREATE TABLE chronology_entry (
    entry_id       VARCHAR(80)  NOT NULL,
    version        INTEGER      NOT NULL,
    case_id        UUID         NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    occurred_until TIMESTAMPTZ,
    category       VARCHAR(20)  NOT NULL,
    summary        TEXT         NOT NULL,
    source_type    VARCHAR(20)  NOT NULL,
    source_id      UUID         NOT NULL,
    source_version BIGINT       NOT NULL,
    impact         TEXT,
    outcome        TEXT,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    recorded_by    VARCHAR(255) NOT NULL,
    late_entry     BOOLEAN      NOT NULL,
    amended        BOOLEAN      NOT NULL,
    valid_from     TIMESTAMPTZ  NOT NULL,
    valid_to       TIMESTAMPTZ,
    CONSTRAINT chronology_entry_pk PRIMARY KEY (entry_id, version)
);
CREATE INDEX chronology_entry_current_idx ON chronology_entry (case_id, occurred_at) WHERE valid_to IS NULL;
CREATE INDEX chronology_entry_as_of_idx ON chronology_entry (case_id, valid_from, occurred_at);

-- What the chronology needs to remember between events: each contact as it stands, and each follow-up's label.
CREATE TABLE chronology_contact (
    contact_id UUID  NOT NULL,
    state      JSONB NOT NULL,
    CONSTRAINT chronology_contact_pk PRIMARY KEY (contact_id)
);

CREATE TABLE chronology_item (
    item_id       UUID        NOT NULL,
    case_id       UUID        NOT NULL,
    label         TEXT        NOT NULL,
    severity      VARCHAR(10),
    scheduled_for TIMESTAMPTZ,
    CONSTRAINT chronology_item_pk PRIMARY KEY (item_id)
);
