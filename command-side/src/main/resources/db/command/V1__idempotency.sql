-- The first successful response to each (user, Idempotency-Key), so a repeated request is answered without
-- being carried out again. Kept apart from the event store: it is a cache of responses, not a record.
CREATE TABLE idempotency_record (
    actor           VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    status          INTEGER      NOT NULL,
    content_type    VARCHAR(255),
    location        VARCHAR(2048),
    etag            VARCHAR(64),
    body            BYTEA        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT idempotency_record_pk PRIMARY KEY (actor, idempotency_key)
);
