CREATE TABLE "domain_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "domain_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tx_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"type" text NOT NULL,
	"workspace_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_cursors" (
	"consumer" text PRIMARY KEY NOT NULL,
	"tx_id" "xid8" DEFAULT '0'::xid8 NOT NULL,
	"event_id" bigint DEFAULT 0 NOT NULL,
	"failing_event_id" bigint,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_receipts" (
	"consumer" text NOT NULL,
	"event_id" bigint NOT NULL,
	CONSTRAINT "event_receipts_pkey" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE INDEX "domain_events_order_idx" ON "domain_events" USING btree ("tx_id","id");--> statement-breakpoint
CREATE INDEX "domain_events_occurred_idx" ON "domain_events" USING btree ("occurred_at");--> statement-breakpoint
-- Platform tables. A scope appends events about its own tenant (as audit_log: its workspace, or
-- one where the scope's account is an advertiser) but reads none; consumers run as app_system.
GRANT INSERT ON domain_events TO app_rw;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON domain_events TO app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON event_cursors TO app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON event_receipts TO app_system;
--> statement-breakpoint
ALTER TABLE domain_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE domain_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY domain_events_append ON domain_events FOR INSERT TO app_rw
  WITH CHECK (
    workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid
    OR workspace_id IN (SELECT o.workspace_id FROM orders o
      WHERE o.advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  );
--> statement-breakpoint
CREATE POLICY domain_events_system ON domain_events FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY domain_events_app_roles_only ON domain_events AS RESTRICTIVE FOR ALL TO PUBLIC
  USING (current_user::text IN ('app_rw', 'app_system'))
  WITH CHECK (current_user::text IN ('app_rw', 'app_system'));
--> statement-breakpoint
ALTER TABLE event_cursors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE event_cursors FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY event_cursors_system ON event_cursors FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY event_cursors_app_roles_only ON event_cursors AS RESTRICTIVE FOR ALL TO PUBLIC
  USING (current_user::text IN ('app_rw', 'app_system'))
  WITH CHECK (current_user::text IN ('app_rw', 'app_system'));

--> statement-breakpoint
ALTER TABLE event_receipts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE event_receipts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY event_receipts_system ON event_receipts FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY event_receipts_app_roles_only ON event_receipts AS RESTRICTIVE FOR ALL TO PUBLIC
  USING (current_user::text IN ('app_rw', 'app_system'))
  WITH CHECK (current_user::text IN ('app_rw', 'app_system'));
