// The CSV import and export as `npm run catalogue` runs them, on a real database: a dry run changes
// nothing, --apply applies every row or none, a bad row is named by line and column, export reads back.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../testing/test-database';
import { listChanges } from './catalogue-changes';
import { runCatalogueCommand } from './catalogue-command';
import { readCatalogueCsv, writeCatalogueCsv } from './catalogue-csv';
import { createCatalogueService } from './catalogue-service';

const HEADER = 'sku,name_vi,name_en,unit_price,active,description_en';

describe.each(testDatabaseDrivers())('catalogue CSV (%s)', (driver) => {
  let database: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    folder = await mkdtemp(path.join(tmpdir(), 'catalogue-csv-'));
  });
  afterAll(() => database.dispose());

  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCatalogueCommand(
      argv,
      { db: database.db, maxAmount: 50_000_000 },
      { out: (text) => out.push(text), err: (text) => err.push(text) },
    );
    return { code, out: out.join(''), err: err.join('') };
  }

  async function csvFile(name: string, ...lines: string[]) {
    const file = path.join(folder, name);
    await writeFile(file, `${lines.join('\n')}\n`);
    return file;
  }

  const list = () => createCatalogueService({ db: database.db, maxAmount: 50_000_000 }).list();

  it('prints what would change and changes nothing without --apply', async () => {
    const file = await csvFile(
      'dry.csv',
      HEADER,
      'banh-mi,Bánh mì,Bánh mì,32000,true,Crusty',
      'tra-dao,Trà đào,Peach tea,39000,true,',
    );
    const before = await list();
    const result = await run('import', file);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'line 2: update banh-mi (unit_price: 30000 → 32000; description_en: (none) → Crusty)',
    );
    expect(result.out).toContain('line 3: create tra-dao');
    expect(result.out).toContain('Dry run: nothing changed');
    expect(await list()).toEqual(before);
  });

  it('a CSV with one bad row exits 1 naming its line and column, and applies none of its rows', async () => {
    const file = await csvFile(
      'bad.csv',
      HEADER,
      'tra-dao,Trà đào,Peach tea,39000,true,',
      'discount,Giảm giá,Discount,-29000,true,',
    );
    const before = await list();
    const changes = (await listChanges(database.db)).length;
    const result = await run('import', file, '--apply');
    expect(result.code).toBe(1);
    expect(result.err).toContain('line 3, column unit_price: must be above 0');
    expect(result.err).toContain('Nothing changed');
    expect(await list()).toEqual(before);
    expect((await listChanges(database.db)).length).toBe(changes);
  });

  it.each([
    ['sku,name_vi,name_en,unit_price', 'line 1, column active: is missing from the header'],
    [`${HEADER},colour`, 'line 1, column colour: is not a column'],
    [`${HEADER}\nBAD SKU,a,b,1000,true,`, 'line 2, column sku: must be 1 to 40 lowercase'],
    [`${HEADER}\nx,a,b,1000,maybe,`, 'line 2, column active: must be true or false'],
    [`${HEADER}\nx,a,b,1000,true,\nx,a,b,1000,true,`, 'line 3, column sku: x is already on line 2'],
    [`${HEADER}\nx,a,b,1000,true`, 'line 2: not readable as CSV'],
  ])('refuses %j', async (text, message) => {
    const result = await run('import', await csvFile('refused.csv', text));
    expect(result.code).toBe(1);
    expect(result.err).toContain(message);
  });

  it('--apply applies every row, each recorded as the CLI', async () => {
    const file = await csvFile(
      'good.csv',
      HEADER,
      'banh-mi,Bánh mì,Bánh mì,32000,true,Crusty',
      'tra-dao,Trà đào,Peach tea,39000,true,',
      'banh-flan,Bánh flan,Crème caramel,25000,false,',
    );
    const result = await run('import', file, '--apply');
    expect(result.code).toBe(0);
    const products = await list();
    expect(products.find((product) => product.sku === 'banh-mi')?.unit_price).toBe(32_000);
    expect(products.find((product) => product.sku === 'tra-dao')?.active).toBe(true);
    expect(products.find((product) => product.sku === 'banh-flan')?.active).toBe(false);
    const [latest] = await listChanges(database.db);
    expect(latest?.actor).toBe('cli');
  });

  it('exports what it imports, a formula-like name kept safe from spreadsheets', async () => {
    const catalogue = createCatalogueService({ db: database.db, maxAmount: 50_000_000 });
    await catalogue.create('cli', {
      sku: 'formula',
      name_vi: '=HYPERLINK("http://x")',
      name_en: 'Comma, "quoted"',
      unit_price: 1000,
    });
    const result = await run('export');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe(
      'sku,name_vi,name_en,unit_price,active,description_vi,description_en,position',
    );
    expect(result.out).toContain(
      `formula,"'=HYPERLINK(""http://x"")","Comma, ""quoted""",1000,true`,
    );
    const rows = readCatalogueCsv(result.out, 50_000_000);
    expect(rows.find((row) => row.fields.sku === 'formula')?.fields.name_vi).toBe(
      '=HYPERLINK("http://x")',
    );
    expect(writeCatalogueCsv(await catalogue.list())).toBe(result.out);
  });

  it('answers a wrong command line with the usage and exit code 2', async () => {
    expect((await run('delete')).code).toBe(2);
    expect((await run('import')).code).toBe(2);
    expect((await run('import', path.join(folder, 'missing.csv'))).code).toBe(2);
  });
});
