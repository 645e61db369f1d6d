-- Issue 13 (8): no tenant scope creates a row in, or moves a row into, another tenant's workspace;
-- audit rows only for the scope's own workspace/account; platform tables closed to tenant scopes;
-- every table's row-level security FORCED with no policy for the login role (except Agenda's queue
-- outside a scope), so `RESET ROLE` inside a scope sees no row (see docs/database.md).

-- A row never changes workspace, whoever asks (the owner and app_system included).
CREATE FUNCTION refuse_workspace_move() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.workspace_id IS DISTINCT FROM OLD.workspace_id THEN
    RAISE EXCEPTION '% rows never move to another workspace', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['workspace_members', 'workspace_invites', 'channels', 'slots', 'orders',
    'order_items', 'creatives', 'placements', 'click_links', 'payments', 'payouts', 'subscriptions',
    'events', 'api_keys', 'channel_access', 'disputes']
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE UPDATE OF workspace_id ON %I FOR EACH ROW EXECUTE FUNCTION refuse_workspace_move()',
      t || '_workspace_fixed', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- The advertiser side (app.account_id only) reads and changes its own rows but creates none in a
-- workspace its scope does not name: an order (and its items) only through the booking scope
-- { workspaceId: channel.workspaceId, accountId } (the _tenant policy), an item only for an active
-- channel of that workspace; creatives, disputes and payments only for its own order, in that
-- order's workspace.
DROP POLICY orders_advertiser ON orders;
--> statement-breakpoint
CREATE POLICY orders_advertiser_read ON orders FOR SELECT TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY orders_advertiser_update ON orders FOR UPDATE TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  WITH CHECK (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY orders_advertiser_delete ON orders FOR DELETE TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY order_items_advertiser ON order_items;
--> statement-breakpoint
CREATE POLICY order_items_advertiser_read ON order_items FOR SELECT TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY order_items_advertiser_book ON order_items FOR INSERT TO app_rw
  WITH CHECK (
    advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid
    AND EXISTS (SELECT 1 FROM orders o WHERE o.id = order_items.order_id
      AND o.workspace_id = order_items.workspace_id
      AND o.advertiser_account_id = order_items.advertiser_account_id)
    AND EXISTS (SELECT 1 FROM channels c WHERE c.id = order_items.channel_id
      AND c.workspace_id = order_items.workspace_id AND c.status = 'active')
  );
--> statement-breakpoint
CREATE POLICY order_items_advertiser_update ON order_items FOR UPDATE TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  WITH CHECK (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY order_items_advertiser_delete ON order_items FOR DELETE TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY creatives_advertiser ON creatives;
--> statement-breakpoint
CREATE POLICY creatives_advertiser_read ON creatives FOR SELECT TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY creatives_advertiser_create ON creatives FOR INSERT TO app_rw
  WITH CHECK (
    advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid
    AND EXISTS (SELECT 1 FROM orders o WHERE o.id = creatives.order_id
      AND o.workspace_id = creatives.workspace_id
      AND o.advertiser_account_id = creatives.advertiser_account_id)
  );
--> statement-breakpoint
CREATE POLICY creatives_advertiser_update ON creatives FOR UPDATE TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  WITH CHECK (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY creatives_advertiser_delete ON creatives FOR DELETE TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY disputes_advertiser ON disputes;
--> statement-breakpoint
CREATE POLICY disputes_advertiser_read ON disputes FOR SELECT TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY disputes_advertiser_open ON disputes FOR INSERT TO app_rw
  WITH CHECK (
    advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid
    AND EXISTS (SELECT 1 FROM orders o WHERE o.id = disputes.order_id
      AND o.workspace_id = disputes.workspace_id
      AND o.advertiser_account_id = disputes.advertiser_account_id)
  );
--> statement-breakpoint
CREATE POLICY disputes_advertiser_update ON disputes FOR UPDATE TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  WITH CHECK (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY payments_payer ON payments;
--> statement-breakpoint
CREATE POLICY payments_payer_read ON payments FOR SELECT TO app_rw
  USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY payments_payer_create ON payments FOR INSERT TO app_rw
  WITH CHECK (
    account_id = nullif(current_setting('app.account_id', true), '')::uuid
    AND EXISTS (SELECT 1 FROM orders o WHERE o.id = payments.order_id
      AND o.workspace_id = payments.workspace_id
      AND o.advertiser_account_id = payments.account_id)
  );
--> statement-breakpoint
CREATE POLICY payments_payer_update ON payments FOR UPDATE TO app_rw
  USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  WITH CHECK (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY payments_payer_delete ON payments FOR DELETE TO app_rw
  USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
-- Audit: a row names the scope's workspace, or a workspace the scope's account has an order in,
-- or no workspace (then only app_system reads it).
DROP POLICY audit_log_append ON audit_log;
--> statement-breakpoint
CREATE POLICY audit_log_append ON audit_log FOR INSERT TO app_rw
  WITH CHECK (
    workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid
    OR (workspace_id IS NULL AND coalesce(current_setting('app.workspace_id', true), '')
      || coalesce(current_setting('app.account_id', true), '') <> '')
    OR workspace_id IN (SELECT o.workspace_id FROM orders o
      WHERE o.advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  );
--> statement-breakpoint
-- accounts: every scope reads and creates accounts (the account middleware), never with a block;
-- only app_system sets or lifts one (blocked_at/blocked_reason are not updatable by app_rw).
REVOKE UPDATE ON accounts FROM app_rw;
--> statement-breakpoint
GRANT UPDATE (telegram_id, username, first_name, language, timezone, updated_at) ON accounts TO app_rw;
--> statement-breakpoint
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY accounts_read ON accounts FOR SELECT TO app_rw USING (true);
--> statement-breakpoint
CREATE POLICY accounts_create ON accounts FOR INSERT TO app_rw
  WITH CHECK (blocked_at IS NULL AND blocked_reason IS NULL);
--> statement-breakpoint
CREATE POLICY accounts_profile ON accounts FOR UPDATE TO app_rw USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY accounts_system ON accounts FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- platform_settings: app_rw reads the two switches tenant paths need (the test clock's offset when
-- queueing a job, pre-moderation when a channel is added) and writes nothing.
REVOKE INSERT, UPDATE, DELETE ON platform_settings FROM app_rw;
--> statement-breakpoint
ALTER TABLE platform_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE platform_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY platform_settings_tenant_read ON platform_settings FOR SELECT TO app_rw
  USING (key IN ('test_clock_offset_ms', 'pre_moderation'));
--> statement-breakpoint
CREATE POLICY platform_settings_system ON platform_settings FOR ALL TO app_system
  USING (true) WITH CHECK (true);
--> statement-breakpoint
-- agenda_jobs: a scope queues jobs (transactional outbox) but reads none; app_system also moves
-- them (test clock); the login role (Agenda) works the queue, but never inside a tenant scope.
REVOKE SELECT ON agenda_jobs FROM app_rw;
--> statement-breakpoint
GRANT UPDATE ON agenda_jobs TO app_system;
--> statement-breakpoint
ALTER TABLE agenda_jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE agenda_jobs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY agenda_jobs_enqueue ON agenda_jobs FOR INSERT TO app_rw WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY agenda_jobs_system ON agenda_jobs FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY agenda_jobs_worker ON agenda_jobs FOR ALL TO CURRENT_USER
  USING (coalesce(current_setting('app.workspace_id', true), '') = ''
    AND coalesce(current_setting('app.account_id', true), '') = '')
  WITH CHECK (coalesce(current_setting('app.workspace_id', true), '') = ''
    AND coalesce(current_setting('app.account_id', true), '') = '');
--> statement-breakpoint
-- Tables without a tenant: forced RLS with policies for the app roles only, so the login role
-- (table owner) reads nothing.
ALTER TABLE admin_cards ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE admin_cards FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY admin_cards_system ON admin_cards FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE update_intake ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE update_intake FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY update_intake_system ON update_intake FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['bot_sessions', 'job_heartbeats', 'webhook_events']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO app_rw USING (true) WITH CHECK (true)', t || '_app', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO app_system USING (true) WITH CHECK (true)', t || '_system', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- The balance check (SECURITY DEFINER, runs as the owner) reads every line of a posting while a
-- flag it sets and clears is on; the owner otherwise reads no ledger line.
DROP POLICY ledger_entries_owner_read ON ledger_entries;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_check_posting_balanced() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  unbalanced record;
  found_one boolean;
BEGIN
  PERFORM set_config('app.ledger_check', 'on', true);
  SELECT currency, sum(amount) AS total INTO unbalanced
    FROM ledger_entries
    WHERE posting_id = NEW.posting_id
    GROUP BY currency
    HAVING sum(amount) <> 0
    LIMIT 1;
  found_one := FOUND;
  PERFORM set_config('app.ledger_check', '', true);
  IF found_one THEN
    RAISE EXCEPTION 'ledger posting % does not balance in %: lines sum to %',
      NEW.posting_id, unbalanced.currency, unbalanced.total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entries_balanced';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE POLICY ledger_entries_owner_read ON ledger_entries FOR SELECT TO CURRENT_USER
  USING (current_setting('app.ledger_check', true) = 'on');

--> statement-breakpoint
-- The login role is a member of app_rw and app_system, so their policies apply to it too: one
-- RESTRICTIVE policy per table admits only the app roles (plus Agenda's queue outside a tenant
-- scope and the balance check's flag), so `RESET ROLE` inside a scope reads and writes no row.
DO $$
DECLARE
  t text;
  admitted text;
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  LOOP
    admitted := $a$current_user::text IN ('app_rw', 'app_system')$a$;
    IF t = 'agenda_jobs' THEN
      admitted := admitted || $a$ OR (coalesce(current_setting('app.workspace_id', true), '') = ''
        AND coalesce(current_setting('app.account_id', true), '') = '')$a$;
    ELSIF t = 'ledger_entries' THEN
      admitted := admitted || $a$ OR current_setting('app.ledger_check', true) = 'on'$a$;
    END IF;
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR ALL TO PUBLIC USING (%s) WITH CHECK (%s)',
      t || '_app_roles_only', t, admitted, admitted);
  END LOOP;
END $$;
