-- The Citus scale-out path (docs/deploy.md «Scaling the data», models/distribution.ts, checked by
-- test/models/citus-path.test.ts). Workspace tables: the primary key and every unique constraint
-- include workspace_id, and a foreign key between two of them carries it on both sides. Primary
-- keys keep their old columns first, so a lookup by id alone still uses them. The new uniques
-- equal the old ones where workspace_id follows from the other columns (a channel, an order, a
-- placement belongs to one workspace); share, invite and click codes (64-144 random bits), payment
-- idempotency keys (they name the order) and provider payment ids (issued for one of our payments)
-- stay unique in practice. The partner tables (api_keys, api_idempotency, webhook_endpoints,
-- webhook_deliveries, webhook_attempts) are a workspace's or an advertiser account's and stay on the
-- coordinator: they lose their foreign key to workspaces, which Citus refuses from a local table;
-- app_rw may only write its scope's workspace_id (RLS WITH CHECK) and app_system copies it from the
-- key or endpoint. channels.telegram_chat_id, unique across workspaces, moves to channel_chats (0019).
ALTER TABLE "api_idempotency" DROP CONSTRAINT "api_idempotency_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "channel_access" DROP CONSTRAINT "channel_access_channel_id_channels_id_fk";
--> statement-breakpoint
ALTER TABLE "click_links" DROP CONSTRAINT "click_links_placement_id_placements_id_fk";
--> statement-breakpoint
ALTER TABLE "creatives" DROP CONSTRAINT "creatives_order_id_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "disputes" DROP CONSTRAINT "disputes_order_id_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "disputes" DROP CONSTRAINT "disputes_placement_id_placements_id_fk";
--> statement-breakpoint
ALTER TABLE "invite_joins" DROP CONSTRAINT "invite_joins_placement_id_placements_id_fk";
--> statement-breakpoint
ALTER TABLE "order_items" DROP CONSTRAINT "order_items_order_id_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "order_items" DROP CONSTRAINT "order_items_slot_id_slots_id_fk";
--> statement-breakpoint
ALTER TABLE "order_items" DROP CONSTRAINT "order_items_channel_id_channels_id_fk";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_order_id_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_subscription_id_subscriptions_id_fk";
--> statement-breakpoint
ALTER TABLE "placement_rollups" DROP CONSTRAINT "placement_rollups_placement_id_placements_id_fk";
--> statement-breakpoint
ALTER TABLE "placement_rollups" DROP CONSTRAINT "placement_rollups_channel_id_channels_id_fk";
--> statement-breakpoint
ALTER TABLE "placements" DROP CONSTRAINT "placements_order_id_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "placements" DROP CONSTRAINT "placements_slot_id_slots_id_fk";
--> statement-breakpoint
ALTER TABLE "placements" DROP CONSTRAINT "placements_channel_id_channels_id_fk";
--> statement-breakpoint
ALTER TABLE "slots" DROP CONSTRAINT "slots_channel_id_channels_id_fk";
--> statement-breakpoint
ALTER TABLE "slots" DROP CONSTRAINT "slots_order_id_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "webhook_attempts" DROP CONSTRAINT "webhook_attempts_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP CONSTRAINT "webhook_endpoints_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "channel_access" DROP CONSTRAINT "channel_access_channel_account_key";
--> statement-breakpoint
ALTER TABLE "channels" DROP CONSTRAINT "channels_share_code_unique";
--> statement-breakpoint
ALTER TABLE "click_links" DROP CONSTRAINT "click_links_placement_link_key";
--> statement-breakpoint
ALTER TABLE "creatives" DROP CONSTRAINT "creatives_order_variant_key";
--> statement-breakpoint
ALTER TABLE "invite_joins" DROP CONSTRAINT "invite_joins_placement_member_key";
--> statement-breakpoint
ALTER TABLE "order_items" DROP CONSTRAINT "order_items_order_slot_key";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_idempotency_key_unique";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_provider_payment_key";
--> statement-breakpoint
ALTER TABLE "placements" DROP CONSTRAINT "placements_click_code_unique";
--> statement-breakpoint
ALTER TABLE "placements" DROP CONSTRAINT "placements_order_slot_key";
--> statement-breakpoint
ALTER TABLE "slots" DROP CONSTRAINT "slots_channel_starts_at_key";
--> statement-breakpoint
ALTER TABLE "workspace_invites" DROP CONSTRAINT "workspace_invites_code_unique";
--> statement-breakpoint
ALTER TABLE "channel_access" DROP CONSTRAINT "channel_access_pkey";
--> statement-breakpoint
ALTER TABLE "channels" DROP CONSTRAINT "channels_pkey";
--> statement-breakpoint
ALTER TABLE "click_links" DROP CONSTRAINT "click_links_pkey";
--> statement-breakpoint
ALTER TABLE "creatives" DROP CONSTRAINT "creatives_pkey";
--> statement-breakpoint
ALTER TABLE "disputes" DROP CONSTRAINT "disputes_pkey";
--> statement-breakpoint
ALTER TABLE "invite_joins" DROP CONSTRAINT "invite_joins_pkey";
--> statement-breakpoint
ALTER TABLE "order_items" DROP CONSTRAINT "order_items_pkey";
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_pkey";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_pkey";
--> statement-breakpoint
ALTER TABLE "payouts" DROP CONSTRAINT "payouts_pkey";
--> statement-breakpoint
ALTER TABLE "placements" DROP CONSTRAINT "placements_pkey";
--> statement-breakpoint
ALTER TABLE "slots" DROP CONSTRAINT "slots_pkey";
--> statement-breakpoint
ALTER TABLE "subscriptions" DROP CONSTRAINT "subscriptions_pkey";
--> statement-breakpoint
ALTER TABLE "workspace_invites" DROP CONSTRAINT "workspace_invites_pkey";
--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT "events_pkey";
--> statement-breakpoint
ALTER TABLE "placement_rollups" DROP CONSTRAINT "placement_rollups_pkey";
--> statement-breakpoint
ALTER TABLE "channel_access" ADD CONSTRAINT "channel_access_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "click_links" ADD CONSTRAINT "click_links_pkey" PRIMARY KEY("code","workspace_id");
--> statement-breakpoint
ALTER TABLE "creatives" ADD CONSTRAINT "creatives_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "invite_joins" ADD CONSTRAINT "invite_joins_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "workspace_invites" ADD CONSTRAINT "workspace_invites_pkey" PRIMARY KEY("id","workspace_id");
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_pkey" PRIMARY KEY("id","occurred_at","workspace_id");
--> statement-breakpoint
ALTER TABLE "placement_rollups" ADD CONSTRAINT "placement_rollups_pkey" PRIMARY KEY("placement_id","grain","bucket_start","workspace_id");
--> statement-breakpoint
ALTER TABLE "channel_access" ADD CONSTRAINT "channel_access_channel_account_key" UNIQUE("channel_id","account_id","workspace_id");
--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_share_code_key" UNIQUE("share_code","workspace_id");
--> statement-breakpoint
ALTER TABLE "click_links" ADD CONSTRAINT "click_links_placement_link_key" UNIQUE("placement_id","link_index","workspace_id");
--> statement-breakpoint
ALTER TABLE "creatives" ADD CONSTRAINT "creatives_order_variant_key" UNIQUE("order_id","variant_index","workspace_id");
--> statement-breakpoint
ALTER TABLE "invite_joins" ADD CONSTRAINT "invite_joins_placement_member_key" UNIQUE("placement_id","member","workspace_id");
--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_slot_key" UNIQUE("order_id","slot_id","workspace_id");
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_idempotency_key" UNIQUE("idempotency_key","workspace_id");
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_provider_payment_key" UNIQUE("provider","provider_payment_id","workspace_id");
--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_click_code_key" UNIQUE("click_code","workspace_id");
--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_order_slot_key" UNIQUE("order_id","slot_id","workspace_id");
--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_channel_starts_at_key" UNIQUE("channel_id","starts_at","workspace_id");
--> statement-breakpoint
ALTER TABLE "workspace_invites" ADD CONSTRAINT "workspace_invites_code_key" UNIQUE("code","workspace_id");
--> statement-breakpoint
ALTER TABLE "channel_access" ADD CONSTRAINT "channel_access_channel_id_fkey" FOREIGN KEY ("workspace_id","channel_id") REFERENCES "public"."channels"("workspace_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "click_links" ADD CONSTRAINT "click_links_placement_id_fkey" FOREIGN KEY ("workspace_id","placement_id") REFERENCES "public"."placements"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "creatives" ADD CONSTRAINT "creatives_order_id_fkey" FOREIGN KEY ("workspace_id","order_id") REFERENCES "public"."orders"("workspace_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_order_id_fkey" FOREIGN KEY ("workspace_id","order_id") REFERENCES "public"."orders"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_placement_id_fkey" FOREIGN KEY ("workspace_id","placement_id") REFERENCES "public"."placements"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "invite_joins" ADD CONSTRAINT "invite_joins_placement_id_fkey" FOREIGN KEY ("workspace_id","placement_id") REFERENCES "public"."placements"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_fkey" FOREIGN KEY ("workspace_id","order_id") REFERENCES "public"."orders"("workspace_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_slot_id_fkey" FOREIGN KEY ("workspace_id","slot_id") REFERENCES "public"."slots"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_channel_id_fkey" FOREIGN KEY ("workspace_id","channel_id") REFERENCES "public"."channels"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("workspace_id","order_id") REFERENCES "public"."orders"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_subscription_id_fkey" FOREIGN KEY ("workspace_id","subscription_id") REFERENCES "public"."subscriptions"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "placement_rollups" ADD CONSTRAINT "placement_rollups_placement_id_fkey" FOREIGN KEY ("workspace_id","placement_id") REFERENCES "public"."placements"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "placement_rollups" ADD CONSTRAINT "placement_rollups_channel_id_fkey" FOREIGN KEY ("workspace_id","channel_id") REFERENCES "public"."channels"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_order_id_fkey" FOREIGN KEY ("workspace_id","order_id") REFERENCES "public"."orders"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_slot_id_fkey" FOREIGN KEY ("workspace_id","slot_id") REFERENCES "public"."slots"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_channel_id_fkey" FOREIGN KEY ("workspace_id","channel_id") REFERENCES "public"."channels"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_channel_id_fkey" FOREIGN KEY ("workspace_id","channel_id") REFERENCES "public"."channels"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_order_id_fkey" FOREIGN KEY ("workspace_id","order_id") REFERENCES "public"."orders"("workspace_id","id") ON DELETE no action ON UPDATE no action;
