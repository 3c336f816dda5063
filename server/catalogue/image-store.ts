// Uploaded images (product images, the logo, the favicon): judged by their bytes, never by their name or
// the browser's content type. Only PNG, JPEG and WebP are kept (image-size reads the format and size from
// the content); each is stored once in the database under the SHA-256 of its bytes, so every instance
// serves it and its URL can be cached forever.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { imageSize } from 'image-size';
import type { Database } from '../../db/create-db';
import { catalogueImages, type CatalogueImage } from '../../db/schema';
import { invalidInput } from './catalogue-errors';

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

/** Larger sides than this are refused: a shop image needs nothing near it, and a decoder would suffer. */
export const MAX_IMAGE_SIDE = 4_096;

export interface CheckedImage {
  contentType: string;
  width: number;
  height: number;
}

/** The image's type and size from its bytes, or a 400 naming `field`. */
export function checkImage(field: string, bytes: Buffer, maxBytes: number): CheckedImage {
  if (bytes.length === 0) throw invalidInput(field, 'is empty');
  if (bytes.length > maxBytes) {
    throw invalidInput(
      field,
      `is ${bytes.length} bytes; the limit is ${maxBytes} (IMAGE_MAX_BYTES)`,
    );
  }
  let size: ReturnType<typeof imageSize> | undefined;
  try {
    size = imageSize(bytes);
  } catch {
    size = undefined;
  }
  const contentType = size?.type ? CONTENT_TYPES[size.type] : undefined;
  if (!size || !contentType) {
    throw invalidInput(field, 'is not a PNG, JPEG or WebP image (judged by its content)');
  }
  if (
    size.width < 1 ||
    size.height < 1 ||
    size.width > MAX_IMAGE_SIDE ||
    size.height > MAX_IMAGE_SIDE
  ) {
    throw invalidInput(field, `must be 1 to ${MAX_IMAGE_SIDE} pixels on each side`);
  }
  return { contentType, width: size.width, height: size.height };
}

/** Checks and stores the image; the same bytes uploaded twice are one row. Returns its id. */
export async function saveImage(
  db: Database,
  field: string,
  bytes: Buffer,
  maxBytes: number,
): Promise<string> {
  const checked = checkImage(field, bytes, maxBytes);
  const id = createHash('sha256').update(bytes).digest('hex');
  await db
    .insert(catalogueImages)
    .values({ id, ...checked, bytes })
    .onConflictDoNothing();
  return id;
}

export const IMAGE_ID_PATTERN = /^[0-9a-f]{64}$/;

export async function readImage(db: Database, id: string): Promise<CatalogueImage | undefined> {
  if (!IMAGE_ID_PATTERN.test(id)) return undefined;
  const [row] = await db.select().from(catalogueImages).where(eq(catalogueImages.id, id));
  return row;
}
