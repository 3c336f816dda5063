// The QR step's codes on desktop: the ZaloPay app's (order_url) and, when ZaloPay's create answer carried
// one, the VietQR code (qr_code) that ZaloPay and the NAPAS banking apps can pay. Two tabs (WAI-ARIA tabs:
// arrow keys move between them, only the chosen one is in the tab order, one panel shown at a time); one
// code alone needs no tabs.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useOrderMessages } from '../i18n/order-messages';
import { useVietQrMessages } from '../i18n/vietqr-messages';
import { QrPanel } from './qr-panel';

type QrTab = 'zalopay' | 'vietqr';
const TABS: readonly QrTab[] = ['zalopay', 'vietqr'];

interface PaymentQrTabsProps {
  orderUrl: string;
  /** ZaloPay's EMVCo/VietQR payload; null when the app does not issue one. */
  qrCode: string | null;
  amount: number;
  appTransId: string;
}

export function PaymentQrTabs({ orderUrl, qrCode, amount, appTransId }: PaymentQrTabsProps) {
  const messages = useOrderMessages();
  const vietQr = useVietQrMessages();
  const [selected, setSelected] = useState<QrTab>('zalopay');
  const tabs = useRef(new Map<QrTab, HTMLButtonElement | null>());
  const id = useId();

  const zaloPayPanel = (
    <QrPanel
      value={orderUrl}
      label={messages.qrLabel}
      steps={messages.qrSteps}
      amount={amount}
      appTransId={appTransId}
    />
  );
  if (!qrCode) return zaloPayPanel;

  function moveWithArrows(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(selected) + step + TABS.length) % TABS.length] ?? 'zalopay';
    setSelected(next);
    tabs.current.get(next)?.focus();
  }

  const names: Record<QrTab, string> = { zalopay: vietQr.zaloPayTab, vietqr: vietQr.vietQrTab };
  return (
    <div className="qr-tabs">
      <div
        className="qr-tabs__list"
        role="tablist"
        aria-label={vietQr.payWithLabel}
        onKeyDown={moveWithArrows}
      >
        {TABS.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              tabs.current.set(tab, element);
            }}
            type="button"
            role="tab"
            id={`${id}-${tab}-tab`}
            aria-selected={selected === tab}
            aria-controls={selected === tab ? `${id}-panel` : undefined}
            tabIndex={selected === tab ? 0 : -1}
            className="qr-tabs__tab"
            onClick={() => setSelected(tab)}
          >
            {names[tab]}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-${selected}-tab`}
        tabIndex={0}
      >
        {selected === 'zalopay' ? (
          zaloPayPanel
        ) : (
          <QrPanel
            value={qrCode}
            label={vietQr.vietQrLabel}
            steps={vietQr.vietQrSteps}
            amount={amount}
            appTransId={appTransId}
            marks={vietQr.vietQrMarks}
          />
        )}
      </div>
    </div>
  );
}
