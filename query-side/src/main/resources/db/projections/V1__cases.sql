-- Read models for cases. Every column is derived from events (times from the events' own timestamps), so a
-- rebuild from the event store gives the same rows.

CREATE TABLE case_record (
    case_id           UUID         NOT NULL,
    service_user_name VARCHAR(200) NOT NULL,
    date_of_birth     DATE,
    reference         VARCHAR(100),
    plan_type         VARCHAR(40)  NOT NULL,
    allocated_worker  VARCHAR(100) NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    opened_at         TIMESTAMPTZ  NOT NULL,
    opened_by         VARCHAR(255) NOT NULL,
    status_changed_at TIMESTAMPTZ,
    plan_count        INTEGER      NOT NULL DEFAULT 0,
    version           BIGINT       NOT NULL,
    CONSTRAINT case_record_pk PRIMARY KEY (case_id)
);
CREATE INDEX case_record_opened_idx ON case_record (opened_at DESC, case_id);
CREATE INDEX case_record_status_idx ON case_record (status, opened_at DESC, case_id);
CREATE INDEX case_record_worker_idx ON case_record (allocated_worker, opened_at DESC, case_id);

CREATE TABLE case_plan (
    plan_id     UUID         NOT NULL,
    case_id     UUID         NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    plan_date   DATE         NOT NULL,
    summary     TEXT,
    recorded_at TIMESTAMPTZ  NOT NULL,
    recorded_by VARCHAR(255) NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT case_plan_pk PRIMARY KEY (plan_id)
);
CREATE INDEX case_plan_case_idx ON case_plan (case_id, version);

-- Opening, closing and reopening, each with who, when and why.
CREATE TABLE case_status_change (
    case_id    UUID         NOT NULL,
    version    BIGINT       NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    reason     TEXT,
    changed_at TIMESTAMPTZ  NOT NULL,
    changed_by VARCHAR(255) NOT NULL,
    CONSTRAINT case_status_change_pk PRIMARY KEY (case_id, version)
);
