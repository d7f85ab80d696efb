// Projects (issue 24): a project's tasks wait for each other without cycles, its page's figures (progress
// weighted by duration, orders, cost so far) worked out by hand, and its state moved by its buttons only.
// Everything through HTTP as the people who do it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilitiesFor } from '../domain/access/abilities.js';
import { issueToWorkOrder } from '../domain/inventory/issue-stock.js';
import { receiveStock } from '../domain/inventory/receive-stock.js';
import { actAs } from '../prisma/actor.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let technician: Person;
let operator: Person;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sonia Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tito Técnico', { technician: true });
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Olga Operadora');
});
afterAll(() => office?.close());

type RecordAnswer = { record: { id: string; params: Record<string, unknown>; errors: Record<string, { message: string }> }; notice?: { message: string; type: string } };

const form = (fields: Record<string, string | number>) => {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, String(value));
  return body;
};
const addDependency = (person: Person, task: number, dependsOn: number) =>
  person.client.json<RecordAnswer>('/admin/api/resources/ProjectTaskDependency/actions/new', { method: 'POST', body: form({ task, dependsOn }) });

describe('task dependencies', () => {
  it('a dependency that would close a cycle is refused beside the field, and nothing is written', async () => {
    const project = await make.aProject(prisma, { name: 'Repotenciación de la caldera 2' });
    const [design, purchase, install] = [
      await make.aProjectTask(prisma, project.id, { name: 'Diseño' }),
      await make.aProjectTask(prisma, project.id, { name: 'Compra de tubos' }),
      await make.aProjectTask(prisma, project.id, { name: 'Montaje' }),
    ];
    expect((await addDependency(supervisor, purchase!.id, design!.id)).body.record.errors).toEqual({});
    expect((await addDependency(supervisor, install!.id, purchase!.id)).body.record.errors).toEqual({});

    // Design waiting for the installation would close Diseño → Compra → Montaje → Diseño.
    const cycle = await addDependency(supervisor, design!.id, install!.id);
    expect(cycle.status).toBe(200);
    expect(cycle.body.record.errors.dependsOn?.message).toBe(
      'Esta dependencia cerraría un ciclo: la tarea previa ya espera, directa o indirectamente, a esta tarea. Quite esa otra dependencia o elija otra tarea previa.',
    );
    // A task waiting for itself, and a task of another project, are refused the same way.
    expect((await addDependency(supervisor, design!.id, design!.id)).body.record.errors.dependsOn?.message).toBe('Una tarea no puede esperarse a sí misma: elija otra tarea previa.');
    const elsewhere = await make.aProjectTask(prisma, (await make.aProject(prisma)).id, { name: 'De otro proyecto' });
    expect((await addDependency(supervisor, design!.id, elsewhere.id)).body.record.errors.dependsOn?.message).toBe(
      'Una tarea solo puede esperar a tareas de su mismo proyecto: elija una tarea de este proyecto.',
    );
    const kept = await prisma.projectTaskDependency.findMany({ where: { task: { projectId: project.id } }, orderBy: { id: 'asc' } });
    expect(kept.map((d) => [d.taskId, d.dependsOnId])).toEqual([[purchase!.id, design!.id], [install!.id, purchase!.id]]);
  });

  it('changing a dependency into a cycle is refused too (the database checks every write, not just new rows)', async () => {
    const project = await make.aProject(prisma);
    const [a, b, c, x] = [await make.aProjectTask(prisma, project.id), await make.aProjectTask(prisma, project.id), await make.aProjectTask(prisma, project.id), await make.aProjectTask(prisma, project.id)];
    await prisma.projectTaskDependency.create({ data: { taskId: b!.id, dependsOnId: a!.id } });
    await prisma.projectTaskDependency.create({ data: { taskId: c!.id, dependsOnId: b!.id } });
    const third = await prisma.projectTaskDependency.create({ data: { taskId: a!.id, dependsOnId: x!.id } });
    // b waits for a, c for b; turning "a waits for x" into "a waits for c" would close a → c → b → a.
    const edited = await supervisor.client.json<RecordAnswer>(`/admin/api/resources/ProjectTaskDependency/records/${third.id}/edit`, {
      method: 'POST', body: form({ task: a!.id, dependsOn: c!.id }),
    });
    expect(edited.body.record.errors.dependsOn?.message).toMatch(/cerraría un ciclo/);
    expect(await prisma.projectTaskDependency.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({ taskId: a!.id, dependsOnId: x!.id });
  });
});

type Figures = {
  progressPercent: number | null; orders: { open: number; done: number; cancelled: number };
  cost: { labour: number; materials: number; requisitions: number; total: number } | null;
  tasks: { name: string; waitsFor: number[]; startsOn: string; endsOn: string; progress: number; assignee: string | null }[];
  today: string;
};

describe("a project's figures, worked out by hand", () => {
  let projectId: number;

  beforeAll(async () => {
    const manager = await make.aUser(prisma, 'Marta Jefa de Proyecto');
    const project = await make.aProject(prisma, { code: 'PRY-FIG', name: 'Cambio de transformador T2', managerId: manager.id });
    projectId = project.id;
    // Progress weighted by days: (80 × 10 + 20 × 5 + 0 × 5) / 20 = 45 % (a plain mean would say 33,3 %).
    const civil = await make.aProjectTask(prisma, project.id, { name: 'Obra civil', startsOn: new Date('2026-12-01'), endsOn: new Date('2026-12-10'), progress: 80 });
    const setting = await make.aProjectTask(prisma, project.id, { name: 'Montaje', startsOn: new Date('2026-12-11'), endsOn: new Date('2026-12-15'), progress: 20 });
    await make.aProjectTask(prisma, project.id, { name: 'Pruebas', startsOn: new Date('2026-12-16'), endsOn: new Date('2026-12-20'), progress: 0 });
    await prisma.projectTaskDependency.create({ data: { taskId: setting.id, dependsOnId: civil.id } });

    // Orders: one open, one closed, one completed, one cancelled; the technician costs 12,00 an hour.
    const crew = await make.aTechnician(prisma);
    const order = async (state: string) =>
      prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: (await make.anAsset(prisma)).id, plannedOn: new Date('2026-12-05'), description: `Orden ${state}`, state, technicianId: crew.id, projectId } });
    await order('ASSIGNED');
    // Closed after its materials were issued (stock goes only to open orders).
    const closed = await order('IN_PROGRESS');
    const completed = await order('COMPLETED');
    await order('CANCELLED');
    // Labour: closed 3 h × 12 = 36,00; completed (the technician's report) 1,5 h × 12 = 18,00.
    await prisma.workOrderClosure.create({ data: { workOrderId: closed.id, laborHours: 3, closedById: manager.id } });
    await prisma.workOrderCompletion.create({ data: { workOrderId: completed.id, laborHours: 1.5, reportedById: manager.id } });
    // Materials: 2 × 15,50 = 31,00 issued to the closed order.
    const clerkId = manager.id;
    const clerk = defineAbilitiesFor({ userId: clerkId, groups: ['CONSULTANTS'], technicianId: null, sharedOrderIds: [], canReadHistory: false, canManageStore: true, approvalLimit: null, sitePaths: [] });
    const material = await make.aMaterial(prisma, { description: 'Aceite dieléctrico' });
    const place = { materialId: material.id, warehouseId: (await make.aWarehouse(prisma)).id };
    await actAs({ userId: clerkId, label: 'user:bodega@planta.test' }, async () => {
      await receiveStock(prisma, clerk, clerkId, { ...place, quantity: '10', unitCost: '15.5' });
      await issueToWorkOrder(prisma, clerk, clerkId, { ...place, workOrderId: closed.id, quantity: '2' });
    });
    await prisma.workOrder.update({ where: { id: closed.id }, data: { state: 'CLOSED' } });
    // Requisitions: 250,00 received against a purchase of the project; 99,00 against one for its closed order,
    // which reaches the cost as the materials issued to that order, so it is not counted twice.
    const budget = await prisma.budget.create({ data: { code: 'PRE-PRY', name: 'Proyectos', year: 2026, department: 'Proyectos', lines: { create: { account: 'CAPITAL' } } }, include: { lines: true } });
    const line = budget.lines[0]!.id;
    const direct = await prisma.requisition.create({ data: { title: 'Transformador de 40 MVA (anticipo)', requestedById: manager.id, projectId } });
    const forOrder = await prisma.requisition.create({ data: { title: 'Aceite para el cambio', requestedById: manager.id, projectId, workOrderId: closed.id } });
    await prisma.budgetActual.create({ data: { budgetLineId: line, month: 12, amount: 250, source: 'GOODS_RECEIPT', sourceId: 910001, requisitionId: direct.id } });
    await prisma.budgetActual.create({ data: { budgetLineId: line, month: 12, amount: 99, source: 'GOODS_RECEIPT', sourceId: 910002, requisitionId: forOrder.id } });
  });

  it('the supervisor reads progress, orders and cost so far', async () => {
    const figures = await supervisor.client.json<Figures>(`/admin/projects/${projectId}/figures`);
    expect(figures.status).toBe(200);
    expect(figures.body.progressPercent).toBe(45);
    expect(figures.body.orders).toEqual({ open: 1, done: 2, cancelled: 1 });
    // 36,00 + 18,00 labour, 31,00 materials, 250,00 received: 335,00.
    expect(figures.body.cost).toEqual({ labour: 54, materials: 31, requisitions: 250, total: 335 });
    expect(figures.body.tasks.map((t) => [t.name, t.startsOn, t.endsOn, t.progress])).toEqual([
      ['Obra civil', '2026-12-01', '2026-12-10', 80], ['Montaje', '2026-12-11', '2026-12-15', 20], ['Pruebas', '2026-12-16', '2026-12-20', 0],
    ]);
    const [civil, setting] = figures.body.tasks as (Figures['tasks'][number] & { id: number })[];
    expect(setting!.waitsFor).toEqual([civil!.id]);
    expect(figures.body.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("a technician reads the plan but not the costs (his colleagues' rates), and an operator does not find it", async () => {
    const asTechnician = await technician.client.json<Figures>(`/admin/projects/${projectId}/figures`);
    expect(asTechnician.status).toBe(200);
    expect(asTechnician.body.progressPercent).toBe(45);
    expect(asTechnician.body.cost).toBeNull();
    // He counts only the orders he may read: none of these is his.
    expect(asTechnician.body.orders).toEqual({ open: 0, done: 0, cancelled: 0 });
    const asOperator = await operator.client.request(`/admin/projects/${projectId}/figures`);
    expect(asOperator.status).toBe(404);
    expect((await supervisor.client.request('/admin/projects/abc/figures')).status).toBe(400);
  });

  it('a project without tasks says so instead of a figure', async () => {
    const empty = await make.aProject(prisma);
    const figures = await supervisor.client.json<Figures>(`/admin/projects/${empty.id}/figures`);
    expect(figures.body.progressPercent).toBeNull();
    expect(figures.body.cost).toEqual({ labour: 0, materials: 0, requisitions: 0, total: 0 });
  });
});

describe("a project's state", () => {
  const move = (person: Person, id: number, action: string) =>
    person.client.json<RecordAnswer>(`/admin/api/resources/Project/records/${id}/${action}`, { method: 'POST', body: form({}) });

  it('moves planned → in progress ⇄ on hold → completed through its buttons, and refuses a move out of turn', async () => {
    const project = await make.aProject(prisma);
    expect((await move(supervisor, project.id, 'completeProject')).body.record.errors.state?.message).toBe(
      'El proyecto no está en un estado que permita esta acción: recargue la página para ver su estado actual.',
    );
    for (const [action, state] of [['startProject', 'IN_PROGRESS'], ['holdProject', 'ON_HOLD'], ['resumeProject', 'IN_PROGRESS'], ['completeProject', 'COMPLETED']] as const) {
      const answer = await move(supervisor, project.id, action);
      expect(answer.body.notice?.type, action).toBe('success');
      expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).state).toBe(state);
    }
    expect((await move(supervisor, project.id, 'cancelProject')).body.record.errors.state).toBeDefined();
    expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).state).toBe('COMPLETED');
  });

  it('a form cannot set the state, a GET moves nothing, and a technician may not move it', async () => {
    const project = await make.aProject(prisma);
    const edited = await supervisor.client.json<RecordAnswer>(`/admin/api/resources/Project/records/${project.id}/edit`, { method: 'POST', body: form({ state: 'COMPLETED' }) });
    expect(edited.body.record.errors.state).toBeDefined();
    expect((await supervisor.client.request(`/admin/api/resources/Project/records/${project.id}/startProject`)).status).toBe(405);
    expect((await move(technician, project.id, 'startProject')).status).toBe(403);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).state).toBe('PLANNED');
  });

  it('every change is in the history with who made it', async () => {
    const project = await make.aProject(prisma);
    await move(supervisor, project.id, 'startProject');
    const entries = await prisma.changeHistory.findMany({ where: { tableName: 'projects', recordId: project.id, action: 'UPDATE' } });
    expect(entries.map((e) => [e.actorUserId, e.changes])).toEqual([[supervisor.userId, { before: { state: 'PLANNED' }, after: { state: 'IN_PROGRESS' } }]]);
  });
});
