-- The date of the referral or of opening, where a case's chronology starts (before this, the day it was recorded).
-- Filled for every case, old ones included, by rebuilding the cases and the chronology from the events.
ALTER TABLE case_record ADD COLUMN opened_on DATE;
INSERT INTO rebuild_due (processor_name, reason) VALUES
    ('casework', 'Cases carry the date of referral or opening'),
    ('chronology', 'The chronology starts on the date of referral or opening')
ON CONFLICT (processor_name) DO NOTHING;
