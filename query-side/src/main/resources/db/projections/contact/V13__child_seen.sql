-- Whether a home visit saw the child (null where not recorded: adults' services, and contacts from before it was
-- asked). A visit that did not see the child does not count toward the visit standard; the recording report
-- lists such visits.
ALTER TABLE contact ADD COLUMN child_seen BOOLEAN;
CREATE INDEX contact_child_not_seen_idx ON contact (occurred_at) WHERE child_seen = false;
