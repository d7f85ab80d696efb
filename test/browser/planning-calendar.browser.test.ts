// The supervisor plans on the calendar in a real browser: he opens it from the work-order list, sees an
// overdue order highlighted, drags an order to another day and another to another technician (and sees
// both technicians' workload change), moves a third with the keyboard through its "Mover" form, and
// finds all of it where he left it after a reload, as the database holds it.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../domain/dates.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';

const started = browserAndBackOffice();
const DAY = 86_400_000;
let supervisor: Person;
let tomas: number;
let elena: number;
let today: Date;
const orders = {} as Record<'overdue' | 'toAnotherDay' | 'toElena' | 'byKeyboard', { id: number; number: string }>;

const iso = (day: Date) => day.toISOString().slice(0, 10);
const plus = (day: Date, days: number) => new Date(day.getTime() + days * DAY);
/** Monday of next week: all seven days ahead of today, whatever today is. */
const nextMonday = () => plus(today, 7 - ((today.getUTCDay() + 6) % 7));

beforeAll(async () => {
  const office = started.office();
  const prisma = office.database.prisma;
  today = todayIn(office.config.timeZone);
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  tomas = (await prisma.technician.create({ data: { userId: (await make.aUser(prisma, 'Tomás Técnico')).id, craft: 'Mecánico' } })).id;
  elena = (await prisma.technician.create({ data: { userId: (await make.aUser(prisma, 'Elena Eléctrica')).id, craft: 'Electricista' } })).id;
  const boiler = await make.anAsset(prisma, { code: 'CAL-01', description: 'Caldera principal' });
  const pump = await make.anAsset(prisma, { code: 'BOM-07', description: 'Bomba de alimentación' });
  // A preventive routine estimated at 2.5 hours: moving its order moves hours between the technicians.
  const schedule = await make.aSchedule(prisma, pump.id);
  const routine = await prisma.maintenanceSchedule.findUniqueOrThrow({ where: { id: schedule.id }, select: { routineId: true } });
  await prisma.routine.update({ where: { id: routine.routineId }, data: { estimatedHours: 2.5 } });
  const order = (data: { assetId: number; plannedOn: Date; description: string; priority: string; scheduleId?: number }) =>
    prisma.workOrder.create({
      data: { kind: data.scheduleId ? 'PREVENTIVE' : 'CORRECTIVE', state: 'ASSIGNED', technicianId: tomas, ...data },
      select: { id: true, number: true },
    });
  const monday = nextMonday();
  orders.overdue = await order({ assetId: boiler.id, plannedOn: plus(today, -1), description: 'Revisar quemador', priority: 'URGENT' });
  orders.toAnotherDay = await order({ assetId: boiler.id, plannedOn: monday, description: 'Limpiar tubos de humo', priority: 'HIGH' });
  orders.toElena = await order({ assetId: pump.id, plannedOn: plus(monday, 1), description: 'Lubricar rodamientos', priority: 'MEDIUM', scheduleId: schedule.id });
  orders.byKeyboard = await order({ assetId: pump.id, plannedOn: plus(monday, 2), description: 'Alinear acople', priority: 'LOW' });
});

const chip = (page: Page, number: string) => page.locator(`[data-testid="calendar-order"][data-number="${number}"]`);
const cell = (page: Page, technicianId: number, day: Date) => page.locator(`tr[data-row="t:${technicianId}"] td[data-day="${iso(day)}"]`);
const workload = (page: Page, technicianId: number) => page.getByTestId(`workload-${technicianId}`).innerText();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, name), fullPage: true });

