// The Vietnamese words of the shop's first page, key for key with en.ts (order-messages.ts has the rest).
import type { Messages } from './en';

export const vi: Messages = {
  languageLabel: 'Ngôn ngữ (Language)',
  supportContact: 'Cần hỗ trợ? Liên hệ cửa hàng:',

  cartHeading: 'Đơn hàng của bạn',
  quantityOf: (name: string) => `Số lượng ${name}`,
  removeOne: (name: string) => `Bớt một ${name}`,
  addOne: (name: string) => `Thêm một ${name}`,
  subtotal: 'Tạm tính',
  subtotalNote: 'Số tiền cuối cùng do cửa hàng xác nhận khi bạn thanh toán.',
  cartEmpty: 'Giỏ hàng đang trống. Hãy thêm ít nhất một món để thanh toán.',
  loadingMenu: 'Đang tải thực đơn…',
  menuFailed: 'Chưa thể tải thực đơn. Vui lòng thử lại.',

  payButton: 'Thanh toán bằng ZaloPay',
  creatingOrder: 'Đang tạo đơn hàng ZaloPay…',
  createFailed: 'Chưa thể bắt đầu thanh toán. Bạn chưa bị trừ tiền. Vui lòng thử lại.',
  checkDetails: (detail: string) => `Vui lòng kiểm tra đơn hàng: ${detail}`,
  tryAgain: 'Thử lại',

  pageNotFoundHeading: 'Không tìm thấy trang',
  pageNotFoundText:
    'Không có trang nào ở địa chỉ này. Đơn hàng của bạn vẫn an toàn: hãy bắt đầu lại từ cửa hàng.',

  verifyingHeading: 'Đang xác minh thanh toán…',
  verifyingBody: 'Chúng tôi đang xác nhận kết quả với ZaloPay. Việc này thường chỉ mất vài giây.',
  backToShop: 'Quay lại cửa hàng',
};
