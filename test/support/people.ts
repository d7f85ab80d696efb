// One signed-in person per group of ../shared/DOMAIN.md, for tests of the role rules.
import { hashPassword } from '../../domain/users/password.js';
import type { GroupCode } from '../../prisma/groups.js';
import type { Db } from '../../prisma/client.js';
import { HttpClient } from './http-client.js';

export const PASSWORD = 'clave-de-prueba-del-grupo';

export interface Person {
  userId: number;
  email: string;
  client: HttpClient;
  technicianId?: number;
}

export async function aPerson(prisma: Db, baseUrl: string, groups: GroupCode[], name: string, options: { technician?: boolean } = {}): Promise<Person> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@planta.test`;
  const groupRows = await prisma.group.findMany({ where: { code: { in: groups } } });
  const user = await prisma.user.create({
    data: { email, name, passwordHash: await hashPassword(PASSWORD), groups: { create: groupRows.map((g) => ({ groupId: g.id })) }, profile: { create: {} } },
  });
  const technician = options.technician ? await prisma.technician.create({ data: { userId: user.id, craft: 'Mecánico', hourlyCost: 10 } }) : undefined;
  const client = new HttpClient(baseUrl);
  await client.signIn(email, PASSWORD);
  return { userId: user.id, email, client, technicianId: technician?.id };
}
