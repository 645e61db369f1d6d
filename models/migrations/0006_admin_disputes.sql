CREATE TABLE "admin_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"object_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"chat_id" bigint,
	"message_id" bigint,
	"decision" text,
	"reason" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decided_by_telegram_id" bigint,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "admin_cards_kind_object_key" UNIQUE("kind","object_id"),
	CONSTRAINT "admin_cards_kind_check" CHECK ("admin_cards"."kind" in ('channel', 'creative', 'payout', 'dispute', 'placement')),
	CONSTRAINT "admin_cards_status_check" CHECK ("admin_cards"."status" in ('open', 'decided'))
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"placement_id" uuid,
	"advertiser_account_id" uuid NOT NULL,
	"opened_by_account_id" uuid NOT NULL,
	"opener_role" text NOT NULL,
	"reason" text NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision" text,
	"refund_amount" bigint,
	"currency" text NOT NULL,
	"decision_note" text,
	"decided_by_telegram_id" bigint,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disputes_status_check" CHECK ("disputes"."status" in ('open', 'resolved')),
	CONSTRAINT "disputes_decision_check" CHECK ("disputes"."decision" is null or "disputes"."decision" in ('full_refund', 'partial_refund', 'no_refund')),
	CONSTRAINT "disputes_opener_check" CHECK ("disputes"."opener_role" in ('advertiser', 'owner')),
	CONSTRAINT "disputes_refund_check" CHECK ("disputes"."refund_amount" is null or "disputes"."refund_amount" >= 0),
	CONSTRAINT "disputes_currency_check" CHECK ("disputes"."currency" in ('RUB', 'USD', 'EUR', 'XTR'))
);
--> statement-breakpoint
ALTER TABLE "creatives" ADD COLUMN "moderation_note" text;--> statement-breakpoint
ALTER TABLE "creatives" ADD COLUMN "moderation_flags" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_advertiser_account_id_accounts_id_fk" FOREIGN KEY ("advertiser_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_opened_by_account_id_accounts_id_fk" FOREIGN KEY ("opened_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_cards_open_idx" ON "admin_cards" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "disputes_workspace_idx" ON "disputes" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "disputes_order_idx" ON "disputes" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "disputes_advertiser_idx" ON "disputes" USING btree ("advertiser_account_id","created_at");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON admin_cards TO app_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON disputes TO app_rw, app_system;
--> statement-breakpoint
ALTER TABLE disputes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE disputes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY disputes_tenant ON disputes FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY disputes_advertiser ON disputes FOR ALL TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid)
  WITH CHECK (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY disputes_system ON disputes FOR ALL TO app_system USING (true) WITH CHECK (true);
