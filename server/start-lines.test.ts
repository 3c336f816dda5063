// The start lines: the real address, the public one when it differs, the role, the emulator's inspector.
import { expect, it } from 'vitest';
import { loadEnv } from './env';
import { startLines } from './start-lines';

it('names where it really listens, its public address, its role and the emulator inspector', () => {
  const lines = startLines(loadEnv({ PORT: '3402' }), {
    url: 'http://127.0.0.1:3402',
    publicBaseUrl: 'http://localhost:3402',
    emulatorUrl: 'http://127.0.0.1:3403',
  }).map((line) => line.message);
  expect(lines).toEqual([
    'Checkout ready: listening on http://127.0.0.1:3402, public address http://localhost:3402 (ROLE=all: shop, API and background work)',
    'ZaloPay emulator on http://127.0.0.1:3403: inspector http://127.0.0.1:3403/inspector, orders http://127.0.0.1:3403/admin/orders',
  ]);
});

it('says a worker serves only its probes, and names no emulator it does not run', () => {
  const env = loadEnv({
    ROLE: 'worker',
    EMULATOR_EMBEDDED: 'false',
    ZALOPAY_API_BASE_URL: 'http://127.0.0.1:3001',
  });
  const lines = startLines(env, {
    url: 'http://127.0.0.1:3100',
    publicBaseUrl: 'http://127.0.0.1:3100',
    emulatorUrl: undefined,
  });
  expect(lines.map((line) => line.message)).toEqual([
    'Checkout ready: listening on http://127.0.0.1:3100 (ROLE=worker: background work only: /healthz, /readyz and /metrics on this port)',
  ]);
});
