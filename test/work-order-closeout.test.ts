// Assigning, recording step values and closing out work orders through their actions over HTTP, as the
// people who do it: what is refused says which field and why, and a refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import type { HttpClient } from './support/http-client.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let technician: Person;
let supervisor: Person;
let codes: Record<'leak' | 'seal' | 'wear' | 'replace' | 'noise', number>;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  const leak = await prisma.failureCode.create({ data: { code: 'FUGA', name: 'Fuga', kind: 'PROBLEM' } });
  const noise = await prisma.failureCode.create({ data: { code: 'RUIDO', name: 'Ruido', kind: 'PROBLEM' } });
  const seal = await prisma.failureCode.create({ data: { code: 'SELLO', name: 'Sello dañado', kind: 'CAUSE', parentId: leak.id } });
  const wear = await prisma.failureCode.create({ data: { code: 'DESGASTE', name: 'Desgaste', kind: 'CAUSE', parentId: noise.id } });
  const replace = await prisma.failureCode.create({ data: { code: 'CAMBIO', name: 'Cambio de sello', kind: 'REMEDY', parentId: seal.id } });
  codes = { leak: leak.id, seal: seal.id, wear: wear.id, replace: replace.id, noise: noise.id };
});
afterAll(() => office?.close());

const post = <T = Record<string, unknown>>(client: HttpClient, id: number, action: string, body: unknown) =>
  client.json<T & { notice?: { message: string; type: string }; record?: { errors?: Record<string, { message: string }>; params: Record<string, string> } }>(
    `/admin/api/resources/WorkOrder/records/${id}/${action}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );

/** A preventive order with a three-step procedure (a number with limits, a yes/no, a text). */
async function aPreventiveOrder(state: string, technicianId = technician.technicianId) {
  const routine = await make.aRoutine(prisma);
  const steps = [
    await prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 1, instruction: 'Medir temperatura del rodamiento', valueType: 'NUMBER', unit: '°C', minValue: 20, maxValue: 80 } }),
    await prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 2, instruction: '¿Sin fugas?', valueType: 'BOOLEAN' } }),
    await prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 3, instruction: 'Estado de la pintura', valueType: 'TEXT' } }),
  ] as const;
  const asset = await make.anAsset(prisma);
  const schedule = await prisma.maintenanceSchedule.create({ data: { routineId: routine.id, assetId: asset.id, startsOn: new Date('2026-01-01') } });
  const order = await prisma.workOrder.create({
    data: { kind: 'PREVENTIVE', scheduleId: schedule.id, assetId: asset.id, technicianId, state, plannedOn: new Date('2026-11-20'), description: 'Lubricación' },
  });
  return { order, steps };
}
const aCorrectiveOrder = async (state = 'COMPLETED') =>
  prisma.workOrder.create({
    data: { kind: 'CORRECTIVE', assetId: (await make.anAsset(prisma)).id, technicianId: technician.technicianId, state, plannedOn: new Date('2026-11-20'), description: 'Fuga en bomba' },
  });
const writtenFor = async (workOrderId: number) => ({
  closures: await prisma.workOrderClosure.count({ where: { workOrderId } }),
  materials: await prisma.workOrderMaterial.count({ where: { workOrderId } }),
  values: await prisma.workOrderStepValue.count({ where: { workOrderId } }),
  state: (await prisma.workOrder.findUniqueOrThrow({ where: { id: workOrderId } })).state,
});

describe('assigning', () => {
  it('a supervisor picks among active technicians and the order becomes ASSIGNED to him', async () => {
    const retired = await make.aTechnician(prisma);
    await prisma.technician.update({ where: { id: retired.id }, data: { isActive: false } });
    const order = await make.aWorkOrder(prisma);
    const form = await supervisor.client.json<{ form: { technicians: { id: number; name: string }[] } }>(`/admin/api/resources/WorkOrder/records/${order.id}/assign`);
    const offered = form.body.form.technicians.map((t) => t.id);
    expect(offered).toContain(technician.technicianId);
    expect(offered).not.toContain(retired.id);

    const assigned = await post(supervisor.client, order.id, 'assign', { technicianId: technician.technicianId });
    expect(assigned.body.notice).toMatchObject({ message: 'workOrderAssigned', type: 'success' });
    expect(await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ state: 'ASSIGNED', technicianId: technician.technicianId });
  });

  it('an inactive technician is refused by name of the field; an order being worked is not reassigned here', async () => {
    const retired = await make.aTechnician(prisma);
    await prisma.technician.update({ where: { id: retired.id }, data: { isActive: false } });
    const order = await make.aWorkOrder(prisma);
    const refused = await post(supervisor.client, order.id, 'assign', { technicianId: retired.id });
    expect(refused.body.record?.errors?.technicianId?.message).toBe('Técnico: elija un técnico activo.');
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('PENDING');

    const { order: working } = await aPreventiveOrder('IN_PROGRESS');
    expect((await post(supervisor.client, working.id, 'assign', { technicianId: technician.technicianId })).body.notice?.message).toBe('transitionRefused');
  });

  it('a technician cannot assign orders', async () => {
    const { order } = await aPreventiveOrder('ASSIGNED');
    const refused = await technician.client.request(`/admin/api/resources/WorkOrder/records/${order.id}/assign`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ technicianId: technician.technicianId }),
    });
    expect(refused.status).toBe(403);
  });
});

describe('recording step values', () => {
  it('the technician records values on his order in progress: numbers judged against the limits, decimal commas read', async () => {
    const { order, steps } = await aPreventiveOrder('IN_PROGRESS');
    const form = await technician.client.json<{ form: { steps: { id: number; instruction: string }[] } }>(`/admin/api/resources/WorkOrder/records/${order.id}/recordSteps`);
    expect(form.body.form.steps.map((s) => s.instruction)).toEqual(['Medir temperatura del rodamiento', '¿Sin fugas?', 'Estado de la pintura']);

    const saved = await post(technician.client, order.id, 'recordSteps', { steps: [{ procedureStepId: steps[0].id, value: '85,5' }, { procedureStepId: steps[1].id, value: 'sí' }] });
    expect(saved.body.notice?.message).toBe('stepValuesRecorded');
    const values = await prisma.workOrderStepValue.findMany({ where: { workOrderId: order.id }, orderBy: { procedureStepId: 'asc' } });
    expect(values.map((v) => [v.value, v.passed, v.recordedById])).toEqual([
      ['85.5', false, technician.userId],
      ['true', true, technician.userId],
    ]);
  });

  it('a value that is not a number is refused with its step, and nothing of the form is written', async () => {
    const { order, steps } = await aPreventiveOrder('IN_PROGRESS');
    const refused = await post(technician.client, order.id, 'recordSteps', { steps: [{ procedureStepId: steps[0].id, value: 'caliente' }, { procedureStepId: steps[2].id, value: 'Buena' }] });
    expect(refused.body.notice).toMatchObject({ message: 'stepsRefused', type: 'error' });
    expect(refused.body.record?.errors?.[`steps.${steps[0].id}`]?.message).toBe('Paso 1: «caliente» no es un número.');
    expect(await prisma.workOrderStepValue.count({ where: { workOrderId: order.id } })).toBe(0);
  });

  it("a technician cannot record values on another technician's order", async () => {
    const colleague = await make.aTechnician(prisma);
    const { order, steps } = await aPreventiveOrder('IN_PROGRESS', colleague.id);
    const refused = await technician.client.request(`/admin/api/resources/WorkOrder/records/${order.id}/recordSteps`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ steps: [{ procedureStepId: steps[0].id, value: '50' }] }),
    });
    expect([403, 404]).toContain(refused.status);
    expect(await prisma.workOrderStepValue.count({ where: { workOrderId: order.id } })).toBe(0);
  });
});

describe('closing out', () => {
  it('every refusal says which field and why, in Spanish, and writes nothing', async () => {
    const order = await aCorrectiveOrder();
    const refused = await post(supervisor.client, order.id, 'close', {
      laborHours: '0', problemId: codes.leak, causeId: codes.wear, observations: 'x',
      materials: [{ description: 'Sello mecánico', quantity: 'dos', unit: 'u' }, { description: '', quantity: '1', unit: 'kg' }],
    });
    expect(refused.body.notice).toMatchObject({ message: 'closeoutRefused', type: 'error' });
    const messages = Object.fromEntries(Object.entries(refused.body.record!.errors!).map(([field, e]) => [field, e.message]));
    expect(messages).toEqual({
      laborHours: 'Horas de mano de obra: indique un número mayor que cero (recibido: «0»).',
      causeId: 'Causa: DESGASTE no es una causa del problema elegido.',
      remedyId: 'Solución: es obligatoria en una orden correctiva.',
      'materials.0.quantity': 'Material 1: la cantidad debe ser un número mayor que cero (recibido: «dos»).',
      'materials.1.description': 'Material 2: falta la descripción.',
    });
    expect(await writtenFor(order.id)).toEqual({ closures: 0, materials: 0, values: 0, state: 'COMPLETED' });
  });

  it('a corrective order needs the problem, cause and remedy; a preventive one needs a value for every step', async () => {
    const corrective = await aCorrectiveOrder();
    const refused = await post(supervisor.client, corrective.id, 'close', { laborHours: '2' });
    expect(Object.keys(refused.body.record!.errors!).sort()).toEqual(['causeId', 'problemId', 'remedyId']);
    expect(refused.body.record!.errors!.problemId!.message).toBe('Problema: es obligatorio en una orden correctiva.');

    const { order, steps } = await aPreventiveOrder('COMPLETED');
    await prisma.workOrderStepValue.create({ data: { workOrderId: order.id, procedureStepId: steps[0].id, value: '50', passed: true, recordedById: technician.userId } });
    const missing = await post(supervisor.client, order.id, 'close', { laborHours: '1.5', steps: [{ procedureStepId: steps[2].id, value: 'Buena' }] });
    expect(missing.body.record!.errors).toEqual({ [`steps.${steps[1].id}`]: { message: 'Paso 2 (¿Sin fugas?): falta el valor.', type: 'stepValueMissing' } });
    expect(await writtenFor(order.id)).toEqual({ closures: 0, materials: 0, values: 1, state: 'COMPLETED' });
  });

  it('the form shown in English gets its refusals in English', async () => {
    const order = await aCorrectiveOrder();
    const refused = await post(supervisor.client, order.id, 'close', { laborHours: '-1', problemId: codes.leak, causeId: codes.seal, remedyId: codes.replace, language: 'en' });
    expect(refused.body.record!.errors).toEqual({ laborHours: { message: 'Labour hours: enter a number greater than zero (got: "-1").', type: 'closeoutLaborHours' } });
  });

  it('one transaction writes the closure, the step values, the materials and the state, all in the history as the supervisor', async () => {
    const { order, steps } = await aPreventiveOrder('COMPLETED');
    await prisma.workOrderStepValue.create({ data: { workOrderId: order.id, procedureStepId: steps[0].id, value: '50', passed: true, recordedById: technician.userId } });
    const closed = await post(supervisor.client, order.id, 'close', {
      laborHours: '1,5', observations: 'Rodamiento en buen estado.',
      steps: [{ procedureStepId: steps[1].id, value: 'false' }, { procedureStepId: steps[2].id, value: 'Buena' }],
      materials: [{ description: 'Grasa de litio', quantity: '0,25', unit: 'kg' }, { description: '', quantity: '', unit: '' }],
    });
    expect(closed.body.notice).toMatchObject({ message: 'workOrderClosed', type: 'success' });
    expect(await writtenFor(order.id)).toEqual({ closures: 1, materials: 1, values: 3, state: 'CLOSED' });
    const closure = await prisma.workOrderClosure.findUniqueOrThrow({ where: { workOrderId: order.id } });
    expect([Number(closure.laborHours), closure.closedById, closure.observations]).toEqual([1.5, supervisor.userId, 'Rodamiento en buen estado.']);
    const values = await prisma.workOrderStepValue.findMany({ where: { workOrderId: order.id }, orderBy: { procedureStepId: 'asc' } });
    expect(values.map((v) => [v.value, v.passed, v.recordedById])).toEqual([
      ['50', true, technician.userId], // the technician's value is kept as his
      ['false', false, supervisor.userId],
      ['Buena', null, supervisor.userId],
    ]);
    expect(Number((await prisma.workOrderMaterial.findFirstOrThrow({ where: { workOrderId: order.id } })).quantity)).toBe(0.25);
    const { rows } = await office.database.pool.query<{ table_name: string; actor_user_id: number }>(
      `SELECT DISTINCT table_name, actor_user_id FROM change_history_entries
        WHERE (table_name = 'work_orders' AND record_id = $1::int AND action = 'UPDATE') OR (table_name IN ('work_order_closures', 'work_order_materials') AND changes->'after'->>'work_order_id' = $1::text)`,
      [String(order.id)],
    );
    expect(rows.map((r) => [r.table_name, r.actor_user_id]).sort()).toEqual([
      ['work_order_closures', supervisor.userId], ['work_order_materials', supervisor.userId], ['work_orders', supervisor.userId],
    ]);
  });

  it('a double submit closes once: the second is told the order is already closed', async () => {
    const order = await aCorrectiveOrder();
    const body = { laborHours: '3', problemId: codes.leak, causeId: codes.seal, remedyId: codes.replace, materials: [{ description: 'Sello', quantity: '1', unit: 'u' }] };
    const [first, second] = await Promise.all([post(supervisor.client, order.id, 'close', body), post(supervisor.client, order.id, 'close', body)]);
    expect([first.body.notice?.message, second.body.notice?.message].sort()).toEqual(['workOrderAlreadyClosed', 'workOrderClosed']);
    expect(await writtenFor(order.id)).toEqual({ closures: 1, materials: 1, values: 0, state: 'CLOSED' });
  });

  it('only a completed order is closed, and only by a supervisor', async () => {
    const inProgress = await aCorrectiveOrder('IN_PROGRESS');
    const body = { laborHours: '1', problemId: codes.leak, causeId: codes.seal, remedyId: codes.replace };
    expect((await post(supervisor.client, inProgress.id, 'close', body)).body.notice?.message).toBe('transitionRefused');
    const completed = await aCorrectiveOrder();
    const refused = await technician.client.request(`/admin/api/resources/WorkOrder/records/${completed.id}/close`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    expect(refused.status).toBe(403);
    expect(await writtenFor(completed.id)).toEqual({ closures: 0, materials: 0, values: 0, state: 'COMPLETED' });
  });
});
