// Writes accept only the fields a resource's form shows. For EVERY resource, each field its form does
// not show (timestamps, numbers, sources, derived and trigger-kept values, ids of workflow fields...) is
// sent alone in a new and in an edit payload, as the administrator, who may write the most: each is
// refused with an error next to that field and nothing is stored. The resource list and each resource's
// form are read from AdminJS itself, so a new resource is covered without touching this file.
import { renderMessage } from '../admin/locales/render.js';
import type AdminJS from 'adminjs';
import type { PropertyDecorator } from 'adminjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../admin/admin.js';
import { seedDemoPlant } from '../prisma/seed/demo.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { HttpClient } from './support/http-client.js';
import { aPerson } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let admin: HttpClient;
let adminJs: AdminJS;

type Answer = { record?: { errors?: Record<string, { message: string }>; params?: Record<string, unknown> } };
type Delegate = { count(): Promise<number>; findFirst(args: object): Promise<Record<string, unknown> | null>; findUnique(args: object): Promise<unknown> };

// The refusals as the (Spanish-speaking) administrator reads them next to the field: sentences, not keys.
const REFUSALS = (resource: string) => ['fieldNotInForm', 'fieldSetByWorkflow'].map((key) => renderMessage('es', key, {}, resource));
// What a resource's own form check asks before anything reaches the adapter (a new user needs a password).
const COMPANIONS: Record<string, Record<string, string>> = { User: { newPassword: 'una-clave-suficientemente-larga' } };
const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  await seedDemoPlant(office.database.pool, { assets: 20, orders: 40, seed: 3, asOf: new Date('2026-06-15T15:00:00Z') });
  // A row of each model the demo plant does not hold, so every editable resource has one to edit.
  const order = await make.aWorkOrder(prisma);
  const requester = await prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } });
  const requisition = await prisma.requisition.create({ data: { title: 'Repuestos', requestedById: requester.id } });
  await prisma.requisitionItem.create({ data: { requisitionId: requisition.id, description: 'Sello', quantity: 1, unit: 'u', unitPrice: 10 } });
  await prisma.workOrderMaterial.create({ data: { workOrderId: order.id, description: 'Grasa', quantity: 1, unit: 'kg' } });
  await prisma.ticket.create({ data: { description: 'Sin luz', requester: 'Vecino' } });
  await prisma.document.create({ data: { title: 'Manual' } });
  adminJs = createAdmin(prisma, { language: 'es', timeZone: office.config.timeZone });
  admin = new HttpClient(office.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
}, 180_000);

afterAll(async () => {
  await office?.close();
});

