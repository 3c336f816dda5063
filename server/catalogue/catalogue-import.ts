// A CSV import, the same from /ops and `npm run catalogue`: first what would change (nothing is written),
// then, when asked, every row applied in one transaction, so either all of them take effect or none.
// Each row goes through the catalogue service, under its rules, recorded as the importer's change.
import type { Database } from '../../db/create-db';
import type { Actor } from './catalogue-changes';
import type { CatalogueService } from './catalogue-service';
import { CsvRowError, type CsvProductRow } from './catalogue-csv';
import { CatalogueError } from './catalogue-errors';
import type { ProductRecord } from './product-record';

export interface ImportStep {
  line: number;
  sku: string;
  action: 'create' | 'update' | 'unchanged';
  /** `unit_price: 35000 → 39000`, one per changed field. */
  changes: string[];
}

function shown(value: unknown): string {
  return value === null || value === undefined ? '(none)' : String(value);
}

/** What applying the rows would do to the catalogue as it is now. */
export function planImport(current: readonly ProductRecord[], rows: readonly CsvProductRow[]) {
  const bySku = new Map(current.map((product) => [product.sku, product]));
  return rows.map((row): ImportStep => {
    const existing = bySku.get(row.fields.sku);
    if (!existing) {
      return { line: row.line, sku: row.fields.sku, action: 'create', changes: [] };
    }
    const changes = Object.entries(row.fields)
      .filter(([field, value]) => existing[field as keyof ProductRecord] !== value)
      .map(
        ([field, value]) =>
          `${field}: ${shown(existing[field as keyof ProductRecord])} → ${shown(value)}`,
      );
    return {
      line: row.line,
      sku: row.fields.sku,
      action: changes.length ? 'update' : 'unchanged',
      changes,
    };
  });
}

/** Applies every row or none: a refusal rolls all back and names the row's line. */
export async function applyImport(
  db: Database,
  catalogue: CatalogueService,
  actor: Actor,
  rows: readonly CsvProductRow[],
): Promise<ImportStep[]> {
  const steps = planImport(await catalogue.list(), rows);
  await db.transaction(async (tx) => {
    for (const [index, row] of rows.entries()) {
      const step = steps[index];
      if (!step || step.action === 'unchanged') continue;
      try {
        if (step.action === 'create') {
          await catalogue.create(actor, row.fields, { within: tx });
        } else {
          const { sku, ...patch } = row.fields;
          await catalogue.update(actor, sku, { patch }, tx);
        }
      } catch (error) {
        if (error instanceof CatalogueError) {
          throw new CsvRowError(row.line, error.field, error.message);
        }
        throw error;
      }
    }
  });
  return steps;
}
