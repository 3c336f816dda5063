// Turns a merchant order's ledger rows (of every attempt), fulfilment row and refunds into the timeline an
// operator reads: what happened to which attempt, when, what ZaloPay said, what we answered, and which
// entries changed the order. Repeated poller queries with the same answer fold into one line with a count.
import { z } from 'zod';
import type {
  Fulfilment,
  PaymentEvent,
  PaymentAttempt,
  WebhookDelivery,
  WebhookEvent,
} from '../../db/schema';

export type TimelineTone = 'info' | 'change' | 'alert';

export interface TimelineEntry {
  at: Date;
  title: string;
  detail: string;
  tone: TimelineTone;
  /** The ledger row as stored, for the curious (null for entries not from the ledger). */
  payload: unknown;
  /** How many ledger rows this line stands for (repeated poller queries with one answer), if more than one. */
  count?: number;
}

const commonFields = z.looseObject({
  effect: z.string().optional(),
  source: z.string().optional(),
  outcome: z.looseObject({ kind: z.string() }).optional(),
  error: z.string().optional(),
  message: z.string().optional(),
  mRefundId: z.string().optional(),
  amount: z.number().optional(),
  description: z.string().optional(),
  reason: z.string().optional(),
  finalQuery: z.boolean().optional(),
  purpose: z.string().optional(),
  by: z.string().optional(),
  hasQrCode: z.boolean().optional(),
  checksumValid: z.boolean().optional(),
  status: z.union([z.string(), z.number()]).nullable().optional(),
  data: z
    .looseObject({
      amount: z.number().optional(),
      zpTransId: z.string().optional(),
      channel: z.number().optional(),
    })
    .optional(),
});

const LATE_EFFECTS = new Set(['FAILED->PAID', 'EXPIRED->PAID']);
/** The refunds written with an extra payment (merchant-order-settlement.ts), not asked for by anyone. */
const AUTOMATIC_REFUNDS = new Set(['double_payment', 'paid_after_cancel']);

function toneOf(
  kind: string,
  fields: z.infer<typeof commonFields>,
  effect: string | undefined,
): TimelineTone {
  if (kind === 'refund_requested' && AUTOMATIC_REFUNDS.has(fields.reason ?? '')) return 'alert';
  if (kind === 'cancel' && fields.outcome?.kind === 'unknown') return 'alert';
  if (effect === 'amount_mismatch_flagged' || (effect && LATE_EFFECTS.has(effect))) return 'alert';
  if (kind === 'gateway_rejected') return 'alert';
  if (effect && effect.includes('->')) return 'change';
  return 'info';
}

function describeEvent(kind: string, fields: z.infer<typeof commonFields>): [string, string] {
  const outcome = fields.outcome?.kind ?? 'unknown';
  switch (kind) {
    case 'created':
      return [
        'Payment attempt created',
        `${fields.amount ?? '?'} VND, stored PENDING before asking ZaloPay`,
      ];
    case 'gateway_created':
      return [
        'ZaloPay created the order',
        fields.hasQrCode ? 'order_url and QR code ready to show' : 'order_url ready to show',
      ];
    case 'gateway_duplicate':
      return ['ZaloPay already had this order (-68)', 'an earlier attempt got through; queried it'];
    case 'gateway_rejected':
      return ['ZaloPay rejected the order', JSON.stringify(fields.outcome ?? {})];
    case 'gateway_unknown':
      return ['No usable answer to create', `${fields.error ?? ''} ${fields.message ?? ''}`.trim()];
    case 'callback':
      return [
        'Callback received (MAC verified)',
        `amount ${fields.data?.amount ?? '?'} VND, zp_trans_id ${fields.data?.zpTransId ?? '?'}, channel ${fields.data?.channel ?? '?'}; we replied {"return_code":1,"return_message":"success"}`,
      ];
    case 'query':
      return [
        `Query by ${fields.source ?? '?'}${fields.finalQuery ? ' (final)' : ''}`,
        `ZaloPay answered: ${outcome}`,
      ];
    case 'query_unknown':
      return [
        `Query by ${fields.source ?? '?'} got no usable answer`,
        `${fields.error ?? ''} ${fields.message ?? ''}`.trim(),
      ];
    case 'redirect_seen':
      return [
        'Shopper came back from ZaloPay (redirect)',
        `checksum ${fields.checksumValid ? 'valid' : 'NOT valid'}, status=${fields.status ?? '?'} (a hint only)`,
      ];
    case 'cancel':
      return [
        `Cancel at ZaloPay (${fields.purpose === 'replaced' ? 'replaced by a newer attempt' : 'order cancelled'})`,
        outcome === 'unknown'
          ? 'no clear answer: the attempt stays watched, and a payment of it is refunded'
          : `ZaloPay answered: ${outcome}`,
      ];
    case 'order_cancelled':
      return ['Merchant order cancelled', `by ${fields.by ?? '?'}`];
    case 'refund_requested':
      if (fields.reason === 'paid_after_cancel') {
        return [
          'Payment of a cancelled order: refunding it automatically',
          `${fields.amount ?? '?'} VND (${fields.mRefundId ?? '?'}) goes back to the shopper`,
        ];
      }
      if (fields.reason === 'double_payment') {
        return [
          'Second payment: refunding it automatically',
          `the order was already paid by another attempt; ${fields.amount ?? '?'} VND (${fields.mRefundId ?? '?'}) goes back to the shopper`,
        ];
      }
      return [
        'Refund requested',
        `${fields.amount ?? '?'} VND (${fields.mRefundId ?? '?'}): ${fields.description ?? ''}`,
      ];
    case 'refund_sent':
      return ['Refund sent to ZaloPay', `${fields.mRefundId ?? '?'}: ZaloPay answered ${outcome}`];
    case 'refund_send_unknown':
      return [
        'Refund got no usable answer',
        `${fields.mRefundId ?? '?'}: ${fields.error ?? ''}; will query_refund`,
      ];
    case 'refund_query':
      return ['Refund status queried', `${fields.mRefundId ?? '?'}: ZaloPay answered ${outcome}`];
    default:
      return [kind, ''];
  }
}

