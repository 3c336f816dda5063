// The HTML of the emulator's gateway (the qcgateway.zalopay.vn/openinapp role): one self-contained
// page per state, inline CSS and script only, readable on a 375px phone and on a desktop.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QRCodeSVG } from 'qrcode.react';
import { html, trustedHtml } from '../html-template';
import type { SafeHtml } from '../html-template';
import type { SandboxOrder } from '../emulated-order';
import { OFFERED_TEST_CARDS, OUTCOME_LABELS } from './test-cards';

const vnd = new Intl.NumberFormat('vi-VN', {
  style: 'currency',
  currency: 'VND',
  maximumFractionDigits: 0,
});

/** 50000 -> "50.000 ₫", the way a Vietnamese shopper reads an amount. */
export function formatVnd(amount: number): string {
  return vnd.format(amount);
}

/** "14:59", "1:02:03" or "2 d 03:04:05". The inline script below formats the same way. */
export function formatTimeLeft(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock =
    hours > 0 || days > 0
      ? `${days > 0 ? pad(hours) : hours}:${pad(minutes)}:${pad(seconds % 60)}`
      : `${minutes}:${pad(seconds % 60)}`;
  return days > 0 ? `${days} d ${clock}` : clock;
}

const COUNTDOWN_SCRIPT = `
(function () {
  var el = document.getElementById('countdown');
  if (!el) return;
  var end = Date.now() + Number(el.getAttribute('data-seconds-left')) * 1000;
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function format(s) {
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    var clock = h > 0 || d > 0 ? (d > 0 ? pad(h) : h) + ':' + pad(m) + ':' + pad(r) : m + ':' + pad(r);
    return d > 0 ? d + ' d ' + clock : clock;
  }
  var timer = setInterval(tick, 1000);
  function tick() {
    var left = Math.max(0, Math.floor((end - Date.now()) / 1000));
    el.textContent = format(left);
    if (left === 0) {
      clearInterval(timer);
      document.querySelectorAll('form.pay button').forEach(function (b) { b.disabled = true; });
      var note = document.getElementById('expired-note');
      if (note) note.hidden = false;
    }
  }
})();
`;

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef3fb;color:#1b2430;line-height:1.45}
main{max-width:28rem;margin:0 auto;padding:1rem}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.12);padding:1.25rem;margin-bottom:1rem}
.badge{display:inline-block;font-size:.75rem;font-weight:600;color:#fff;background:#0068ff;border-radius:999px;padding:.15rem .6rem;margin:0 0 .5rem}
h1{font-size:1.25rem;margin:.25rem 0 1rem}
h2{font-size:1rem;margin:0 0 .75rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem;margin:0}
dt{color:#5a6878}
dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.amount{font-size:1.4rem;color:#0068ff}
.qr{display:flex;justify-content:center;margin:1rem 0 .25rem}
.qr svg{width:11rem;height:11rem}
.hint{font-size:.85rem;color:#5a6878;text-align:center;margin:.25rem 0 0}
form{margin:0 0 .75rem}
label{display:block;font-weight:600;margin-bottom:.35rem}
select{width:100%;font-size:1rem;padding:.6rem;border:1px solid #b8c4d4;border-radius:8px;margin-bottom:.6rem;background:#fff}
button{width:100%;font-size:1rem;font-weight:600;padding:.8rem;border-radius:8px;border:0;cursor:pointer}
button.primary{background:#0068ff;color:#fff}
button.secondary{background:#e4ebf5;color:#1b2430}
button:disabled{opacity:.5;cursor:not-allowed}
button:focus-visible,select:focus-visible{outline:3px solid #ffb300;outline-offset:2px}
.notice{border-left:4px solid #0068ff}
.notice.bad{border-left-color:#d93025}
.notice.good{border-left-color:#188038}
.error{color:#d93025;font-weight:600}
@media (min-width:48rem){main{padding:2.5rem 1rem}}
`;

function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="icon" href="data:," />
        <style>
          ${trustedHtml(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <p class="badge">ZaloPay sandbox emulator</p>
          ${body}
        </main>
      </body>
    </html>`.html;
}

function qrSvg(value: string): SafeHtml {
  return trustedHtml(
    renderToStaticMarkup(
      createElement(QRCodeSVG, { value, size: 176, marginSize: 2, title: 'QR code of this order' }),
    ),
  );
}

/** "9704540000000047" -> "9704 5400 0000 0047". */
function groupDigits(cardNumber: string): string {
  return cardNumber.replaceAll(/(\d{4})(?=\d)/g, '$1 ');
}

export interface CheckoutPageInput {
  order: SandboxOrder;
  merchantName: string;
  orderParam: string;
  secondsLeft: number;
  /** An error to show above the actions, e.g. an unknown test card. */
  error?: string;
}

export function checkoutPage({
  order,
  merchantName,
  orderParam,
  secondsLeft,
  error,
}: CheckoutPageInput): string {
  const hiddenOrder = html`<input type="hidden" name="order" value="${orderParam}" />`;
  const cardOptions = OFFERED_TEST_CARDS.map((card) => {
    const label = `${OUTCOME_LABELS[card.outcome]} · ${card.channel === 36 ? 'Visa' : 'ATM SBI'} ${groupDigits(card.number)}`;
    return html`<option value="${card.number}">${label}</option>`;
  });
  return layout(
    `Pay ${merchantName}`,
    html`<section class="card" aria-labelledby="order-title">
        <h1 id="order-title">Pay ${merchantName}</h1>
        <dl>
          <dt>Amount</dt>
          <dd class="amount" data-testid="amount">${formatVnd(order.amount)}</dd>
          <dt>Description</dt>
          <dd>${order.description}</dd>
          <dt>Order</dt>
          <dd>${order.appTransId}</dd>
          <dt>Time left</dt>
          <dd>
            <span
              id="countdown"
              role="timer"
              aria-live="off"
              data-seconds-left="${Math.max(0, Math.floor(secondsLeft))}"
              >${formatTimeLeft(secondsLeft)}</span
            >
          </dd>
        </dl>
        <div class="qr">${qrSvg(order.orderUrl)}</div>
        <p class="hint">Scanning needs the ZaloPay app; in the emulator use the buttons below.</p>
        <p id="expired-note" class="error" hidden>This order has expired.</p>
      </section>
      <section class="card" aria-labelledby="actions-title">
        <h2 id="actions-title">Choose how to pay</h2>
        ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
        <form class="pay" method="post" action="/openinapp/pay-wallet">
          ${hiddenOrder}<button type="submit" class="primary">Pay with ZaloPay wallet</button>
        </form>
        <form class="pay" method="post" action="/openinapp/pay-card">
          ${hiddenOrder}
          <label for="card-number">Test card</label>
          <select id="card-number" name="card_number">
            ${cardOptions}
          </select>
          <button type="submit" class="primary">Pay by card</button>
        </form>
        <form method="post" action="/openinapp/cancel">
          ${hiddenOrder}<button type="submit" class="secondary">Cancel</button>
        </form>
      </section>
      <script>
        ${trustedHtml(COUNTDOWN_SCRIPT)};
      </script>`,
  );
}

export type NoticeTone = 'good' | 'bad' | 'neutral';

/** A page that only explains something: expired, already paid, unknown order, declined card... */
export function noticePage(
  title: string,
  message: string,
  tone: NoticeTone,
  order?: SandboxOrder,
): string {
  const details = order
    ? html`<dl>
        <dt>Order</dt>
        <dd>${order.appTransId}</dd>
        <dt>Amount</dt>
        <dd data-testid="amount">${formatVnd(order.amount)}</dd>
      </dl>`
    : '';
  return layout(
    title,
    html`<section class="card notice ${tone}" role="status">
      <h1>${title}</h1>
      <p>${message}</p>
      ${details}
    </section>`,
  );
}
