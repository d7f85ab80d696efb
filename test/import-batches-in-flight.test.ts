// Two batches of an import are written at once, each committed in file order. When the later one takes
// a unique value the earlier one then needs (two categories of the same name, one at the end of the
// first batch and one at the start of the second), the earlier waits for the later's row while the later
// waits for the earlier to commit: the later must give way, be written again after it, and the outcome
// be the one of writing them one after the other. Real PostgreSQL; a trigger holds the first batch back
// so that the second writes its row first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useImportTestPlant } from './support/imports.js';
import type { Cell } from './support/workbooks.js';

const plant = useImportTestPlant('Ana Administradora');

describe('two batches written at once', () => {
  beforeAll(async () => {
    // The import's batches are 50 rows (test/support/imports.ts): row 2 to 51, then 52 onwards.
    await plant.db.pool.query(`
      CREATE FUNCTION test_hold_first_batch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.code = 'C-040' THEN PERFORM pg_sleep(1.5); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_hold_first_batch BEFORE INSERT ON asset_categories FOR EACH ROW EXECUTE FUNCTION test_hold_first_batch();`);
  });
  afterAll(async () => {
    await plant.db?.pool.query('DROP TRIGGER IF EXISTS test_hold_first_batch ON asset_categories; DROP FUNCTION IF EXISTS test_hold_first_batch()');
  });

  it('the later batch holding a name the earlier needs gives way: the earlier row is written, the later rejected', async () => {
    const rows: Cell[][] = [['Código', 'Nombre']];
    for (let i = 0; i < 100; i++) rows.push([`C-${String(i).padStart(3, '0')}`, i === 49 || i === 50 ? 'Bombas sumergibles' : `Categoría ${i}`]);
    const started = Date.now();
    const outcome = await plant.importSheet('asset-categories', rows);
    expect(Date.now() - started).toBeGreaterThan(1_500); // the first batch was held back
    expect(outcome.run).toMatchObject({ state: 'PARTIAL', rowsRead: 100, rowsWritten: 99, rowsNew: 99, rowsRejected: 1, checkpointRow: 101 });
    expect(outcome.errors).toEqual([expect.stringMatching(/^52 null: La base de datos rechazó la fila: .*asset_categories_name_key/)]);
    const named = await plant.prisma.assetCategory.findMany({ where: { name: 'Bombas sumergibles' } });
    expect(named.map((c) => c.code)).toEqual(['C-049']);
    expect(await plant.prisma.assetCategory.count({ where: { code: { startsWith: 'C-' } } })).toBe(99);
  }, 60_000);
});
