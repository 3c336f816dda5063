// Whatever arrives, the emulator answers like the gateway and stays up: property-based requests with
// arbitrary bodies, content types and field values never produce a 5xx or a non-JSON API answer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from './emulator';
import type { RunningEmulator } from './emulator';

const gatewayAnswer = z.object({ return_code: z.int(), return_message: z.string() });
const bankListAnswer = z.object({ returncode: z.int() });

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=koi8-r',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
);
const paths = fc.constantFrom('/v2/create', '/v2/query', '/v2/refund', '/v2/query_refund');

describe('robustness', () => {
  it('answers every API call with HTTP 200 and a JSON envelope, whatever the body', async () => {
    await fc.assert(
      fc.asyncProperty(
        paths,
        contentTypes,
        fc.string({ maxLength: 300 }),
        async (path, contentType, body) => {
          const response = await fetch(`${emulator.url}${path}`, {
            method: 'POST',
            headers: { 'Content-Type': contentType },
            body,
          });
          expect(response.status).toBe(200);
          gatewayAnswer.parse(await response.json());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers -401 or -402 to JSON objects with arbitrary values in the real field names', async () => {
    const fieldNames = [
      'app_id',
      'app_user',
      'app_trans_id',
      'app_time',
      'amount',
      'description',
      'item',
      'embed_data',
      'mac',
      'expire_duration_seconds',
      'callback_url',
      'm_refund_id',
      'zp_trans_id',
      'timestamp',
      'refund_fee_amount',
    ];
    const params = fc.dictionary(fc.constantFrom(...fieldNames), fc.jsonValue({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(paths, params, async (path, body) => {
        const response = await fetch(`${emulator.url}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(response.status).toBe(200);
        const answer = gatewayAnswer
          .extend({ sub_return_code: z.int() })
          .parse(await response.json());
        expect([-401, -402]).toContain(answer.sub_return_code);
      }),
      { numRuns: 150 },
    );
  });

  it('answers the bank list, the gateway pages and the admin API without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const banks = await fetch(`${emulator.url}/api/getlistmerchantbanks`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: text,
        });
        expect(banks.status).toBe(200);
        bankListAnswer.parse(await banks.json());

        const page = await fetch(`${emulator.url}/openinapp?order=${encodeURIComponent(text)}`);
        expect(page.status).toBe(404);
        await page.text();

        for (const [method, path] of [
          ['POST', '/admin/faults'],
          ['PUT', '/admin/settings'],
          ['POST', '/admin/clock'],
          ['POST', '/openinapp/pay-wallet'],
        ] as const) {
          const response = await fetch(`${emulator.url}${path}`, { method, body: text });
          expect(response.status).toBeLessThan(500);
          await response.text();
        }
      }),
      { numRuns: 60 },
    );
  });
});
