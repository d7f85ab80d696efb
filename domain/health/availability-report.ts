// Availability per location or per category over a period (issue 25), under the reader's rules: the
// figures of reliability-figures.ts for the assets he may read, named, worst first, with the plant's
// (his part of it) in one line below. The period is whole days of the plant's calendar, "to" included.
import type { Prisma } from '@prisma/client';
import { plantTimeToInstant } from '../call-center/plant-time.js';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { Refusal } from '../refusal.js';
import { reliabilityFiguresBy, type ReliabilityFigures } from './reliability-figures.js';

export const LONGEST_AVAILABILITY_DAYS = 366;

export interface AvailabilityQuery {
  /** Calendar days (UTC midnight, as @db.Date columns are written), both included. */
  from: Date;
  to: Date;
  groupBy: 'location' | 'category';
  timeZone: string;
}

export interface AvailabilityRow extends ReliabilityFigures {
  name: string;
}

export interface AvailabilityReport {
  rows: AvailabilityRow[];
  /** All the reader's assets together; null when he may read none. */
  total: ReliabilityFigures | null;
}

export async function availabilityReport(db: Db, ability: AppAbility, query: AvailabilityQuery): Promise<AvailabilityReport> {
  const readableAssets = accessibleWhere(ability, 'read', 'Asset');
  if (!readableAssets || !ability.can('read', 'DowntimeEvent')) throw new AccessDeniedError('read', 'DowntimeEvent');
  const days = (query.to.getTime() - query.from.getTime()) / 86_400_000;
  if (days < 0 || days >= LONGEST_AVAILABILITY_DAYS) throw new Refusal('availabilityRangeInvalid', {}, { field: 'from' });
  const period = { from: plantMidnight(query.from, query.timeZone), to: plantMidnight(new Date(query.to.getTime() + 86_400_000), query.timeZone) };
  const scope = unrestricted(ability)
    ? {}
    : { assetIds: (await db.asset.findMany({ where: readableAssets as Prisma.AssetWhereInput, select: { id: true } })).map((a) => a.id) };
  if (scope.assetIds?.length === 0) return { rows: [], total: null };
  const [figures, [total]] = await Promise.all([
    reliabilityFiguresBy(db, query.groupBy, period, scope),
    reliabilityFiguresBy(db, 'plant', period, scope),
  ]);
  const ids = figures.map((f) => f.id);
  const names = new Map(
    query.groupBy === 'location'
      ? (await db.location.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((l) => [l.id, l.name])
      : (await db.assetCategory.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]),
  );
  const rows = figures
    .map((f) => ({ ...f, name: names.get(f.id) ?? '' }))
    .sort((a, b) => a.availability - b.availability || a.name.localeCompare(b.name, 'es'));
  return { rows, total: total ?? null };
}

/** Every asset is readable: no condition, nothing forbidden (an administrator, a user of the whole plant). */
function unrestricted(ability: AppAbility): boolean {
  const rules = ability.rulesFor('read', 'Asset');
  return rules.every((rule) => !rule.inverted) && rules.some((rule) => !rule.conditions);
}

function plantMidnight(day: Date, timeZone: string): Date {
  return plantTimeToInstant({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: 0, minute: 0 }, timeZone);
}
