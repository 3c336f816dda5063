import { screen, within } from '@testing-library/react';
import { TRPCError } from '@trpc/server';
import { describe, expect, it, vi } from 'vitest';
import { InvalidOrderError } from '../../server/payments/errors';
import { FakePayments } from '../testing/fake-payments';
import { renderWithApi } from '../testing/render-with-api';
import { ShopPage } from './shop-page';

function renderShop(payments = new FakePayments()) {
  const onOrderCreated = vi.fn();
  const rendered = renderWithApi(<ShopPage onOrderCreated={onOrderCreated} />, payments);
  return { ...rendered, onOrderCreated };
}

/** The café's usual cart: 2 iced milk coffees, 1 bánh mì, 1 flan (125,000 ₫). */
async function fillDemoCart(view: ReturnType<typeof renderShop>) {
  const addCoffee = await screen.findByRole('button', { name: 'Add one Iced milk coffee' });
  await view.user.click(addCoffee);
  await view.user.click(addCoffee);
  await view.user.click(screen.getByRole('button', { name: 'Add one Bánh mì' }));
  await view.user.click(screen.getByRole('button', { name: 'Add one Crème caramel' }));
}

function subtotal() {
  return screen.getByText('Subtotal').closest('p') as HTMLElement;
}

describe('ShopPage', () => {
  it('shows the server catalogue with an empty cart, then prices the chosen cart: 125,000 VND', async () => {
    const view = renderShop();
    expect(screen.getByRole('heading', { name: 'Your order' })).toBeInTheDocument();
    expect(await screen.findByText('Iced milk coffee')).toBeInTheDocument();
    expect(screen.getByText('Crème caramel')).toBeInTheDocument();
    expect(screen.getByLabelText('Quantity of Iced milk coffee')).toHaveValue(0);
    expect(within(subtotal()).getByText('₫0')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay with ZaloPay' })).toBeDisabled();
    await fillDemoCart(view);
    expect(screen.getByLabelText('Quantity of Iced milk coffee')).toHaveValue(2);
    expect(within(subtotal()).getByText('₫125,000')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay with ZaloPay' })).toBeEnabled();
  });

  it('changing quantities changes the subtotal and the lines ordered, and no amount is sent', async () => {
    const view = renderShop();
    expect(await screen.findByText('Iced milk coffee')).toBeInTheDocument();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    await fillDemoCart(view);
    await view.user.click(screen.getByRole('button', { name: 'Add one Iced milk coffee' }));
    expect(within(subtotal()).getByText('₫160,000')).toBeInTheDocument();
    await vi.waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Subtotal: ₫160,000'),
    );
    await view.user.click(screen.getByRole('button', { name: 'Remove one Bánh mì' }));
    expect(within(subtotal()).getByText('₫130,000')).toBeInTheDocument();
    const flan = screen.getByLabelText('Quantity of Crème caramel');
    await view.user.clear(flan);
    await view.user.type(flan, '4');
    expect(within(subtotal()).getByText('₫205,000')).toBeInTheDocument();

    await view.user.click(screen.getByRole('button', { name: 'Pay with ZaloPay' }));
    await vi.waitFor(() => expect(view.onOrderCreated).toHaveBeenCalledTimes(1));
    expect(view.payments.createOrderCalls).toEqual([
      [
        { sku: 'ca-phe-sua-da', quantity: 3 },
        { sku: 'banh-flan', quantity: 4 },
      ],
    ]);
    expect(view.onOrderCreated).toHaveBeenCalledWith('TESTORDER1');
    expect(view.payments.payOrderCalls).toEqual([]);
  });

  it('keeps a quantity between 0 and 99', async () => {
    const view = renderShop();
    const coffee = await screen.findByLabelText('Quantity of Iced milk coffee');
    await view.user.clear(coffee);
    await view.user.type(coffee, '150');
    expect(coffee).toHaveValue(99);
    expect(screen.getByRole('button', { name: 'Add one Iced milk coffee' })).toBeDisabled();
    await view.user.click(screen.getByRole('button', { name: 'Add one Bánh mì' }));
    await view.user.click(screen.getByRole('button', { name: 'Remove one Bánh mì' }));
    expect(screen.getByRole('button', { name: 'Remove one Bánh mì' })).toBeDisabled();
  });

  it('an empty cart cannot be paid, and says why', async () => {
    const view = renderShop();
    await fillDemoCart(view);
    await view.user.click(screen.getByRole('button', { name: 'Remove one Bánh mì' }));
    await view.user.click(screen.getByRole('button', { name: 'Remove one Crème caramel' }));
    await view.user.click(screen.getByRole('button', { name: 'Remove one Iced milk coffee' }));
    await view.user.click(screen.getByRole('button', { name: 'Remove one Iced milk coffee' }));
    expect(screen.getByText(/Your cart is empty/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Pay with ZaloPay' })).toBeDisabled();
    expect(within(subtotal()).getByText('₫0')).toBeInTheDocument();
  });

  it('locks Pay while the order is created, so a double click makes ONE order', async () => {
    const payments = new FakePayments();
    let release = () => {};
    payments.createOrderGate = new Promise<void>((resolve) => (release = resolve));
    const view = renderShop(payments);
    await fillDemoCart(view);

    await view.user.dblClick(screen.getByRole('button', { name: 'Pay with ZaloPay' }));
    expect(screen.getByRole('button', { name: 'Pay with ZaloPay' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Creating your ZaloPay order…');
    release();
    await vi.waitFor(() => expect(view.onOrderCreated).toHaveBeenCalledTimes(1));
    expect(payments.createOrderCalls).toHaveLength(1);
  });

  it('on BAD_REQUEST, shows the server message naming the line, and Pay can be tried again', async () => {
    const payments = new FakePayments();
    payments.createOrderFailures.push(
      new InvalidOrderError('lines[1].sku', 'banh-mi is no longer sold'),
    );
    const view = renderShop(payments);
    await fillDemoCart(view);
    await view.user.click(screen.getByRole('button', { name: 'Pay with ZaloPay' }));
    expect(
      await screen.findByText('Please check the order: lines[1].sku: banh-mi is no longer sold', {
        selector: '.error-box p',
      }),
    ).toBeVisible();
    await view.user.click(screen.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(view.onOrderCreated).toHaveBeenCalledWith('TESTORDER1'));
  });

  it('says so when the catalogue cannot be loaded, and loads it on Try again', async () => {
    const payments = new FakePayments();
    const listProducts = vi
      .spyOn(payments, 'listProducts')
      .mockRejectedValueOnce(new TRPCError({ code: 'BAD_REQUEST', message: 'nope' }));
    const view = renderShop(payments);
    expect(await screen.findByText('We could not load the menu. Please try again.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Pay with ZaloPay' })).toBeDisabled();
    await view.user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Iced milk coffee')).toBeInTheDocument();
    expect(listProducts).toHaveBeenCalledTimes(2);
  });
});
