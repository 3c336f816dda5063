// Decides how the shopper reaches the ZaloPay app: scan a QR code (desktop) or be sent straight to the
// order_url (phones, tablets and the Zalo / ZaloPay in-app browsers, where the app is on the same device).
export type DeviceMode = 'qr' | 'redirect';

export interface DeviceSignals {
  userAgent: string;
  /** `(pointer: coarse)`: the primary pointer is a finger. */
  coarsePointer: boolean;
  /** `(max-width: 768px)`: a phone-sized viewport. */
  narrowScreen: boolean;
}

const ZALO_IN_APP_BROWSER = /zalo/i;
const MOBILE_USER_AGENT = /android|iphone|ipad|ipod|mobile|windows phone/i;
/** iPadOS Safari reports a desktop Mac user agent; only the touch screen gives it away. */
const DESKTOP_MAC_USER_AGENT = /macintosh/i;

export function chooseDeviceMode(signals: DeviceSignals): DeviceMode {
  const { userAgent, coarsePointer, narrowScreen } = signals;
  if (ZALO_IN_APP_BROWSER.test(userAgent)) return 'redirect';
  if (MOBILE_USER_AGENT.test(userAgent)) return 'redirect';
  if (coarsePointer && (narrowScreen || DESKTOP_MAC_USER_AGENT.test(userAgent))) return 'redirect';
  return 'qr';
}

export function detectDeviceMode(browser: Window = window): DeviceMode {
  return chooseDeviceMode({
    userAgent: browser.navigator.userAgent,
    coarsePointer: browser.matchMedia('(pointer: coarse)').matches,
    narrowScreen: browser.matchMedia('(max-width: 768px)').matches,
  });
}
