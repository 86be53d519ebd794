-- Least privilege: the application role keeps the projections (and may empty them to rebuild), appends to the
-- audit chain and its checkpoints but never changes them. Runs after every migration.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        EXECUTE 'GRANT USAGE ON SCHEMA projections, audit TO ${appRole}';
        EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA projections TO ${appRole}';
        EXECUTE 'GRANT SELECT, INSERT ON audit.chain, audit.checkpoint TO ${appRole}';
        EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON audit.entry, audit.record_case TO ${appRole}';
    END IF;
END
$$;
