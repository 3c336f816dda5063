// The part every ZaloPay v2 answer shares (return_code, sub_return_code, messages) and the two steps
// every endpoint takes with it: parse the body with zod, then turn "try later" codes into errors.
import { z } from 'zod';
import { generateZaloPayError, type GatewayCodes, type ZaloPayEndpoint } from './errors';
import { gatewayConditionOf } from './return-codes';

/** Wire names kept verbatim; unknown fields pass through. */
export const responseEnvelopeSchema = z.looseObject({
  return_code: z.int(),
  return_message: z.string().optional(),
  sub_return_code: z.int().optional(),
  sub_return_message: z.string().optional(),
});

export type ResponseEnvelope = z.infer<typeof responseEnvelopeSchema>;

/** Parses a ZaloPay answer; an unexpected shape is a ZaloPayResponseError, never a crash or a cast. */
export function parseWireResponse<Schema extends z.ZodType>(
  schema: Schema,
  json: unknown,
  endpoint: ZaloPayEndpoint,
  retryable: boolean,
): z.output<Schema> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problem = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
  throw generateZaloPayError({ type: 'response', endpoint, problem, retryable });
}

/** The codes in app terms. A missing sub code falls back to the return code, its most specific value. */
export function gatewayCodesOf(envelope: ResponseEnvelope): GatewayCodes {
  return {
    returnCode: envelope.return_code,
    subReturnCode: envelope.sub_return_code ?? envelope.return_code,
    gatewayMessage: envelope.sub_return_message || envelope.return_message || '',
  };
}

/** Throws for answers that mean "try again later" (-429, -500, -999, maintenance), in either field. */
export function throwIfRetryLater(codes: GatewayCodes, endpoint: ZaloPayEndpoint): void {
  const condition = gatewayConditionOf(codes.returnCode, codes.subReturnCode);
  if (condition === 'rate_limited' || condition === 'unavailable') {
    throw generateZaloPayError({ type: condition, endpoint, ...codes });
  }
}

/** Whether ZaloPay refused the request itself (-401, -402, ...), in either field. */
export function isRefusedRequest(codes: GatewayCodes): boolean {
  return gatewayConditionOf(codes.returnCode, codes.subReturnCode) === 'refused';
}
