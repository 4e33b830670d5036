-- Undo umami-bootstrap.sql: drops the guard, schema `umami` (Umami's data) and role `umami_user`; touches
-- nothing else. Run as the cluster's admin:
--   psql -v ON_ERROR_STOP=1 -f umami-rollback.sql "$ADMIN_URL"
\set ON_ERROR_STOP on
SET client_min_messages = warning;
BEGIN;
DROP EVENT TRIGGER IF EXISTS umami_user_ddl_guard;
DROP SCHEMA IF EXISTS umami CASCADE;
-- Privileges umami_user still holds (CONNECT on this database) go with DROP OWNED; then the role itself.
SELECT 'DROP OWNED BY umami_user' WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'umami_user') \gexec
DROP ROLE IF EXISTS umami_user;
COMMIT;
