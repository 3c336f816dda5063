// The fields a refund's MAC covers (§7.1), and the wrong field sets merchant code signs instead, so the
// inspector can say which: m_refund_id signed with the rest (it is not covered), or a fee sent but
// left out of the signed string (the fee variant of the formula applies as soon as it is sent).
import type { MacVariant, SignedField } from './mac-diagnosis';

export interface RefundMacRequest {
  app_id: number;
  m_refund_id: string;
  zp_trans_id: string;
  amount: number;
  refund_fee_amount?: number | undefined;
  description: string;
  timestamp: number;
}

/** app_id|zp_trans_id|amount|[refund_fee_amount|]description|timestamp, by name. */
export function refundSignedFields(request: RefundMacRequest): SignedField[] {
  return [
    ['app_id', request.app_id],
    ['zp_trans_id', request.zp_trans_id],
    ['amount', request.amount],
    ...(request.refund_fee_amount === undefined
      ? []
      : [['refund_fee_amount', request.refund_fee_amount] as const]),
    ['description', request.description],
    ['timestamp', request.timestamp],
  ];
}

export function refundMacVariants(request: RefundMacRequest): MacVariant[] {
  const fields = refundSignedFields(request);
  const formula = fields.map(([name]) => name).join('|');
  const variants: MacVariant[] = [
    {
      fields: [...fields, ['m_refund_id', request.m_refund_id]],
      explain: (signed) =>
        `The MAC is over ${signed}: the refund MAC does not cover m_refund_id. Sign ${formula} (m_refund_id is sent, not signed).`,
    },
  ];
  if (request.refund_fee_amount !== undefined) {
    const withoutFee = fields.filter(([name]) => name !== 'refund_fee_amount');
    variants.push({
      fields: withoutFee,
      explain: (signed) =>
        `The MAC is over ${signed}, without refund_fee_amount, but the request sends refund_fee_amount: once it is sent the formula is ${formula}. Sign it, or leave the field out of the request.`,
    });
  }
  return variants;
}
