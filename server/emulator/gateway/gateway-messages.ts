// The words of the emulator's gateway pages in Vietnamese (the default, as on ZaloPay's own gateway) and
// English (`?lang=en`, or the `lang` field the pages' forms carry). Developer tools stay English.
import type { CardOutcome } from './test-cards';

export type GatewayLanguage = 'vi' | 'en';

/** `en` picks English; anything else (missing, unknown) is Vietnamese. */
export function gatewayLanguageOf(value: unknown): GatewayLanguage {
  return value === 'en' ? 'en' : 'vi';
}

interface Notice {
  title: string;
  message: string;
}

export interface GatewayMessages {
  badge: string;
  payTitle: (merchantName: string) => string;
  amount: string;
  description: string;
  order: string;
  timeLeft: string;
  qrTitle: string;
  scanHint: string;
  expiredNote: string;
  chooseHow: string;
  payWallet: string;
  testCard: string;
  payCard: string;
  cancel: string;
  /** The link to the other language, written in that language. */
  otherLanguage: string;
  outcomes: Record<CardOutcome, string>;
  orderCancelled: Notice;
  orderExpired: Notice;
  paymentInProgress: Notice;
  alreadyPaid: Notice;
  orderNotFound: Notice;
  unknownCard: string;
  cardDeclined: string;
  invalidPaymentPeriod: (minutesOld: number) => Notice;
  paidWithoutRedirect: Notice;
  cancelledWithoutRedirect: Notice;
  requestUnreadable: Notice;
  emulatorFailed: Notice;
}

const vi: GatewayMessages = {
  badge: 'Trình giả lập ZaloPay sandbox',
  payTitle: (merchantName) => `Thanh toán cho ${merchantName}`,
  amount: 'Số tiền',
  description: 'Nội dung',
  order: 'Mã đơn hàng',
  timeLeft: 'Thời gian còn lại',
  qrTitle: 'Mã QR của đơn hàng',
  scanHint: 'Quét mã cần ứng dụng ZaloPay; trong trình giả lập, hãy dùng các nút bên dưới.',
  expiredNote: 'Đơn hàng này đã hết hạn.',
  chooseHow: 'Chọn cách thanh toán',
  payWallet: 'Thanh toán bằng ví ZaloPay',
  testCard: 'Thẻ thử nghiệm',
  payCard: 'Thanh toán bằng thẻ',
  cancel: 'Hủy thanh toán',
  otherLanguage: 'English',
  outcomes: {
    success: 'Thành công',
    insufficient_funds: 'Không đủ số dư',
    timeout: 'Ngân hàng không phản hồi',
    lost_or_stolen: 'Thẻ bị mất hoặc bị đánh cắp',
  },
  orderCancelled: {
    title: 'Đơn hàng này đã bị hủy',
    message:
      'Cửa hàng đã hủy đơn hàng này: không thể thanh toán nữa. Hãy quay lại cửa hàng để bắt đầu lại.',
  },
  orderExpired: {
    title: 'Đơn hàng này đã hết hạn',
    message: 'Đã hết thời gian thanh toán đơn hàng này. Hãy quay lại cửa hàng để bắt đầu lại.',
  },
  paymentInProgress: {
    title: 'Đang xử lý thanh toán',
    message: 'Một giao dịch thanh toán của đơn hàng này đang được xử lý.',
  },
  alreadyPaid: {
    title: 'Đơn hàng này đã được thanh toán',
    message: 'Không cần làm gì thêm: đơn hàng này đã thanh toán thành công.',
  },
  orderNotFound: {
    title: 'Không tìm thấy đơn hàng',
    message: 'Liên kết thanh toán này không hợp lệ hoặc đơn hàng không tồn tại.',
  },
  unknownCard: 'Đây không phải là thẻ thử nghiệm của sandbox.',
  cardDeclined: 'Thẻ bị từ chối. Hãy chọn thẻ khác hoặc ví ZaloPay.',
  invalidPaymentPeriod: (minutesOld) => ({
    title: 'Thời gian thanh toán không hợp lệ',
    message: `app_time của đơn hàng này sớm hơn lúc thanh toán ${minutesOld} phút: ZaloPay từ chối thanh toán. Cửa hàng cần tạo đơn hàng mới với thời gian hiện tại.`,
  }),
  paidWithoutRedirect: {
    title: 'Thanh toán thành công',
    message:
      'Đơn hàng đã được thanh toán. Cửa hàng không đặt URL chuyển hướng, nên hành trình kết thúc tại đây.',
  },
  cancelledWithoutRedirect: {
    title: 'Đã hủy thanh toán',
    message: 'Bạn đã rời trang thanh toán. Vẫn có thể thanh toán đơn hàng cho đến khi hết hạn.',
  },
  requestUnreadable: { title: 'Đã xảy ra lỗi', message: 'Không đọc được yêu cầu.' },
  emulatorFailed: {
    title: 'Đã xảy ra lỗi',
    message: 'Trình giả lập không xử lý được yêu cầu này.',
  },
};

const en: GatewayMessages = {
  badge: 'ZaloPay sandbox emulator',
  payTitle: (merchantName) => `Pay ${merchantName}`,
  amount: 'Amount',
  description: 'Description',
  order: 'Order',
  timeLeft: 'Time left',
  qrTitle: 'QR code of this order',
  scanHint: 'Scanning needs the ZaloPay app; in the emulator use the buttons below.',
  expiredNote: 'This order has expired.',
  chooseHow: 'Choose how to pay',
  payWallet: 'Pay with ZaloPay wallet',
  testCard: 'Test card',
  payCard: 'Pay by card',
  cancel: 'Cancel',
  otherLanguage: 'Tiếng Việt',
  outcomes: {
    success: 'Succeeds',
    insufficient_funds: 'Insufficient funds',
    timeout: 'Bank timeout',
    lost_or_stolen: 'Lost or stolen card',
  },
  orderCancelled: {
    title: 'This order was cancelled',
    message:
      'The shop cancelled this order: it can no longer be paid. Go back to the shop to start again.',
  },
  orderExpired: {
    title: 'This order has expired',
    message: 'The time to pay this order is over. Go back to the shop to start again.',
  },
  paymentInProgress: {
    title: 'Payment in progress',
    message: 'A payment of this order is being processed.',
  },
  alreadyPaid: {
    title: 'This order is already paid',
    message: 'Nothing more to do: the payment of this order went through.',
  },
  orderNotFound: {
    title: 'Order not found',
    message: 'This payment link is not valid or the order does not exist.',
  },
  unknownCard: 'That is not one of the sandbox test cards.',
  cardDeclined: 'The card was declined. Choose another card or the wallet.',
  invalidPaymentPeriod: (minutesOld) => ({
    title: 'The payment period is invalid',
    message: `This order's app_time is ${minutesOld} minutes before the payment: ZaloPay refuses to pay it. The shop must create a new order with the current time.`,
  }),
  paidWithoutRedirect: {
    title: 'Payment successful',
    message:
      'The order is paid. The merchant set no redirect URL, so this is the end of the journey.',
  },
  cancelledWithoutRedirect: {
    title: 'Payment cancelled',
    message: 'You left the payment. The order can still be paid until it expires.',
  },
  requestUnreadable: { title: 'Something went wrong', message: 'The request could not be read.' },
  emulatorFailed: {
    title: 'Something went wrong',
    message: 'The emulator failed to handle this request.',
  },
};

export const GATEWAY_MESSAGES: Record<GatewayLanguage, GatewayMessages> = { vi, en };
