CREATE TABLE "merchant_api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"last_four" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "merchant_api_keys_key_hash_unique" UNIQUE("key_hash"),
	CONSTRAINT "merchant_api_keys_name_length" CHECK (char_length("merchant_api_keys"."name") between 1 and 100),
	CONSTRAINT "merchant_api_keys_hash_shape" CHECK ("merchant_api_keys"."key_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "merchant_api_keys_last_four_length" CHECK (char_length("merchant_api_keys"."last_four") = 4)
);
--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "webhook_events_feed_idx" ON "webhook_events" USING btree ("txid","seq");