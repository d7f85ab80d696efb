// The one Prisma client shape of the application (driver adapter over our pg pool).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import type pg from 'pg';

export function createPrismaClient(pool: pg.Pool) {
  // Password hashes are never loaded unless a query asks for them by name (sign-in does).
  return new PrismaClient({ adapter: new PrismaPg(pool), omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
