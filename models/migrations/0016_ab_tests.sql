ALTER TABLE "orders" ADD COLUMN "ab_winner" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "ab_probability" double precision;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "ab_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_ab_check" CHECK (("orders"."ab_winner" is null or "orders"."ab_winner" between 0 and 3) and ("orders"."ab_probability" is null or "orders"."ab_probability" between 0 and 1));