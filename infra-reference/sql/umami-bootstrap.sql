-- Umami's place in the application's Aurora PostgreSQL cluster: schema `umami`, role `umami_user`, nothing else.
-- Run as the cluster's admin (rds_superuser), safe to run again (it converges):
--   psql -v ON_ERROR_STOP=1 -v umami_password="$UMAMI_DB_PASSWORD" -f umami-bootstrap.sql "$ADMIN_URL"
-- The password only ever travels as that psql variable; it must also be the first `password` of the JSON secret
-- UmamiDatabaseSecret (README, "Database steps"), which Secrets Manager then rotates. umami_user may use schema
-- umami only: no access to any application schema, no CREATE in `public` (also on clusters upgraded from
-- PostgreSQL <= 14, where PUBLIC still holds CREATE on public), no new schemas. Undo with umami-rollback.sql.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
\if :{?umami_password}
\else
  DO $$ BEGIN RAISE EXCEPTION 'umami-bootstrap.sql: pass the password with psql -v umami_password=...'; END $$;
\endif

BEGIN;

-- The role: created once, password (re)set from the variable on every run.
SELECT format('CREATE ROLE umami_user LOGIN PASSWORD %L', :'umami_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'umami_user') \gexec
SELECT format('ALTER ROLE umami_user WITH LOGIN PASSWORD %L', :'umami_password') \gexec
ALTER ROLE umami_user WITH NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 20;
ALTER ROLE umami_user SET search_path = umami;

-- The schema belongs to the admin, so umami_user cannot drop the guard below; it may create and use objects in it.
CREATE SCHEMA IF NOT EXISTS umami;
GRANT USAGE, CREATE ON SCHEMA umami TO umami_user;
SELECT format('GRANT CONNECT ON DATABASE %I TO umami_user', current_database()) \gexec
SELECT format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM umami_user', current_database()) \gexec
REVOKE ALL ON SCHEMA public FROM umami_user;

-- PUBLIC's CREATE on public (PostgreSQL <= 14 clusters) cannot be revoked for one role without revoking it from
-- every application role. Instead a DDL guard rejects any object umami_user creates outside schema umami.
CREATE OR REPLACE FUNCTION umami.reject_umami_user_ddl_outside_umami() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  cmd record;
BEGIN
  IF session_user <> 'umami_user' AND current_user <> 'umami_user' THEN
    RETURN;
  END IF;
  FOR cmd IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
    IF cmd.schema_name IS DISTINCT FROM 'umami' AND cmd.schema_name NOT LIKE 'pg_temp%' THEN
      RAISE EXCEPTION 'permission denied: umami_user may only create objects in schema umami (not %)',
        coalesce(cmd.schema_name, cmd.object_identity)
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END LOOP;
END
$$;
REVOKE ALL ON FUNCTION umami.reject_umami_user_ddl_outside_umami() FROM PUBLIC;

DROP EVENT TRIGGER IF EXISTS umami_user_ddl_guard;
CREATE EVENT TRIGGER umami_user_ddl_guard ON ddl_command_end
  EXECUTE FUNCTION umami.reject_umami_user_ddl_outside_umami();

COMMIT;
