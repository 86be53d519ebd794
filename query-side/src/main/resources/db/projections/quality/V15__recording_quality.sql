-- The recording standard's inputs: the outcome an action is measured by, the visit frequency a plan sets, and the
-- lookups of what a contact raised (each contact's check reads them by contact). Events from before these were
-- asked carry neither value, so nothing needs rebuilding.
ALTER TABLE action_item ADD COLUMN expected_outcome TEXT;
ALTER TABLE case_plan ADD COLUMN visit_frequency VARCHAR(40);
CREATE INDEX case_plan_date_idx ON case_plan (case_id, plan_date);
CREATE INDEX risk_contact_idx ON risk (contact_id);
CREATE INDEX guidance_request_contact_idx ON guidance_request (contact_id);
CREATE INDEX session_booking_contact_idx ON session_booking (contact_id);
-- The report's contacts: signed ones by when they took place, and by author.
CREATE INDEX contact_signed_idx ON contact (occurred_at, author) WHERE status = 'FINALISED';
