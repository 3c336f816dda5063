// Reads a QR code the way a phone camera would: from pixels of a screenshot, with a real decoder (jsQR),
// never from a prop or the DOM.
import type { Locator } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export async function decodeQrFromScreenshot(target: Locator): Promise<string> {
  const png = PNG.sync.read(await target.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('No QR code could be decoded from the screenshot');
  return code.data;
}
