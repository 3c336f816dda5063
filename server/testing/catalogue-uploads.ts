// Test support for the catalogue's pages: real images (a PNG drawn with pngjs, a JPEG's and a WebP's
// smallest valid bytes), an HTML file dressed as a PNG, and the multipart forms a browser would post.
import { PNG } from 'pngjs';

/** A real PNG of `size` × `size` pixels, in one colour. */
export function pngImage(size = 2, rgb: [number, number, number] = [200, 40, 40]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = rgb[0];
    png.data[i + 1] = rgb[1];
    png.data[i + 2] = rgb[2];
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** A PNG whose noisy pixels do not compress: about 4 × size² bytes. */
export function largePngImage(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  let seed = 7;
  for (let i = 0; i < png.data.length; i += 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    png.data[i] = seed % 256;
  }
  return PNG.sync.write(png);
}

/** An HTML page with a script, named and typed as a PNG by whoever uploads it. */
export const HTML_AS_PNG = Buffer.from(
  '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
);

export interface UploadFile {
  field: string;
  bytes: Buffer;
  name: string;
  type: string;
}

/** The multipart body a browser sends for a form with these fields and files. */
export function multipartForm(fields: Record<string, string>, files: UploadFile[] = []): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  }
  return form;
}
