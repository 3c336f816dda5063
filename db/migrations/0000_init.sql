CREATE TYPE "public"."fulfilment_status" AS ENUM('PENDING', 'DONE');--> statement-breakpoint
CREATE TYPE "public"."paid_via" AS ENUM('callback', 'query');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('PENDING', 'PAID', 'FAILED', 'EXPIRED');--> statement-breakpoint
CREATE TABLE "fulfilments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" "fulfilment_status" DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fulfilments_order_id_unique" UNIQUE("order_id"),
	CONSTRAINT "fulfilments_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"app_trans_id" text NOT NULL,
	"app_id" integer NOT NULL,
	"app_user" text NOT NULL,
	"amount" bigint NOT NULL,
	"description" text NOT NULL,
	"item" text NOT NULL,
	"embed_data" text NOT NULL,
	"app_time" bigint NOT NULL,
	"idempotency_key" text,
	"status" "payment_status" DEFAULT 'PENDING' NOT NULL,
	"zp_trans_id" text,
	"order_url" text,
	"zp_trans_token" text,
	"qr_code" text,
	"expires_at" timestamp with time zone NOT NULL,
	"next_poll_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"lease_owner" text,
	"poll_attempts" integer DEFAULT 0 NOT NULL,
	"failure_reason" text,
	"paid_at" timestamp with time zone,
	"paid_via" "paid_via",
	"late" boolean DEFAULT false NOT NULL,
	"amount_mismatch" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_orders_app_trans_id_unique" UNIQUE("app_trans_id"),
	CONSTRAINT "payment_orders_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "payment_orders_zp_trans_id_unique" UNIQUE("zp_trans_id")
);
--> statement-breakpoint
ALTER TABLE "fulfilments" ADD CONSTRAINT "fulfilments_order_id_payment_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."payment_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_order_id_payment_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."payment_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fulfilments_due_idx" ON "fulfilments" USING btree ("next_attempt_at") WHERE "fulfilments"."status" = 'PENDING';--> statement-breakpoint
CREATE UNIQUE INDEX "payment_events_dedupe_key_idx" ON "payment_events" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "payment_events_order_id_idx" ON "payment_events" USING btree ("order_id","id");--> statement-breakpoint
CREATE INDEX "payment_orders_due_pending_idx" ON "payment_orders" USING btree ("next_poll_at") WHERE "payment_orders"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "payment_orders_created_at_idx" ON "payment_orders" USING btree ("created_at");