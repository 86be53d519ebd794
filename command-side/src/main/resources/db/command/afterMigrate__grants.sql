-- Least privilege: the application role records and reads idempotency answers. Runs after every migration.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        EXECUTE 'GRANT USAGE ON SCHEMA command_side TO ${appRole}';
        EXECUTE 'GRANT SELECT, INSERT ON command_side.idempotency_record TO ${appRole}';
    END IF;
END
$$;
