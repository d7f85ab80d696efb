// Notifications (issue 18): each kind from its real trigger, told once to exactly the people whose rules
// let them read the record, by the channels they chose (a real SMTP server, a fake Telegram Bot API and a
// webhook receiver on 127.0.0.1), a failing channel retried then dead-lettered while the others deliver,
// and the centre's routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startFakeSmtp, type FakeSmtp } from '../integrations/messaging/fakes/fake-smtp.js';
import { startFakeTelegram, type FakeTelegram } from '../integrations/messaging/fakes/fake-telegram.js';
import { startFakeWebhook, type FakeWebhook } from '../integrations/messaging/fakes/fake-webhook.js';
import { notifyOverdueOrdersJob } from '../jobs/notify-overdue-orders.job.js';
import { notifyWaitingRequestsJob } from '../jobs/notify-waiting-requests.job.js';
import { DEAD_LETTER_QUEUE } from '../jobs/queues.js';
import { notifyWorkOrderAssigned } from '../domain/notifications/triggers/work-orders.js';
import { todayIn } from '../domain/dates.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';
import { aWorkbook } from './support/workbooks.js';

const SECRET = 'un-secreto-de-webhook-de-32-caracteres-o-mas';
let office: TestBackOffice;
let prisma: Db;
let smtp: FakeSmtp;
let telegram: FakeTelegram;
let webhook: FakeWebhook;
let tomas: Person; // technician
let teo: Person; // another technician
let sara: Person; // supervisor of the whole plant, approves up to 5 000
let sonia: Person; // supervisor scoped to the north site, approves up to 100
let carla: Person; // consultant
let adminId: number;
let north: number;
let south: number;

const DAY = 86_400_000;

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Who was told of an occasion (event key prefix), as user ids sorted. */
async function toldOf(keyPrefix: string): Promise<number[]> {
  const rows = await prisma.notification.findMany({ where: { eventKey: { startsWith: keyPrefix } }, select: { userId: true }, orderBy: { userId: 'asc' } });
  return rows.map((r) => r.userId);
}

const mailsTo = (person: { email: string }) => smtp.received.filter((m) => m.to.includes(person.email));
const deliveriesOf = (keyPrefix: string) => prisma.notificationDelivery.findMany({ where: { eventKey: { startsWith: keyPrefix } }, orderBy: [{ userId: 'asc' }, { channel: 'asc' }] });
const settled = (keyPrefix: string) =>
  until(`deliveries of ${keyPrefix} to settle`, async () => {
    const all = await deliveriesOf(keyPrefix);
    return all.length > 0 && all.every((d) => ['SENT', 'DEAD', 'SKIPPED'].includes(d.state)) && all;
  }, 30_000);

async function scope(person: Person, locationId: number) {
  await prisma.userSite.create({ data: { userId: person.userId, locationId } });
  // A site given ends the person's sessions (migration *_end_sessions_on_site_change): sign in again.
  await person.client.signIn(person.email, PASSWORD);
}

beforeAll(async () => {
  [smtp, telegram, webhook] = await Promise.all([startFakeSmtp(), startFakeTelegram(), startFakeWebhook(SECRET)]);
  office = await startTestBackOffice({
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'CMMS Planta <cmms@planta.test>',
      TELEGRAM_BOT_TOKEN: '123456:TEST-token-for-the-fake-bot-api',
      TELEGRAM_API_URL: telegram.url,
      WEBHOOK_URL: webhook.url,
      WEBHOOK_SECRET: SECRET,
      WORK_REQUEST_WAITING_HOURS: '4',
      PUBLIC_URL: 'https://cmms.planta.test',
    },
  });
  prisma = office.database.prisma;
  north = (await make.aLocation(prisma, { name: 'Planta Norte', code: 'NORTE' })).id;
  south = (await make.aLocation(prisma, { name: 'Planta Sur', code: 'SUR' })).id;
  tomas = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  teo = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Teo Técnico', { technician: true });
  sara = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  sonia = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sonia Supervisora Norte');
  carla = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
  await scope(sonia, north);
  await prisma.userProfile.update({ where: { userId: sara.userId }, data: { canApproveRequisitions: true, approvalLimit: 5000 } });
  await prisma.userProfile.update({ where: { userId: sonia.userId }, data: { canApproveRequisitions: true, approvalLimit: 100 } });
  await prisma.notificationContact.create({ data: { userId: sonia.userId, telegramChatId: '7001' } });
  adminId = (await prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } })).id;
}, 120_000);
afterAll(async () => {
  await office?.close();
  await Promise.all([smtp?.close(), telegram?.close(), webhook?.close()]);
});

