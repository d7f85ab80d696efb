// The technician's phone card, over HTTP: a step value outside its limits comes with the card (so the
// card can say so), and a note or a photo is added to his order from the card, under the order's rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../domain/dates.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { A_PNG } from './support/documents.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let technician: Person;
let colleague: Person;
let consultant: Person;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  colleague = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Carlos Colega', { technician: true });
  consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
});
afterAll(() => office?.close());

/** A preventive order of his, planned today, whose procedure measures a temperature (40…80 °C) and checks a guard. */
async function aPreventiveOrder(technicianId: number) {
  const schedule = await make.aSchedule(prisma);
  const routine = await prisma.routine.findUniqueOrThrow({ where: { id: schedule.routineId } });
  const temperature = await prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 1, instruction: 'Medir temperatura del cojinete', valueType: 'NUMBER', unit: '°C', minValue: 40, maxValue: 80 } });
  const guard = await prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 2, instruction: 'Guarda de acople instalada', valueType: 'BOOLEAN' } });
  const order = await prisma.workOrder.create({
    data: { kind: 'PREVENTIVE', scheduleId: schedule.id, assetId: schedule.assetId, technicianId, state: 'IN_PROGRESS', plannedOn: todayIn(office.config.timeZone), description: 'Inspección mensual del motor' },
  });
  return { order, temperature, guard };
}

type Card = { id: number; failedSteps: { position: number; instruction: string; value: string; unit: string | null; minValue: string | null; maxValue: string | null }[] };
const cardOf = async (person: Person, id: number) =>
  (await person.client.json<{ myDay: { orders: Card[] } }>('/admin/api/dashboard')).body.myDay.orders.find((o) => o.id === id);

describe("the technician's phone card", () => {
  it('carries the step values outside their limits, with the limits, and none once they are back inside', async () => {
    const { order, temperature, guard } = await aPreventiveOrder(technician.technicianId!);
    const record = (values: Record<number, string>) =>
      technician.client.json(`/admin/api/resources/WorkOrder/records/${order.id}/recordSteps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ steps: Object.entries(values).map(([procedureStepId, value]) => ({ procedureStepId: Number(procedureStepId), value })) }),
      });
    expect((await record({ [temperature.id]: '95,5', [guard.id]: 'no' })).status).toBe(200);
    expect((await cardOf(technician, order.id))!.failedSteps).toEqual([
      { position: 1, instruction: 'Medir temperatura del cojinete', value: '95.5', unit: '°C', minValue: '40', maxValue: '80', valueType: 'NUMBER' },
      { position: 2, instruction: 'Guarda de acople instalada', value: 'false', unit: null, minValue: null, maxValue: null, valueType: 'BOOLEAN' },
    ]);
    await record({ [temperature.id]: '62', [guard.id]: 'sí' });
    expect((await cardOf(technician, order.id))!.failedSteps).toEqual([]);
  });

  it('adds a note to his order, written as his, in the history; blank or on a colleague’s order it is refused', async () => {
    const { order } = await aPreventiveOrder(technician.technicianId!);
    const note = (person: Person, workOrder: number, text: string) => {
      const body = new FormData();
      body.set('workOrder', String(workOrder));
      body.set('text', text);
      return person.client.json<{ record: { id: number; errors: Record<string, { message: string }> } }>('/admin/api/resources/WorkOrderNote/actions/new', { method: 'POST', body });
    };
    const added = await note(technician, order.id, 'El rodamiento ya se cambió el mes pasado: revisar alineación.');
    expect(added.status).toBe(200);
    expect(added.body.record.errors).toEqual({});
    const stored = await prisma.workOrderNote.findFirstOrThrow({ where: { workOrderId: order.id } });
    expect(stored).toMatchObject({ authorId: technician.userId, text: 'El rodamiento ya se cambió el mes pasado: revisar alineación.' });
    const [entry] = await prisma.changeHistory.findMany({ where: { tableName: 'work_order_notes', recordId: stored.id } });
    expect(entry).toMatchObject({ action: 'INSERT', actorUserId: technician.userId });

    // On the order's page the note is listed with its author by name.
    const listed = await technician.client.json<{ records: { params: { text: string }; populated: { author: { title: string } } }[] }>(
      `/admin/api/resources/WorkOrderNote/actions/list?filters.workOrder=${order.id}`,
    );
    expect(listed.body.records.map((r) => [r.params.text, r.populated.author.title])).toEqual([[stored.text, 'Tomás Técnico']]);

    const blank = await note(technician, order.id, '   ');
    expect(blank.body.record?.errors).toEqual({ text: { message: 'Escriba la nota: no puede quedar en blanco.', type: 'check' } });
    const others = await note(colleague, order.id, 'No es mía');
    expect(others.status).toBe(403);
    expect((await note(consultant, order.id, 'Solo leo')).status).toBe(403);
    expect(await prisma.workOrderNote.count({ where: { workOrderId: order.id } })).toBe(1);
  });

  it('adds a photo to his order through the attachment route, and not to a colleague’s', async () => {
    const { order } = await aPreventiveOrder(technician.technicianId!);
    const photo = () => {
      const body = new FormData();
      body.set('file', new Blob([new Uint8Array(A_PNG)]), 'cojinete.png');
      return body;
    };
    const attached = await technician.client.json<{ document: { id: number } }>(`/admin/documents/attachments?workOrderId=${order.id}`, { method: 'POST', body: photo() });
    expect(attached.status).toBe(201);
    expect(await prisma.document.findUniqueOrThrow({ where: { id: attached.body.document.id } })).toMatchObject({ kind: 'PHOTO', workOrderId: order.id, title: 'cojinete.png' });
    const hidden = await colleague.client.json(`/admin/documents/attachments?workOrderId=${order.id}`, { method: 'POST', body: photo() });
    expect(hidden.status).toBe(404);
  });
});
