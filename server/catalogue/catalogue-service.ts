// The catalogue's one way in: every writer (the /ops Products page, the CSV import, the merchant API)
// creates, edits, retires and restores products here, under the same rules (product-rules.ts), each
// change recorded with its author (catalogue-changes.ts). Orders keep their own copies of names and
// prices, so nothing here rewrites an order.
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { products, merchantOrders, type Product } from '../../db/schema';
import { recordChange, productSubject, type Actor } from './catalogue-changes';
import { CatalogueError, invalidInput } from './catalogue-errors';
import { productRecord, type ProductRecord } from './product-record';
import {
  newProductSchema,
  parseOrThrow,
  productFields,
  productPatchSchema,
  type NewProductInput,
  type ProductPatch,
} from './product-rules';

export interface CatalogueServiceDeps {
  db: Database;
  /** ORDER_MAX_AMOUNT: no single product may cost more than an order may. */
  maxAmount: number;
  now?: () => Date;
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;

/** What a patch may carry besides the product's fields: a new sku (only while unsold) and an image. */
export interface ProductChange {
  patch: unknown;
  imageId?: string | null;
}

function rowValues(input: NewProductInput | ProductPatch) {
  return {
    nameVi: input.name_vi,
    nameEn: input.name_en,
    unitPrice: input.unit_price,
    active: input.active,
    descriptionVi: input.description_vi,
    descriptionEn: input.description_en,
    position: input.position,
  };
}

/** Whether any order ever bought this sku: its lines name it, and the sku may no longer change. */
export async function wasSold(db: Database, sku: string): Promise<boolean> {
  const rows = await db
    .select({ id: merchantOrders.id })
    .from(merchantOrders)
    .where(sql`${merchantOrders.lines} @> ${JSON.stringify([{ sku }])}::jsonb`)
    .limit(1);
  return rows.length > 0;
}

export function createCatalogueService(deps: CatalogueServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const newSchema = newProductSchema(deps.maxAmount);
  const patchSchema = productPatchSchema(deps.maxAmount);
  const skuSchema = productFields(deps.maxAmount).sku;

  async function find(tx: Database, sku: string): Promise<Product> {
    const [row] = await tx.select().from(products).where(eq(products.sku, sku)).for('update');
    if (!row) throw new CatalogueError('not_found', 'sku', `no product ${sku}`);
    return row;
  }

  async function nextPosition(tx: Database): Promise<number> {
    const [last] = await tx
      .select({ position: products.position })
      .from(products)
      .orderBy(desc(products.position))
      .limit(1);
    return (last?.position ?? 0) + 10;
  }

  return {
    /** Every product, sold and retired, in the shop's order. */
    async list(): Promise<ProductRecord[]> {
      const rows = await db
        .select()
        .from(products)
        .orderBy(asc(products.position), asc(products.sku));
      return rows.map(productRecord);
    },

    async get(sku: string): Promise<ProductRecord> {
      const [row] = await db.select().from(products).where(eq(products.sku, sku));
      if (!row) throw new CatalogueError('not_found', 'sku', `no product ${sku}`);
      return productRecord(row);
    },

    /** Validates, refuses a sku already used (retired ones too), stores and records. */
    async create(
      actor: Actor,
      input: unknown,
      options: { imageId?: string | null; within?: Database } = {},
    ) {
      const product = parseOrThrow(newSchema, input);
      return (options.within ?? db).transaction(async (tx) => {
        const at = now();
        const position = product.position ?? (await nextPosition(tx));
        const [row] = await tx
          .insert(products)
          .values({
            sku: product.sku,
            ...rowValues(product),
            nameVi: product.name_vi,
            nameEn: product.name_en,
            unitPrice: product.unit_price,
            position,
            imageId: options.imageId ?? null,
            createdAt: at,
            updatedAt: at,
          })
          .onConflictDoNothing()
          .returning();
        if (!row) {
          throw new CatalogueError('conflict', 'sku', `${product.sku} is already a product`);
        }
        const after = productRecord(row);
        await recordChange(
          tx,
          { actor, subject: productSubject(row.sku), action: 'create', before: null, after },
          at,
        );
        return after;
      });
    },

    /**
     * Changes the fields the patch names (and the image, when given). A sku may change only while no
     * order has bought it; retiring and restoring are `active` changes.
     */
    async update(actor: Actor, sku: string, change: ProductChange, within?: Database) {
      const { sku: newSku, ...fields } = (
        typeof change.patch === 'object' && change.patch !== null ? change.patch : {}
      ) as { sku?: unknown };
      const patch = parseOrThrow(patchSchema, fields);
      const renamed =
        newSku === undefined || newSku === sku ? undefined : parseOrThrow(skuSchema, newSku);
      return (within ?? db).transaction(async (tx) => {
        const current = await find(tx, sku);
        if (renamed !== undefined && (await wasSold(tx, sku))) {
          throw invalidInput('sku', `${sku} was sold: its sku can no longer change`);
        }
        const at = now();
        const values = Object.fromEntries(
          Object.entries(rowValues(patch)).filter(([, value]) => value !== undefined),
        );
        const [row] = await tx
          .update(products)
          .set({
            ...values,
            ...(renamed ? { sku: renamed } : {}),
            ...(change.imageId !== undefined ? { imageId: change.imageId } : {}),
            updatedAt: at,
          })
          .where(eq(products.sku, sku))
          .returning()
          .catch((error: unknown) => {
            if (renamed && isUniqueViolation(error)) {
              throw new CatalogueError('conflict', 'sku', `${renamed} is already a product`);
            }
            throw error;
          });
        if (!row) throw new CatalogueError('not_found', 'sku', `no product ${sku}`);
        const before = productRecord(current);
        const after = productRecord(row);
        if (JSON.stringify(before) === JSON.stringify(after)) return after;
        const action =
          before.active && !after.active
            ? 'retire'
            : !before.active && after.active
              ? 'restore'
              : 'update';
        await recordChange(
          tx,
          { actor, subject: productSubject(row.sku), action, before, after },
          at,
        );
        return after;
      });
    },

    retire(actor: Actor, sku: string) {
      return this.update(actor, sku, { patch: { active: false } });
    },

    restore(actor: Actor, sku: string) {
      return this.update(actor, sku, { patch: { active: true } });
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
