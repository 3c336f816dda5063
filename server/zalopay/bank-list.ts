// POST /api/getlistmerchantbanks on the gateway host (docs/zalopay-protocol.md §8): the v1-era endpoint that
// lists payment methods by pmcid. Form-encoded, with v1 names (appid, reqtime) and returncode answers.
import { z } from 'zod';
import type { GatewayCodes, ZaloPayEndpoint } from './errors';
import { bankListMacInput, hmacHex } from './mac';
import { RETURN_CODE } from './return-codes';
import { parseWireResponse, throwIfRetryLater } from './response-envelope';

export const BANK_LIST_ENDPOINT = '/api/getlistmerchantbanks' satisfies ZaloPayEndpoint;

export interface Bank {
  bankCode: string;
  name: string;
  displayOrder: number | null;
  /** 36 card, 37 bank account, 38 ZaloPay wallet, 39 ATM, 41 debit card. */
  pmcid: number | null;
  minAmount: number | null;
  maxAmount: number | null;
}

export type BankListOutcome =
  /** Keyed by pmcid as a string, as on the wire: banksByPmcid['39'] are the ATM banks. */
  | { kind: 'banks'; banksByPmcid: Record<string, Bank[]> }
  | { kind: 'rejected'; returnCode: number; message: string };

export interface BankListWireRequest {
  appid: string;
  reqtime: string;
  mac: string;
}

export function buildBankListWireRequest(
  appId: number,
  key1: string,
  reqTime: number,
): BankListWireRequest {
  return {
    appid: String(appId),
    reqtime: String(reqTime),
    mac: hmacHex(key1, bankListMacInput(appId, reqTime)),
  };
}

const bankWireSchema = z.looseObject({
  bankcode: z.string(),
  name: z.string(),
  displayorder: z.int().optional(),
  pmcid: z.int().optional(),
  minamount: z.int().optional(),
  maxamount: z.int().optional(),
});

export const bankListWireSchema = z.looseObject({
  returncode: z.int(),
  returnmessage: z.string().optional(),
  banks: z.record(z.string(), z.array(bankWireSchema)).optional(),
});

export function translateBankListResponse(json: unknown): BankListOutcome {
  const answer = parseWireResponse(bankListWireSchema, json, BANK_LIST_ENDPOINT, true);
  const codes: GatewayCodes = {
    returnCode: answer.returncode,
    subReturnCode: answer.returncode,
    gatewayMessage: answer.returnmessage ?? '',
  };
  throwIfRetryLater(codes, BANK_LIST_ENDPOINT);
  if (answer.returncode !== RETURN_CODE.SUCCESS) {
    return { kind: 'rejected', returnCode: answer.returncode, message: codes.gatewayMessage };
  }
  const banksByPmcid: Record<string, Bank[]> = {};
  for (const [pmcid, banks] of Object.entries(answer.banks ?? {})) {
    banksByPmcid[pmcid] = banks.map((bank) => ({
      bankCode: bank.bankcode,
      name: bank.name,
      displayOrder: bank.displayorder ?? null,
      pmcid: bank.pmcid ?? null,
      minAmount: bank.minamount ?? null,
      maxAmount: bank.maxamount ?? null,
    }));
  }
  return { kind: 'banks', banksByPmcid };
}
