// The HTML shell of /inspector: a filter box and the list the inspector script keeps up to date. Its
// inline style and script run under a per-response nonce; everything interpolated is escaped.
import { html, trustedHtml } from '../html-template';
import { INSPECTOR_SCRIPT } from './inspector-script';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6fa;color:#1b2430;line-height:1.4}
header{background:#0068ff;color:#fff;padding:1rem 1.25rem}
header h1{margin:0 0 .25rem;font-size:1.25rem}
header p{margin:0;font-size:.9rem}
main{max-width:72rem;margin:0 auto;padding:1rem}
label{font-weight:600;margin-right:.5rem}
input{font-size:1rem;padding:.45rem .6rem;border:1px solid #b8c4d4;border-radius:6px;width:min(24rem,100%)}
input:focus-visible{outline:3px solid #ffb300;outline-offset:2px}
#live-status{font-size:.85rem;color:#5a6878;margin:.5rem 0 1rem}
.entry{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:1rem;margin-bottom:1rem;border-left:4px solid #0068ff}
.entry.callback{border-left-color:#188038}
.entry.redirect{border-left-color:#8e44ad}
.entry.bad{border-left-color:#d93025}
.entry h2{font-size:1rem;margin:0 0 .25rem;font-family:ui-monospace,monospace}
.meta{margin:0 0 .5rem;color:#5a6878;font-size:.85rem}
.hints{margin:.5rem 0;padding:.6rem .6rem .6rem 1.6rem;background:#fff4e5;border-radius:6px;color:#6b3b00}
dl{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.35rem 1rem;margin:0}
dt{color:#5a6878;font-size:.85rem;min-width:0;overflow-wrap:anywhere}
dd{margin:0;min-width:0}
pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.8rem;background:#f4f6fa;border-radius:4px;padding:.35rem .5rem}
.empty{color:#5a6878}
@media (max-width:40rem){dl{grid-template-columns:1fr}}
`;

export function inspectorPage(nonce: string, filter: string): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Request inspector · ZaloPay sandbox emulator</title>
        <link rel="icon" href="data:," />
        <style nonce="${nonce}">
          ${trustedHtml(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <h1>Request inspector</h1>
          <p>
            Every API call, callback and redirect of this emulator: what went over the wire, the MAC
            it expected and the one it got over the exact signed string, and what usually went
            wrong.
          </p>
        </header>
        <main>
          <label for="filter">Filter by app_trans_id</label>
          <input
            id="filter"
            type="search"
            value="${filter}"
            placeholder="240101_order42"
            autocomplete="off"
          />
          <p id="live-status" role="status">Loading…</p>
          <section id="entries" aria-live="polite"></section>
        </main>
        <script nonce="${nonce}">
          ${trustedHtml(INSPECTOR_SCRIPT)};
        </script>
      </body>
    </html>`.html;
}
