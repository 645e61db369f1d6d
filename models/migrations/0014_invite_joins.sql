CREATE TABLE "invite_joins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"chat_id" bigint NOT NULL,
	"member" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "invite_joins_placement_member_key" UNIQUE("placement_id","member")
);
--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "invite_chat_id" bigint;--> statement-breakpoint
ALTER TABLE "invite_joins" ADD CONSTRAINT "invite_joins_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_joins" ADD CONSTRAINT "invite_joins_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invite_joins_chat_member_idx" ON "invite_joins" USING btree ("chat_id","member");--> statement-breakpoint
CREATE INDEX "invite_joins_workspace_idx" ON "invite_joins" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "placements_invite_link_idx" ON "placements" USING btree ("invite_chat_id","invite_link") WHERE "placements"."invite_link" is not null;--> statement-breakpoint
-- Joins are written by the bot as app_system (the chat_member update names no tenant) and read by
-- whoever may read the placement: its channel's workspace, or its advertiser (placements' own
-- policies decide inside the EXISTS).
GRANT SELECT, INSERT, UPDATE, DELETE ON invite_joins TO app_rw;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON invite_joins TO app_system;
--> statement-breakpoint
ALTER TABLE invite_joins ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invite_joins FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY invite_joins_tenant ON invite_joins FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY invite_joins_placement_readers ON invite_joins FOR SELECT TO app_rw
  USING (EXISTS (SELECT 1 FROM placements p WHERE p.id = invite_joins.placement_id));
--> statement-breakpoint
CREATE POLICY invite_joins_system ON invite_joins FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY invite_joins_app_roles_only ON invite_joins AS RESTRICTIVE FOR ALL TO PUBLIC
  USING (current_user::text IN ('app_rw', 'app_system'))
  WITH CHECK (current_user::text IN ('app_rw', 'app_system'));
--> statement-breakpoint
CREATE TRIGGER invite_joins_workspace_fixed BEFORE UPDATE OF workspace_id ON invite_joins
  FOR EACH ROW EXECUTE FUNCTION refuse_workspace_move();
