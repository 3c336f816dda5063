// The frame of every operator page: head, the one inline stylesheet (the pages' CSP allows inline
// styles and no script), the header with its links and the note that times are Vietnam time.
import type { ReactNode } from 'react';

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{display:flex;gap:1rem;align-items:center;padding:.6rem 1.2rem;background:#0b3d91;color:#fff}
header a{color:#fff;font-weight:600;text-decoration:none}header form{margin-left:auto}
main{max-width:72rem;margin:1.2rem auto;padding:0 1.2rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #dde1e6;vertical-align:top}
.flag{display:inline-block;padding:.1rem .45rem;border-radius:.3rem;background:#b3261e;color:#fff;font-size:.8rem;font-weight:700}
.alerts{border:2px solid #b3261e;background:#fdecea;padding:.6rem 1rem;border-radius:.4rem}
.notice{border:1px solid #0b7a3e;background:#e7f6ec;padding:.6rem 1rem;border-radius:.4rem}
.error{border:1px solid #b3261e;background:#fdecea;padding:.6rem 1rem;border-radius:.4rem}
ol.timeline{list-style:none;padding:0}ol.timeline li{background:#fff;border-left:4px solid #9aa4b2;margin:.4rem 0;padding:.4rem .8rem}
ol.timeline li.change{border-left-color:#0b3d91}ol.timeline li.alert{border-left-color:#b3261e;background:#fdecea}
time{color:#57606a;font-size:.85rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;background:#fff;padding:.8rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}code,pre{font-size:.8rem}pre{white-space:pre-wrap;overflow-wrap:anywhere}
form.inline{display:flex;gap:.6rem;align-items:end;flex-wrap:wrap}label{display:flex;flex-direction:column;font-size:.85rem}
input,select,button,textarea{font:inherit;padding:.3rem .5rem}button{cursor:pointer}
.hint{font-size:.8rem;color:#57606a;align-self:center}.in-words{color:#57606a}
.thumb{width:48px;height:48px;object-fit:cover;border-radius:.3rem;background:#dde1e6;display:block}
form.stack{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.6rem 1rem;background:#fff;padding:.8rem;align-items:end}
.changes li{background:#fff;margin:.3rem 0;padding:.4rem .8rem;list-style:none}.changes{padding:0}.swatch{display:inline-block;width:1.2rem;height:1.2rem;border:1px solid #9aa4b2;vertical-align:middle}`;

export interface PageLayoutProps {
  /** The page's own part of the <title>. */
  title: string;
  /** Signed in: the header offers Sessions and Sign out. */
  signedIn: boolean;
  /** Reload the page every so many seconds (a refund in flight), without any script. */
  refreshSeconds?: number | undefined;
  children: ReactNode;
}

export function PageLayout({ title, signedIn, refreshSeconds, children }: PageLayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        {refreshSeconds !== undefined && (
          <meta httpEquiv="refresh" content={String(refreshSeconds)} />
        )}
        <title>{`${title} · Operations`}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <header>
          <a href="/ops">Orders</a>
          {signedIn && <a href="/ops/products">Products</a>}
          {signedIn && <a href="/ops/shop">Shop</a>}
          {signedIn && <a href="/ops/api-keys">API keys</a>}
          {signedIn && <a href="/ops/sessions">Sessions</a>}
          <span>ZaloPay checkout operations</span>
          <small>Times in Vietnam time (Asia/Ho_Chi_Minh, GMT+7)</small>
          {signedIn && (
            <form method="post" action="/ops/sign-out">
              <button type="submit">Sign out</button>
            </form>
          )}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
