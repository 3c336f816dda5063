// The examples of the OpenAPI document (openapi-document.ts): one request and one answer per operation.
// openapi-document.test.ts checks each against the schema it illustrates, so they cannot go stale.

export const ORDER_REQUEST_EXAMPLE = {
  lines: [
    { name: 'Hoodie, size M', unit_price: 250_000, quantity: 2 },
    { sku: 'banh-mi', quantity: 1 },
  ],
  merchant_reference: 'WC-10023',
  metadata: { customer_id: '8812' },
  return_url: 'https://shop.example/thanks',
  cancel_url: 'https://shop.example/cart',
  expires_in_seconds: 900,
  description: 'Đơn hàng WC-10023',
};

export const ORDER_ANSWER_EXAMPLE = {
  order_id: 'K7W2M9QX4T',
  status: 'AWAITING_PAYMENT',
  total: 530_000,
  currency: 'VND',
  checkout_url: 'https://pay.example/checkout/K7W2M9QX4T',
  description: 'Đơn hàng WC-10023',
  merchant_reference: 'WC-10023',
  metadata: { customer_id: '8812' },
  return_url: 'https://shop.example/thanks',
  cancel_url: 'https://shop.example/cart',
  expires_at: '2026-12-04T10:30:00.000Z',
  created_at: '2026-12-04T10:15:00.000Z',
  lines: [
    { sku: null, name: 'Hoodie, size M', unit_price: 250_000, quantity: 2, line_total: 500_000 },
    { sku: 'banh-mi', name: 'Bánh mì', unit_price: 30_000, quantity: 1, line_total: 30_000 },
  ],
  attempts: [],
  payment: null,
  receipt: null,
  refunded_amount: 0,
  refunds: [],
};

export const REFUND_EXAMPLE = {
  refund_id: '261204_2553_1733300000000abc',
  order_id: 'K7W2M9QX4T',
  amount: 20_000,
  reason: 'Customer returned one item',
  status: 'PROCESSING',
  zp_refund_id: null,
  failure_reason: null,
  created_at: '2026-12-04T11:00:00.000Z',
  settled_at: null,
};

export const PRODUCT_EXAMPLE = {
  sku: 'ca-phe-sua-da',
  name_vi: 'Cà phê sữa đá',
  name_en: 'Iced milk coffee',
  unit_price: 29_000,
  active: true,
  description_vi: null,
  description_en: null,
  position: 1,
};

export const SHOP_EXAMPLE = {
  name: 'Cà Phê Demo',
  tagline_vi: 'Thanh toán bằng ZaloPay',
  tagline_en: 'Pay with ZaloPay',
  support_phone: '+84 28 1234 5678',
  support_email: null,
  brand_color: '#0050c8',
  order_description: 'Đơn hàng {ref}',
  logo_image_id: null,
  favicon_image_id: null,
};
