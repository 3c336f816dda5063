import { describe, expect, it } from 'vitest';
import { chooseDeviceMode } from './device-mode';

const UA = {
  windowsChrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  macSafari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  iPhoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  zaloPayInApp:
    'Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.0.0 Safari/537.36 ZaloPayClient/9.5.0',
  zaloInAppDesktopLike:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Zalo android/12100520 ZaloTheme/light ZaloLanguage/vn',
};

const desktopScreen = { coarsePointer: false, narrowScreen: false };

describe('chooseDeviceMode', () => {
  it('shows a QR code on a desktop browser with a mouse', () => {
    expect(chooseDeviceMode({ userAgent: UA.windowsChrome, ...desktopScreen })).toBe('qr');
    expect(chooseDeviceMode({ userAgent: UA.macSafari, ...desktopScreen })).toBe('qr');
  });

  it('redirects on an iPhone and on Android phones, where ZaloPay is on the same device', () => {
    expect(chooseDeviceMode({ userAgent: UA.iPhoneSafari, ...desktopScreen })).toBe('redirect');
    expect(chooseDeviceMode({ userAgent: UA.androidChrome, ...desktopScreen })).toBe('redirect');
  });

  it('redirects inside the ZaloPay and Zalo in-app browsers, whatever else they claim', () => {
    expect(chooseDeviceMode({ userAgent: UA.zaloPayInApp, ...desktopScreen })).toBe('redirect');
    expect(chooseDeviceMode({ userAgent: UA.zaloInAppDesktopLike, ...desktopScreen })).toBe(
      'redirect',
    );
  });

  it('redirects a touch-only, phone-sized browser even with a desktop user agent', () => {
    expect(
      chooseDeviceMode({ userAgent: UA.windowsChrome, coarsePointer: true, narrowScreen: true }),
    ).toBe('redirect');
  });

  it('keeps the QR code on a wide touch-screen laptop', () => {
    expect(
      chooseDeviceMode({ userAgent: UA.windowsChrome, coarsePointer: true, narrowScreen: false }),
    ).toBe('qr');
  });

  it('recognises an iPad in desktop mode by its touch screen', () => {
    expect(
      chooseDeviceMode({ userAgent: UA.macSafari, coarsePointer: true, narrowScreen: false }),
    ).toBe('redirect');
  });
});
