// A channel the installation has not configured (here Telegram: only e-mail has a server) costs no job:
// the dispatcher marks its deliveries SKIPPED, saying why, in one statement, and queues only the
// configured channels' deliveries. A plant without e-mail used to put every supervisor's e-mail of every
// notification through the queue, only for each job to find the channel off (issue 26: 60 000 such jobs
// fell behind in a 30-minute load).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startFakeSmtp, type FakeSmtp } from '../integrations/messaging/fakes/fake-smtp.js';
import { notifyWorkOrderAssigned } from '../domain/notifications/triggers/work-orders.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';
import { until } from './support/faults.js';

let office: TestBackOffice;
let prisma: Db;
let smtp: FakeSmtp;
let tomas: Person;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  office = await startTestBackOffice({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'CMMS Planta <cmms@planta.test>' } });
  prisma = office.database.prisma;
  tomas = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  // He wants his assignments by e-mail and by Telegram; this server has no Telegram bot.
  await prisma.notificationContact.create({ data: { userId: tomas.userId, telegramChatId: '5150' } });
  await prisma.notificationPreference.create({ data: { userId: tomas.userId, kind: 'work-order-assigned', channel: 'telegram', enabled: true } });
}, 120_000);
afterAll(async () => {
  await office?.close();
  await smtp?.close();
});

describe('a channel this server has not configured', () => {
  it('is skipped without a job, saying why, while the configured channel delivers', async () => {
    const order = await prisma.workOrder.create({
      data: { kind: 'CORRECTIVE', assetId: (await make.anAsset(prisma)).id, plannedOn: new Date(), description: 'Cambiar sello', technicianId: tomas.technicianId, state: 'ASSIGNED' },
    });
    expect((await notifyWorkOrderAssigned(prisma, order.id)).notified).toEqual([tomas.userId]);
    await office.notificationDispatcher!.dispatch();

    const key = `work-order-assigned:${order.id}:`;
    const deliveries = await until('the e-mail sent', async () => {
      const all = await prisma.notificationDelivery.findMany({ where: { eventKey: { startsWith: key } }, orderBy: { channel: 'asc' } });
      return all.find((d) => d.channel === 'email')?.state === 'SENT' && all;
    }, 15_000);
    expect(deliveries.map((d) => [d.channel, d.state, d.attempts, d.lastError])).toEqual([
      ['email', 'SENT', 1, null],
      ['telegram', 'SKIPPED', 0, 'channel telegram is not configured'],
    ]);
    expect(smtp.received.filter((m) => m.subject.includes(order.number))).toHaveLength(1);
    // One job, the e-mail's: none was queued for the Telegram delivery.
    const { rows } = await office.database.pool.query<{ id: string }>(
      `SELECT (data->'payload'->>'deliveryId') AS id FROM pgboss.job WHERE name = 'notifications' AND data->>'job' = 'deliver-notification' AND (data->'payload'->>'deliveryId')::int = ANY($1::int[])`,
      [deliveries.map((d) => d.id)],
    );
    expect(rows.map((r) => Number(r.id))).toEqual([deliveries.find((d) => d.channel === 'email')!.id]);
  });
});
