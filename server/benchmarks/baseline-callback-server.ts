// The least work that could take a ZaloPay callback, written only to measure the checkout against:
// read the body, check HMAC(key2, data), run one UPDATE. No ledger, no outbox, no framework, no checks
// of app id or amount. Run as its own process: `tsx baseline-callback-server.ts <port>`, database from
// DATABASE_URL (postgres.js) or PGLITE_DATA_DIR.
import { createServer } from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { z } from 'zod';
import { hmacHex, macMatches } from '../zalopay/mac';
import { PUBLIC_SANDBOX_APPS } from '../zalopay/sandbox-apps';
import { readRequestBody } from './request-body';

type MarkPaid = (appTransId: string, zpTransId: string) => Promise<void>;

const UPDATE = `update payment_attempts set status = 'PAID', zp_trans_id = $2, paid_at = now(),
  paid_via = 'callback', updated_at = now() where app_trans_id = $1 and status = 'PENDING'`;

// A tool's own settings, like server/testing/test-database.ts: not the app's configuration (server/env/).
const port = Number(process.argv[2] ?? 0);
const databaseUrl = process.env.DATABASE_URL;
const pgliteDir = process.env.PGLITE_DATA_DIR;
const key2 = PUBLIC_SANDBOX_APPS[0]?.key2 ?? '';

async function connect(): Promise<{ markPaid: MarkPaid; close(): Promise<void> }> {
  if (databaseUrl) {
    const client = postgres(databaseUrl, { max: 10 });
    return {
      markPaid: async (id, zp) => void (await client.unsafe(UPDATE, [id, zp], { prepare: true })),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = await PGlite.create(pgliteDir ?? 'memory://');
  return {
    markPaid: async (id, zp) => void (await client.query(UPDATE, [id, zp])),
    close: () => client.close(),
  };
}

const bodySchema = z.object({ data: z.string(), mac: z.string() });
const dataSchema = z.object({
  app_trans_id: z.string(),
  zp_trans_id: z.union([z.number(), z.string()]),
});

const database = await connect();
const server = createServer((req, res) => {
  const reply = (status: number, returnCode: number) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        return_code: returnCode,
        return_message: returnCode === 1 ? 'success' : 'failed',
      }),
    );
  };
  if (req.method === 'GET') return reply(200, 1);
  readRequestBody(req)
    .then(async (text) => {
      const { data, mac } = bodySchema.parse(JSON.parse(text));
      if (!macMatches(hmacHex(key2, data), mac)) return reply(400, -1);
      const fields = dataSchema.parse(JSON.parse(data));
      await database.markPaid(fields.app_trans_id, String(fields.zp_trans_id));
      reply(200, 1);
    })
    .catch(() => reply(500, 0));
});
server.listen(port, '127.0.0.1');

const stop = () => {
  server.close();
  server.closeAllConnections();
  database.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
// Started by the benchmark with an IPC channel: if the benchmark dies, stop too.
process.once('disconnect', stop);
