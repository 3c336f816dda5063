// The durable baseline: the same durable work as the checkout's callback, written as plainly as it can
// be, to measure the checkout against. node:http; HMAC(key2, data) compared in constant time;
// then ONE statement: the guarded UPDATE (PENDING -> PAID only while still PENDING, for the order's own
// app and amount), its ledger row, its outbox row and a NOTIFY, as CTEs; and, in the same process, a
// worker delivering the outbox with FOR UPDATE SKIP LOCKED claims. No Express, no tRPC, no Drizzle:
// postgres.js straight on the tables (durable-baseline-schema.ts). PostgreSQL only.
// Run as its own process: `tsx durable-baseline-server.ts <port>`, database from DATABASE_URL.
import { createServer } from 'node:http';
import postgres from 'postgres';
import { z } from 'zod';
import { hmacHex, macMatches } from '../zalopay/mac';
import { PUBLIC_SANDBOX_APPS } from '../zalopay/sandbox-apps';
import { DURABLE_NOTIFY_CHANNEL, DURABLE_OUTBOX_TABLE } from './durable-baseline-schema';
import { readRequestBody } from './request-body';

/**
 * $1 app_trans_id, $2 zp_trans_id, $3 app_id, $4 amount, $5 server_time (ms), $6 channel,
 * $7 the ledger row's dedupe key, $8 the callback's `data` (JSON text), $9 its `type`.
 * A row comes back only when the order was PENDING and this payment fits it.
 */
const PAY = `
with paid as (
  update payment_attempts
  set status = 'PAID', zp_trans_id = $2, paid_at = to_timestamp($5::bigint / 1000.0),
    paid_via = 'callback', paid_channel = $6::int, updated_at = now()
  where app_trans_id = $1 and app_id = $3::int and amount = $4::bigint and status = 'PENDING'
  returning id, app_trans_id, merchant_order_id
), ledger as (
  insert into payment_events (order_id, kind, dedupe_key, payload)
  select id, 'callback', $7,
    jsonb_build_object('type', $9::int, 'data', $8::jsonb, 'effect', 'PENDING->PAID')
  from paid
  on conflict (dedupe_key) do nothing
  returning id
), outbox as (
  insert into ${DURABLE_OUTBOX_TABLE} (order_id, merchant_order_id, idempotency_key)
  select id, merchant_order_id, merchant_order_id from paid
  on conflict do nothing
  returning id
)
select pg_notify('${DURABLE_NOTIFY_CHANNEL}', app_trans_id) as notified,
  (select count(*) from ledger) as ledger_rows, (select count(*) from outbox) as outbox_rows
from paid`;

/** Claims up to 100 due outbox rows for 30 s; other workers skip the rows locked here. */
const CLAIM = `
update ${DURABLE_OUTBOX_TABLE} as o
set lease_until = now() + interval '30 seconds', attempts = o.attempts + 1
from payment_attempts p
where o.id in (
    select id from ${DURABLE_OUTBOX_TABLE}
    where status = 'PENDING' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
    order by id limit 100
    for update skip locked)
  and p.id = o.order_id
returning o.id, o.idempotency_key, p.app_trans_id, p.zp_trans_id, p.paid_at`;

/** $1 the delivered rows' ids, as a PostgreSQL array literal. */
const MARK_DELIVERED = `
update ${DURABLE_OUTBOX_TABLE}
set status = 'DONE', done_at = now(), lease_until = null, last_error = null
where id = any($1::bigint[])`;

/** Like the checkout's fulfilment worker: a round a second, each up to 50 batches. */
const WORKER_INTERVAL_MS = 1_000;
const MAX_BATCHES_PER_ROUND = 50;

const bodySchema = z.object({ data: z.string(), mac: z.string(), type: z.number().int() });
const dataSchema = z.object({
  app_id: z.number().int(),
  app_trans_id: z.string(),
  amount: z.number().int(),
  zp_trans_id: z.union([z.number(), z.string()]),
  server_time: z.number().int(),
  channel: z.number().int(),
});

// A tool's own settings, like server/testing/test-database.ts: not the app's configuration (server/env/).
const port = Number(process.argv[2] ?? 0);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('The durable baseline runs on PostgreSQL: set DATABASE_URL');
const key2 = PUBLIC_SANDBOX_APPS[0]?.key2 ?? '';
// 10 connections, like the checkout's pool; the worker takes its turn on them as the checkout's does.
const sql = postgres(databaseUrl, { max: 10, onnotice: () => {} });

/** The fulfilment "delivery": a real shop would ship goods here; the checkout's default hook only logs. */
async function deliver(_job: postgres.Row): Promise<void> {}

async function deliverRound(): Promise<void> {
  for (let batch = 0; batch < MAX_BATCHES_PER_ROUND; batch += 1) {
    const jobs = await sql.unsafe(CLAIM, [], { prepare: true });
    if (jobs.length === 0) return;
    for (const job of jobs) await deliver(job);
    const ids = jobs.map((job) => String(job.id));
    await sql.unsafe(MARK_DELIVERED, [`{${ids.join(',')}}`], { prepare: true });
  }
}

let round: Promise<void> | undefined;
const worker = setInterval(() => {
  round ??= deliverRound()
    .catch((error: unknown) => console.error('durable baseline: delivery round failed', error))
    .finally(() => (round = undefined));
}, WORKER_INTERVAL_MS);

const server = createServer((req, res) => {
  const reply = (status: number, returnCode: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ return_code: returnCode, return_message: message }));
  };
  if (req.method === 'GET') return reply(200, 1, 'success');
  readRequestBody(req)
    .then(async (text) => {
      const { data, mac, type } = bodySchema.parse(JSON.parse(text));
      if (!macMatches(hmacHex(key2, data), mac)) return reply(400, -1, 'mac not equal');
      const fields = dataSchema.parse(JSON.parse(data));
      const zpTransId = String(fields.zp_trans_id);
      await sql.unsafe(
        PAY,
        [
          fields.app_trans_id,
          zpTransId,
          fields.app_id,
          fields.amount,
          fields.server_time,
          fields.channel,
          `callback:${zpTransId}:${fields.app_id}:${fields.app_trans_id}:${fields.amount}`,
          data,
          type,
        ],
        { prepare: true },
      );
      // Paid now, or nothing to do (a repeat, an order not PENDING): acknowledged either way. The
      // checkout's general path for the second case is not part of what is measured.
      reply(200, 1, 'success');
    })
    .catch(() => reply(500, 0, 'temporary failure, please retry'));
});
server.listen(port, '127.0.0.1');

const stop = () => {
  clearInterval(worker);
  server.close();
  server.closeAllConnections();
  Promise.resolve(round)
    .then(() => sql.end({ timeout: 5 }))
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
};
process.once('SIGTERM', stop);
// Started by the benchmark with an IPC channel: if the benchmark dies, stop too.
process.once('disconnect', stop);
