CREATE TABLE "catalogue_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor" text NOT NULL,
	"subject" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_images" (
	"id" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shop_profile" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"tagline_vi" text NOT NULL,
	"tagline_en" text NOT NULL,
	"support_phone" text,
	"support_email" text,
	"order_description" text NOT NULL,
	"brand_color" text NOT NULL,
	"logo_image_id" text,
	"favicon_image_id" text,
	"version" bigint DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_profile_one_row" CHECK ("shop_profile"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "description_vi" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "image_id" text;--> statement-breakpoint
CREATE INDEX "catalogue_changes_subject_idx" ON "catalogue_changes" USING btree ("subject","id");--> statement-breakpoint
-- A product priced at or below zero (or above the ceiling) let a shopper cut a cart's total. Any such row
-- is retired, its price brought into range, and the change recorded, before the CHECK holds every writer.
INSERT INTO "catalogue_changes" ("actor", "subject", "action", "before", "after")
SELECT 'migration 0007', 'product:' || "sku", 'retire',
	jsonb_build_object('unitPrice', "unit_price", 'active', "active"),
	jsonb_build_object('unitPrice', least(greatest("unit_price", 1), 50000000), 'active', false)
FROM "products" WHERE "unit_price" <= 0 OR "unit_price" > 50000000;--> statement-breakpoint
UPDATE "products" SET "unit_price" = least(greatest("unit_price", 1), 50000000), "active" = false, "updated_at" = now()
WHERE "unit_price" <= 0 OR "unit_price" > 50000000;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_unit_price_range" CHECK ("products"."unit_price" > 0 and "products"."unit_price" <= 50000000);--> statement-breakpoint
-- The list keeps its order: positions 10, 20, ... in the order the products were added.
UPDATE "products" p SET "position" = o."n" * 10
FROM (SELECT "sku", row_number() OVER (ORDER BY "created_at", "sku") AS "n" FROM "products") o
WHERE o."sku" = p."sku";--> statement-breakpoint
-- The demo café's profile: the default of a fresh database, the merchant's to replace in /ops/shop.
INSERT INTO "shop_profile" ("id", "name", "tagline_vi", "tagline_en", "order_description", "brand_color")
VALUES (1, 'Cà Phê Demo', 'Thanh toán Web-to-App qua ZaloPay', 'A ZaloPay Web-to-App checkout', 'Đơn hàng {ref}', '#0050c8')
ON CONFLICT ("id") DO NOTHING;