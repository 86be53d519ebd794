-- One processor, "projections", now builds every projection of the case record, which the processors "casework",
-- "contacts" and "chronology" built apart. Its tables are emptied and it is left without a token, so it builds
-- them from the first event; the rebuild marked due below reports its progress once the service is up. The old
-- processors' tokens and parked events go with them: every event is handled again.
TRUNCATE case_record, case_plan, case_status_change,
         contact, contact_version, contact_link,
         chronology_entry, chronology_contact, chronology_item, chronology_held, chronology_significance,
         risk, risk_review, action_item, action_change, guidance_request, session_booking, session_change;
DELETE FROM public.token_entry WHERE processor_name IN ('casework', 'contacts', 'chronology', 'projections');
DELETE FROM public.dead_letter_entry WHERE processing_group IN ('casework', 'contacts', 'chronology', 'projections');
DELETE FROM rebuild_due WHERE processor_name IN ('casework', 'contacts', 'chronology');
INSERT INTO rebuild_due (processor_name, reason) VALUES
    ('projections', 'Cases, contacts, the chronology and the follow-ups are built by one processor')
ON CONFLICT (processor_name) DO NOTHING;
