// The shop's HTML with the shop inside it: the profile, brand and products on sale ride in the page as a
// JSON data block (never executed, so the CSP stays script-src 'self'), and the title and favicon are the
// merchant's, so the first paint needs no extra round trip. Everything an operator typed is escaped for
// where it lands: HTML text in the title, an attribute for the favicon, a script data block for the JSON.
import type { StorefrontView } from '../catalogue/storefront-view';

export const STOREFRONT_ELEMENT_ID = 'storefront';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * JSON that cannot end its <script> element or open a comment inside it: `<`, `>` and `&` become
 * \u escapes (JSON.parse reads them back), and so do U+2028/U+2029.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** index.html as Vite built it, with this shop's title, favicon and storefront data. */
export function storefrontHtml(template: string, storefront: StorefrontView): string {
  const { profile } = storefront;
  const title = `<title>${escapeHtml(profile.name)}</title>`;
  const icon = profile.faviconUrl
    ? `<link rel="icon" href="${escapeHtml(profile.faviconUrl)}" />`
    : '';
  const data = `<script type="application/json" id="${STOREFRONT_ELEMENT_ID}">${jsonForScript(storefront)}</script>`;
  // The merchant's favicon replaces the build's default icons (client/public/favicon.*).
  const page = profile.faviconUrl ? template.replace(/<link rel="icon"[^>]*>\s*/g, '') : template;
  return page
    .replace(/<title>[^<]*<\/title>/, () => `${title}${icon}`)
    .replace('<div id="root"></div>', () => `${data}<div id="root"></div>`);
}
