-- Follow-ups that live on after the contact they came from: risks, actions, guidance requests, sessions.
-- Every column is derived from events; history tables keep each change with who, when and why.

CREATE TABLE risk (
    risk_id        UUID         NOT NULL,
    case_id        UUID         NOT NULL,
    contact_id     UUID         NOT NULL,
    category       VARCHAR(20)  NOT NULL,
    aspects        VARCHAR(100) NOT NULL,
    description    TEXT         NOT NULL,
    severity       VARCHAR(10)  NOT NULL,
    professionals  JSONB        NOT NULL,
    status         VARCHAR(10)  NOT NULL,
    identified_at  TIMESTAMPTZ  NOT NULL,
    identified_by  VARCHAR(255) NOT NULL,
    closed_at      TIMESTAMPTZ,
    closed_by      VARCHAR(255),
    close_reason   TEXT,
    version        BIGINT       NOT NULL,
    CONSTRAINT risk_pk PRIMARY KEY (risk_id)
);
CREATE INDEX risk_case_idx ON risk (case_id, status, identified_at);
CREATE INDEX risk_open_idx ON risk (status, case_id);

CREATE TABLE risk_review (
    risk_id           UUID         NOT NULL,
    version           BIGINT       NOT NULL,
    contact_id        UUID         NOT NULL,
    note              TEXT         NOT NULL,
    severity          VARCHAR(10)  NOT NULL,
    previous_severity VARCHAR(10)  NOT NULL,
    reviewed_at       TIMESTAMPTZ  NOT NULL,
    reviewed_by       VARCHAR(255) NOT NULL,
    CONSTRAINT risk_review_pk PRIMARY KEY (risk_id, version)
);
CREATE INDEX risk_review_contact_idx ON risk_review (contact_id);

CREATE TABLE action_item (
    action_id            UUID         NOT NULL,
    case_id              UUID         NOT NULL,
    contact_id           UUID         NOT NULL,
    description          TEXT         NOT NULL,
    assignee             VARCHAR(200) NOT NULL,
    due_date             DATE         NOT NULL,
    term                 VARCHAR(10)  NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    assigned_at          TIMESTAMPTZ  NOT NULL,
    assigned_by          VARCHAR(255) NOT NULL,
    closed_at            TIMESTAMPTZ,
    closed_by            VARCHAR(255),
    completed_contact_id UUID,
    outcome              TEXT,
    cancel_reason        TEXT,
    version              BIGINT       NOT NULL,
    CONSTRAINT action_item_pk PRIMARY KEY (action_id)
);
CREATE INDEX action_item_assignee_idx ON action_item (assignee, status, due_date, action_id);
CREATE INDEX action_item_case_idx ON action_item (case_id, status, due_date, action_id);
CREATE INDEX action_item_status_idx ON action_item (status, due_date, action_id);
CREATE INDEX action_item_contact_idx ON action_item (contact_id);

CREATE TABLE action_change (
    action_id  UUID         NOT NULL,
    version    BIGINT       NOT NULL,
    change     VARCHAR(20)  NOT NULL,
    assignee   VARCHAR(200),
    due_date   DATE,
    reason     TEXT,
    changed_at TIMESTAMPTZ  NOT NULL,
    changed_by VARCHAR(255) NOT NULL,
    CONSTRAINT action_change_pk PRIMARY KEY (action_id, version)
);

CREATE TABLE guidance_request (
    request_id   UUID         NOT NULL,
    case_id      UUID         NOT NULL,
    contact_id   UUID         NOT NULL,
    question     TEXT         NOT NULL,
    urgency      VARCHAR(10)  NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    requested_by VARCHAR(255) NOT NULL,
    guidance     TEXT,
    answered_at  TIMESTAMPTZ,
    answered_by  VARCHAR(255),
    version      BIGINT       NOT NULL,
    CONSTRAINT guidance_request_pk PRIMARY KEY (request_id)
);
CREATE INDEX guidance_request_status_idx ON guidance_request (status, requested_at, request_id);
CREATE INDEX guidance_request_case_idx ON guidance_request (case_id, requested_at);

CREATE TABLE session_booking (
    session_id      UUID         NOT NULL,
    case_id         UUID         NOT NULL,
    contact_id      UUID         NOT NULL,
    scheduled_for   TIMESTAMPTZ  NOT NULL,
    setting_type    VARCHAR(20)  NOT NULL,
    location        VARCHAR(500),
    focus           TEXT,
    status          VARCHAR(20)  NOT NULL,
    booked_at       TIMESTAMPTZ  NOT NULL,
    booked_by       VARCHAR(255) NOT NULL,
    held_contact_id UUID,
    version         BIGINT       NOT NULL,
    CONSTRAINT session_booking_pk PRIMARY KEY (session_id)
);
CREATE INDEX session_booking_case_idx ON session_booking (case_id, scheduled_for);

CREATE TABLE session_change (
    session_id    UUID         NOT NULL,
    version       BIGINT       NOT NULL,
    change        VARCHAR(20)  NOT NULL,
    scheduled_for TIMESTAMPTZ,
    attempted_at  TIMESTAMPTZ,
    note          TEXT,
    changed_at    TIMESTAMPTZ  NOT NULL,
    changed_by    VARCHAR(255) NOT NULL,
    CONSTRAINT session_change_pk PRIMARY KEY (session_id, version)
);

-- What each contact gave rise to or recorded: risks identified or reviewed, actions assigned or completed,
-- guidance requested, sessions booked or held. Append-only, so a contact read as of a date shows its links then.
CREATE TABLE contact_link (
    contact_id  UUID         NOT NULL,
    item_type   VARCHAR(20)  NOT NULL,
    item_id     UUID         NOT NULL,
    relation    VARCHAR(20)  NOT NULL,
    summary     TEXT         NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    recorded_by VARCHAR(255) NOT NULL,
    CONSTRAINT contact_link_pk PRIMARY KEY (contact_id, item_type, item_id, relation)
);
CREATE INDEX contact_link_as_of_idx ON contact_link (contact_id, recorded_at);
