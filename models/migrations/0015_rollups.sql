CREATE TABLE "placement_rollups" (
	"placement_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"day" date,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"advertiser_account_id" uuid NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"unique_clicks" integer DEFAULT 0 NOT NULL,
	"joins" integer DEFAULT 0 NOT NULL,
	"leaves" integer DEFAULT 0 NOT NULL,
	"reactions" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_rollups_pkey" PRIMARY KEY("placement_id","grain","bucket_start"),
	CONSTRAINT "placement_rollups_grain_check" CHECK ("placement_rollups"."grain" in ('hour', 'day'))
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "recorded_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "placement_rollups" ADD CONSTRAINT "placement_rollups_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rollups" ADD CONSTRAINT "placement_rollups_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rollups" ADD CONSTRAINT "placement_rollups_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rollups" ADD CONSTRAINT "placement_rollups_advertiser_account_id_accounts_id_fk" FOREIGN KEY ("advertiser_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_rollups_workspace_idx" ON "placement_rollups" USING btree ("workspace_id","grain","bucket_start");--> statement-breakpoint
CREATE INDEX "placement_rollups_channel_idx" ON "placement_rollups" USING btree ("channel_id","grain","bucket_start");--> statement-breakpoint
CREATE INDEX "placement_rollups_advertiser_idx" ON "placement_rollups" USING btree ("advertiser_account_id","grain","bucket_start");--> statement-breakpoint
-- What the rollup job catches up by: rows are written in recorded_at order (roughly), so BRIN.
CREATE INDEX events_recorded_at_brin ON events USING brin (recorded_at);
--> statement-breakpoint
-- Rollups are written by the jobs as app_system and read by the placement's workspace and its
-- advertiser (their own buckets only).
GRANT SELECT, INSERT, UPDATE, DELETE ON placement_rollups TO app_rw;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON placement_rollups TO app_system;
--> statement-breakpoint
ALTER TABLE placement_rollups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE placement_rollups FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY placement_rollups_tenant ON placement_rollups FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY placement_rollups_advertiser ON placement_rollups FOR SELECT TO app_rw
  USING (advertiser_account_id = nullif(current_setting('app.account_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY placement_rollups_system ON placement_rollups FOR ALL TO app_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY placement_rollups_app_roles_only ON placement_rollups AS RESTRICTIVE FOR ALL TO PUBLIC
  USING (current_user::text IN ('app_rw', 'app_system'))
  WITH CHECK (current_user::text IN ('app_rw', 'app_system'));
--> statement-breakpoint
CREATE TRIGGER placement_rollups_workspace_fixed BEFORE UPDATE OF workspace_id ON placement_rollups
  FOR EACH ROW EXECUTE FUNCTION refuse_workspace_move();
--> statement-breakpoint
-- Retention: raw events are kept 13 months (rollups for good). Drops the monthly partitions that
-- end on or before `cutoff`; returns the dropped names. Rows of events_default (written before
-- their month had a partition) are left: the partitions are made months ahead.
CREATE FUNCTION events_drop_before(cutoff timestamptz) RETURNS text[]
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  part record;
  dropped text[] := '{}';
  upper_bound timestamptz;
BEGIN
  FOR part IN
    SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'public.events'::regclass AND c.relname ~ '^events_[0-9]{4}_[0-9]{2}$'
  LOOP
    upper_bound := (to_date(substring(part.relname from 8), 'YYYY_MM') + interval '1 month')::timestamp
      AT TIME ZONE 'UTC';
    IF upper_bound <= cutoff THEN
      EXECUTE format('DROP TABLE %I', part.relname);
      dropped := dropped || part.relname::text;
    END IF;
  END LOOP;
  RETURN dropped;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION events_drop_before(timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION events_drop_before(timestamptz) TO app_system;
