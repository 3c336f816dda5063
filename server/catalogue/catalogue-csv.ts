// The catalogue as CSV, the same for /ops and `npm run catalogue`: the header is
// `sku,name_vi,name_en,unit_price,active` with optional `description_vi`, `description_en`, `position`.
// Reading checks every row with the catalogue's own rules and names the line and column of the first
// problem; csv-parse and csv-stringify do the quoting.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CatalogueError } from './catalogue-errors';
import type { ProductRecord } from './product-record';
import { firstProblem, newProductSchema } from './product-rules';

export const REQUIRED_COLUMNS = ['sku', 'name_vi', 'name_en', 'unit_price', 'active'] as const;
export const OPTIONAL_COLUMNS = ['description_vi', 'description_en', 'position'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const ALL_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

/** At most this many products in one file: an import is one transaction. */
export const MAX_CSV_ROWS = 5_000;

/** A spreadsheet runs a cell that starts like a formula; exported such cells start with `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

export class CsvRowError extends CatalogueError {
  constructor(
    readonly line: number,
    readonly column: string | undefined,
    problem: string,
  ) {
    super('invalid_input', column, problem);
  }

  override get sentence(): string {
    return `line ${this.line}${this.column ? `, column ${this.column}` : ''}: ${this.message}`;
  }
}

export interface CsvProductRow {
  line: number;
  /** Only the columns the file has: an absent optional column leaves the product's value as it is. */
  fields: Partial<Record<Column, unknown>> & { sku: string };
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function readCatalogueCsv(text: string, maxAmount: number): CsvProductRow[] {
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new CsvRowError(line, undefined, `not readable as CSV (${(error as Error).message})`);
  }
  const [head, ...body] = records;
  if (!head) throw new CsvRowError(1, undefined, 'the file is empty: the first line is the header');
  const header = head.record.map((cell) => cell.trim());
  for (const column of header) {
    if (!ALL_COLUMNS.includes(column)) {
      throw new CsvRowError(1, column, `is not a column (${ALL_COLUMNS.join(', ')})`);
    }
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!header.includes(column)) throw new CsvRowError(1, column, 'is missing from the header');
  }
  if (new Set(header).size !== header.length) {
    throw new CsvRowError(1, undefined, 'a column is named twice');
  }
  if (body.length > MAX_CSV_ROWS) {
    throw new CsvRowError(MAX_CSV_ROWS + 2, undefined, `at most ${MAX_CSV_ROWS} products a file`);
  }
  const schema = newProductSchema(maxAmount);
  const seen = new Map<string, number>();
  return body.map(({ record, info }) => {
    const line = info.lines;
    const raw = Object.fromEntries(
      header.map((column, index) => [column, unescapeFormula(record[index] ?? '')]),
    );
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const problem = firstProblem(parsed.error);
      throw new CsvRowError(line, problem.field, problem.message);
    }
    const earlier = seen.get(parsed.data.sku);
    if (earlier !== undefined) {
      throw new CsvRowError(line, 'sku', `${parsed.data.sku} is already on line ${earlier}`);
    }
    seen.set(parsed.data.sku, line);
    const fields = Object.fromEntries(
      header.map((column) => [column, parsed.data[column as Column]]),
    ) as CsvProductRow['fields'];
    return { line, fields };
  });
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function writeCatalogueCsv(products: readonly ProductRecord[]): string {
  const columns = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
  return stringify(
    products.map((product) => columns.map((column) => cell(product[column]))),
    { header: true, columns: [...columns], record_delimiter: '\n' },
  );
}
