-- The tamper-evident audit trail. Unlike the projections, the chain is not rebuilt from the events: its order
-- and hashes are the record of what the service saw, so it, like the event table, only ever grows.
CREATE SCHEMA IF NOT EXISTS audit;

-- hash = SHA-256(previous hash || canonical bytes of the stored event), in the order the chain took events.
CREATE TABLE audit.chain (
    position         BIGINT       NOT NULL,
    global_index     BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    hash             BYTEA        NOT NULL,
    CONSTRAINT chain_pk PRIMARY KEY (position),
    CONSTRAINT chain_global_index_uq UNIQUE (global_index)
);

-- Signed statements of the chain's head: an outsider holding one can prove the log since then only grew.
CREATE TABLE audit.checkpoint (
    position  BIGINT      NOT NULL,
    head_hash BYTEA       NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    signature BYTEA       NOT NULL,
    CONSTRAINT checkpoint_pk PRIMARY KEY (position, at)
);

CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER chain_append_only BEFORE UPDATE OR DELETE ON audit.chain
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER chain_no_truncate BEFORE TRUNCATE ON audit.chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE ON audit.checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

-- Every event and every read of case data, for the audit query: who, when, what, which command, from where.
CREATE TABLE audit.entry (
    event_identifier VARCHAR(255) NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    actor            VARCHAR(255),
    actor_role       VARCHAR(20),
    client_address   VARCHAR(100),
    request_id       VARCHAR(100),
    command          VARCHAR(100),
    event_type       VARCHAR(100) NOT NULL,
    record_id        VARCHAR(255),
    case_id          UUID,
    summary          TEXT         NOT NULL,
    CONSTRAINT entry_pk PRIMARY KEY (event_identifier)
);
CREATE INDEX entry_time_idx ON audit.entry (recorded_at, event_identifier);
CREATE INDEX entry_case_idx ON audit.entry (case_id, recorded_at);
CREATE INDEX entry_actor_idx ON audit.entry (actor, recorded_at);

-- Which case each record (contact, risk, action...) belongs to, so events that name only their record are
-- found by case.
CREATE TABLE audit.record_case (
    record_id VARCHAR(255) NOT NULL,
    case_id   UUID         NOT NULL,
    CONSTRAINT record_case_pk PRIMARY KEY (record_id)
);
