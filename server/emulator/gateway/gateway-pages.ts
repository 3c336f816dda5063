// The HTML of the emulator's gateway (the qcgateway.zalopay.vn/openinapp role): one self-contained
// page per state, inline CSS and script only, readable on a 375px phone and on a desktop. Vietnamese by
// default with a link to English (gateway-messages.ts); titled with the merchant app's name.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QRCodeSVG } from 'qrcode.react';
import { html, trustedHtml } from '../html-template';
import type { SafeHtml } from '../html-template';
import type { SandboxOrder } from '../emulated-order';
import { GATEWAY_MESSAGES, type GatewayLanguage } from './gateway-messages';
import { OFFERED_TEST_CARDS } from './test-cards';

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
.top{display:flex;justify-content:space-between;align-items:baseline;gap:1rem}
.top a{color:#0050c8;font-weight:600}
@media (min-width:48rem){main{padding:2.5rem 1rem}}
`;

/** Where the page links to itself in the other language; null on the answer to a form (no GET to repeat). */
export interface PageLanguage {
  language: GatewayLanguage;
  switchHref: string | null;
}

function layout({ language, switchHref }: PageLanguage, title: string, body: SafeHtml): string {
  const words = GATEWAY_MESSAGES[language];
  const otherLanguage: GatewayLanguage = language === 'vi' ? 'en' : 'vi';
  return html`<!doctype html>
    <html lang="${language}">
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
          <div class="top">
            <p class="badge">${words.badge}</p>
            ${
              switchHref
                ? html`<a href="${switchHref}" lang="${otherLanguage}" hreflang="${otherLanguage}"
                    >${words.otherLanguage}</a
                  >`
                : ''
            }
          </div>
          ${body}
        </main>
      </body>
    </html>`.html;
}

function qrSvg(value: string, title: string): SafeHtml {
  return trustedHtml(
    renderToStaticMarkup(createElement(QRCodeSVG, { value, size: 176, marginSize: 2, title })),
  );
}

/** "9704540000000047" -> "9704 5400 0000 0047". */
function groupDigits(cardNumber: string): string {
  return cardNumber.replaceAll(/(\d{4})(?=\d)/g, '$1 ');
}

export interface CheckoutPageInput extends PageLanguage {
  order: SandboxOrder;
  merchantName: string;
  orderParam: string;
  secondsLeft: number;
  /** An error to show above the actions, e.g. an unknown test card. */
  error?: string;
}

export function checkoutPage(input: CheckoutPageInput): string {
  const { order, merchantName, orderParam, secondsLeft, error, language } = input;
  const words = GATEWAY_MESSAGES[language];
  const hiddenFields = html`<input type="hidden" name="order" value="${orderParam}" /><input
      type="hidden"
      name="lang"
      value="${language}"
    />`;
  const cardOptions = OFFERED_TEST_CARDS.map((card) => {
    const label = `${words.outcomes[card.outcome]} · ${card.channel === 36 ? 'Visa' : 'ATM SBI'} ${groupDigits(card.number)}`;
    return html`<option value="${card.number}">${label}</option>`;
  });
  const title = words.payTitle(merchantName);
  return layout(
    input,
    title,
    html`<section class="card" aria-labelledby="order-title">
        <h1 id="order-title">${title}</h1>
        <dl>
          <dt>${words.amount}</dt>
          <dd class="amount" data-testid="amount">${formatVnd(order.amount)}</dd>
          <dt>${words.description}</dt>
          <dd>${order.description}</dd>
          <dt>${words.order}</dt>
          <dd>${order.appTransId}</dd>
          <dt>${words.timeLeft}</dt>
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
        <div class="qr">${qrSvg(order.orderUrl, words.qrTitle)}</div>
        <p class="hint">${words.scanHint}</p>
        <p id="expired-note" class="error" hidden>${words.expiredNote}</p>
      </section>
      <section class="card" aria-labelledby="actions-title">
        <h2 id="actions-title">${words.chooseHow}</h2>
        ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
        <form class="pay" method="post" action="/openinapp/pay-wallet">
          ${hiddenFields}<button type="submit" id="pay-wallet" class="primary">
            ${words.payWallet}
          </button>
        </form>
        <form class="pay" method="post" action="/openinapp/pay-card">
          ${hiddenFields}
          <label for="card-number">${words.testCard}</label>
          <select id="card-number" name="card_number">
            ${cardOptions}
          </select>
          <button type="submit" id="pay-card" class="primary">${words.payCard}</button>
        </form>
        <form method="post" action="/openinapp/cancel">
          ${hiddenFields}<button type="submit" id="cancel-payment" class="secondary">
            ${words.cancel}
          </button>
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
  page: PageLanguage,
  { title, message }: { title: string; message: string },
  tone: NoticeTone,
  order?: SandboxOrder,
): string {
  const words = GATEWAY_MESSAGES[page.language];
  const details = order
    ? html`<dl>
        <dt>${words.order}</dt>
        <dd>${order.appTransId}</dd>
        <dt>${words.amount}</dt>
        <dd data-testid="amount">${formatVnd(order.amount)}</dd>
      </dl>`
    : '';
  return layout(
    page,
    title,
    html`<section class="card notice ${tone}" role="status">
      <h1>${title}</h1>
      <p>${message}</p>
      ${details}
    </section>`,
  );
}
