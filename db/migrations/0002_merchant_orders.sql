CREATE TYPE "public"."refund_kind" AS ENUM('operator', 'double_payment');--> statement-breakpoint
CREATE TYPE "public"."shop_order_status" AS ENUM('AWAITING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED');--> statement-breakpoint
CREATE TABLE "products" (
	"sku" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"unit_price" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shop_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"lines" jsonb NOT NULL,
	"total" bigint NOT NULL,
	"description" text NOT NULL,
	"status" "shop_order_status" DEFAULT 'AWAITING_PAYMENT' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"paid_attempt_id" uuid,
	"paid_at" timestamp with time zone,
	"fulfilled_at" timestamp with time zone,
	"refunded_amount" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The demo café's catalogue, so a fresh clone sells what it always sold. Idempotent; prices are the
-- merchant's to change afterwards (a later migration never overwrites them).
-- The catalogue lists products in the order they were added (created_at): coffee first.
INSERT INTO "products" ("sku", "name_vi", "name_en", "unit_price", "created_at", "updated_at") VALUES
	('ca-phe-sua-da', 'Cà phê sữa đá', 'Iced milk coffee', 35000, now(), now()),
	('banh-mi', 'Bánh mì', 'Bánh mì', 30000, now() + interval '1 millisecond', now()),
	('banh-flan', 'Bánh flan', 'Crème caramel', 25000, now() + interval '2 milliseconds', now())
ON CONFLICT ("sku") DO NOTHING;--> statement-breakpoint
-- Every existing payment becomes attempt 1 of a one-off merchant order of its own amount, whose reference
-- is the payment's app_trans_id: nothing is lost and every old link keeps working.
ALTER TABLE "payment_orders" ADD COLUMN "shop_order_id" text;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD COLUMN "attempt" integer;--> statement-breakpoint
INSERT INTO "shop_orders" ("id", "lines", "total", "description", "status", "attempts", "paid_attempt_id", "paid_at", "fulfilled_at", "refunded_amount", "created_at", "updated_at")
SELECT
	p."app_trans_id",
	jsonb_build_array(jsonb_build_object('sku', NULL, 'nameVi', p."description", 'nameEn', p."description", 'unitPrice', p."amount", 'quantity', 1)),
	p."amount",
	p."description",
	(CASE
		WHEN p."status" <> 'PAID' THEN 'AWAITING_PAYMENT'
		WHEN r."refunded" >= p."amount" THEN 'REFUNDED'
		WHEN r."refunded" > 0 THEN 'PARTIALLY_REFUNDED'
		WHEN f."status" = 'DONE' THEN 'FULFILLED'
		ELSE 'PAID'
	END)::"shop_order_status",
	1,
	CASE WHEN p."status" = 'PAID' THEN p."id" END,
	p."paid_at",
	f."done_at",
	r."refunded",
	p."created_at",
	p."updated_at"
FROM "payment_orders" p
LEFT JOIN "fulfilments" f ON f."order_id" = p."id"
CROSS JOIN LATERAL (
	SELECT coalesce(sum("amount"), 0) AS "refunded" FROM "refunds" WHERE "order_id" = p."id" AND "state" = 'SUCCEEDED'
) r;--> statement-breakpoint
UPDATE "payment_orders" SET "shop_order_id" = "app_trans_id", "attempt" = 1 WHERE "shop_order_id" IS NULL;--> statement-breakpoint
ALTER TABLE "payment_orders" ALTER COLUMN "shop_order_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_orders" ALTER COLUMN "attempt" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "fulfilments" ADD COLUMN "shop_order_id" text;--> statement-breakpoint
UPDATE "fulfilments" f SET "shop_order_id" = p."shop_order_id" FROM "payment_orders" p WHERE p."id" = f."order_id";--> statement-breakpoint
ALTER TABLE "fulfilments" ALTER COLUMN "shop_order_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD COLUMN "paid_channel" integer;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "kind" "refund_kind" DEFAULT 'operator' NOT NULL;--> statement-breakpoint
CREATE INDEX "shop_orders_created_at_idx" ON "shop_orders" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "fulfilments" ADD CONSTRAINT "fulfilments_shop_order_id_shop_orders_id_fk" FOREIGN KEY ("shop_order_id") REFERENCES "public"."shop_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_shop_order_id_shop_orders_id_fk" FOREIGN KEY ("shop_order_id") REFERENCES "public"."shop_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_orders_shop_order_attempt_idx" ON "payment_orders" USING btree ("shop_order_id","attempt");--> statement-breakpoint
ALTER TABLE "fulfilments" ADD CONSTRAINT "fulfilments_shop_order_id_unique" UNIQUE("shop_order_id");