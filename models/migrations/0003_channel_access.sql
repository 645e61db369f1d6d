CREATE TABLE "channel_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	CONSTRAINT "channel_access_channel_account_key" UNIQUE("channel_id","account_id"),
	CONSTRAINT "channel_access_status_check" CHECK ("channel_access"."status" in ('requested', 'allowed', 'declined'))
);
--> statement-breakpoint
ALTER TABLE "channel_access" ADD CONSTRAINT "channel_access_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_access" ADD CONSTRAINT "channel_access_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_access" ADD CONSTRAINT "channel_access_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_access" ADD CONSTRAINT "channel_access_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_access_workspace_idx" ON "channel_access" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "orders_hold_expiry_idx" ON "orders" USING btree ("hold_expires_at") WHERE "orders"."status" in ('held', 'awaiting_payment');--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON channel_access TO app_rw, app_system;
--> statement-breakpoint
ALTER TABLE channel_access ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE channel_access FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY channel_access_tenant ON channel_access FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY channel_access_advertiser_read ON channel_access FOR SELECT TO app_rw
  USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY channel_access_advertiser_request ON channel_access FOR INSERT TO app_rw
  WITH CHECK (account_id = nullif(current_setting('app.account_id', true), '')::uuid AND status = 'requested');
--> statement-breakpoint
CREATE POLICY channel_access_system ON channel_access FOR ALL TO app_system USING (true) WITH CHECK (true);
