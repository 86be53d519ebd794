-- Least privilege: the application role keeps sessions, and deletes them when they expire or the user signs out.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        EXECUTE 'GRANT USAGE ON SCHEMA web_session TO ${appRole}';
        EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON web_session.spring_session, '
                || 'web_session.spring_session_attributes TO ${appRole}';
    END IF;
END
$$;
