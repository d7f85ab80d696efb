// Prisma CLI configuration: the WASM schema engine with the pg driver adapter, so that no engine
// binary is ever downloaded (see ../shared/PLATFORM.md). Migrations are applied by our own runner
// (prisma/migrate.ts); the CLI is used to generate the client and to author migrations offline.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { CatalogTextPool } from './prisma/catalog-text-pool.js';

// The CLI refuses to run without a URL even for offline commands; a placeholder is never connected to.
process.env.DATABASE_URL ??= 'postgresql://offline@127.0.0.1:1/offline';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPg(new CatalogTextPool({ connectionString: process.env.DATABASE_URL })),
});
