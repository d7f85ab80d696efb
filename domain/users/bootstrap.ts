// First start: the five groups exist, and so does at least one active administrator.
import type { Db } from '../../prisma/client.js';
import { GROUP_CODES, GROUPS } from '../../prisma/groups.js';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './password.js';

export interface BootstrapResult {
  /** Set only when this call created the first administrator. */
  createdAdmin?: { email: string; password: string; generated: boolean };
}

export const DEFAULT_ADMIN_EMAIL = 'admin@cmms.local';

/** Arbitrary, constant: "the first start" (advisory lock held while the first administrator is made). */
const FIRST_START_LOCK_KEY = 72_707_370;

export async function bootstrapAccessControl(
  prisma: Db,
  initialAdmin: { email?: string; password?: string },
): Promise<BootstrapResult> {
  // Several web processes or containers starting at once take turns (a lock held to the transaction's
  // end, which PgBouncer's transaction mode carries): exactly one creates the administrator and prints
  // the password it was given; the others find him.
  return prisma.transactionAs(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_START_LOCK_KEY}::bigint)`;
      await tx.group.createMany({
        data: GROUP_CODES.map((code) => ({
          code,
          name: GROUPS[code].name,
          description: GROUPS[code].description,
          canReadHistory: GROUPS[code].canReadHistory,
        })),
        skipDuplicates: true,
      });

      const anyAdmin = await tx.userGroup.findFirst({ where: { group: { code: 'ADMINISTRATORS' } } });
      if (anyAdmin) return {};

      const email = (initialAdmin.email ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
      const generated = !initialAdmin.password;
      const password = initialAdmin.password ?? generatePassword();
      if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`ADMIN_PASSWORD: must be at least ${MIN_PASSWORD_LENGTH} characters`);
      const passwordHash = await hashPassword(password);
      const admins = await tx.group.findUniqueOrThrow({ where: { code: 'ADMINISTRATORS' } });
      const user = await tx.user.upsert({
        where: { email },
        create: { email, name: 'Administrador', passwordHash, profile: { create: {} } },
        update: { passwordHash, isActive: true },
      });
      await tx.userGroup.createMany({ data: [{ userId: user.id, groupId: admins.id }], skipDuplicates: true });
      return { createdAdmin: { email, password, generated } };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
