ALTER TABLE "payment_orders" ADD COLUMN "late_checks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD COLUMN "next_late_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shop_orders" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shop_orders" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
ALTER TABLE "shop_orders" ADD COLUMN "close_lease_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "payment_orders_due_late_check_idx" ON "payment_orders" USING btree ("next_late_check_at") WHERE "payment_orders"."next_late_check_at" is not null;--> statement-breakpoint
CREATE INDEX "shop_orders_awaiting_idx" ON "shop_orders" USING btree ("created_at") WHERE "shop_orders"."status" = 'AWAITING_PAYMENT';--> statement-breakpoint
ALTER TABLE "shop_orders" ADD CONSTRAINT "shop_orders_cancelled_by_check" CHECK ("cancelled_by" IS NULL OR "cancelled_by" IN ('operator', 'merchant_api', 'abandoned'));--> statement-breakpoint
ALTER TABLE "shop_orders" ADD CONSTRAINT "shop_orders_cancelled_check" CHECK (("status" = 'CANCELLED') = ("cancelled_at" IS NOT NULL AND "cancelled_by" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_late_checks_check" CHECK ("late_checks" >= 0);