const anOrderAt = async (locationId: number, data: { technicianId?: number; state?: string; plannedOn?: Date; description?: string } = {}) =>
  prisma.workOrder.create({
    data: { kind: 'CORRECTIVE', assetId: (await make.anAsset(prisma, { locationId })).id, plannedOn: data.plannedOn ?? new Date(), description: data.description ?? 'Fuga en sello', technicianId: data.technicianId, state: data.state ?? 'PENDING' },
  });

describe('an order assigned to me', () => {
  it('tells the technician it was given to, in the centre and by e-mail, once', async () => {
    const order = await anOrderAt(north, { description: 'Cambiar rodamiento' });
    const body = new FormData();
    body.set('technicianId', String(tomas.technicianId));
    const assigned = await sara.client.request(`/admin/api/resources/WorkOrder/records/${order.id}/assign`, { method: 'POST', body });
    expect(assigned.status).toBe(200);

    expect(await toldOf(`work-order-assigned:${order.id}:`)).toEqual([tomas.userId]);
    const [delivery] = await settled(`work-order-assigned:${order.id}:`);
    expect(delivery).toMatchObject({ userId: tomas.userId, channel: 'email', state: 'SENT', attempts: 1 });
    const mails = mailsTo(tomas).filter((m) => m.subject.includes(order.number));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Se le asignó la orden ${order.number} · Cambiar rodamiento`);
    expect(mails[0]!.raw).toContain(`https://cmms.planta.test/admin/resources/WorkOrder/records/${order.id}/show`);

    // The trigger again (a retried request, a second assignment call): nobody is told twice.
    expect((await notifyWorkOrderAssigned(prisma, order.id)).notified).toEqual([]);
    await office.notificationDispatcher!.dispatch();
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(tomas).filter((m) => m.subject.includes(order.number))).toHaveLength(1);
    expect(await prisma.notification.count({ where: { eventKey: { startsWith: `work-order-assigned:${order.id}:` } } })).toBe(1);
  });
});

