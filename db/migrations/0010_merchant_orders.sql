-- Merchant orders are named as merchant orders (decision 035): shop_orders, its enum, the shop_order_id
-- columns, their constraints and indexes are renamed in place, and the refund kind double_payment is
-- extra_payment. No row is copied; the schema ends as the snapshot of this migration says.
ALTER TYPE "public"."shop_order_status" RENAME TO "merchant_order_status";--> statement-breakpoint
ALTER TYPE "public"."refund_kind" RENAME VALUE 'double_payment' TO 'extra_payment';--> statement-breakpoint
ALTER TABLE "shop_orders" RENAME TO "merchant_orders";--> statement-breakpoint
ALTER TABLE "fulfilments" RENAME COLUMN "shop_order_id" TO "merchant_order_id";--> statement-breakpoint
ALTER TABLE "payment_attempts" RENAME COLUMN "shop_order_id" TO "merchant_order_id";--> statement-breakpoint
ALTER TABLE "webhook_events" RENAME COLUMN "shop_order_id" TO "merchant_order_id";--> statement-breakpoint
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT con.conname, rel.relname FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = rel.relnamespace WHERE n.nspname = 'public' AND con.conname LIKE '%shop\_order%' LOOP
    EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', c.relname, c.conname, replace(c.conname, 'shop_order', 'merchant_order'));
  END LOOP;
  FOR c IN SELECT cls.relname FROM pg_class cls JOIN pg_namespace n ON n.oid = cls.relnamespace
    WHERE n.nspname = 'public' AND cls.relkind = 'i' AND cls.relname LIKE '%shop\_order%' LOOP
    EXECUTE format('ALTER INDEX %I RENAME TO %I', c.relname, replace(c.relname, 'shop_order', 'merchant_order'));
  END LOOP;
END $$;
