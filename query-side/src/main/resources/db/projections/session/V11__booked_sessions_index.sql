-- Sessions still booked, by time: a booked session whose time has passed is overdue (neither held by a signed
-- contact, nor cancelled, missed or no access), and the recording report and My work list them.
CREATE INDEX session_booking_booked_idx ON session_booking (scheduled_for) WHERE status = 'BOOKED';
