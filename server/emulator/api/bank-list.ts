// POST /api/getlistmerchantbanks (docs/zalopay-protocol.md §8): a v1-style call (appid, reqtime, no underscores)
// answering returncode/returnmessage and a static list of payment methods keyed by pmcid.
import { z } from 'zod';
import { bankListMacInput, hmacHex } from '../../zalopay/mac';
import type { ApiOutcome } from './api-answers';
import type { ApiTrace } from './api-trace';
import type { EmulatorContext } from '../emulator-context';
import { explainMacMismatch } from './mac-diagnosis';
import { requestMacValid } from './request-mac';
import { subCodeMessage } from '../settings';
import type { WireParams } from './wire-params';
import { describeIssues, wireInteger } from './wire-fields';

const bankListRequestSchema = z.object({
  appid: wireInteger,
  reqtime: wireInteger,
  mac: z.string().min(1),
});

interface Bank {
  bankcode: string;
  name: string;
  displayorder: number;
  pmcid: number;
  minamount: number;
  maxamount: number;
}

const bank = (pmcid: number, displayorder: number, bankcode: string, name: string): Bank => ({
  bankcode,
  name,
  displayorder,
  pmcid,
  minamount: 1000,
  maxamount: 100_000_000,
});

const SANDBOX_BANKS: Record<string, Bank[]> = {
  '36': [bank(36, 1, 'CC', 'Thẻ Visa/Master/JCB')],
  '38': [bank(38, 1, 'zalopayapp', 'Ví ZaloPay')],
  '39': [
    bank(39, 1, 'SBI', 'Ngân hàng thử nghiệm SBI'),
    bank(39, 2, 'VCB', 'Vietcombank'),
    bank(39, 3, 'VTB', 'Vietinbank'),
    bank(39, 4, 'BIDV', 'BIDV'),
  ],
};

function failure(ctx: EmulatorContext, code: number, note: string): ApiOutcome {
  return { body: { returncode: code, returnmessage: subCodeMessage(ctx.settings, code) }, note };
}

export function listMerchantBanks(
  params: WireParams,
  ctx: EmulatorContext,
  trace: ApiTrace,
): ApiOutcome {
  const withV1Names = { ...params, appid: params.appid ?? params.app_id };
  const parsed = bankListRequestSchema.safeParse(withV1Names);
  if (!parsed.success) return failure(ctx, -401, describeIssues(parsed.error));
  const request = parsed.data;
  const app = ctx.apps.get(request.appid);
  if (!app) return failure(ctx, -402, `unknown appid ${request.appid}`);
  trace.appId = app.appId;
  const input = bankListMacInput(app.appId, request.reqtime);
  const expectedMac = hmacHex(app.key1, input);
  const matches = requestMacValid(ctx.settings, expectedMac, request.mac);
  trace.mac = {
    formula: 'appid|reqtime',
    signedString: input,
    key: 'key1',
    expected: expectedMac,
    received: request.mac,
    matches,
  };
  if (!matches) {
    trace.hints.push(
      ...explainMacMismatch({
        fields: [
          ['appid', app.appId],
          ['reqtime', request.reqtime],
        ],
        key1: app.key1,
        key2: app.key2,
        received: request.mac,
      }),
    );
    return failure(ctx, -402, 'mac is not HMAC(key1, appid|reqtime)');
  }
  return { body: { returncode: 1, returnmessage: '', banks: SANDBOX_BANKS }, note: 'bank list' };
}
