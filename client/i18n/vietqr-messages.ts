// The words of the banking-app (VietQR) tab, in both languages, in the QR step's chunk only.
import { useI18n } from './language-context';
import type { Language } from './language';

const en = {
  payWithLabel: 'How to pay',
  zaloPayTab: 'ZaloPay app',
  vietQrTab: 'ZaloPay or any banking app (VietQR)',
  vietQrLabel: 'VietQR code for ZaloPay and banking apps',
  vietQrMarks: 'NAPAS 247 · VietQR',
  vietQrSteps: [
    'Open ZaloPay or your bank’s app.',
    'Choose “Scan QR” and point the camera at this code.',
    'Check the shop and the amount, then confirm the transfer.',
  ],
};

export type VietQrMessages = typeof en;

const vi: VietQrMessages = {
  payWithLabel: 'Cách thanh toán',
  zaloPayTab: 'Ứng dụng ZaloPay',
  vietQrTab: 'ZaloPay hoặc ngân hàng (VietQR)',
  vietQrLabel: 'Mã VietQR cho ZaloPay và ứng dụng ngân hàng',
  vietQrMarks: 'NAPAS 247 · VietQR',
  vietQrSteps: [
    'Mở ZaloPay hoặc ứng dụng ngân hàng của bạn.',
    'Chọn “Quét mã QR” và hướng camera vào mã này.',
    'Kiểm tra tên cửa hàng và số tiền, rồi xác nhận chuyển khoản.',
  ],
};

const VIETQR_MESSAGES: Record<Language, VietQrMessages> = { en, vi };

export function useVietQrMessages(): VietQrMessages {
  return VIETQR_MESSAGES[useI18n().language];
}
