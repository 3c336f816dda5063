// The gateway pages' Content-Security-Policy: nothing may load or run but the page's own inline <style>
// and <script> blocks, allowed by their SHA-256 (so the policy follows the templates by itself), and no
// site may frame them. form-action stays open: a Pay or Cancel redirects to the merchant's own site.
import { createHash } from 'node:crypto';

const INLINE_BLOCK = (tag: 'style' | 'script') => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g');

function hashesOf(page: string, tag: 'style' | 'script'): string[] {
  return [...page.matchAll(INLINE_BLOCK(tag))].map(
    ([, body = '']) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
  );
}

/** The policy for one rendered page. */
export function inlineContentPolicy(page: string): string {
  const styles = hashesOf(page, 'style');
  const scripts = hashesOf(page, 'script');
  return [
    "default-src 'none'",
    `style-src ${styles.length > 0 ? styles.join(' ') : "'none'"}`,
    `script-src ${scripts.length > 0 ? scripts.join(' ') : "'none'"}`,
    'img-src data:',
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
