import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { OrderView, ReceiptView } from '../../server/payments/status/order-view';
import { renderWithApi } from '../testing/render-with-api';
import { Receipt } from './receipt';

const RECEIPT: ReceiptView = {
  appTransId: '261125_7K3QMX9P2A_2',
  zpTransId: '261125000012345',
  amount: 125_000,
  paidAt: new Date('2026-11-25T16:59:00Z'),
  method: 'wallet',
};

const ORDER: OrderView = {
  orderId: '7K3QMX9P2A',
  status: 'PAID',
  total: 125_000,
  lines: [
    {
      sku: 'ca-phe-sua-da',
      name: { vi: 'Cà phê sữa đá', en: 'Iced milk coffee' },
      unitPrice: 35_000,
      quantity: 2,
      lineTotal: 70_000,
    },
    {
      sku: 'banh-mi',
      name: { vi: 'Bánh mì', en: 'Bánh mì' },
      unitPrice: 30_000,
      quantity: 1,
      lineTotal: 30_000,
    },
  ],
  createdAt: new Date('2026-11-25T16:50:00Z'),
  attempts: [],
  livePayment: null,
  receipt: RECEIPT,
  serverTime: new Date('2026-11-25T17:00:00Z'),
  merchant: null,
};

function renderReceipt(receipt: ReceiptView = RECEIPT) {
  return renderWithApi(<Receipt order={ORDER} receipt={receipt} headingLevel={1} />);
}

describe('Receipt', () => {
  it('shows the reference, lines, amount, Vietnam time (the next day there) and the method in words', () => {
    renderReceipt();
    expect(screen.getByRole('heading', { level: 1, name: 'Payment successful' })).toHaveFocus();
    expect(screen.getByText('7K3QMX9P2A')).toBeInTheDocument();
    expect(screen.getByText('Iced milk coffee')).toBeInTheDocument();
    expect(screen.getByText('2 × ₫35,000')).toBeInTheDocument();
    expect(screen.getByText('Amount paid').nextElementSibling).toHaveTextContent('₫125,000');
    expect(screen.getByText('25 Nov 2026, 23:59 (Vietnam time)')).toHaveAttribute(
      'datetime',
      '2026-11-25T16:59:00.000Z',
    );
    expect(screen.getByText('ZaloPay wallet')).toBeInTheDocument();
    expect(screen.getByText('261125000012345')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue shopping' })).toHaveAttribute('href', '/');
  });

  it('names a card payment, in Vietnamese too, with the same Vietnam time', () => {
    window.localStorage.setItem('checkout.language', 'vi');
    renderReceipt({ ...RECEIPT, method: 'card' });
    expect(screen.getByText('Thẻ')).toBeInTheDocument();
    expect(screen.getByText('25/11/2026 23:59 (giờ Việt Nam)')).toBeInTheDocument();
  });

  it('names a bank account payment', () => {
    renderReceipt({ ...RECEIPT, method: 'bank_account' });
    expect(screen.getByText('Bank account')).toBeInTheDocument();
  });

  it('copies ZaloPay’s transaction id and confirms it on the button and to screen readers', async () => {
    const view = renderReceipt();
    await view.user.click(screen.getByRole('button', { name: 'Copy the ZaloPay transaction ID' }));
    expect(await navigator.clipboard.readText()).toBe('261125000012345');
    expect(
      screen.getByRole('button', { name: 'Copy the ZaloPay transaction ID' }),
    ).toHaveTextContent('Copied');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('ZaloPay transaction ID copied.'),
    );
  });

  it('says how to copy by hand when the browser refuses the clipboard', async () => {
    const view = renderReceipt();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    await view.user.click(screen.getByRole('button', { name: 'Copy the ZaloPay transaction ID' }));
    expect(
      await screen.findByText(/Could not copy/, { selector: '.copy-button__failed' }),
    ).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Copy the ZaloPay transaction ID' }),
    ).toHaveTextContent('Copy');
  });
});
