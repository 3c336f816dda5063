// The words of an order's pages (the checkout, the QR and the app step, the confirmation, the receipt) in
// both languages. Only those pages' chunks need them, so they stay out of the shop's first download
// (client/bundle.test.ts); the shop's own words (en.ts, vi.ts) come along, so a page asks one hook.
import { en as shopEn, type Messages } from './en';
import type { Language } from './language';
import { useI18n } from './language-context';
import { vi as shopVi } from './vi';

const en = {
  unitPriceTimes: (count: number, unitPrice: string) => `${count} × ${unitPrice}`,
  total: 'Total',

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

  qrHeading: 'Scan to pay with ZaloPay',
  qrLabel: 'ZaloPay QR code',
  qrSteps: [
    'Open the ZaloPay app on your phone.',
    'Tap “Scan QR” and point the camera at this code.',
    'Check the amount and confirm the payment in the app.',
  ],
  amountToPay: 'Amount to pay',
  expiresIn: (time: string) => `This code expires in ${time}`,
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
};

export type OrderMessages = Messages & typeof en;

const vi: typeof en = {
  unitPriceTimes: (count: number, unitPrice: string) => `${count} × ${unitPrice}`,
  total: 'Tổng cộng',

  loadingOrder: 'Đang tải đơn hàng…',
  orderLoadFailedHeading: 'Chưa thể tải đơn hàng',
  orderLoadFailedBody:
    'Máy chủ chưa phản hồi. Đơn hàng của bạn vẫn an toàn; vui lòng thử lại sau giây lát.',
  orderNotFoundBody:
    'Không có đơn hàng nào với mã này. Vui lòng kiểm tra lại đường dẫn, hoặc tạo đơn hàng mới tại cửa hàng.',
  orderCancelledHeading: 'Đơn hàng đã bị hủy',
  orderCancelledBody:
    'Đơn hàng này đã bị hủy và không thể thanh toán nữa. Bạn sẽ không bị trừ thêm tiền.',
  continueShopping: 'Tiếp tục mua sắm',
  goToShop: 'Đến cửa hàng',
  returnToShop: (shop: string) => `Quay lại ${shop}`,
  cancelAndReturn: (shop: string) => `Hủy và quay lại ${shop}`,
  orderExpiredHeading: 'Đơn hàng đã hết hạn',
  orderExpiredBody:
    'Đã quá thời hạn thanh toán đơn hàng này và bạn chưa bị trừ tiền. Vui lòng quay lại cửa hàng để đặt lại.',

  qrHeading: 'Quét mã để thanh toán bằng ZaloPay',
  qrLabel: 'Mã QR ZaloPay',
  qrSteps: [
    'Mở ứng dụng ZaloPay trên điện thoại.',
    'Chọn “Quét mã QR” và hướng camera vào mã này.',
    'Kiểm tra số tiền và xác nhận thanh toán trong ứng dụng.',
  ],
  amountToPay: 'Số tiền thanh toán',
  expiresIn: (time: string) => `Mã hết hạn sau ${time}`,
  canStillPayFor: (time: string) => `Bạn vẫn có thể thanh toán trong ${time}`,
  payingSoonEnds: 'Còn chưa đến một phút để thanh toán đơn hàng này.',
  expiringSoon: 'Còn chưa đến một phút: hãy quét ngay, hoặc tạo mã QR mới cho cùng đơn hàng.',
  waitingForPayment: 'Đang chờ bạn thanh toán trên ZaloPay…',
  openOnDevice: 'Mở ZaloPay trên thiết bị này',
  showQrInstead: 'Hiển thị mã QR',
  openingZaloPay: 'Đang mở ứng dụng ZaloPay…',
  openingHint:
    'Nếu không có gì xảy ra, hãy kiểm tra ZaloPay đã được cài đặt, hoặc hiển thị mã QR và quét bằng điện thoại khác.',
  openLink: 'Mở trang thanh toán ZaloPay',
  continueInZaloPayHeading: 'Giao dịch đang chờ bạn trên ZaloPay',
  continueInZaloPayBody: 'Mở ZaloPay để hoàn tất thanh toán đơn hàng này, hoặc hiển thị mã QR.',
  openZaloPay: 'Mở ZaloPay',
  preparingReceipt: 'Đã nhận thanh toán. Đang chuẩn bị biên nhận…',

  paidHeading: 'Thanh toán thành công',
  paidBody: (amount: string) => `Chúng tôi đã nhận ${amount}. Cảm ơn bạn đã đặt hàng!`,
  stillProcessingHeading: 'Giao dịch đang được xử lý',
  stillProcessingBody:
    'ZaloPay chưa xác nhận giao dịch này. Nếu tài khoản của bạn đã bị trừ tiền, đơn hàng sẽ được cập nhật tự động; bạn có thể kiểm tra lại sau vài phút.',
  checkAgain: 'Kiểm tra lại',
  notFoundHeading: 'Không tìm thấy đơn hàng',
  notFoundBody:
    'Không có đơn hàng nào với mã này. Vui lòng kiểm tra lại đường dẫn, hoặc tạo đơn hàng mới.',
  missingReferenceHeading: 'Thiếu mã đơn hàng',
  missingReferenceBody:
    'Trang này cần mã đơn hàng do ZaloPay gắn vào đường dẫn. Vui lòng quay lại cửa hàng.',
  verifyFailedHeading: 'Chưa thể kiểm tra thanh toán',
  verifyFailedBody:
    'Máy chủ chưa phản hồi. Khoản thanh toán của bạn vẫn an toàn; vui lòng thử lại sau giây lát.',
  orderReference: 'Mã đơn hàng',
  paymentReference: 'Mã giao dịch thanh toán',
  amountPaid: 'Số tiền đã thanh toán',
  paidAt: 'Thời gian thanh toán',
  vietnamTime: (time: string) => `${time} (giờ Việt Nam)`,
  paymentMethod: 'Phương thức thanh toán',
  paymentMethods: {
    wallet: 'Ví ZaloPay',
    card: 'Thẻ',
    bank_account: 'Tài khoản ngân hàng',
    unknown: 'ZaloPay',
  },
  zpTransId: 'Mã giao dịch ZaloPay',
  zpTransIdHint:
    'Hãy cung cấp mã này cho bộ phận hỗ trợ ZaloPay nếu bạn cần trợ giúp về giao dịch.',
  copy: 'Sao chép',
  copyZpTransId: 'Sao chép mã giao dịch ZaloPay',
  copied: 'Đã sao chép',
  copiedAnnouncement: 'Đã sao chép mã giao dịch ZaloPay.',
  copyFailed: 'Không sao chép được. Hãy tự chọn và sao chép mã.',
  refundedNote: 'Đơn hàng này đã được hoàn tiền toàn bộ.',
  partiallyRefundedNote: 'Một phần đơn hàng này đã được hoàn tiền.',
};

const ORDER_MESSAGES: Record<Language, OrderMessages> = {
  en: { ...shopEn, ...en },
  vi: { ...shopVi, ...vi },
};

/** The shop's words and the order pages' words, in the shopper's current language. */
export function useOrderMessages(): OrderMessages {
  return ORDER_MESSAGES[useI18n().language];
}
