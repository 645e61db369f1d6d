CREATE TABLE "channel_chats" (
	"telegram_chat_id" bigint PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channels" DROP CONSTRAINT "channels_telegram_chat_id_unique";--> statement-breakpoint
CREATE INDEX "channels_telegram_chat_idx" ON "channels" USING btree ("telegram_chat_id");--> statement-breakpoint
-- A Telegram chat is sold by one workspace only (docs/channels.md): the claim moves from a unique
-- constraint on channels to this table so channels can be sharded by workspace_id (Citus: a
-- reference table, models/distribution.ts). A tenant scope inserts and deletes only its own
-- workspace's claims and reads only those; the primary key still refuses another workspace's chat.
GRANT SELECT, INSERT, DELETE ON channel_chats TO app_rw;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON channel_chats TO app_system;
--> statement-breakpoint
ALTER TABLE channel_chats ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE channel_chats FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY channel_chats_tenant ON channel_chats FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY channel_chats_system ON channel_chats FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY channel_chats_app_roles_only ON channel_chats AS RESTRICTIVE FOR ALL TO PUBLIC
  USING (current_user::text IN ('app_rw', 'app_system'))
  WITH CHECK (current_user::text IN ('app_rw', 'app_system'));
--> statement-breakpoint
CREATE TRIGGER channel_chats_workspace_fixed BEFORE UPDATE OF workspace_id ON channel_chats
  FOR EACH ROW EXECUTE FUNCTION refuse_workspace_move();
--> statement-breakpoint
-- The claims of the channels already registered. The login role reads no row (restrictive
-- policies), so this runs as app_system, and the role is reset for the migrations after it.
SET LOCAL ROLE app_system;
--> statement-breakpoint
INSERT INTO channel_chats (telegram_chat_id, workspace_id, channel_id, created_at)
  SELECT telegram_chat_id, workspace_id, id, created_at FROM channels;
--> statement-breakpoint
RESET ROLE;
