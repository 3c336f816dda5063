// The English words of the shop's first page (header, cart, Pay, not found, verifying): its first
// download. vi.ts must provide the same keys (its type is this one's); order pages add order-messages.ts.
export const en = {
  languageLabel: 'Language',
  supportContact: 'Questions? Contact the shop:',

  cartHeading: 'Your order',
  quantityOf: (name: string) => `Quantity of ${name}`,
  removeOne: (name: string) => `Remove one ${name}`,
  addOne: (name: string) => `Add one ${name}`,
  subtotal: 'Subtotal',
  subtotalNote: 'The final amount is confirmed by the shop when you pay.',
  cartEmpty: 'Your cart is empty. Add at least one item to pay.',
  loadingMenu: 'Loading the menu…',
  menuFailed: 'We could not load the menu. Please try again.',

  payButton: 'Pay with ZaloPay',
  creatingOrder: 'Creating your ZaloPay order…',
  createFailed: 'We could not start the payment. No money was taken. Please try again.',
  checkDetails: (detail: string) => `Please check the order: ${detail}`,
  tryAgain: 'Try again',

  pageNotFoundHeading: 'Page not found',
  pageNotFoundText:
    'There is no page at this address. Your orders are safe: start again from the shop.',

  verifyingHeading: 'Verifying your payment…',
  verifyingBody: 'We are confirming the result with ZaloPay. This usually takes a few seconds.',
  backToShop: 'Back to the shop',
};

export type Messages = typeof en;