describe('overdue orders, at 07:00 plant time', () => {
  it('is scheduled at 07:00 in the plant time zone', async () => {
    const schedules = await office.queue.boss.getSchedules();
    expect(schedules.find((s) => s.key === 'notify-overdue-orders')).toMatchObject({ cron: '0 7 * * *', timezone: 'America/Tegucigalpa' });
  });

  it('tells each technician of his overdue order and each supervisor the count in his area, once', async () => {
    const today = todayIn('America/Tegucigalpa');
    const past = new Date(today.getTime() - 3 * DAY);
    const mine = await anOrderAt(north, { technicianId: tomas.technicianId, state: 'ASSIGNED', plannedOn: past, description: 'Vencida de Tomás' });
    const teos = await anOrderAt(south, { technicianId: teo.technicianId, state: 'IN_PROGRESS', plannedOn: past, description: 'Vencida de Teo' });
    const unassigned = await anOrderAt(south, { plannedOn: past, description: 'Vencida sin técnico' });
    await anOrderAt(north, { technicianId: tomas.technicianId, state: 'ASSIGNED', plannedOn: new Date(today.getTime() + DAY), description: 'Para mañana' });
    await anOrderAt(north, { technicianId: tomas.technicianId, state: 'CLOSED', plannedOn: past, description: 'Cerrada' });
    const overdueNow = await prisma.workOrder.count({ where: { state: { in: ['PENDING', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'] }, plannedOn: { lt: today } } });
    const overdueNorth = await prisma.workOrder.count({ where: { state: { in: ['PENDING', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'] }, plannedOn: { lt: today }, asset: { location: { path: { startsWith: (await prisma.location.findUniqueOrThrow({ where: { id: north } })).path } } } } });

    // The real job, through the queue, twice.
    for (let run = 0; run < 2; run++) {
      await office.queue.send(notifyOverdueOrdersJob, {});
      await until('the digest', async () => (await toldOf('overdue-digest:')).length > 0 && (await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notifications' AND state IN ('created', 'active', 'retry') AND data->>'job' = 'notify-overdue-orders'`))[0]!.n === 0);
    }

    expect(await toldOf(`work-order-overdue:${mine.id}:`)).toEqual([tomas.userId]);
    expect(await toldOf(`work-order-overdue:${teos.id}:`)).toEqual([teo.userId]);
    expect(await toldOf(`work-order-overdue:${unassigned.id}:`)).toEqual([]);
    // Supervisors only; each counted under his own rules (Sonia sees the north site only). Once each.
    expect(await toldOf('overdue-digest:')).toEqual([sara.userId, sonia.userId].sort((a, b) => a - b));
    const digests = await prisma.notification.findMany({ where: { kind: 'overdue-digest' } });
    expect(digests.find((d) => d.userId === sara.userId)!.values).toMatchObject({ count: overdueNow });
    expect(digests.find((d) => d.userId === sonia.userId)!.values).toMatchObject({ count: overdueNorth });
    expect(overdueNorth).toBeLessThan(overdueNow);
    await settled('overdue-digest:');
    expect(mailsTo(sara).filter((m) => m.subject.startsWith(`${overdueNow} órdenes vencidas en su área`))).toHaveLength(1);
  });
});

describe('a work request waiting too long', () => {
  it('tells those who may convert it and may read it, once, after WORK_REQUEST_WAITING_HOURS', async () => {
    const asset = await make.anAsset(prisma, { locationId: south });
    const old = await prisma.workRequest.create({ data: { assetId: asset.id, description: 'Ruido en motor', reportedById: carla.userId, createdAt: new Date(Date.now() - 5 * 3_600_000) } });
    const fresh = await prisma.workRequest.create({ data: { assetId: asset.id, description: 'Goteo', reportedById: carla.userId } });
    for (let run = 0; run < 2; run++) {
      await office.queue.send(notifyWaitingRequestsJob, {});
      await until('the waiting request told', async () => (await toldOf(`work-request-waiting:${old.id}`)).length > 0);
    }
    // Sara and the administrator; not Sonia (north only), not technicians or consultants.
    expect(await toldOf(`work-request-waiting:${old.id}`)).toEqual([adminId, sara.userId].sort((a, b) => a - b));
    expect(await toldOf(`work-request-waiting:${fresh.id}`)).toEqual([]);
  });
});

describe('a reading out of limits', () => {
  it('tells the supervisors who read the condition request the trigger opened, by e-mail and Telegram; a failing Telegram is retried, then dead-lettered, while e-mail delivers', async () => {
    const asset = await make.anAsset(prisma, { locationId: north });
    const point = await prisma.measurementPoint.create({ data: { code: 'VIB-7', assetId: asset.id, variable: 'Vibración', unit: 'mm/s', minValue: 0, maxValue: 10 } });
    telegram.failing = true;
    await prisma.reading.create({ data: { measurementPointId: point.id, takenAt: new Date(Date.now() - 60_000), value: 4 } });
    await prisma.reading.create({ data: { measurementPointId: point.id, takenAt: new Date(), value: 14.5 } });
    const request = await until('the condition request', () => prisma.workRequest.findFirst({ where: { measurementPointId: point.id, source: 'CONDITION' } }).then((r) => r ?? undefined));
    // Woken by the trigger's NOTIFY, not by the 5-minute schedule.
    const key = `reading-out-of-limits:${request.id}`;
    await until('the supervisors told', async () => (await toldOf(key)).length >= 2, 10_000);
    expect(await toldOf(key)).toEqual([sara.userId, sonia.userId].sort((a, b) => a - b));
    const line = await prisma.notification.findFirstOrThrow({ where: { eventKey: key, userId: sonia.userId } });
    expect(line.values).toMatchObject({ point: 'VIB-7 · Vibración', value: '14.5 mm/s' });

    const deliveries = await settled(key);
    const state = (userId: number, channel: string) => deliveries.find((d) => d.userId === userId && d.channel === channel)?.state;
    expect(state(sonia.userId, 'email')).toBe('SENT');
    expect(state(sonia.userId, 'telegram')).toBe('DEAD');
    expect(deliveries.find((d) => d.userId === sonia.userId && d.channel === 'telegram')).toMatchObject({ attempts: 4, lastError: expect.stringContaining('502') });
    // Sara gave no Telegram chat: skipped, not failed.
    expect(state(sara.userId, 'telegram')).toBe('SKIPPED');
    expect(state(sara.userId, 'email')).toBe('SENT');
    const deadTelegram = deliveries.find((d) => d.userId === sonia.userId && d.channel === 'telegram')!;
    const dead = await until('the dead letter', async () => {
      const { rows } = await office.database.pool.query(`SELECT data FROM pgboss.job WHERE name = $1 AND data->'payload'->>'deliveryId' = $2`, [DEAD_LETTER_QUEUE, String(deadTelegram.id)]);
      return rows.length > 0 && rows;
    });
    expect(dead).toHaveLength(1);
    telegram.failing = false;
  }, 60_000);
});

describe('an import finished', () => {
  it('tells whoever started it', async () => {
    await prisma.assetCategory.create({ data: { code: 'BOM', name: 'Bombas de notificación' } });
    const file = await aWorkbook([
      ['Código', 'Descripción', 'Ubicación', 'Categoría', 'Criticidad'],
      ['N-1', 'Bomba de prueba', 'NORTE', 'Bombas de notificación', 'A'],
    ]);
    const started = await sara.client.json<{ id: number }>(`/admin/imports/assets?mode=VALID_ROWS&fileName=activos.xlsx`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(file) });
    expect(started.status).toBe(202);
    await until('the import told', async () => (await toldOf(`import-finished:${started.body.id}`)).length > 0, 30_000);
    expect(await toldOf(`import-finished:${started.body.id}`)).toEqual([sara.userId]);
    const centre = await sara.client.json<{ lines: { text: string; title: string; model: string; recordId: number }[] }>('/admin/notifications');
    expect(centre.body.lines.find((l) => l.model === 'ImportRun' && l.recordId === started.body.id)).toMatchObject({
      text: 'Terminó la importación activos.xlsx: 1 filas escritas, 0 rechazadas',
      title: 'activos.xlsx',
    });
  });
});

describe('a document waiting for my signature', () => {
  it('tells the named signer, and nobody else, as soon as he is named', async () => {
    const document = await prisma.document.create({ data: { title: 'Procedimiento de bloqueo' } });
    const revision = await prisma.documentRevision.create({
      data: { documentId: document.id, number: 1, fileKey: `docs/test/${document.id}.pdf`, fileName: 'bloqueo.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64), uploadedById: sara.userId },
    });
    await prisma.revisionSigner.create({ data: { revisionId: revision.id, userId: tomas.userId } });
    const key = `signature-requested:${revision.id}`;
    await until('the signer told', async () => (await toldOf(key)).length > 0, 10_000);
    expect(await toldOf(key)).toEqual([tomas.userId]);
    const line = await prisma.notification.findFirstOrThrow({ where: { eventKey: key } });
    expect(line.values).toMatchObject({ title: `${document.code ?? (await prisma.document.findUniqueOrThrow({ where: { id: document.id } })).code} · Procedimiento de bloqueo · rev. 1` });
  });
});

describe('a requisition waiting for my approval', () => {
  it('tells, on submission, those whose limit covers it, by the channels they chose (a signed webhook)', async () => {
    // Sara adds the webhook for this kind on her preferences page.
    const saved = await sara.client.json('/admin/notifications/preferences', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ telegramChatId: '', choices: [{ kind: 'requisition-awaiting-approval', channel: 'webhook', enabled: true }] }),
    });
    expect(saved.status).toBe(200);
    const requisition = await prisma.requisition.create({
      data: { title: 'Repuestos de bomba', requestedById: carla.userId, items: { create: [{ description: 'Sello mecánico', quantity: 2, unit: 'u', unitPrice: 450 }] } },
    });
    const submitted = await sara.client.json<{ notice: { type: string } }>(`/admin/api/resources/Requisition/records/${requisition.id}/submit`, { method: 'POST' });
    expect(submitted.status).toBe(200);
    const key = `requisition-awaiting-approval:${requisition.id}`;
    // Sara (limit 5 000) and the administrator; not Sonia (limit 100), not the consultant who asked.
    expect(await toldOf(key)).toEqual([adminId, sara.userId].sort((a, b) => a - b));
    await settled(key);
    const hook = await until('the webhook', async () => webhook.received.find((r) => r.body.event === key));
    expect(hook.signatureValid).toBe(true);
    expect(hook.body).toMatchObject({ kind: 'requisition-awaiting-approval', recipient: { id: sara.userId, name: 'Sara Supervisora' }, text: 'La requisición Repuestos de bomba por 900,00 espera su aprobación', record: { model: 'Requisition', id: requisition.id } });
    expect(webhook.received.filter((r) => r.body.event === key)).toHaveLength(1);
  });
});

describe('preferences', () => {
  it('show every kind with the group defaults, say which channels the server has, and are honoured', async () => {
    const page = await tomas.client.json<{ configured: Record<string, boolean>; kinds: { kind: string; label: string; channels: Record<string, boolean> }[] }>('/admin/notifications/preferences');
    expect(page.body.configured).toEqual({ email: true, telegram: true, webhook: true });
    expect(page.body.kinds.find((k) => k.kind === 'work-order-assigned')).toEqual({ kind: 'work-order-assigned', label: 'Una orden asignada a mí', channels: { email: true, telegram: false, webhook: false } });

    const off = await tomas.client.json('/admin/notifications/preferences', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ telegramChatId: '5150', choices: [{ kind: 'work-order-assigned', channel: 'email', enabled: false }, { kind: 'work-order-assigned', channel: 'telegram', enabled: true }] }),
    });
    expect(off.status).toBe(200);
    const order = await anOrderAt(north, { description: 'Revisar válvula' });
    const body = new FormData();
    body.set('technicianId', String(tomas.technicianId));
    expect((await sara.client.request(`/admin/api/resources/WorkOrder/records/${order.id}/assign`, { method: 'POST', body })).status).toBe(200);
    const deliveries = await settled(`work-order-assigned:${order.id}:`);
    expect(deliveries.map((d) => [d.channel, d.state])).toEqual([['telegram', 'SENT']]);
    expect(telegram.messages.filter((m) => m.text.includes(order.number))).toEqual([
      { token: '123456:TEST-token-for-the-fake-bot-api', chatId: '5150', text: `Se le asignó la orden ${order.number} · Revisar válvula\nhttps://cmms.planta.test/admin/resources/WorkOrder/records/${order.id}/show` },
    ]);
    expect(mailsTo(tomas).some((m) => m.subject.includes(order.number))).toBe(false);
  });

  it('refuse a malformed chat id or an unknown kind with a message, saving nothing', async () => {
    const before = await prisma.notificationPreference.count();
    const bad = await tomas.client.json<{ message: string }>('/admin/notifications/preferences', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ telegramChatId: 'abc', choices: [] }) });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/chat de Telegram es un número/);
    const unknown = await tomas.client.json('/admin/notifications/preferences', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ choices: [{ kind: 'nada', channel: 'email', enabled: true }] }) });
    expect(unknown.status).toBe(400);
    expect(await prisma.notificationPreference.count()).toBe(before);
  });
});

