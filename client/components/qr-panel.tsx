// The Web-to-App QR code: it encodes order_url (not ZaloPay's qr_code string), so the ZaloPay app's scanner
// opens the very order this page created. Black on white with a 4-module quiet zone, as scanners expect.
// The merchant's name and the amount come first and large, so the shopper checks who and how much before
// scanning.
import { QRCodeSVG } from 'qrcode.react';
import { formatVnd } from '../format/vnd';
import { useI18n } from '../i18n/language-context';

const QR_SIZE_PX = 256;
const QUIET_ZONE_MODULES = 4;

interface QrPanelProps {
  orderUrl: string;
  amount: number;
  /** The attempt's app_trans_id, shown for support and for the emulator's admin API (README). */
  appTransId: string;
}

export function QrPanel({ orderUrl, amount, appTransId }: QrPanelProps) {
  const { messages, language } = useI18n();
  return (
    <div className="qr-panel">
      <p className="qr-panel__payee">
        <span className="qr-panel__merchant">{messages.shopName}</span>
        <span className="qr-panel__amount">
          <span className="visually-hidden">{messages.amountToPay}: </span>
          <strong>{formatVnd(amount, language)}</strong>
        </span>
      </p>
      <div className="qr-panel__code" role="img" aria-label={messages.qrLabel}>
        <QRCodeSVG
          value={orderUrl}
          size={QR_SIZE_PX}
          marginSize={QUIET_ZONE_MODULES}
          level="M"
          bgColor="#ffffff"
          fgColor="#000000"
          aria-hidden="true"
        />
      </div>
      <div className="qr-panel__instructions">
        <ol>
          {messages.qrSteps.map((step) => (
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