/** A poller's query that changed nothing folds into the line before it when that one said the same. */
function foldKeyOf(
  kind: string,
  fields: z.infer<typeof commonFields>,
  effect: string | undefined,
): string | null {
  if (effect || fields.source !== 'poller' || fields.finalQuery) return null;
  if (kind === 'query') return `query:${fields.outcome?.kind ?? '?'}`;
  if (kind === 'query_unknown') return `query_unknown:${fields.error ?? '?'}`;
  return null;
}

export interface WebhookHistory {
  event: WebhookEvent;
  deliveries: WebhookDelivery[];
}

/** The merchant's webhooks: each event as written, and each attempt to deliver it. */
function webhookEntries(webhooks: readonly WebhookHistory[]): TimelineEntry[] {
  return webhooks.flatMap(({ event, deliveries }) => [
    {
      at: event.createdAt,
      title: `Webhook ${event.type} queued`,
      detail: `event ${event.id}`,
      tone: 'info' as const,
      payload: event.payload,
    },
    ...deliveries.map((delivery) => {
      const delivered =
        delivery.statusCode !== null && delivery.statusCode >= 200 && delivery.statusCode < 300;
      return {
        at: delivery.attemptedAt,
        title: `Webhook ${event.type} ${delivered ? 'delivered' : 'not delivered'}`,
        detail: `HTTP ${delivery.statusCode ?? 'none'} in ${delivery.durationMs} ms${delivery.error ? `: ${delivery.error}` : ''}`,
        tone: delivered ? ('info' as const) : ('alert' as const),
        payload: null,
      };
    }),
  ]);
}

/** `attempts` (of one merchant order) label each entry with its attempt when there is more than one. */
export function buildTimeline(
  events: PaymentEvent[],
  fulfilment: Fulfilment | undefined,
  attempts: PaymentAttempt[] = [],
  webhooks: readonly WebhookHistory[] = [],
): TimelineEntry[] {
  const attemptOf = new Map(attempts.map((attempt) => [attempt.id, attempt.attempt]));
  const label = (orderId: string) =>
    attempts.length > 1 ? `Attempt ${attemptOf.get(orderId) ?? '?'}: ` : '';
  const entries: TimelineEntry[] = [];
  /** Per attempt: the last line written and, if it is a foldable poller query, what it answered. */
  const lastOf = new Map<string, { entry: TimelineEntry; foldKey: string | null }>();
  for (const event of events) {
    const parsed = commonFields.safeParse(event.payload);
    const fields = parsed.success ? parsed.data : {};
    const [title, detail] = describeEvent(event.kind, fields);
    const effect = fields.effect && fields.effect !== 'none' ? fields.effect : undefined;
    const foldKey = foldKeyOf(event.kind, fields, effect);
    const last = lastOf.get(event.orderId);
    if (foldKey && last?.foldKey === foldKey) {
      last.entry.count = (last.entry.count ?? 1) + 1;
      last.entry.detail = `${detail} (${last.entry.count} times, the last at ${event.createdAt.toISOString()})`;
      continue;
    }
    const entry: TimelineEntry = {
      at: event.createdAt,
      title: `${label(event.orderId)}${effect ? `${title}: ${effect}` : title}`,
      detail,
      tone: toneOf(event.kind, fields, effect),
      payload: event.payload,
    };
    entries.push(entry);
    lastOf.set(event.orderId, { entry, foldKey });
  }
  if (fulfilment) {
    entries.push({
      at: fulfilment.createdAt,
      title: 'Fulfilment queued',
      detail:
        `one per merchant order, keyed ${fulfilment.idempotencyKey}, from ${label(fulfilment.orderId) || 'the paid attempt'}`.replace(
          /: $/,
          '',
        ),
      tone: 'info',
      payload: null,
    });
    if (fulfilment.doneAt) {
      entries.push({
        at: fulfilment.doneAt,
        title: 'Fulfilment delivered',
        detail: `after ${fulfilment.attempts} attempt(s)`,
        tone: 'info',
        payload: null,
      });
    } else if (fulfilment.lastError) {
      entries.push({
        at: fulfilment.nextAttemptAt,
        title: 'Fulfilment failing',
        detail: `${fulfilment.attempts} attempt(s), last error: ${fulfilment.lastError}; next try at this time`,
        tone: 'alert',
        payload: null,
      });
    }
  }
  entries.push(...webhookEntries(webhooks));
  // Stable: ledger order (by id) wins for equal times.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.index - b.index)
    .map(({ entry }) => entry);
}
