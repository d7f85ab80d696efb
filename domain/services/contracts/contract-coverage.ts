// Which service contracts cover an order's asset: those naming the asset, or a location it stands in (the
// location or one above it), in force on the plant's today. Only contracts the viewer may read are offered.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../../prisma/client.js';
import type { Tx } from '../../access/allowed-row.js';
import { accessibleWhere, type AppAbility } from '../../access/abilities.js';

/** The contracts covering `assetId` and in force on `today` (a plant calendar day, UTC midnight). */
export async function contractsCovering(client: Db | Tx, ability: AppAbility, assetId: number, today: Date) {
  // The client or an operation's transaction: the same two reads (the union's overloads do not combine).
  const db = client as Tx;
  const readable = accessibleWhere(ability, 'read', 'ServiceContract');
  if (!readable) return [];
  const asset = await db.asset.findUnique({ where: { id: assetId }, select: { location: { select: { path: true } } } });
  if (!asset) return [];
  // "/1/5/23/": the asset's location and every location above it.
  const around = asset.location.path.split('/').filter(Boolean).map(Number);
  return db.serviceContract.findMany({
    where: {
      AND: [
        readable as Prisma.ServiceContractWhereInput,
        { startsOn: { lte: today }, endsOn: { gte: today } },
        { OR: [{ assets: { some: { assetId } } }, { locations: { some: { locationId: { in: around } } } }] },
      ],
    },
    select: { id: true, code: true, endsOn: true, responseHours: true, resolutionHours: true, vendor: { select: { name: true } } },
    orderBy: [{ endsOn: 'asc' }, { id: 'asc' }],
  });
}
