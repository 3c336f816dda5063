// Every English string the checkout shows. vi.ts must provide the same keys (its type is this one's).
export const en = {
  languageLabel: 'Language',
  supportContact: 'Questions? Contact the shop:',

  cartHeading: 'Your order',
  unitPriceTimes: (count: number, unitPrice: string) => `${count} × ${unitPrice}`,
  quantityOf: (name: string) => `Quantity of ${name}`,
  removeOne: (name: string) => `Remove one ${name}`,
  addOne: (name: string) => `Add one ${name}`,
  subtotal: 'Subtotal',
  subtotalNote: 'The final amount is confirmed by the shop when you pay.',
  total: 'Total',
  cartEmpty: 'Your cart is empty. Add at least one item to pay.',
  loadingMenu: 'Loading the menu…',
  menuFailed: 'We could not load the menu. Please try again.',

  loadingOrder: 'Loading your order…',
  orderLoadFailedHeading: 'We could not load your order',
  orderLoadFailedBody:
    'Our server did not answer. Your order is safe; please try again in a moment.',
  orderNotFoundBody:
    'We have no order with this reference. Please check the link, or start a new order in the shop.',
  orderCancelledHeading: 'Order cancelled',
  orderCancelledBody:
    'This order was cancelled and can no longer be paid. Nothing more will be charged.',
  continueShopping: 'Continue shopping',
  goToShop: 'Go to the shop',
  returnToShop: (shop: string) => `Return to ${shop}`,
  cancelAndReturn: (shop: string) => `Cancel and return to ${shop}`,
  orderExpiredHeading: 'This order has expired',
  orderExpiredBody:
    'The time to pay this order has passed and nothing was charged. Please go back to the shop to order again.',

  payButton: 'Pay with ZaloPay',
  creatingOrder: 'Creating your ZaloPay order…',
  createFailed: 'We could not start the payment. No money was taken. Please try again.',
  checkDetails: (detail: string) => `Please check the order: ${detail}`,
  tryAgain: 'Try again',

  qrHeading: 'Scan to pay with ZaloPay',
  qrLabel: 'ZaloPay QR code',
  qrSteps: [
    'Open the ZaloPay app on your phone.',
    'Tap “Scan QR” and point the camera at this code.',
    'Check the amount and confirm the payment in the app.',
  ],
  amountToPay: 'Amount to pay',
  expiresIn: (time: string) => `This code expires in ${time}`,
  pageNotFoundHeading: 'Page not found',
  pageNotFoundText:
    'There is no page at this address. Your orders are safe: start again from the shop.',
  canStillPayFor: (time: string) => `You can still pay for ${time}`,
  payingSoonEnds: 'Less than a minute left to pay for this order.',
  expiringSoon: 'Less than a minute left: scan now, or get a new QR code for the same order.',
  waitingForPayment: 'Waiting for your payment in ZaloPay…',
  openOnDevice: 'Open ZaloPay on this device',
  showQrInstead: 'Show QR code instead',
  openingZaloPay: 'Opening the ZaloPay app…',
  openingHint:
    'If nothing happens, check that ZaloPay is installed, or show the QR code and scan it with another phone.',
  openLink: 'Open the ZaloPay payment page',
  continueInZaloPayHeading: 'Your payment is waiting in ZaloPay',
  continueInZaloPayBody: 'Open ZaloPay to finish paying this order, or show the QR code instead.',
  openZaloPay: 'Open ZaloPay',
  preparingReceipt: 'Payment received. Preparing your receipt…',

  paidHeading: 'Payment successful',
  paidBody: (amount: string) => `We received ${amount}. Thank you for your order!`,
  verifyingHeading: 'Verifying your payment…',
  verifyingBody: 'We are confirming the result with ZaloPay. This usually takes a few seconds.',
  stillProcessingHeading: 'Still processing',
  stillProcessingBody:
    'ZaloPay has not confirmed this payment yet. If money left your account, the order will be updated automatically; you can check again in a few minutes.',
  checkAgain: 'Check again',
  notFoundHeading: 'Order not found',
  notFoundBody:
    'We have no order with this reference. Please check the link, or start a new order.',
  missingReferenceHeading: 'Missing order reference',
  missingReferenceBody:
    'This page needs the order reference that ZaloPay adds to the link. Please return to the shop.',
  verifyFailedHeading: 'We could not check your payment',
  verifyFailedBody:
    'Our server did not answer. Your payment is safe; please try again in a moment.',
  orderReference: 'Order reference',
  paymentReference: 'Payment reference',
  amountPaid: 'Amount paid',
  paidAt: 'Paid at',
  vietnamTime: (time: string) => `${time} (Vietnam time)`,
  paymentMethod: 'Payment method',
  paymentMethods: {
    wallet: 'ZaloPay wallet',
    card: 'Card',
    bank_account: 'Bank account',
    unknown: 'ZaloPay',
  },
  zpTransId: 'ZaloPay transaction ID',
  zpTransIdHint: 'Give this number to ZaloPay support if you ever need help with this payment.',
  copy: 'Copy',
  copyZpTransId: 'Copy the ZaloPay transaction ID',
  copied: 'Copied',
  copiedAnnouncement: 'ZaloPay transaction ID copied.',
  copyFailed: 'Could not copy. Select the number and copy it yourself.',
  refundedNote: 'This order was refunded in full.',
  partiallyRefundedNote: 'Part of this order was refunded.',
  backToShop: 'Back to the shop',
};

export type Messages = typeof en;
