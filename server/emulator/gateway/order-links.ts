// The gateway links create hands out (docs/zalopay-protocol.md §1.2, §3.6): `order_url` and `cashier_order_url`
// carry standard base64 (with padding) of compact {"zptranstoken":"...","appid":N}, exactly as real ones do.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** "AC" + 22 base64url characters, like `AC6errMMzrYAXtb_zCA2kXyw`. */
export function newZpTransToken(): string {
  return `AC${randomBytes(16).toString('base64url')}`;
}

export function encodeOrderParam(zpTransToken: string, appId: number): string {
  const json = JSON.stringify({ zptranstoken: zpTransToken, appid: appId });
  return Buffer.from(json, 'utf8').toString('base64');
}

const orderParamSchema = z.object({ zptranstoken: z.string().min(1), appid: z.int() });
export type OrderParam = z.infer<typeof orderParamSchema>;

/**
 * Decodes the `order` query value. Links carry the base64 raw (not URL-encoded), so a `+` arrives
 * as a space after query-string decoding: it is put back before decoding.
 */
export function decodeOrderParam(value: unknown): OrderParam | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) return null;
  const base64 = value.replaceAll(' ', '+');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  try {
    const parsed = orderParamSchema.safeParse(
      JSON.parse(Buffer.from(base64, 'base64').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `<publicUrl>/openinapp?order=<base64>`: the link the shopper opens or scans. */
export function orderUrl(publicUrl: string, orderParam: string): string {
  return `${publicUrl}/openinapp?order=${orderParam}`;
}

/** `<publicUrl>/pay-order?order=<base64>`: the emulator's stand-in for onelink.zalopay.vn/pay-order. */
export function cashierOrderUrl(publicUrl: string, orderParam: string): string {
  return `${publicUrl}/pay-order?order=${orderParam}`;
}
