CREATE TABLE "click_links" (
	"code" text PRIMARY KEY NOT NULL,
	"placement_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"link_index" integer NOT NULL,
	"target_url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "click_links_placement_link_key" UNIQUE("placement_id","link_index")
);
--> statement-breakpoint
ALTER TABLE "click_links" ADD CONSTRAINT "click_links_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "click_links" ADD CONSTRAINT "click_links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "click_links_workspace_idx" ON "click_links" USING btree ("workspace_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON click_links TO app_rw, app_system;
--> statement-breakpoint
ALTER TABLE click_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE click_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY click_links_tenant ON click_links FOR ALL TO app_rw
  USING (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
  WITH CHECK (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY click_links_system ON click_links FOR ALL TO app_system USING (true) WITH CHECK (true);
