// The role rules said in SQL (admin/adapter/where-sql.ts) allow exactly the rows Prisma allows with the
// same rules: the change history filters each table's entries by that SQL, so any difference would show
// a scoped viewer entries of rows he may not read, or hide his own. Checked on a real database for every
// recorded table, as a supervisor scoped to one plant or two, a technician scoped or not (his orders and
// those shared with him), an operator (documents of requests and of no order).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prisma } from '@prisma/client';
import { accessibleWhere, defineAbilitiesFor, type AccessProfile } from '../domain/access/abilities.js';
import { loadCurrentUser } from '../domain/access/current-user.js';
import { AUDITED_TABLES } from '../domain/history/audited-tables.js';
import { columnsOf, tableOf, whereSql } from '../prisma/where-sql.js';
import { getFullModel, modelOfTable } from '../admin/dmmf.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';

let database: TestDatabase;
const plants: { path: string; assetId: number; orderId: number }[] = [];
let technicianId: number;
let technicianUserId: number;
/** The orders shared with the technician, as his session reads them (current-user.ts). */
let sharedOrderIds: number[];

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  const technician = await make.aTechnician(prisma);
  technicianId = technician.id;
  technicianUserId = technician.userId;
  const colleague = await make.aTechnician(prisma);
  const requester = await make.aUser(prisma);
  for (const name of ['Norte', 'Sur', 'Este']) {
    const site = await make.aLocation(prisma, { name: `Planta ${name}` });
    const room = await make.aLocation(prisma, { name: 'Sala', parentId: site.id });
    const asset = await make.anAsset(prisma, { locationId: room.id });
    const order = (techId: number | null) =>
      prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId: techId, plannedOn: new Date('2026-11-20'), description: 'Revisar' } });
    const his = await order(technicianId);
    const theirs = await order(colleague.id);
    const shared = await order(colleague.id);
    await prisma.workOrderShare.create({ data: { workOrderId: shared.id, technicianId } });
    const request = await prisma.workRequest.create({ data: { assetId: asset.id, description: 'Fuga', reportedById: requester.id } });
    for (const link of [{ assetId: asset.id }, { workOrderId: his.id }, { workOrderId: theirs.id }, { workRequestId: request.id }, {}]) {
      const document = await prisma.document.create({ data: { title: 'Manual', ...link } });
      // A revision row with a named signer (its file does not matter to the rules).
      await prisma.revisionSigner.create({
        data: {
          revision: { create: { documentId: document.id, number: 1, fileKey: `k-${document.id}`, fileName: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: '0'.repeat(64), uploadedById: requester.id } },
          user: { connect: { id: requester.id } },
        },
      });
    }
    for (const workOrderId of [his.id, null]) await prisma.requisition.create({ data: { title: 'Sellos', requestedById: requester.id, workOrderId } });
    await prisma.budget.create({ data: { code: `P-${name}`, name: 'Mantenimiento', year: 2026, locationId: site.id } });
    const point = await prisma.measurementPoint.create({ data: { code: `MP-${name}`, assetId: asset.id, variable: 'Presión', unit: 'bar' } });
    await prisma.reading.create({ data: { measurementPointId: point.id, takenAt: new Date(), value: 3 } });
    await prisma.workOrderNote.create({ data: { workOrderId: his.id, text: 'Hecho' } });
    plants.push({ path: (await prisma.location.findUniqueOrThrow({ where: { id: site.id } })).path, assetId: asset.id, orderId: his.id });
  }
  await prisma.budget.create({ data: { code: 'P-DEP', name: 'Departamento', year: 2026, department: 'Eléctrico' } });
  sharedOrderIds = (await loadCurrentUser(prisma, technicianUserId))!.access.sharedOrderIds;
  expect(sharedOrderIds).toHaveLength(plants.length);
});
afterAll(() => database?.drop());

const profile = (groups: AccessProfile['groups'], sitePaths: string[], technician = false): AccessProfile => ({
  userId: technician ? technicianUserId : 1,
  groups,
  technicianId: technician ? technicianId : null,
  sharedOrderIds: technician ? sharedOrderIds : [],
  canReadHistory: true,
  approvalLimit: null,
  sitePaths,
});

