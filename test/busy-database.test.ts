// A write the database cannot finish in time (Prisma's interactive transaction runs past its 5 s, as two
// closeouts did in the 30-minute soak of bench:load) answers 503 with what to do, records nothing, and
// works when tried again. The order's row is held locked by another connection to make the wait real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let technician: Person;

beforeAll(async () => {
  office = await startTestBackOffice();
  technician = await aPerson(office.database.prisma, office.url, ['TECHNICIANS'], 'Teo Técnico Ocupado', { technician: true });
});
afterAll(() => office?.close());

type Answer = { notice?: { message: string; type: string }; error?: string; message?: string };

describe('a database too busy to finish a write', () => {
  it('answers 503 with what to do, changes nothing, and the same click works once it is free', { timeout: 60_000 }, async () => {
    const order = await office.database.prisma.workOrder.create({
      data: { kind: 'CORRECTIVE', assetId: (await make.anAsset(office.database.prisma)).id, technicianId: technician.technicianId, state: 'ASSIGNED', plannedOn: new Date('2026-11-23'), description: 'Vibración en ventilador' },
    });
    const start = () => technician.client.json<Answer>(`/admin/api/resources/WorkOrder/records/${order.id}/start`, { method: 'POST' });

    const holder = await office.database.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM work_orders WHERE id = $1 FOR UPDATE', [order.id]);
      const answer = start();
      // Held past Prisma's interactive transaction timeout (5 s), then let go.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      await holder.query('COMMIT');
      const busy = await answer;
      expect(busy.status).toBe(503);
      expect(busy.body).toMatchObject({
        error: 'databaseBusy',
        message: 'La base de datos está muy ocupada y su cambio no se guardó. Vuelva a intentarlo en unos segundos; si se repite, avise al administrador.',
      });
    } finally {
      holder.release();
    }
    expect((await office.database.prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('ASSIGNED');

    const again = await start();
    expect(again.status).toBe(200);
    expect(again.body.notice).toEqual({ message: 'workOrderMoved_start', type: 'success' });
    expect((await office.database.prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('IN_PROGRESS');
  });
});
