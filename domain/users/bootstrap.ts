// First start: the five groups exist, and so does at least one active administrator.
import type { Db } from '../../prisma/client.js';
import { GROUP_CODES, GROUPS } from '../../prisma/groups.js';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './password.js';

export interface BootstrapResult {
  /** Set only when this call created the first administrator. */
  createdAdmin?: { email: string; password: string; generated: boolean };
}

export const DEFAULT_ADMIN_EMAIL = 'admin@cmms.local';

export async function bootstrapAccessControl(
  prisma: Db,
  initialAdmin: { email?: string; password?: string },
): Promise<BootstrapResult> {
  await prisma.group.createMany({
    data: GROUP_CODES.map((code) => ({
      code,
      name: GROUPS[code].name,
      description: GROUPS[code].description,
      canReadHistory: GROUPS[code].canReadHistory,
    })),
    skipDuplicates: true,
  });

  const anyAdmin = await prisma.userGroup.findFirst({ where: { group: { code: 'ADMINISTRATORS' } } });
  if (anyAdmin) return {};

  const email = (initialAdmin.email ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  const generated = !initialAdmin.password;
  const password = initialAdmin.password ?? generatePassword();
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`ADMIN_PASSWORD: must be at least ${MIN_PASSWORD_LENGTH} characters`);
  const passwordHash = await hashPassword(password);
  const admins = await prisma.group.findUniqueOrThrow({ where: { code: 'ADMINISTRATORS' } });
  // Two processes starting at once: the e-mail's unique index lets only one create the account.
  const user = await prisma.user.upsert({
    where: { email },
    create: { email, name: 'Administrador', passwordHash, profile: { create: {} } },
    update: { passwordHash, isActive: true },
  });
  await prisma.userGroup.createMany({ data: [{ userId: user.id, groupId: admins.id }], skipDuplicates: true });
  return { createdAdmin: { email, password, generated } };
}
