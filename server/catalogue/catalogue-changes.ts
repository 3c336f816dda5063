// The audit record of the catalogue and the shop profile: every change, with who made it (an operator
// session, the CLI, the merchant API), when, and the record before and after. Written in the change's
// own transaction, so a change and its record exist together or not at all.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { catalogueChanges, shopProfile, type CatalogueChange } from '../../db/schema';

/** Who changes the catalogue: `operator session <uuid>`, `cli`, `api key <id>`. */
export type Actor = string;

export const operatorActor = (sessionId: string): Actor => `operator session ${sessionId}`;

export async function recordChange(
  tx: Database,
  change: { actor: Actor; subject: string; action: string; before: unknown; after: unknown },
  at: Date,
): Promise<void> {
  await tx.insert(catalogueChanges).values({
    actor: change.actor,
    subject: change.subject,
    action: change.action,
    before: change.before ?? null,
    after: change.after ?? null,
    createdAt: at,
  });
  // Every instance's storefront cache compares this version (storefront-cache.ts).
  await tx.update(shopProfile).set({ version: sql`${shopProfile.version} + 1`, updatedAt: at });
}

export const productSubject = (sku: string) => `product:${sku}`;
export const SHOP_SUBJECT = 'shop';

/** The newest changes first, of one subject or of all; `before` pages back. */
export async function listChanges(
  db: Database,
  options: { subject?: string; limit?: number; beforeId?: number } = {},
): Promise<CatalogueChange[]> {
  const conditions = [
    options.subject ? eq(catalogueChanges.subject, options.subject) : undefined,
    options.beforeId ? lt(catalogueChanges.id, options.beforeId) : undefined,
  ];
  return db
    .select()
    .from(catalogueChanges)
    .where(and(...conditions))
    .orderBy(desc(catalogueChanges.id))
    .limit(Math.min(options.limit ?? 50, 200));
}
