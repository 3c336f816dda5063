// Every Vietnamese string the checkout shows, key for key with en.ts.
import type { Messages } from './en';

export const vi: Messages = {
  languageLabel: 'Ngôn ngữ (Language)',
  supportContact: 'Cần hỗ trợ? Liên hệ cửa hàng:',

  cartHeading: 'Đơn hàng của bạn',
  unitPriceTimes: (count: number, unitPrice: string) => `${count} × ${unitPrice}`,
  quantityOf: (name: string) => `Số lượng ${name}`,
  removeOne: (name: string) => `Bớt một ${name}`,
  addOne: (name: string) => `Thêm một ${name}`,
  subtotal: 'Tạm tính',
  subtotalNote: 'Số tiền cuối cùng do cửa hàng xác nhận khi bạn thanh toán.',
  total: 'Tổng cộng',
  cartEmpty: 'Giỏ hàng đang trống. Hãy thêm ít nhất một món để thanh toán.',
  loadingMenu: 'Đang tải thực đơn…',
  menuFailed: 'Chưa thể tải thực đơn. Vui lòng thử lại.',

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

  payButton: 'Thanh toán bằng ZaloPay',
  creatingOrder: 'Đang tạo đơn hàng ZaloPay…',
  createFailed: 'Chưa thể bắt đầu thanh toán. Bạn chưa bị trừ tiền. Vui lòng thử lại.',
  checkDetails: (detail: string) => `Vui lòng kiểm tra đơn hàng: ${detail}`,
  tryAgain: 'Thử lại',

  qrHeading: 'Quét mã để thanh toán bằng ZaloPay',
  qrLabel: 'Mã QR ZaloPay',
  qrSteps: [
    'Mở ứng dụng ZaloPay trên điện thoại.',
    'Chọn “Quét mã QR” và hướng camera vào mã này.',
    'Kiểm tra số tiền và xác nhận thanh toán trong ứng dụng.',
  ],
  amountToPay: 'Số tiền thanh toán',
  expiresIn: (time: string) => `Mã hết hạn sau ${time}`,
  pageNotFoundHeading: 'Không tìm thấy trang',
  pageNotFoundText:
    'Không có trang nào ở địa chỉ này. Đơn hàng của bạn vẫn an toàn: hãy bắt đầu lại từ cửa hàng.',
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
  verifyingHeading: 'Đang xác minh thanh toán…',
  verifyingBody: 'Chúng tôi đang xác nhận kết quả với ZaloPay. Việc này thường chỉ mất vài giây.',
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
  backToShop: 'Quay lại cửa hàng',
};
