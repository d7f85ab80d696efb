// The demo seed's command line: arguments, migrations first, the steps' timings and a summary printed.
// Its process entry (server/commands/seed-demo.ts) hands it the database.
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { applyMigrations } from '../migrate.js';
import { DemoPlantExistsError, seedDemoPlant, type DemoSummary } from './demo.js';
import { DEMO_PLANT_UNIT, planDemo, type DemoOptions } from './plan.js';

export function parseDemoArguments(argv: string[]): DemoOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      assets: { type: 'string' },
      orders: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const integer = (name: string, text: string): number => {
    if (!/^-?\d+$/.test(text)) throw new RangeError(`--${name} must be a whole number, got "${text}"`);
    return Number(text);
  };
  if (values.scale === undefined) {
    return {
      assets: integer('assets', values.assets ?? String(DEMO_PLANT_UNIT.assets)),
      orders: integer('orders', values.orders ?? String(DEMO_PLANT_UNIT.orders)),
      ...(values.seed === undefined ? {} : { seed: integer('seed', values.seed) }),
      reset: values.reset,
    };
  }
  // --scale N: N demo plants' worth, so the figures follow from it.
  if (values.assets !== undefined || values.orders !== undefined) throw new RangeError('--scale sets the assets and orders: give --scale or --assets/--orders, not both');
  const scale = integer('scale', values.scale);
  return {
    assets: DEMO_PLANT_UNIT.assets * scale,
    orders: DEMO_PLANT_UNIT.orders * scale,
    scale,
    ...(values.seed === undefined ? {} : { seed: integer('seed', values.seed) }),
    reset: values.reset,
  };
}

function printSummary(summary: DemoSummary): void {
  const width = Math.max(...Object.keys(summary.counts).map((t) => t.length));
  console.log('\nDemo plant seeded:');
  for (const [table, rows] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(width)}  ${rows.toLocaleString('en-US').padStart(9)}`);
  const perYear = Object.entries(summary.ordersPerYear)
    .map(([year, n]) => `${year}: ${n.toLocaleString('en-US')}`)
    .join(', ');
  console.log(`  work orders per year: ${perYear} (planned ${summary.plannedWindow.from} .. ${summary.plannedWindow.to})`);
  console.log(`Done in ${(summary.elapsedMs / 1000).toFixed(1)} s.`);
}

/** What the command needs of a database: a pool, and how to let it go (server/commands/seed-demo.ts
 * opens DATABASE_URL or the embedded database, as every command does). */
export interface CommandDatabase {
  pool: pg.Pool;
  close(): Promise<void>;
}

/** `npm run seed:demo -- ...`: migrates, seeds and prints; returns the process exit code. */
export async function runFromCommandLine(argv: string[], openDatabase: () => Promise<CommandDatabase>): Promise<number> {
  let options: DemoOptions;
  try {
    options = parseDemoArguments(argv);
    planDemo(options);
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run seed:demo -- [--assets 50000] [--orders 250000 | --scale 1..20] [--seed N] [--reset]`);
    return 2;
  }
  const { pool, close } = await openDatabase();
  try {
    await applyMigrations(pool, (message) => console.log(message));
    const size = `${options.assets.toLocaleString('en-US')} assets, ${options.orders.toLocaleString('en-US')} work orders`;
    const scaled = options.scale ? ` (--scale ${options.scale}: no change history for the seeded rows)` : '';
    console.log(`Seeding a demo plant: ${size}${scaled}${options.reset ? ', after --reset' : ''}...`);
    const summary = await seedDemoPlant(pool, {
      ...options,
      onStep: (step, ms) => console.log(`  ${step.padEnd(22)} ${(ms / 1000).toFixed(1).padStart(6)} s`),
    });
    printSummary(summary);
    return 0;
  } catch (error) {
    if (error instanceof DemoPlantExistsError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await close();
  }
}