function delegateOf(model: string): Delegate {
  return (prisma as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
}

/** A value no form would have produced, of the property's type, and different from `stored`. */
function forgedValue(property: PropertyDecorator, stored: unknown): [string, string] {
  const path = property.propertyPath;
  if (property.isArray()) return [`${path}.0`, '987654'];
  switch (property.type()) {
    case 'boolean':
      return [path, String(stored) === 'true' ? 'false' : 'true'];
    case 'number':
    case 'float':
    case 'currency':
    case 'reference':
      return [path, '987654'];
    case 'date':
      return [path, '2000-01-01'];
    case 'datetime':
      return [path, '2000-01-01T00:00:00.000Z'];
    default:
      return [path, `forjado-${path}`];
  }
}

function form(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
}

function hiddenProperties(resourceId: string): { hidden: PropertyDecorator[]; shown: Set<string> } {
  const decorator = adminJs.findResource(resourceId).decorate();
  const shown = new Set(decorator.getProperties({ where: 'edit' }).filter((p) => !p.isDisabled()).map((p) => p.propertyPath));
  const hidden = decorator.getProperties({}).filter((p) => !shown.has(p.propertyPath));
  return { hidden, shown };
}

describe('writes accept only the fields a form shows', () => {
  it('refuses every hidden field of every resource in a new record, and stores nothing', async () => {
    const tried: string[] = [];
    for (const resource of adminJs.resources) {
      const id = resource.id();
      const { hidden } = hiddenProperties(id);
      const before = await delegateOf(id).count();
      for (const property of [...hidden]) {
        const [key, value] = forgedValue(property, undefined);
        const answer = await admin.json<Answer>(`/admin/api/resources/${id}/actions/new`, { method: 'POST', body: form({ ...COMPANIONS[id], [key]: value }) });
        if (answer.status === 403) break; // the administrator may not create these at all (role-rules.test.ts)
        expect(REFUSALS(id), `${id}.${key}`).toContain(answer.body.record?.errors?.[property.propertyPath]?.message);
        tried.push(`${id}.${key}`);
      }
      expect(await delegateOf(id).count(), id).toBe(before);
    }
    // Every resource the administrator may create had its hidden fields tried (ids, timestamps...).
    expect(tried.length).toBeGreaterThan(100);
    for (const field of ['WorkOrder.number', 'WorkOrder.createdAt', 'Ticket.number', 'Ticket.source', 'WorkRequest.source', 'User.lastLoginAt', 'Technician.name'])
      expect(tried).toContain(field);
  }, 180_000);

  it('refuses every hidden field of every resource in an edit, and changes nothing', async () => {
    const tried: string[] = [];
    for (const resource of adminJs.resources) {
      const id = resource.id();
      const row = await delegateOf(id).findFirst({ orderBy: { id: 'asc' } });
      if (!row) continue;
      const { hidden } = hiddenProperties(id);
      const record = await admin.json<Answer>(`/admin/api/resources/${id}/records/${String(row.id)}/show`);
      const stored = record.body.record?.params ?? {};
      for (const property of hidden) {
        if (property.propertyPath === 'id') continue; // the id is the address, not a field
        const [key, value] = forgedValue(property, stored[property.propertyPath]);
        const answer = await admin.json<Answer>(`/admin/api/resources/${id}/records/${String(row.id)}/edit`, { method: 'POST', body: form({ [key]: value }) });
        if (answer.status === 403) break; // not editable by anyone through a form (workflow records)
        expect(REFUSALS(id), `${id}.${key}`).toContain(answer.body.record?.errors?.[property.propertyPath]?.message);
        tried.push(`${id}.${key}`);
      }
      const after = await delegateOf(id).findFirst({ where: { id: row.id } });
      expect(json(after), id).toBe(json(row));
    }
    expect(tried.length).toBeGreaterThan(80);
    for (const field of ['WorkOrder.number', 'WorkOrder.createdAt', 'Ticket.number', 'Ticket.source', 'User.lastLoginAt', 'Technician.name', 'Location.path'])
      expect(tried).toContain(field);
    // One request per hidden field of every resource: it grows with each module (about 60 s alone since inventory).
  }, 180_000);

  it('ignores an unchanged echo of a read-only value, as AdminJS forms send the whole record back', async () => {
    const order = await make.aWorkOrder(prisma, { description: 'Antes' });
    const shown = (await admin.json<Answer>(`/admin/api/resources/WorkOrder/records/${order.id}/show`)).body.record!.params!;
    const echo = { number: String(shown.number), createdAt: String(shown.createdAt), description: 'Después' };
    const answer = await admin.json<Answer>(`/admin/api/resources/WorkOrder/records/${order.id}/edit`, { method: 'POST', body: form(echo) });
    expect(answer.body.record?.errors ?? {}).toEqual({});
    const saved = await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(saved.description).toBe('Después');
    expect(saved.number).toBe(order.number);
    expect(saved.createdAt.getTime()).toBe(order.createdAt.getTime());
  });

  it('an operator cannot forge a ticket number or source, nor a request from condition monitoring', async () => {
    const operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Olga Operadora');
    const tickets = await prisma.ticket.count();
    const ticket = await operator.client.json<Answer>('/admin/api/resources/Ticket/actions/new', {
      method: 'POST',
      body: form({ type: 'FAILURE', requester: 'Vecino', description: 'Poste caído', source: 'SIG', number: 'TCK-FALSO' }),
    });
    expect(ticket.body.record?.errors?.source?.message).toBe(renderMessage('es', 'fieldNotInForm'));
    expect(ticket.body.record?.errors?.number?.message).toBe(renderMessage('es', 'fieldNotInForm'));
    expect(await prisma.ticket.count()).toBe(tickets);

    const asset = await make.anAsset(prisma);
    const requests = await prisma.workRequest.count();
    const request = await operator.client.json<Answer>('/admin/api/resources/WorkRequest/actions/new', {
      method: 'POST',
      body: form({ asset: String(asset.id), description: 'Ruido', priority: 'HIGH', source: 'CONDITION' }),
    });
    expect(request.body.record?.errors?.source?.message).toBe(renderMessage('es', 'fieldNotInForm'));
    expect(await prisma.workRequest.count()).toBe(requests);
  });
});
