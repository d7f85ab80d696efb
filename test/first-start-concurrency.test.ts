// Several web processes (or containers) start at once on an empty database: exactly one of them creates
// the first administrator, and the password it prints is his.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAccessControl } from '../domain/users/bootstrap.js';
import { verifyPassword } from '../domain/users/password.js';
import { actAs } from '../prisma/actor.js';
import { connectDatabase, type Database } from '../server/database.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

let db: TestDatabase;
const processes: Database[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // One connection pool each, as separate processes would have.
  for (let i = 0; i < 4; i++) processes.push(connectDatabase(db.url, { max: 2 }));
});
afterAll(async () => {
  for (const database of processes) await database.close();
  await db?.drop();
});

describe('the first start of several processes at once', () => {
  it('creates one administrator, whose generated password is the one printed', async () => {
    const results = await Promise.all(
      processes.map((database) => actAs({ label: 'system:first-start' }, () => bootstrapAccessControl(database.prisma, {}))),
    );
    const created = results.flatMap((r) => (r.createdAdmin ? [r.createdAdmin] : []));
    expect(created).toHaveLength(1);
    const admins = await db.prisma.user.findMany({ where: { groups: { some: { group: { code: 'ADMINISTRATORS' } } } }, select: { email: true, passwordHash: true } });
    expect(admins.map((a) => a.email)).toEqual([created[0]!.email]);
    expect(await verifyPassword(admins[0]!.passwordHash!, created[0]!.password)).toBe(true);
    expect(await db.prisma.group.count()).toBe(5);
  });
});
