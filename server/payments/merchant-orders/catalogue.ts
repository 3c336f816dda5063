// The catalogue: what the shop sells and at what price. The server prices every cart from here, so the
// amount a shopper pays never comes from the browser.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/create-db';
import { products, type MerchantOrderLine } from '../../../db/schema';
import { InvalidOrderError } from '../errors';
import type { OrderLineRequest, ProductView } from '../status/order-view';

/** A line a merchant's server priced itself (POST /api/v1/orders): one name for both languages. */
export interface FreeLineRequest {
  name: string;
  unitPrice: number;
  quantity: number;
}

export async function listProducts(db: Database): Promise<ProductView[]> {
  const rows = await db
    .select()
    .from(products)
    .where(eq(products.active, true))
    .orderBy(asc(products.position), asc(products.sku));
  return rows.map((row) => ({
    sku: row.sku,
    name: { vi: row.nameVi, en: row.nameEn },
    unitPrice: row.unitPrice,
    description:
      row.descriptionVi || row.descriptionEn
        ? {
            vi: row.descriptionVi ?? row.descriptionEn ?? '',
            en: row.descriptionEn ?? row.descriptionVi ?? '',
          }
        : null,
    imageUrl: row.imageId ? `/media/${row.imageId}` : null,
  }));
}

/**
 * Prices a cart: each line gets the product's current name and price. An unknown or inactive sku is an
 * error naming its line; the request's lines were already checked for shape (order-input.ts). A free
 * line (merchant-order-input.ts) keeps the price its authenticated merchant gave it.
 */
export async function priceLines(
  db: Database,
  lines: readonly (OrderLineRequest | FreeLineRequest)[],
): Promise<MerchantOrderLine[]> {
  const skus = lines.flatMap((line) => ('sku' in line ? [line.sku] : []));
  const found =
    skus.length === 0 ? [] : await db.select().from(products).where(inArray(products.sku, skus));
  const bySku = new Map(found.map((product) => [product.sku, product]));
  return lines.map((line, index) => {
    if (!('sku' in line)) {
      const { name, unitPrice, quantity } = line;
      return { sku: null, nameVi: name, nameEn: name, unitPrice, quantity };
    }
    const product = bySku.get(line.sku);
    if (!product || !product.active) {
      throw new InvalidOrderError(
        `lines[${index}].sku`,
        product ? `${line.sku} is no longer sold` : `${line.sku} is not a product of this shop`,
      );
    }
    return {
      sku: product.sku,
      nameVi: product.nameVi,
      nameEn: product.nameEn,
      unitPrice: product.unitPrice,
      quantity: line.quantity,
    };
  });
}

export function orderTotal(lines: readonly MerchantOrderLine[]): number {
  return lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
}
