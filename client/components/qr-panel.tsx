// One QR code to scan, with who is paid and how much first and large (checked before scanning), the steps
// and the payment reference. Black on white with a 4-module quiet zone, as scanners expect. What it
// encodes is the caller's: order_url for the ZaloPay app, or ZaloPay's VietQR qr_code for banking apps.
import { QRCodeSVG } from 'qrcode.react';
import { formatVnd } from '../format/vnd';
import { useI18n } from '../i18n/language-context';
import { useOrderMessages } from '../i18n/order-messages';
import { useShopProfile } from '../storefront/shop-profile-context';

const QR_SIZE_PX = 256;
const QUIET_ZONE_MODULES = 4;

interface QrPanelProps {
  /** The text the code encodes. */
  value: string;
  /** The code's accessible name. */
  label: string;
  steps: readonly string[];
  amount: number;
  /** The attempt's app_trans_id, shown for support and for the emulator's admin API (README). */
  appTransId: string;
  /** Scheme marks shown as text beside the code (NAPAS 247, VietQR). */
  marks?: string;
}

export function QrPanel({ value, label, steps, amount, appTransId, marks }: QrPanelProps) {
  const { language } = useI18n();
  const messages = useOrderMessages();
  const { name: shopName } = useShopProfile();
  return (
    <div className="qr-panel">
      <p className="qr-panel__payee">
        <span className="qr-panel__merchant">{shopName}</span>
        <span className="qr-panel__amount">
          <span className="visually-hidden">{messages.amountToPay}: </span>
          <strong>{formatVnd(amount, language)}</strong>
        </span>
      </p>
      <div className="qr-panel__code" role="img" aria-label={label}>
        <QRCodeSVG
          value={value}
          size={QR_SIZE_PX}
          marginSize={QUIET_ZONE_MODULES}
          level="M"
          bgColor="#ffffff"
          fgColor="#000000"
          aria-hidden="true"
        />
      </div>
      <div className="qr-panel__instructions">
        {marks && <p className="qr-panel__marks">{marks}</p>}
        <ol>
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <p className="qr-panel__reference">
          {messages.paymentReference}: <code>{appTransId}</code>
        </p>
      </div>
    </div>
  );
}
