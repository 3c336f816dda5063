// The operator's timeline of a merchant order paid twice: every entry says which attempt it is about,
// the automatic refund of the second payment stands out, and the one fulfilment is there.
import { describe, expect, it } from 'vitest';
import type { Fulfilment, LedgerKind, PaymentEvent, PaymentAttempt } from '../../db/schema';
import { buildTimeline } from './order-timeline';

const at = (second: number) => new Date(Date.UTC(2026, 10, 25, 3, 0, second));

function attempt(id: string, number: number): PaymentAttempt {
  return { id, attempt: number } as Partial<PaymentAttempt> as PaymentAttempt;
}

function event(id: number, orderId: string, kind: LedgerKind, payload: object): PaymentEvent {
  return { id, orderId, kind, dedupeKey: null, payload, createdAt: at(id) };
}

describe('the timeline of a merchant order paid twice', () => {
  const attempts = [attempt('a1', 1), attempt('a2', 2)];
  const events = [
    event(1, 'a1', 'created', { amount: 125_000, effect: 'none' }),
    event(2, 'a2', 'created', { amount: 125_000, effect: 'none' }),
    event(3, 'a2', 'callback', {
      data: { amount: 125_000, zpTransId: '261125000000001' },
      effect: 'PENDING->PAID',
    }),
    event(4, 'a1', 'callback', {
      data: { amount: 125_000, zpTransId: '261125000000002' },
      effect: 'PENDING->PAID',
    }),
    event(5, 'a1', 'refund_requested', {
      mRefundId: '261125_2553_r',
      amount: 125_000,
      reason: 'double_payment',
      effect: 'none',
    }),
  ];
  const fulfilment = {
    orderId: 'a2',
    idempotencyKey: '7K3QMX9P2A',
    createdAt: at(3),
    doneAt: at(6),
    attempts: 1,
    lastError: null,
  } as Partial<Fulfilment> as Fulfilment;

  const timeline = buildTimeline(events, fulfilment, attempts);

  it('labels each ledger entry with its attempt', () => {
    expect(timeline.map((entry) => entry.title).slice(0, 4)).toEqual([
      'Attempt 1: Payment attempt created',
      'Attempt 2: Payment attempt created',
      'Attempt 2: Callback received (MAC verified): PENDING->PAID',
      'Fulfilment queued',
    ]);
  });

  it('shows the automatic refund of the second payment as an alert, and the one fulfilment', () => {
    const refund = timeline.find((entry) => entry.title.includes('refunding it automatically'));
    expect(refund).toMatchObject({
      tone: 'alert',
      title: 'Attempt 1: Second payment: refunding it automatically',
    });
    expect(refund?.detail).toContain('125000 VND (261125_2553_r)');
    expect(timeline.filter((entry) => entry.title.startsWith('Fulfilment'))).toHaveLength(2);
    expect(timeline.find((entry) => entry.title === 'Fulfilment queued')?.detail).toContain(
      'Attempt 2',
    );
  });

  it('leaves the labels out for an order of one attempt', () => {
    const single = buildTimeline(events.slice(0, 1), undefined, attempts.slice(0, 1));
    expect(single[0]?.title).toBe('Payment attempt created');
  });
});

describe('the timeline of an attempt the poller asked about many times', () => {
  const attempts = [attempt('a1', 1)];
  const poll = (id: number, kind: LedgerKind, payload: object) =>
    event(id, 'a1', kind, { source: 'poller', finalQuery: false, effect: 'none', ...payload });
  const events = [
    event(1, 'a1', 'created', { amount: 50_000, effect: 'none' }),
    poll(2, 'query', { outcome: { kind: 'not_found' } }),
    poll(3, 'query', { outcome: { kind: 'not_found' } }),
    poll(4, 'query', { outcome: { kind: 'not_found' } }),
    poll(5, 'query_unknown', { error: 'ZaloPayTimeoutError' }),
    poll(6, 'query_unknown', { error: 'ZaloPayTimeoutError' }),
    poll(7, 'query', { outcome: { kind: 'not_found' } }),
    poll(8, 'query', { outcome: { kind: 'not_found' }, effect: 'PENDING->FAILED' }),
    event(9, 'a1', 'query', { source: 'status', outcome: { kind: 'expired' }, effect: 'none' }),
    event(10, 'a1', 'query', { source: 'status', outcome: { kind: 'expired' }, effect: 'none' }),
  ];
  const timeline = buildTimeline(events, undefined, attempts);

  it('folds repeated poller queries with the same answer into one line with a count', () => {
    expect(timeline.map((entry) => [entry.title, entry.count])).toEqual([
      ['Payment attempt created', undefined],
      ['Query by poller', 3],
      ['Query by poller got no usable answer', 2],
      ['Query by poller', undefined],
      ['Query by poller: PENDING->FAILED', undefined],
      ['Query by status', undefined],
      ['Query by status', undefined],
    ]);
    expect(timeline[1]?.detail).toContain('3 times, the last at 2026-11-25T03:00:04.000Z');
    expect(timeline[1]?.at).toEqual(at(2));
  });
});
