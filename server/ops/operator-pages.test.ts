// The operator pages' own words: Vietnam times, the refund confirmation step, and /ops without a token.
import { describe, expect, it } from 'vitest';
import { operatorPagesOffPage, refundConfirmationPage } from './operator-pages';

describe('operator pages', () => {
  it('asks to confirm a refund with its amount, reason and what is left, and sends the same token on', () => {
    const page = refundConfirmationPage({
      appTransId: '261125_ABCDEFGHJK_1',
      amount: 25_000,
      description: 'One item <out> of stock',
      refundToken: 'AAAAAAAAAAAAAAAAAAAAAA',
      summary: { refunded: 0, inFlight: 0, refundable: 90_000 },
    });
    expect(page).toContain('<h1>Refund 25,000 VND?</h1>');
    expect(page).toContain('65,000 VND');
    expect(page).toContain('action="/ops/orders/261125_ABCDEFGHJK_1/refunds"');
    expect(page).toContain('name="refund_token" value="AAAAAAAAAAAAAAAAAAAAAA"');
    expect(page).toContain('One item &lt;out&gt; of stock');
    expect(page).toContain('Confirm refund of 25,000 VND');
  });

  it('without ADMIN_TOKEN, says how to turn the pages on', () => {
    const page = operatorPagesOffPage();
    expect(page).toContain('Operator pages are off');
    expect(page).toContain('<code>ADMIN_TOKEN</code>');
    expect(page).toContain('at least 16 characters');
  });
});
