// An empty install is not a blank page: the administrator's dashboard lists what a plant sets up before
// work can be planned, each step ticked from what the database holds (never from a flag someone clicks),
// so a step done by an import, a form or SQL is ticked alike. In the order a go-live does them.
import type { Db } from '../../prisma/client.js';

export const FIRST_START_STEPS = [
  'plantTimeZone', 'workCalendar', 'groups', 'firstUsers', 'technicians', 'locations', 'assets', 'preventivePlans',
] as const;
export type FirstStartStep = (typeof FIRST_START_STEPS)[number];

export interface ChecklistItem {
  step: FirstStartStep;
  done: boolean;
  /** What the step shows beside its name: the zone in use, how many there are. */
  values: Record<string, string | number>;
}

export interface FirstStartChecklist {
  items: ChecklistItem[];
  complete: boolean;
}

/** The groups a plant cannot work without members of: who plans and who executes. */
const WORKING_GROUPS = ['SUPERVISORS', 'TECHNICIANS'] as const;

/**
 * `timeZone` is the plant's zone in use; `timeZoneChosen` says whether it was set (APP_TIMEZONE) or is
 * the default, which a plant elsewhere must not keep by accident: schedules run in it.
 */
export async function firstStartChecklist(db: Db, plant: { timeZone: string; timeZoneChosen: boolean }): Promise<FirstStartChecklist> {
  // Existence, not counts, where a table may hold 250 000 rows: each is one index probe.
  const [calendars, staffedGroups, signInUsers, technicians, location, asset, schedule] = await Promise.all([
    db.workCalendar.count(),
    db.group.count({ where: { code: { in: [...WORKING_GROUPS] }, members: { some: { user: { isActive: true } } } } }),
    db.user.count({ where: { isActive: true, passwordHash: { not: null } } }),
    db.technician.count({ where: { isActive: true, user: { isActive: true } } }),
    db.location.findFirst({ select: { id: true } }),
    db.asset.findFirst({ select: { id: true } }),
    db.maintenanceSchedule.findFirst({ where: { isActive: true }, select: { id: true } }),
  ]);
  const items: ChecklistItem[] = [
    { step: 'plantTimeZone', done: plant.timeZoneChosen, values: { zone: plant.timeZone } },
    { step: 'workCalendar', done: calendars > 0, values: { count: calendars } },
    { step: 'groups', done: staffedGroups === WORKING_GROUPS.length, values: {} },
    // The first administrator alone is not a plant: someone else can sign in.
    { step: 'firstUsers', done: signInUsers > 1, values: { count: signInUsers } },
    { step: 'technicians', done: technicians > 0, values: { count: technicians } },
    { step: 'locations', done: location !== null, values: {} },
    { step: 'assets', done: asset !== null, values: {} },
    { step: 'preventivePlans', done: schedule !== null, values: {} },
  ];
  return { items, complete: items.every((item) => item.done) };
}
