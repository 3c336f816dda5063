-- Payment attempts are named as attempts (decision 032): the table, its primary key, constraints and
-- indexes are renamed in place; no row is copied. The schema ends as the snapshot of this migration says.
ALTER TABLE "payment_orders" RENAME TO "payment_attempts";--> statement-breakpoint
ALTER TABLE "payment_attempts" RENAME CONSTRAINT "payment_orders_pkey" TO "payment_attempts_pkey";--> statement-breakpoint
ALTER TABLE "fulfilments" RENAME CONSTRAINT "fulfilments_order_id_payment_orders_id_fk" TO "fulfilments_order_id_payment_attempts_id_fk";--> statement-breakpoint
ALTER TABLE "payment_events" RENAME CONSTRAINT "payment_events_order_id_payment_orders_id_fk" TO "payment_events_order_id_payment_attempts_id_fk";--> statement-breakpoint
ALTER TABLE "payment_attempts" RENAME CONSTRAINT "payment_orders_app_trans_id_unique" TO "payment_attempts_app_trans_id_unique";--> statement-breakpoint
ALTER TABLE "payment_attempts" RENAME CONSTRAINT "payment_orders_idempotency_key_unique" TO "payment_attempts_idempotency_key_unique";--> statement-breakpoint
ALTER TABLE "payment_attempts" RENAME CONSTRAINT "payment_orders_late_checks_check" TO "payment_attempts_late_checks_check";--> statement-breakpoint
ALTER TABLE "payment_attempts" RENAME CONSTRAINT "payment_orders_shop_order_id_shop_orders_id_fk" TO "payment_attempts_shop_order_id_shop_orders_id_fk";--> statement-breakpoint
ALTER TABLE "payment_attempts" RENAME CONSTRAINT "payment_orders_zp_trans_id_unique" TO "payment_attempts_zp_trans_id_unique";--> statement-breakpoint
ALTER TABLE "refunds" RENAME CONSTRAINT "refunds_order_id_payment_orders_id_fk" TO "refunds_order_id_payment_attempts_id_fk";--> statement-breakpoint
ALTER INDEX "payment_orders_created_at_idx" RENAME TO "payment_attempts_created_at_idx";--> statement-breakpoint
ALTER INDEX "payment_orders_due_late_check_idx" RENAME TO "payment_attempts_due_late_check_idx";--> statement-breakpoint
ALTER INDEX "payment_orders_due_pending_idx" RENAME TO "payment_attempts_due_pending_idx";--> statement-breakpoint
ALTER INDEX "payment_orders_shop_order_attempt_idx" RENAME TO "payment_attempts_shop_order_attempt_idx";--> statement-breakpoint
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = '"payment_attempts"'::regclass AND conname LIKE 'payment\_orders\_%' LOOP
    EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', 'payment_attempts', c.conname, 'payment_attempts' || substr(c.conname, 15));
  END LOOP;
END $$;
