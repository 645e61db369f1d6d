CREATE TABLE "update_intake" (
	"update_id" bigint PRIMARY KEY NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"order_key" text NOT NULL,
	"kind" text NOT NULL,
	"payload" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "update_intake_id_unique" UNIQUE("id"),
	CONSTRAINT "update_intake_status_check" CHECK ("update_intake"."status" in ('pending', 'parked', 'done'))
);
--> statement-breakpoint
ALTER TABLE "admin_cards" DROP CONSTRAINT "admin_cards_kind_check";--> statement-breakpoint
CREATE INDEX "update_intake_open_idx" ON "update_intake" USING btree ("status","update_id") WHERE "update_intake"."status" <> 'done';--> statement-breakpoint
CREATE INDEX "update_intake_finished_idx" ON "update_intake" USING btree ("finished_at");--> statement-breakpoint
ALTER TABLE "admin_cards" ADD CONSTRAINT "admin_cards_kind_check" CHECK ("admin_cards"."kind" in ('channel', 'creative', 'payout', 'dispute', 'placement', 'stars_charge', 'parked_update'));--> statement-breakpoint
-- Platform table: the bot's intake runs as app_system; app_rw (tenant paths) never sees updates.
GRANT SELECT, INSERT, UPDATE, DELETE ON update_intake TO app_system;
