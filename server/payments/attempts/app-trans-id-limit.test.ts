// The app_trans_id length limit is ZaloPay's 40 characters, defined once in server/zalopay: the ids we
// make, the status reads' input, the REST path check and a callback's signed data all stop at it.
import { describe, expect, it } from 'vitest';
import {
  APP_TRANS_ID_MAX_CHARS,
  APP_TRANS_ID_PATTERN,
  callbackDataWireSchema,
} from '../../zalopay';
import { appTransIdSchema, isOurLength } from './pay-request-schemas';

const ofLength = (length: number) => `261121_${'A'.repeat(length - 7)}`;

const callbackData = (appTransId: string) => ({
  app_id: 2553,
  app_trans_id: appTransId,
  app_time: 1_700_000_000_000,
  app_user: 'demo',
  amount: 10_000,
  embed_data: '{}',
  item: '[]',
  zp_trans_id: 231121000000001,
  server_time: 1_700_000_000_000,
  channel: 38,
});

describe('the app_trans_id length limit', () => {
  it('is the 40 characters ZaloPay documents', () => {
    expect(APP_TRANS_ID_MAX_CHARS).toBe(40);
  });

  it.each([
    ['the ids we make', (id: string) => APP_TRANS_ID_PATTERN.test(id)],
    ['a status read', (id: string) => appTransIdSchema.safeParse(id).success],
    ['a REST path', isOurLength],
    ['a callback', (id: string) => callbackDataWireSchema.safeParse(callbackData(id)).success],
  ])('%s take 40 characters and refuse 41', (_where, accepts) => {
    expect(accepts(ofLength(APP_TRANS_ID_MAX_CHARS))).toBe(true);
    expect(accepts(ofLength(APP_TRANS_ID_MAX_CHARS + 1))).toBe(false);
  });
});
