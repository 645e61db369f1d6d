import type { PGlite } from '@electric-sql/pglite';

/** The login role PGlite serves, as in CI: owns every object, neither superuser nor BYPASSRLS. */
export const embeddedLoginRole = 'lytslot';

/**
 * Runs as PGlite's bootstrap superuser `postgres`. Creates the login role if missing, makes it the
 * database's owner (so it owns `public` and may create schemas) and hands it whatever of ours
 * `postgres` still owns — data dirs of earlier versions were migrated as `postgres`: schemas,
 * tables, views, free sequences (a column's sequence follows its table), routines, the policies
 * made `TO CURRENT_USER`, and membership of the app roles (a superuser never needed it, so
 * migration 0001 granted none). `REASSIGN OWNED BY postgres` would fail on the bootstrap
 * superuser's system objects. Idempotent: once done, it only reads catalogs.
 */
const adoptSql = `DO $adopt$
DECLARE
  su constant oid := 'postgres'::regrole;
  login constant text := '${embeddedLoginRole}';
  ours constant oid[] := ARRAY(SELECT oid FROM pg_namespace
    WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema');
  stmt text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
    EXECUTE format('CREATE ROLE %I LOGIN CREATEROLE NOSUPERUSER NOBYPASSRLS', login);
  END IF;
  IF (SELECT datdba FROM pg_database WHERE datname = current_database()) <> login::regrole THEN
    EXECUTE format('ALTER DATABASE %I OWNER TO %I', current_database(), login);
  END IF;
  FOR stmt IN
    SELECT format('ALTER SCHEMA %I OWNER TO %I', nspname, login) FROM pg_namespace
      WHERE nspowner = su AND oid = ANY (ours)
  LOOP EXECUTE stmt; END LOOP;
  FOR stmt IN
    SELECT format('ALTER %s %s OWNER TO %I',
        CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
          WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, c.oid::regclass, login)
      FROM pg_class c
      WHERE c.relowner = su AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relnamespace = ANY (ours)
  LOOP EXECUTE stmt; END LOOP;
  FOR stmt IN
    SELECT format('ALTER SEQUENCE %s OWNER TO %I', c.oid::regclass, login)
      FROM pg_class c WHERE c.relowner = su AND c.relkind = 'S' AND c.relnamespace = ANY (ours)
  LOOP EXECUTE stmt; END LOOP;
  FOR stmt IN
    SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, login)
      FROM pg_proc p WHERE p.proowner = su AND p.prokind <> 'a' AND p.pronamespace = ANY (ours)
  LOOP EXECUTE stmt; END LOOP;
  FOR stmt IN
    SELECT format('ALTER POLICY %I ON %s TO %s', p.polname, p.polrelid::regclass,
        (SELECT string_agg(CASE r WHEN 0 THEN 'PUBLIC' WHEN su THEN quote_ident(login)
            ELSE r::regrole::text END, ', ') FROM unnest(p.polroles) AS r))
      FROM pg_policy p WHERE su = ANY (p.polroles)
  LOOP EXECUTE stmt; END LOOP;
  FOR stmt IN
    SELECT format('GRANT %I TO %I', rolname, login) FROM pg_roles
      WHERE rolname IN ('app_rw', 'app_system') AND NOT pg_has_role(login, oid, 'SET')
  LOOP EXECUTE stmt; END LOOP;
END $adopt$`;

/**
 * Makes the session of a PGlite just opened (always as its bootstrap superuser) the login role's:
 * prepares the role (above), then `SET SESSION AUTHORIZATION`, so session_user and current_user
 * are the login role and `RESET ROLE` returns to it. PGlite's own `username` option only issues
 * `SET ROLE`, after which `RESET ROLE` is the superuser again. Every connection served by
 * pglite-socket shares this one session. PostgreSQL ≥ 16 grants a role's creator only ADMIN of
 * it, which migration 0001 takes for membership: `createrole_self_grant` makes the app roles it
 * creates settable and inherited by the login role, as PostgreSQL 15 did.
 */
export async function enterLoginRole(lite: PGlite): Promise<void> {
  await lite.exec(`${adoptSql};
    SET createrole_self_grant = 'set, inherit';
    SET SESSION AUTHORIZATION ${embeddedLoginRole}`);
}
