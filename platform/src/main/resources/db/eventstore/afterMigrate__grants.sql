-- Least privilege: the application role may append and read events but never change them, and keeps its
-- processors' tokens. Runs after every migration; does nothing unless the role exists.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        EXECUTE 'GRANT USAGE ON SCHEMA public TO ${appRole}';
        EXECUTE 'GRANT SELECT, INSERT ON public.domain_event_entry TO ${appRole}';
        EXECUTE 'GRANT USAGE, SELECT ON SEQUENCE public.domain_event_entry_global_index_seq TO ${appRole}';
        EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON public.snapshot_event_entry, public.token_entry,
                 public.dead_letter_entry, public.processor_node TO ${appRole}';
    END IF;
END
$$;
