CREATE TABLE "api_idempotency" (
	"key_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"workspace_id" uuid,
	"account_id" uuid,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response_body" jsonb,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "api_idempotency_pkey" PRIMARY KEY("key_id","idempotency_key"),
	CONSTRAINT "api_idempotency_scope_check" CHECK (("api_idempotency"."workspace_id" is null) <> ("api_idempotency"."account_id" is null))
);
--> statement-breakpoint
ALTER TABLE "api_idempotency" ADD CONSTRAINT "api_idempotency_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_idempotency" ADD CONSTRAINT "api_idempotency_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_idempotency" ADD CONSTRAINT "api_idempotency_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_idempotency_created_idx" ON "api_idempotency" USING btree ("created_at");--> statement-breakpoint
-- Tenant rows like api_keys: a workspace's key writes under the workspace, an advertiser's under
-- the account; the housekeeping job purges expired rows as app_system.
GRANT SELECT, INSERT, UPDATE, DELETE ON api_idempotency TO app_rw;
--> statement-breakpoint
GRANT SELECT, DELETE ON api_idempotency TO app_system;
--> statement-breakpoint
ALTER TABLE api_idempotency ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_idempotency FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY api_idempotency_tenant ON api_idempotency FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY api_idempotency_account ON api_idempotency FOR ALL TO app_rw
  USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  WITH CHECK (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY api_idempotency_system ON api_idempotency FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY api_idempotency_app_roles_only ON api_idempotency AS RESTRICTIVE FOR ALL TO PUBLIC
  USING (current_user::text IN ('app_rw', 'app_system'))
  WITH CHECK (current_user::text IN ('app_rw', 'app_system'));
--> statement-breakpoint
CREATE TRIGGER api_idempotency_workspace_fixed BEFORE UPDATE OF workspace_id ON api_idempotency
  FOR EACH ROW EXECUTE FUNCTION refuse_workspace_move();