describe('the centre', () => {
  it("lists a person's own notifications in his language, marks one or all read, and never touches another's", async () => {
    const mine = await tomas.client.json<{ unread: number; lines: { id: number; text: string; read: boolean; model: string | null }[] }>('/admin/notifications');
    expect(mine.status).toBe(200);
    expect(mine.body.lines.length).toBeGreaterThanOrEqual(3);
    expect(mine.body.lines.every((l) => !/\{\w+\}/.test(l.text))).toBe(true);
    expect(mine.body.unread).toBe(mine.body.lines.filter((l) => !l.read).length);
    const first = mine.body.lines[0]!;
    // Someone else's id is no notification of Teo's.
    expect((await teo.client.json(`/admin/notifications/${first.id}/read`, { method: 'POST' })).status).toBe(404);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: first.id } })).readAt).toBeNull();
    // Without the CSRF token: refused.
    expect((await tomas.client.json(`/admin/notifications/${first.id}/read`, { method: 'POST', csrf: false })).status).toBe(403);
    const one = await tomas.client.json<{ unread: number }>(`/admin/notifications/${first.id}/read`, { method: 'POST' });
    expect(one.body.unread).toBe(mine.body.unread - 1);
    const all = await tomas.client.json<{ unread: number }>('/admin/notifications/read-all', { method: 'POST' });
    expect(all.body.unread).toBe(0);
    expect(await prisma.notification.count({ where: { userId: teo.userId, readAt: { not: null } } })).toBe(0);

    await tomas.client.json('/admin/language', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'en' }) });
    const english = await tomas.client.json<{ lines: { text: string }[] }>('/admin/notifications');
    expect(english.body.lines.some((l) => l.text.startsWith('Order OT-') && l.text.includes(' was assigned to you'))).toBe(true);
  });
});
