// A product as the catalogue's users see it (the /ops page, the CSV, the merchant API, the audit record):
// the stored row in the fields' public names.
import type { Product } from '../../db/schema';

export interface ProductRecord {
  sku: string;
  name_vi: string;
  name_en: string;
  unit_price: number;
  active: boolean;
  description_vi: string | null;
  description_en: string | null;
  position: number;
  image_id: string | null;
}

export function productRecord(row: Product): ProductRecord {
  return {
    sku: row.sku,
    name_vi: row.nameVi,
    name_en: row.nameEn,
    unit_price: row.unitPrice,
    active: row.active,
    description_vi: row.descriptionVi,
    description_en: row.descriptionEn,
    position: row.position,
    image_id: row.imageId,
  };
}

/** Where an uploaded image is served (server/http/image-routes.ts): its id names its bytes forever. */
export function imagePath(imageId: string | null): string | null {
  return imageId ? `/media/${imageId}` : null;
}
