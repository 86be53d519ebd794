-- Contacts as they stand now, and every version they have had. Each version row holds the whole contact as it
-- stood after that event, so reading a contact as of any instant is one index lookup.

CREATE TABLE contact (
    contact_id   UUID         NOT NULL,
    case_id      UUID         NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    author       VARCHAR(255) NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    ended_at     TIMESTAMPTZ,
    setting_type VARCHAR(20)  NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    finalised_at TIMESTAMPTZ,
    late_entry   BOOLEAN      NOT NULL,
    amended      BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL,
    state        JSONB        NOT NULL,
    CONSTRAINT contact_pk PRIMARY KEY (contact_id)
);
CREATE INDEX contact_case_idx ON contact (case_id, occurred_at, contact_id);
CREATE INDEX contact_status_idx ON contact (status, recorded_at);

CREATE TABLE contact_version (
    contact_id  UUID         NOT NULL,
    version     BIGINT       NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    recorded_by VARCHAR(255) NOT NULL,
    change      VARCHAR(40)  NOT NULL,
    section     VARCHAR(20),
    reason      TEXT,
    state       JSONB        NOT NULL,
    CONSTRAINT contact_version_pk PRIMARY KEY (contact_id, version)
);
CREATE INDEX contact_version_as_of_idx ON contact_version (contact_id, recorded_at, version);