describe('the role rules in SQL', () => {
  it.each([
    ['a supervisor scoped to one plant', () => profile(['SUPERVISORS'], [plants[0]!.path])],
    ['a supervisor scoped to two plants', () => profile(['SUPERVISORS'], [plants[0]!.path, plants[2]!.path])],
    ['a technician scoped to one plant', () => profile(['TECHNICIANS'], [plants[0]!.path], true)],
    ['a technician of the whole utility', () => profile(['TECHNICIANS'], [], true)],
    ['an operator', () => profile(['OPERATORS'], [])],
  ])('allow the rows Prisma allows, table by table, for %s', async (_who, who) => {
    const ability = defineAbilitiesFor(who());
    let narrowed = 0;
    for (const table of AUDITED_TABLES) {
      const model = modelOfTable(table)!;
      const where = accessibleWhere(ability, 'read', model.name as Prisma.ModelName);
      if (!where || !Object.keys(where).length) continue;
      narrowed++;
      const delegate = (database.prisma as unknown as Record<string, { findMany(args: object): Promise<{ id: number }[]> }>)[model.name.charAt(0).toLowerCase() + model.name.slice(1)]!;
      const byPrisma = (await delegate.findMany({ where, select: { id: true } })).map((row) => row.id).sort((a, b) => a - b);
      const values: unknown[] = [];
      const sql = `SELECT t.id FROM ${tableOf(model)} t WHERE ${whereSql(model, where, columnsOf('t'), values)} ORDER BY t.id`;
      const bySql = (await database.pool.query<{ id: number }>(sql, values)).rows.map((row) => row.id);
      expect({ table, ids: bySql }).toEqual({ table, ids: byPrisma });
    }
    expect(narrowed).toBeGreaterThan(0);
  });

  it('a scoped supervisor reads his plant only: the SQL is not merely as wide as Prisma', async () => {
    const model = getFullModel('WorkOrder');
    const where = accessibleWhere(defineAbilitiesFor(profile(['SUPERVISORS'], [plants[1]!.path])), 'read', 'WorkOrder')!;
    const values: unknown[] = [];
    const { rows } = await database.pool.query<{ asset_id: number }>(`SELECT DISTINCT t.asset_id FROM ${tableOf(model)} t WHERE ${whereSql(model, where, columnsOf('t'), values)}`, values);
    expect(rows.map((row) => row.asset_id)).toEqual([plants[1]!.assetId]);
  });

  it('says the adapter filters in SQL too: in, ranges, case-insensitive text, negation', async () => {
    const model = getFullModel('WorkOrder');
    const where = {
      AND: [
        { id: { in: plants.map((p) => p.orderId) } },
        { plannedOn: { gte: new Date('2026-11-01'), lte: new Date('2026-11-30') } },
        { description: { contains: 'REVIS', mode: 'insensitive' } },
        { NOT: { assetId: plants[2]!.assetId } },
        { technicianId: { not: null } },
      ],
    };
    const values: unknown[] = [];
    const { rows } = await database.pool.query<{ id: number }>(`SELECT t.id FROM ${tableOf(model)} t WHERE ${whereSql(model, where, columnsOf('t'), values)} ORDER BY t.id`, values);
    const byPrisma = await database.prisma.workOrder.findMany({ where: where as Prisma.WorkOrderWhereInput, select: { id: true }, orderBy: { id: 'asc' } });
    expect(rows.map((row) => row.id)).toEqual(byPrisma.map((row) => row.id));
    expect(rows.map((row) => row.id)).toEqual([plants[0]!.orderId, plants[1]!.orderId]);
  });

  it('refuses what it cannot say rather than guessing', () => {
    expect(() => whereSql(getFullModel('WorkOrder'), { description: { search: 'x' } }, columnsOf('t'), [])).toThrow(/search/);
    expect(() => whereSql(getFullModel('WorkOrder'), { nothing: 1 }, columnsOf('t'), [])).toThrow(/nothing/);
  });
});
