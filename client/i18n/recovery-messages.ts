// The words of a payment that did not go straight through (declined, cancelled, expired, slow, the app
// not opening), in both
// languages. Only the checkout's and the confirmation page's chunks need them, so they stay out of the
// shop's first download (client/bundle.test.ts).
import type { Language } from './language';

const en = {
  copyPaymentLink: 'Copy payment link',
  paymentLinkCopied: 'Payment link copied.',
  appHelpHeading: 'ZaloPay did not open?',
  appHelpBody:
    'Install the ZaloPay app and come back to this page, or copy the payment link and open it on a phone that has ZaloPay.',
  appStore: 'ZaloPay on the App Store',
  googlePlay: 'ZaloPay on Google Play',
  failedHeading: 'Payment not completed',
  failedBody:
    'ZaloPay could not complete this payment, so no money was taken. Your order is kept: you can try again.',
  expiredHeading: 'This payment expired',
  expiredBody:
    'The time to pay ran out before a payment arrived, so nothing was charged. Your order is kept: pay again to continue.',
  payAgain: 'Pay again',
  payAgainFailed: 'We could not start a new payment. Please try again in a moment.',
  newQrCode: 'New QR code',
  notCompletedHeading: 'Payment not completed',
  redirectReasons: {
    declined:
      'Your payment was declined (for example, the card was refused or had too little money). No money was taken.',
    cancelled: 'You cancelled the payment in ZaloPay, so nothing was charged.',
    other: 'ZaloPay did not complete the payment. No money was taken.',
  },
  stillListening: 'If you pay in ZaloPay meanwhile, this page will update by itself.',
  tryAgainInZaloPay: 'Try again in ZaloPay',
  openZaloPayAgain: 'Open ZaloPay again',
  chooseAnotherWay: 'Choose another way to pay',
  returnToOrder: 'Return to your order',
  stillWorking: 'Still working: ZaloPay is taking longer than usual…',
  createTimedOut: 'ZaloPay did not answer in time. No money was taken. Please try again.',
  cancelledHeading: 'Payment cancelled',
  phoneReportHeadings: {
    declined: 'Not completed on your phone: declined',
    cancelled: 'Not completed on your phone: cancelled',
    other: 'Not completed on your phone',
  },
  phoneReportQrStillWorks:
    'This QR code still works until the time runs out: scan it again, open ZaloPay again, or choose another way to pay.',
};

export type RecoveryMessages = typeof en;

const vi: RecoveryMessages = {
  copyPaymentLink: 'Sao chép liên kết thanh toán',
  paymentLinkCopied: 'Đã sao chép liên kết thanh toán.',
  appHelpHeading: 'ZaloPay không mở?',
  appHelpBody:
    'Hãy cài ứng dụng ZaloPay rồi quay lại trang này, hoặc sao chép liên kết thanh toán và mở nó trên điện thoại có ZaloPay.',
  appStore: 'ZaloPay trên App Store',
  googlePlay: 'ZaloPay trên Google Play',
  failedHeading: 'Thanh toán chưa hoàn tất',
  failedBody:
    'ZaloPay chưa thể hoàn tất giao dịch này nên bạn chưa bị trừ tiền. Đơn hàng vẫn được giữ: bạn có thể thử lại.',
  expiredHeading: 'Giao dịch này đã hết hạn',
  expiredBody:
    'Đã hết thời gian thanh toán mà chưa nhận được tiền, nên bạn chưa bị trừ tiền. Đơn hàng vẫn được giữ: hãy thanh toán lại để tiếp tục.',
  payAgain: 'Thanh toán lại',
  payAgainFailed: 'Chưa thể tạo giao dịch mới. Vui lòng thử lại sau giây lát.',
  newQrCode: 'Tạo mã QR mới',
  notCompletedHeading: 'Thanh toán chưa hoàn tất',
  redirectReasons: {
    declined:
      'Giao dịch bị từ chối (ví dụ thẻ bị từ chối hoặc không đủ số dư). Bạn chưa bị trừ tiền.',
    cancelled: 'Bạn đã hủy thanh toán trên ZaloPay nên chưa bị trừ tiền.',
    other: 'ZaloPay chưa hoàn tất giao dịch. Bạn chưa bị trừ tiền.',
  },
  stillListening: 'Nếu bạn thanh toán trên ZaloPay trong lúc này, trang sẽ tự cập nhật.',
  tryAgainInZaloPay: 'Thử lại trên ZaloPay',
  openZaloPayAgain: 'Mở lại ZaloPay',
  chooseAnotherWay: 'Chọn cách thanh toán khác',
  returnToOrder: 'Quay lại đơn hàng',
  stillWorking: 'Vẫn đang xử lý: ZaloPay phản hồi chậm hơn thường lệ…',
  createTimedOut: 'ZaloPay không phản hồi kịp. Bạn chưa bị trừ tiền. Vui lòng thử lại.',
  cancelledHeading: 'Đã hủy thanh toán',
  phoneReportHeadings: {
    declined: 'Chưa hoàn tất trên điện thoại: giao dịch bị từ chối',
    cancelled: 'Chưa hoàn tất trên điện thoại: bạn đã hủy',
    other: 'Chưa hoàn tất trên điện thoại',
  },
  phoneReportQrStillWorks:
    'Mã QR này vẫn dùng được đến khi hết giờ: hãy quét lại, mở lại ZaloPay, hoặc chọn cách thanh toán khác.',
};

export const RECOVERY_MESSAGES: Record<Language, RecoveryMessages> = { en, vi };
