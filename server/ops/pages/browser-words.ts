// A session's User-Agent as an operator reads it: "Chrome 140 on Windows 10 (desktop)" instead of the raw
// header, so a session that is not theirs stands out. The raw header stays in the cell's title.
import Bowser from 'bowser';

/** "Chrome 140 on macOS 14.5 (desktop)"; "Unknown browser" when the header is missing or unreadable. */
export function browserWords(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const { browser, os, platform } = Bowser.parse(userAgent);
  const name = browser.name
    ? `${browser.name}${browser.version ? ` ${browser.version.split('.')[0]}` : ''}`
    : 'Unknown browser';
  const system = os.name ? ` on ${os.name}${os.versionName ? ` ${os.versionName}` : ''}` : '';
  const kind = platform.type ? ` (${platform.type})` : '';
  return `${name}${system}${kind}`;
}
