// Every environment variable the server reads, each validated on its own with its default: the first
// half of loadEnv (index.ts); what spans several variables is settings.ts's.
import { z } from 'zod';
import { DEFAULT_PGLITE_DATA_DIR } from '../../db/pglite-data-dir';
import { delayListSchema, LATE_CHECK_DELAYS_MS } from '../payments/polling/late-payment-checks';
import { trustProxySchema } from '../security/trust-proxy';
import { SAMPLER_NAMES } from '../telemetry/sampler';
import { subCodeListSchema } from '../zalopay';
import { EMULATOR_PROFILES } from './emulator-profiles';
import { flag, flagValue, int, optionalText } from './setting-schemas';

// OpenTelemetry's OTLP/HTTP encodings (gRPC is not shipped: an OTLP collector takes either of these).
const otlpProtocol = z.enum(['http/protobuf', 'http/json']);

export const rawEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: int(3000).pipe(z.number().max(65535)),
  PUBLIC_BASE_URL: optionalText.pipe(z.url().optional()),
  DATABASE_URL: optionalText,
  PGLITE_DATA_DIR: z.string().default(DEFAULT_PGLITE_DATA_DIR),
  // No default here: the settings tell a mode named on purpose from the default (emulator).
  ZALOPAY_MODE: z.enum(['emulator', 'sandbox', 'production']).optional(),
  ZALOPAY_APP_ID: optionalText.pipe(z.coerce.number<string>().int().positive().optional()),
  ZALOPAY_KEY1: optionalText,
  ZALOPAY_KEY2: optionalText,
  ZALOPAY_API_BASE_URL: optionalText.pipe(z.url().optional()),
  ZALOPAY_GATEWAY_BASE_URL: optionalText.pipe(z.url().optional()),
  ZALOPAY_TIMEOUT_MS: int(10_000, 100),
  // How /v2/cancel's undocumented sub codes are read (UNCONFIRMED: docs/zalopay-protocol.md §7.3).
  ZALOPAY_CANCEL_PAID_CODES: subCodeListSchema.default([-10]),
  ZALOPAY_CANCEL_NOT_FOUND_CODES: subCodeListSchema.default([-101]),
  EMULATOR_PORT: int(3001).pipe(z.number().max(65535)),
  EMULATOR_APPS: optionalText,
  EMULATOR_PROFILE: z.enum(EMULATOR_PROFILES).default('sandbox'),
  EMULATOR_EMBEDDED: flag(true),
  ORDER_MIN_AMOUNT: int(1_000, 1),
  ORDER_MAX_AMOUNT: int(50_000_000, 1),
  ORDER_EXPIRE_SECONDS: int(900, 300).pipe(z.number().max(2_592_000)),
  ORDER_APP_USER: z.string().trim().min(1).max(50).default('zalopay-checkout'),
  ACCEPT_CLIENT_AMOUNTS: flagValue.optional(),
  ACCEPT_CLIENT_AMOUNTS_IN_PRODUCTION: flag(false),
  ORDER_ABANDON_AFTER_MS: int(86_400_000),
  ORDER_ABANDON_CHECK_MS: int(60_000, 1_000),
  CREATE_NOT_FOUND_CLOSE_MS: int(900_000, 60_000),
  LATE_CHECK_DELAYS_MS: delayListSchema.default([...LATE_CHECK_DELAYS_MS]),
  UNPAID_ORDER_RETENTION_DAYS: int(7),
  POLL_INTERVAL_MS: int(60_000, 100),
  POLL_TICK_MS: int(1_000, 50),
  POLL_BATCH_SIZE: int(50, 1),
  POLL_CONCURRENCY: int(8, 1),
  QUERY_RATE_PER_SECOND: int(20, 1),
  EXPIRY_GRACE_MS: int(30_000),
  POLL_LEASE_MS: int(30_000, 1_000),
  FULFILMENT_LEASE_MS: int(30_000, 1_000),
  STATUS_CACHE_MS: int(2_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: flag(false),
  ADMIN_TOKEN: optionalText.pipe(
    z.string().min(16, 'must be at least 16 characters (use a long random value)').optional(),
  ),
  METRICS_TOKEN: optionalText.pipe(
    z.string().min(16, 'must be at least 16 characters (use a long random value)').optional(),
  ),
  REFUND_CHECK_INTERVAL_MS: int(5_000, 50),
  CREATE_RATE_LIMIT_PER_MINUTE: int(60),
  ORDER_RATE_LIMIT_PER_MINUTE: int(20),
  MERCHANT_WEBHOOK_URL: optionalText,
  MERCHANT_WEBHOOK_SECRET: optionalText,
  MERCHANT_WEBHOOK_ALLOW_PRIVATE: flag(false),
  MERCHANT_RETURN_ORIGINS: optionalText,
  LIVE_STREAMS_PER_CLIENT: int(20),
  REDIRECT_REPORTS_PER_MINUTE: int(30),
  TRUST_PROXY: trustProxySchema,
  HTTP_HEADERS_TIMEOUT_MS: int(10_000, 1_000),
  HTTP_REQUEST_TIMEOUT_MS: int(30_000, 1_000),
  HTTP_MAX_CONNECTIONS: int(5_000),
  // Production deployments (docs/deployment.md): what this instance runs, and how it starts and stops.
  ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  MIGRATE_ON_START: flag(true),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 100).pipe(z.number().max(600_000)),
  // OpenTelemetry (docs/operations.md): unset, no tracing code is loaded.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalText.pipe(z.url().optional()),
  OTEL_SERVICE_NAME: z.string().trim().min(1).default('zalopay-checkout'),
  OTEL_EXPORTER_OTLP_PROTOCOL: otlpProtocol.default('http/protobuf'),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: otlpProtocol.optional(),
  OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT: int(2_048, 1),
  OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT: optionalText.pipe(
    z.coerce.number<string>().int().min(1).optional(),
  ),
  OTEL_TRACES_SAMPLER: z.enum(SAMPLER_NAMES).default('parentbased_always_on'),
  OTEL_TRACES_SAMPLER_ARG: optionalText.pipe(z.coerce.number<string>().min(0).max(1).optional()),
  MERCHANT_API_REQUESTS_PER_MINUTE: int(600),
  IMAGE_MAX_BYTES: int(1_048_576, 1_024).pipe(z.number().max(10_485_760)),
  STOREFRONT_CHECK_MS: int(1_000, 100).pipe(z.number().max(60_000)),
});

export type RawEnv = z.output<typeof rawEnvSchema>;
export type ZaloPayMode = NonNullable<RawEnv['ZALOPAY_MODE']>;
