-- The contacts, chronology and casework processors became one, "projections", which reads each event once for all
-- of their projections. It has no position yet, so at its first start it builds them from the first event, as on a
-- new store: their tables are emptied here, and the three old processors' positions and parked events let go (the
-- parked events are handled again in the rebuild, with every other event).
DELETE FROM public.token_entry WHERE processor_name IN ('casework', 'contacts', 'chronology');
DELETE FROM public.dead_letter_entry WHERE processing_group IN ('casework', 'contacts', 'chronology');
TRUNCATE projections.case_record, projections.case_plan, projections.case_status_change,
         projections.contact, projections.contact_version, projections.contact_link,
         projections.chronology_entry, projections.chronology_contact, projections.chronology_item,
         projections.chronology_held, projections.chronology_significance,
         projections.risk, projections.risk_review, projections.action_item, projections.action_change,
         projections.guidance_request, projections.session_booking, projections.session_change;
DELETE FROM rebuild_due WHERE processor_name IN ('casework', 'contacts', 'chronology');
