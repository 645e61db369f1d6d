ALTER TABLE "placements" ADD COLUMN "reported_views" integer;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "views_reported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "views_evidence" text;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_views_check" CHECK ("placements"."reported_views" is null or "placements"."reported_views" between 1 and 1000000000);