describe('the planning calendar in a real browser', () => {
  it('a supervisor sees the overdue, drags orders to another day and technician, and finds them there after a reload', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const context = await started.browser().newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await signInThroughForm(page, office.url, supervisor.email, PASSWORD);

    // From the work-order list, "Calendario".
    await page.goto(`${office.url}/admin/resources/WorkOrder`);
    await page.getByRole('link', { name: 'Calendario' }).or(page.getByRole('button', { name: 'Calendario' })).first().click();
    await page.getByTestId('calendar-week').waitFor({ timeout: 30_000 });
    // Yesterday lies in last week when today is a Monday.
    if ((today.getUTCDay() + 6) % 7 === 0) await page.getByRole('button', { name: 'Anterior' }).click();
    const overdue = chip(page, orders.overdue.number);
    await overdue.waitFor({ timeout: 15_000 });
    expect(await overdue.getAttribute('data-overdue')).toBe('true');
    expect(await overdue.innerText()).toMatch(/Atrasada[\s\S]*CAL-01 · Caldera principal[\s\S]*Revisar quemador/);
    expect(await overdue.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(253, 232, 232)');
    expect(await page.getByTestId('calendar-row').first().innerText()).toContain('Sin técnico asignado');
    await shot(page, 'calendar-overdue.png');

    // Next week, where the work to plan is.
    await page.getByRole('button', { name: 'Hoy' }).click();
    await page.getByRole('button', { name: 'Siguiente' }).click();
    const monday = nextMonday();
    await chip(page, orders.toAnotherDay.number).waitFor({ timeout: 15_000 });
    expect(await workload(page, tomas)).toBe('Abiertas: 4 · 2,5 h');
    expect(await workload(page, elena)).toBe('Abiertas: 0 · 0 h');

    // Drag an order from Monday to Thursday.
    await chip(page, orders.toAnotherDay.number).dragTo(cell(page, tomas, plus(monday, 3)));
    await page.getByTestId('calendar-message').filter({ hasText: `Orden ${orders.toAnotherDay.number} movida.` }).waitFor({ timeout: 15_000 });
    await cell(page, tomas, plus(monday, 3)).locator(`[data-number="${orders.toAnotherDay.number}"]`).waitFor({ timeout: 15_000 });
    await shot(page, 'calendar-dragged-to-another-day.png');

    // Drag the preventive order to Elena's row, the same day: the workload follows.
    await chip(page, orders.toElena.number).dragTo(cell(page, elena, plus(monday, 1)));
    await page.getByTestId('calendar-message').filter({ hasText: `Orden ${orders.toElena.number} movida.` }).waitFor({ timeout: 15_000 });
    await cell(page, elena, plus(monday, 1)).locator(`[data-number="${orders.toElena.number}"]`).waitFor({ timeout: 15_000 });
    expect(await workload(page, tomas)).toBe('Abiertas: 3 · 0 h');
    expect(await workload(page, elena)).toBe('Abiertas: 1 · 2,5 h');
    await shot(page, 'calendar-dragged-to-another-technician.png');

    // Without a mouse: the order's "Mover" form, by keyboard.
    await chip(page, orders.byKeyboard.number).focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('calendar-move');
    await form.getByText(`Mover ${orders.byKeyboard.number}`).waitFor({ timeout: 15_000 });
    await form.locator('input[name=plannedOn]').fill(iso(plus(monday, 4)));
    await form.locator('select[name=technicianId]').selectOption({ label: 'Elena Eléctrica' });
    await shot(page, 'calendar-move-form.png');
    await form.getByTestId('calendar-move-submit').press('Enter');
    await page.getByTestId('calendar-message').filter({ hasText: `Orden ${orders.byKeyboard.number} movida.` }).waitFor({ timeout: 15_000 });
    expect(await workload(page, elena)).toBe('Abiertas: 2 · 2,5 h');

    // After a reload: the same week, each order where he left it.
    await page.reload();
    await page.getByTestId('calendar-week').waitFor({ timeout: 30_000 });
    await cell(page, tomas, plus(monday, 3)).locator(`[data-number="${orders.toAnotherDay.number}"]`).waitFor({ timeout: 15_000 });
    expect(await cell(page, elena, plus(monday, 1)).locator(`[data-number="${orders.toElena.number}"]`).count()).toBe(1);
    expect(await cell(page, elena, plus(monday, 4)).locator(`[data-number="${orders.byKeyboard.number}"]`).count()).toBe(1);
    expect(await cell(page, tomas, monday).locator('[data-testid="calendar-order"]').count()).toBe(0);
    await shot(page, 'calendar-after-reload.png');

    // What the database holds, and who the history says moved them.
    const stored = await prisma.workOrder.findMany({ where: { id: { in: Object.values(orders).map((o) => o.id) } }, orderBy: { id: 'asc' } });
    expect(stored.map((o) => [o.number, iso(o.plannedOn), o.technicianId])).toEqual([
      [orders.overdue.number, iso(plus(today, -1)), tomas],
      [orders.toAnotherDay.number, iso(plus(monday, 3)), tomas],
      [orders.toElena.number, iso(plus(monday, 1)), elena],
      [orders.byKeyboard.number, iso(plus(monday, 4)), elena],
    ]);
    const authors = await prisma.changeHistory.findMany({ where: { tableName: 'work_orders', action: 'UPDATE', recordId: { in: [orders.toAnotherDay.id, orders.toElena.id, orders.byKeyboard.id] } } });
    expect(authors.map((entry) => entry.actorUserId)).toEqual([supervisor.userId, supervisor.userId, supervisor.userId]);

    // The month, in English after a reload with his language changed.
    await prisma.user.update({ where: { id: supervisor.userId }, data: { locale: 'en' } });
    await page.goto(`${office.url}/admin/resources/WorkOrder/actions/calendar?view=month&day=${iso(monday)}`);
    await page.getByTestId('calendar-month').waitFor({ timeout: 30_000 });
    await chip(page, orders.byKeyboard.number).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('planning-calendar').innerText()).toMatch(/Previous[\s\S]*Today[\s\S]*Next[\s\S]*Week[\s\S]*Month/);
    await shot(page, 'calendar-month-english.png');
    await context.close();
  }, 240_000); // a long journey on a shared two-core machine
});
