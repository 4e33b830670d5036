// sql/umami-bootstrap.sql and sql/umami-rollback.sql against a real PostgreSQL server whose database already
// holds an application schema with rows, and PUBLIC's CREATE on public restored as on clusters upgraded from 14.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Pg, startPostgres } from './postgres';

const sqlDir = join(import.meta.dirname, '..', 'sql');
const bootstrap = join(sqlDir, 'umami-bootstrap.sql');
const rollback = join(sqlDir, 'umami-rollback.sql');
const password = 'Um4mi-test-password';
let pg: Pg;

beforeAll(async () => {
  pg = await startPostgres();
  pg.admin(`
    CREATE ROLE app_user LOGIN PASSWORD 'app-password';
    CREATE SCHEMA app AUTHORIZATION app_user;
    CREATE TABLE app.orders (id int PRIMARY KEY, total numeric);
    INSERT INTO app.orders VALUES (1, 9.5), (2, 20);
    ALTER TABLE app.orders OWNER TO app_user;
    CREATE TABLE public.app_settings (k text PRIMARY KEY, v text);
    INSERT INTO public.app_settings VALUES ('theme', 'dark');
    GRANT CREATE ON SCHEMA public TO PUBLIC;
  `);
}, 120_000);

afterAll(() => pg?.stop());

const denied = (r: { status: number; stderr: string }) => {
  expect(r.status).not.toBe(0);
  expect(r.stderr).toMatch(/permission denied/);
};

describe('umami-bootstrap.sql', () => {
  it('refuses to run without the password variable', () => {
    const r = pg.adminFile(bootstrap);
    expect(r.status).not.toBe(0);
    expect(pg.admin(`SELECT count(*) FROM pg_roles WHERE rolname = 'umami_user'`).trim()).toBe('0');
  });

  it('runs, and runs again (idempotent)', () => {
    for (let i = 0; i < 2; i++) {
      const r = pg.adminFile(bootstrap, { umami_password: password });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('umami_user logs in with the password and works in schema umami', () => {
    const r = pg.as(
      'umami_user',
      password,
      'CREATE TABLE website (id int); INSERT INTO website VALUES (1); SELECT count(*) FROM umami.website;',
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('1');
    expect(pg.as('umami_user', 'wrong', 'SELECT 1').status).not.toBe(0);
  });

  it('positive control: app_user, through PUBLIC, can create in public', () => {
    const r = pg.as(
      'app_user',
      'app-password',
      'CREATE TABLE public.app_made (id int); DROP TABLE public.app_made;',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('umami_user cannot read or write the application schema', () => {
    denied(pg.as('umami_user', password, 'SELECT * FROM app.orders'));
    denied(pg.as('umami_user', password, 'INSERT INTO app.orders VALUES (3, 1)'));
  });

  it('umami_user cannot create in public, even though PUBLIC holds CREATE there', () => {
    expect(pg.admin(`SELECT has_schema_privilege('public', 'public', 'CREATE')`, []).trim()).toBe('t');
    denied(pg.as('umami_user', password, 'CREATE TABLE public.sneaky (id int)'));
    denied(pg.as('umami_user', password, 'CREATE VIEW public.v AS SELECT 1'));
    expect(pg.admin(`SELECT count(*) FROM pg_class WHERE relname IN ('sneaky', 'v')`).trim()).toBe('0');
  });

  it('umami_user cannot create schemas, drop the guard or alter roles', () => {
    denied(pg.as('umami_user', password, 'CREATE SCHEMA other'));
    expect(pg.as('umami_user', password, 'DROP EVENT TRIGGER umami_user_ddl_guard').status).not.toBe(0);
    expect(
      pg.as('umami_user', password, 'DROP FUNCTION umami.reject_umami_user_ddl_outside_umami()').status,
    ).not.toBe(0);
  });

  it('the application owner is unaffected by the guard', () => {
    const r = pg.as('app_user', 'app-password', 'CREATE TABLE app.more (id int); DROP TABLE app.more;');
    expect(r.status).toBe(0);
  });
});

describe('umami-rollback.sql', () => {
  it('drops schema umami and role umami_user, leaves the application rows, and can run twice', () => {
    for (let i = 0; i < 2; i++) {
      const r = pg.adminFile(rollback);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    expect(pg.admin(`SELECT count(*) FROM pg_namespace WHERE nspname = 'umami'`).trim()).toBe('0');
    expect(pg.admin(`SELECT count(*) FROM pg_roles WHERE rolname = 'umami_user'`).trim()).toBe('0');
    expect(
      pg.admin(`SELECT count(*) FROM pg_event_trigger WHERE evtname = 'umami_user_ddl_guard'`).trim(),
    ).toBe('0');
    expect(pg.admin('SELECT id, total FROM app.orders ORDER BY id').trim()).toBe('1|9.5\n2|20');
    expect(pg.admin(`SELECT v FROM public.app_settings WHERE k = 'theme'`).trim()).toBe('dark');
    expect(pg.admin(`SELECT has_schema_privilege('public', 'public', 'CREATE')`).trim()).toBe('t');
  });

  it('bootstrap works again after a rollback', () => {
    expect(pg.adminFile(bootstrap, { umami_password: password }).status).toBe(0);
    expect(pg.as('umami_user', password, 'SELECT current_schemas(false)').stdout).toContain('umami');
  });
});
