// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database under DATA_DIR).
import { applyMigrations } from '../../prisma/migrate.js';
import { openDatabaseForCli } from '../database.js';

const { pool, close } = await openDatabaseForCli();
try {
  const result = await applyMigrations(pool, (m) => console.log(m));
  console.log(`${result.applied.length} applied, ${result.alreadyApplied} already applied`);
} finally {
  await close();
}
