-- When the chain linked each event, by the database's clock. An event turning up below the chain's head is a
-- late commit only while the chain passed its position less than the gap timeout ago; the event's own time stamp
-- cannot decide that, since whoever inserts a row chooses it. Rows linked before this column existed take the
-- time of this migration, which is long past for every one of them.
ALTER TABLE audit.chain ADD COLUMN linked_at TIMESTAMPTZ NOT NULL DEFAULT now();
