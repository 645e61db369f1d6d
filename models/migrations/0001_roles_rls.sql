-- Roles, grants, row-level security, the partitioned events table, the ledger balance check and
-- append-only triggers: everything drizzle-kit cannot express (see docs/database.md).

-- Roles are cluster-wide and several databases may migrate at once on one server: create them only
-- if missing and tolerate losing the race to a concurrent migration.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_rw') THEN
    BEGIN
      CREATE ROLE app_rw NOLOGIN NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_system') THEN
    BEGIN
      CREATE ROLE app_system NOLOGIN NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'app_rw', 'MEMBER') THEN
    BEGIN
      GRANT app_rw TO CURRENT_USER;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'app_system', 'MEMBER') THEN
    BEGIN
      GRANT app_system TO CURRENT_USER;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_rw, app_system;
--> statement-breakpoint
-- Table privileges. ledger_entries and audit_log: INSERT/SELECT only, for every app role.
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON accounts TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON workspaces TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON workspace_members TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON workspace_invites TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON channels TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON slots TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON orders TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON order_items TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON creatives TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON placements TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON payments TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON payouts TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON subscriptions TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON api_keys TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_events TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON bot_sessions TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON job_heartbeats TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON platform_settings TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT ON events TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT ON ledger_entries TO app_rw, app_system;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO app_rw, app_system;
--> statement-breakpoint
-- Row-level security: no setting => no rows (NULL never equals anything).
--> statement-breakpoint
ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workspaces FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workspace_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workspace_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workspace_invites ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workspace_invites FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE channels ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE channels FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE slots ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE slots FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE orders FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE order_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE order_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE creatives ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE creatives FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE placements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE placements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payouts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payouts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE subscriptions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE subscriptions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ledger_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ledger_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspaces_tenant ON workspaces FOR ALL TO app_rw
  USING (id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY workspaces_member ON workspaces FOR SELECT TO app_rw
  USING (
    owner_account_id = nullif(current_setting('app.account_id', true), '')::uuid
    OR id IN (SELECT workspace_id FROM workspace_members WHERE account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  );
--> statement-breakpoint
CREATE POLICY workspaces_create ON workspaces FOR INSERT TO app_rw
  WITH CHECK (owner_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY workspaces_system ON workspaces FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY workspace_members_tenant ON workspace_members FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY workspace_members_self ON workspace_members FOR SELECT TO app_rw
  USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY workspace_members_system ON workspace_members FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY workspace_invites_tenant ON workspace_invites FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY workspace_invites_system ON workspace_invites FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY channels_tenant ON channels FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY channels_system ON channels FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY slots_tenant ON slots FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY slots_system ON slots FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY payouts_tenant ON payouts FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY payouts_system ON payouts FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY subscriptions_tenant ON subscriptions FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY subscriptions_system ON subscriptions FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY events_tenant ON events FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY events_system ON events FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The advertiser side (app.account_id) reads and writes its own orders, items and creatives;
-- advertiser_account_id is denormalized onto each so no policy needs a join.
--> statement-breakpoint
CREATE POLICY orders_tenant ON orders FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY orders_advertiser ON orders FOR ALL TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  WITH CHECK (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY orders_system ON orders FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY order_items_tenant ON order_items FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY order_items_advertiser ON order_items FOR ALL TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  WITH CHECK (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY order_items_system ON order_items FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY creatives_tenant ON creatives FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY creatives_advertiser ON creatives FOR ALL TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  WITH CHECK (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY creatives_system ON creatives FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY placements_tenant ON placements FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY placements_advertiser ON placements FOR SELECT TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY placements_system ON placements FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY payments_tenant ON payments FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY payments_payer ON payments FOR ALL TO app_rw
  USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  WITH CHECK (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY payments_system ON payments FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY api_keys_tenant ON api_keys FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY api_keys_account ON api_keys FOR ALL TO app_rw
  USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  WITH CHECK (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY api_keys_system ON api_keys FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Ledger: a workspace reads and posts its own lines; an advertiser reads its own account.
--> statement-breakpoint
CREATE POLICY ledger_entries_tenant_read ON ledger_entries FOR SELECT TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY ledger_entries_tenant_post ON ledger_entries FOR INSERT TO app_rw
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY ledger_entries_advertiser_read ON ledger_entries FOR SELECT TO app_rw
  USING (account = 'advertiser:' || nullif(current_setting('app.account_id', true), '')::uuid::text);
--> statement-breakpoint
CREATE POLICY ledger_entries_system_read ON ledger_entries FOR SELECT TO app_system USING (true);
--> statement-breakpoint
CREATE POLICY ledger_entries_system_post ON ledger_entries FOR INSERT TO app_system WITH CHECK (true);
--> statement-breakpoint
-- The balance check runs as the table owner (SECURITY DEFINER) and must see every line of a posting.
--> statement-breakpoint
CREATE POLICY ledger_entries_owner_read ON ledger_entries FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
-- Audit: a workspace reads its own rows; any scoped transaction may append (rows without a
-- workspace, and the advertiser side's rows about an order, too). Only app_system reads all.
--> statement-breakpoint
CREATE POLICY audit_log_tenant_read ON audit_log FOR SELECT TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY audit_log_append ON audit_log FOR INSERT TO app_rw
  WITH CHECK (
    workspace_id IS NULL
    OR workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid
    OR nullif(current_setting('app.account_id', true), '')::uuid IS NOT NULL
  );
--> statement-breakpoint
CREATE POLICY audit_log_system_read ON audit_log FOR SELECT TO app_system USING (true);
--> statement-breakpoint
CREATE POLICY audit_log_system_append ON audit_log FOR INSERT TO app_system WITH CHECK (true);
--> statement-breakpoint
-- Append-only tables refuse UPDATE, DELETE and TRUNCATE for everyone, owner included.
CREATE FUNCTION refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
-- Double entry: at commit, every posting touched must sum to zero in each currency.
CREATE FUNCTION ledger_check_posting_balanced() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  unbalanced record;
BEGIN
  SELECT currency, sum(amount) AS total INTO unbalanced
    FROM ledger_entries
    WHERE posting_id = NEW.posting_id
    GROUP BY currency
    HAVING sum(amount) <> 0
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger posting % does not balance in %: lines sum to %',
      NEW.posting_id, unbalanced.currency, unbalanced.total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entries_balanced';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger_check_posting_balanced();
--> statement-breakpoint
-- events: monthly RANGE partitions (UTC months) + DEFAULT. A partition is reached only through
-- the parent (whose policies apply); partitions get RLS forced and no grants of their own.
CREATE FUNCTION events_ensure_partition(month_start date) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  first_day date := date_trunc('month', month_start)::date;
  part_name text := 'events_' || to_char(first_day, 'YYYY_MM');
BEGIN
  IF to_regclass(format('public.%I', part_name)) IS NULL THEN
    BEGIN
      EXECUTE format(
        'CREATE TABLE %I PARTITION OF events FOR VALUES FROM (%L) TO (%L)',
        part_name,
        (first_day::timestamp AT TIME ZONE 'UTC'),
        ((first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC')
      );
      EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', part_name);
      EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', part_name);
    EXCEPTION WHEN duplicate_table THEN NULL;
    END;
  END IF;
  RETURN part_name;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION events_ensure_partition(date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION events_ensure_partition(date) TO app_system;
--> statement-breakpoint
CREATE TABLE events_default PARTITION OF events DEFAULT;
--> statement-breakpoint
ALTER TABLE events_default ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE events_default FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
SELECT events_ensure_partition((date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => m))::date)
  FROM generate_series(0, 2) AS m;
--> statement-breakpoint
CREATE INDEX events_occurred_at_brin ON events USING brin (occurred_at);
