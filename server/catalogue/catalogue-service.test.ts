// The catalogue service on a real database: every refusal names its field, the database's CHECK holds a
// writer that skips the service, every change is recorded with its author, a price change leaves orders
// as bought, and a sold sku no longer changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { products, merchantOrders } from '../../db/schema';
import { createOrderFromCart } from '../payments/merchant-orders/create-order-from-cart';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../testing/test-database';
import { listChanges, productSubject } from './catalogue-changes';
import { CatalogueError } from './catalogue-errors';
import { createCatalogueService, type CatalogueService } from './catalogue-service';

const ACTOR = 'operator session 00000000-0000-4000-8000-000000000001';
const GOOD = { sku: 'tra-dao', name_vi: 'Trà đào', name_en: 'Peach tea', unit_price: 39_000 };

async function refusal(promise: Promise<unknown>): Promise<CatalogueError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CatalogueError);
  return error as CatalogueError;
}

describe.each(testDatabaseDrivers())('catalogue service (%s)', (driver) => {
  let database: TestDatabase;
  let catalogue: CatalogueService;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    catalogue = createCatalogueService({ db: database.db, maxAmount: 50_000_000 });
  });
  afterAll(() => database.dispose());

  it('starts with the demo café as a seed, in its old order', async () => {
    const list = await catalogue.list();
    expect(list.map((product) => product.sku)).toEqual(['ca-phe-sua-da', 'banh-mi', 'banh-flan']);
    expect(list.map((product) => product.position)).toEqual([10, 20, 30]);
  });

  it('adds a product after the others and records who added it', async () => {
    const created = await catalogue.create(ACTOR, { ...GOOD, description_en: 'Cold, sweet' });
    expect(created).toMatchObject({ ...GOOD, active: true, position: 40, description_vi: null });
    const [change] = await listChanges(database.db, { subject: productSubject('tra-dao') });
    expect(change).toMatchObject({ actor: ACTOR, action: 'create', before: null });
    expect(change?.after).toMatchObject({ sku: 'tra-dao', unit_price: 39_000 });
  });

  it.each([
    [{ ...GOOD, sku: 'Tra Dao' }, 'sku', /lowercase letters/],
    [{ ...GOOD, sku: '-tra' }, 'sku', /hyphen/],
    [{ ...GOOD, sku: 'x'.repeat(41) }, 'sku', /1 to 40/],
    [{ ...GOOD, sku: 'ok-1', unit_price: 0 }, 'unit_price', /above 0/],
    [{ ...GOOD, sku: 'ok-1', unit_price: -29_000 }, 'unit_price', /above 0/],
    [{ ...GOOD, sku: 'ok-1', unit_price: 1.5 }, 'unit_price', /whole number/],
    [{ ...GOOD, sku: 'ok-1', unit_price: '29.000' }, 'unit_price', /whole number/],
    [{ ...GOOD, sku: 'ok-1', unit_price: 50_000_001 }, 'unit_price', /at most 50000000/],
    [{ ...GOOD, sku: 'ok-1', name_vi: '   ' }, 'name_vi', /required/],
    [{ ...GOOD, sku: 'ok-1', name_en: 'a\u0000b' }, 'name_en', /control/],
    [{ ...GOOD, sku: 'ok-1', name_en: 'x'.repeat(81) }, 'name_en', /at most 80/],
    [{ ...GOOD, sku: 'ok-1', description_vi: 'x'.repeat(201) }, 'description_vi', /at most 200/],
    [{ ...GOOD, sku: 'ok-1', position: -1 }, 'position', /0 or more/],
    [{ ...GOOD, sku: 'ok-1', price: 1 }, 'price', /not a field/],
  ])('refuses %j naming %s', async (input, field, message) => {
    const error = await refusal(catalogue.create(ACTOR, input));
    expect(error.httpStatus).toBe(400);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect((await catalogue.list()).some((product) => product.sku === 'ok-1')).toBe(false);
  });

  it('refuses a price above ORDER_MAX_AMOUNT as configured', async () => {
    const small = createCatalogueService({ db: database.db, maxAmount: 100_000 });
    const error = await refusal(small.create(ACTOR, { ...GOOD, sku: 'big', unit_price: 100_001 }));
    expect(error.sentence).toBe('unit_price: must be at most 100000 VND (ORDER_MAX_AMOUNT)');
  });

  it('refuses a sku that is taken, retired ones too (409)', async () => {
    await catalogue.retire(ACTOR, 'tra-dao');
    const error = await refusal(catalogue.create(ACTOR, GOOD));
    expect([error.httpStatus, error.field]).toEqual([409, 'sku']);
    await catalogue.restore(ACTOR, 'tra-dao');
  });

  it('holds the price range in the database too: a writer that skips the service is refused', async () => {
    const attack = database.db.insert(products).values({
      sku: 'discount-hack',
      nameVi: 'x',
      nameEn: 'x',
      unitPrice: -29_000,
    });
    await expect(attack).rejects.toThrow();
    const raise = database.db
      .update(products)
      .set({ unitPrice: 0 })
      .where(eq(products.sku, 'banh-mi'));
    await expect(raise).rejects.toThrow();
    const [row] = await database.db
      .select({ unitPrice: products.unitPrice })
      .from(products)
      .where(eq(products.sku, 'banh-mi'));
    expect(row?.unitPrice).toBe(30_000);
  });

  it('retires and restores, each recorded with before and after', async () => {
    await catalogue.retire(ACTOR, 'banh-flan');
    await catalogue.restore(ACTOR, 'banh-flan');
    const changes = await listChanges(database.db, { subject: productSubject('banh-flan') });
    expect(changes.map((change) => change.action)).toEqual(['restore', 'retire']);
    expect(changes[1]?.before).toMatchObject({ active: true });
    expect(changes[1]?.after).toMatchObject({ active: false });
  });

  it('a price change leaves an order as it was bought; a sold sku no longer changes', async () => {
    const order = await createOrderFromCart(
      {
        db: database.db,
        config: { orders: { minAmount: 1_000, maxAmount: 50_000_000 } },
        now: () => new Date(),
      },
      [{ sku: 'tra-dao', quantity: 2 }],
    );
    await catalogue.update(ACTOR, 'tra-dao', { patch: { unit_price: 45_000, name_en: 'Tea' } });
    const [stored] = await database.db
      .select()
      .from(merchantOrders)
      .where(eq(merchantOrders.id, order.id));
    expect(stored?.lines).toEqual([
      { sku: 'tra-dao', nameVi: 'Trà đào', nameEn: 'Peach tea', unitPrice: 39_000, quantity: 2 },
    ]);
    const error = await refusal(catalogue.update(ACTOR, 'tra-dao', { patch: { sku: 'tra' } }));
    expect([error.field, error.message]).toEqual([
      'sku',
      'tra-dao was sold: its sku can no longer change',
    ]);
  });

  it('renames an unsold sku, and records nothing for a change that changes nothing', async () => {
    await catalogue.create(ACTOR, { ...GOOD, sku: 'typo-sku' });
    const renamed = await catalogue.update(ACTOR, 'typo-sku', { patch: { sku: 'right-sku' } });
    expect(renamed.sku).toBe('right-sku');
    const before = (await listChanges(database.db)).length;
    await catalogue.update(ACTOR, 'right-sku', { patch: { name_vi: GOOD.name_vi } });
    expect((await listChanges(database.db)).length).toBe(before);
  });

  it('answers 404 naming the sku for an unknown product', async () => {
    const error = await refusal(catalogue.update(ACTOR, 'nope', { patch: { active: false } }));
    expect([error.httpStatus, error.field]).toEqual([404, 'sku']);
  });
});
