CREATE TABLE "merchant_idempotency_keys" (
	"api_key_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response_body" jsonb,
	"locked_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "merchant_idempotency_keys_api_key_id_key_pk" PRIMARY KEY("api_key_id","key"),
	CONSTRAINT "merchant_idempotency_keys_key_length" CHECK (char_length("merchant_idempotency_keys"."key") between 1 and 255),
	CONSTRAINT "merchant_idempotency_keys_status_code" CHECK ("merchant_idempotency_keys"."status_code" is null or "merchant_idempotency_keys"."status_code" between 200 and 499)
);
--> statement-breakpoint
ALTER TABLE "shop_orders" ADD COLUMN "api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "shop_orders" ADD COLUMN "merchant_reference" text;--> statement-breakpoint
ALTER TABLE "shop_orders" ADD COLUMN "metadata" jsonb;--> statement-breakpoint
ALTER TABLE "shop_orders" ADD COLUMN "return_url" text;--> statement-breakpoint
ALTER TABLE "shop_orders" ADD COLUMN "cancel_url" text;--> statement-breakpoint
ALTER TABLE "shop_orders" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "merchant_idempotency_keys" ADD CONSTRAINT "merchant_idempotency_keys_api_key_id_merchant_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."merchant_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merchant_idempotency_keys_created_at_idx" ON "merchant_idempotency_keys" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "shop_orders" ADD CONSTRAINT "shop_orders_api_key_id_merchant_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."merchant_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shop_orders_merchant_reference_idx" ON "shop_orders" USING btree ("merchant_reference","created_at") WHERE "shop_orders"."merchant_reference" is not null;--> statement-breakpoint
ALTER TABLE "shop_orders" ADD CONSTRAINT "shop_orders_merchant_reference_length" CHECK (char_length("shop_orders"."merchant_reference") between 1 and 64);