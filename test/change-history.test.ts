// Change history recorded by the database for every write, whoever and whatever wrote it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../jobs/job.js';
import { JOBS } from '../jobs/registry.js';
import { maintainChangeHistoryJob } from '../jobs/maintain-change-history.job.js';
import { actAs } from '../prisma/actor.js';
import { OPTIONAL_UNRECORDED_TABLES, UNRECORDED_TABLES } from '../domain/history/audited-tables.js';
import { sqlTransactionAs } from '../domain/history/sql-transaction.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import * as make from './support/factories.js';
import { aPerson } from './support/people.js';

type Entry = { table_name: string; record_id: number; action: string; actor_user_id: number | null; actor_label: string; request_id: string | null; ip: string | null; changes: { before?: Record<string, unknown>; after?: Record<string, unknown> } };

const renameAsset = defineJob({
  name: 'rename-asset-for-test',
  queue: 'default',
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  parse: (data) => z.object({ assetId: z.number() }).parse(data),
  handle: async ({ assetId }, { prisma }) => prisma.asset.update({ where: { id: assetId }, data: { description: 'Renombrado por el trabajo' } }),
});

let office: TestBackOffice;
let admin: HttpClient;
let adminId: number;
beforeAll(async () => {
  office = await startTestBackOffice({ jobs: [...JOBS, renameAsset] as JobDefinition<unknown>[] });
  admin = new HttpClient(office.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  adminId = (await office.database.prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } })).id;
});
afterAll(() => office?.close());

const historyOf = async (table: string, id: number | string) =>
  (await office.database.pool.query<Entry>(`SELECT * FROM change_history_entries WHERE table_name = $1 AND record_id = $2 ORDER BY id`, [table, String(id)])).rows;

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
}

describe('what gets recorded', () => {
  it('a create, an update and a delete from the AdminJS forms, with the person, request id and address', async () => {
    const location = await make.aLocation(office.database.prisma);
    const category = await make.aCategory(office.database.prisma);
    const created = await admin.request('/admin/api/resources/Asset/actions/new', {
      method: 'POST',
      body: form({ code: 'HIST-1', description: 'Bomba de prueba', location: location.id, category: category.id, criticality: 'B' }),
    });
    const requestId = created.headers.get('x-request-id');
    const id = ((await created.json()) as { record: { id: number } }).record.id;
    await admin.request(`/admin/api/resources/Asset/records/${id}/edit`, { method: 'POST', body: form({ criticality: 'A', description: 'Bomba de prueba' }) });
    await admin.request(`/admin/api/resources/Asset/records/${id}/delete`, { method: 'POST' });

    const entries = await historyOf('assets', id);
    expect(entries.map((e) => e.action)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
    for (const entry of entries) expect(entry).toMatchObject({ actor_user_id: adminId, actor_label: `user:${TEST_ADMIN.email}`, ip: expect.stringMatching(/127\.0\.0\.1/) });
    expect(entries[0]!.request_id).toBe(requestId);
    expect(entries[0]!.changes.after).toMatchObject({ code: 'HIST-1', description: 'Bomba de prueba', criticality: 'B', location_id: location.id });
    expect(entries[1]!.changes).toEqual({ before: { criticality: 'B' }, after: { criticality: 'A' } });
    expect(entries[2]!.changes.before).toMatchObject({ code: 'HIST-1', criticality: 'A' });
  });

  it('notes a password change, never a password hash', async () => {
    const created = await admin.json<{ record: { id: number } }>('/admin/api/resources/User/actions/new', {
      method: 'POST',
      body: form({ email: 'nuevo@planta.test', name: 'Nuevo', newPassword: 'una-clave-bastante-larga' }),
    });
    await admin.request(`/admin/api/resources/User/records/${created.body.record.id}/edit`, {
      method: 'POST',
      body: form({ email: 'nuevo@planta.test', name: 'Nuevo', newPassword: 'otra-clave-bastante-larga' }),
    });
    const entries = await historyOf('users', created.body.record.id);
    expect(JSON.stringify(entries)).not.toMatch(/argon2/);
    const passwordChanges = entries.filter((e) => e.changes.after?.password_hash);
    expect(passwordChanges.map((e) => e.changes)).toEqual([
      { before: { password_hash: '[hidden]' }, after: { password_hash: '[changed]' } },
      { before: { password_hash: '[hidden]' }, after: { password_hash: '[changed]' } },
    ]);
  });

  it('a job, as the job', async () => {
    const asset = await make.anAsset(office.database.prisma);
    await office.queue.send(renameAsset, { assetId: asset.id });
    let entries: Entry[] = [];
    for (let i = 0; i < 100 && !entries.some((e) => e.action === 'UPDATE'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      entries = await historyOf('assets', asset.id);
    }
    expect(entries.find((e) => e.action === 'UPDATE')).toMatchObject({
      actor_label: 'job:rename-asset-for-test',
      actor_user_id: null,
      changes: { after: { description: 'Renombrado por el trabajo' } },
    });
  });

  it('plain SQL with no actor, as the database role; a set-based write as one statement', async () => {
    const location = await make.aLocation(office.database.prisma);
    const category = await make.aCategory(office.database.prisma);
    const before = Number((await office.database.pool.query(`SELECT count(*) FROM change_history WHERE table_name = 'assets'`)).rows[0].count);
    await office.database.pool.query(
      `INSERT INTO assets (code, description, location_id, category_id) SELECT 'BULK-' || i, 'Activo ' || i, $1, $2 FROM generate_series(1, 3000) i`,
      [location.id, category.id],
    );
    const after = await office.database.pool.query(`SELECT count(*)::int AS n, min(actor_label) AS label FROM change_history_entries WHERE table_name = 'assets' AND record_id::int > 0 AND changes->'after'->>'code' LIKE 'BULK-%'`);
    expect(after.rows[0]).toEqual({ n: 3000, label: 'system:postgres' });
    expect(Number((await office.database.pool.query(`SELECT count(*) FROM change_history WHERE table_name = 'assets'`)).rows[0].count)).toBe(before + 3000);
  });

  it('an interactive transaction through transactionAs(), as the current actor; any other is refused', async () => {
    const prisma = office.database.prisma;
    const asset = await make.anAsset(prisma);
    await actAs({ userId: adminId, label: 'import:7' }, () =>
      prisma.transactionAs(async (tx) => {
        await tx.asset.update({ where: { id: asset.id }, data: { status: 'STANDBY' } });
        await tx.asset.update({ where: { id: asset.id }, data: { criticality: 'A' } });
      }),
    );
    const entries = (await historyOf('assets', asset.id)).filter((e) => e.action === 'UPDATE');
    expect(entries.map((e) => e.actor_label)).toEqual(['import:7', 'import:7']);

    await expect(
      actAs({ label: 'job:careless' }, () => prisma.$transaction(async (tx) => tx.asset.update({ where: { id: asset.id }, data: { status: 'RETIRED' } }))),
    ).rejects.toThrow(/transactionAs/);
    expect((await prisma.asset.findUniqueOrThrow({ where: { id: asset.id } })).status).toBe('STANDBY');
  });

  it('a bulk write on a plain connection through sqlTransactionAs(), as its actor; a failed one leaves nothing', async () => {
    const asset = await make.anAsset(office.database.prisma);
    await sqlTransactionAs(office.database.pool, { userId: adminId, label: 'import:8', requestId: 'job-8' }, (db) =>
      db.$executeRawUnsafe(`UPDATE assets SET criticality = 'A' WHERE id = $1`, asset.id),
    );
    await expect(
      sqlTransactionAs(office.database.pool, { label: 'import:9' }, async (db) => {
        await db.$executeRawUnsafe(`UPDATE assets SET status = 'RETIRED' WHERE id = $1`, asset.id);
        throw new Error('the batch failed');
      }),
    ).rejects.toThrow('the batch failed');
    const updates = (await historyOf('assets', asset.id)).filter((e) => e.action === 'UPDATE');
    expect(updates).toEqual([expect.objectContaining({ actor_user_id: adminId, actor_label: 'import:8', request_id: 'job-8', changes: { before: { criticality: asset.criticality }, after: { criticality: 'A' } } })]);
    expect((await office.database.prisma.asset.findUniqueOrThrow({ where: { id: asset.id } })).status).toBe(asset.status);
  });
});

describe('nobody rewrites the past', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of history on the application connection', async () => {
    const { pool } = office.database;
    await make.aLocation(office.database.prisma);
    await expect(pool.query(`UPDATE change_history SET actor_label = 'otro'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM change_history`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`TRUNCATE change_history`)).rejects.toThrow(/append-only/);
    // Nor through the view it is read by, nor by rewriting the column layouts entries are read with.
    await expect(pool.query(`UPDATE change_history_entries SET actor_label = 'otro'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM change_history_entries`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`INSERT INTO change_history_entries (table_name, record_id, action, actor_label) VALUES ('assets', '1', 'DELETE', 'otro')`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`UPDATE change_history_layouts SET columns = columns`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM change_history_layouts`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`TRUNCATE change_history_layouts`)).rejects.toThrow(/append-only/);
    expect(Number((await pool.query(`SELECT count(*) FROM change_history WHERE actor_label = 'otro'`)).rows[0].count)).toBe(0);
  });

  it('keeps entries in monthly partitions', async () => {
    const { rows } = await office.database.pool.query(
      `SELECT tableoid::regclass::text AS partition FROM change_history ORDER BY id DESC LIMIT 1`,
    );
    const now = new Date();
    expect(rows[0].partition).toBe(`change_history_${now.getUTCFullYear()}_${String(now.getUTCMonth() + 1).padStart(2, '0')}`);
  });
});

describe('what an auditor sees', () => {
  it('a record\'s "Historial": field by field, references by name, newest first', async () => {
    const prisma = office.database.prisma;
    const plant = await make.aLocation(prisma, { name: 'Planta' });
    const room = await make.aLocation(prisma, { name: 'Sala de bombas', parentId: plant.id });
    const asset = await make.anAsset(prisma, { locationId: plant.id });
    await admin.request(`/admin/api/resources/Asset/records/${asset.id}/edit`, { method: 'POST', body: form({ location: room.id, criticality: 'A' }) });

    const history = await admin.json<{ entries: { action: string; actor: string; fields: { property: string; before?: unknown; after?: unknown }[] }[] }>(
      `/admin/api/resources/Asset/records/${asset.id}/history`,
    );
    expect(history.status).toBe(200);
    const [latest] = history.body.entries;
    // The author by his name, not his account label (which named people by e-mail).
    expect(latest).toMatchObject({ action: 'UPDATE', actor: 'Administrador' });
    expect(latest!.fields).toEqual(
      expect.arrayContaining([
        { property: 'location', before: 'Planta', after: 'Planta > Sala de bombas' },
        { property: 'criticality', before: 'C', after: 'A' },
      ]),
    );
  });

  it('the global history, filtered by table, record and action, only for groups granted the right', async () => {
    const prisma = office.database.prisma;
    const asset = await make.anAsset(prisma);
    await prisma.asset.update({ where: { id: asset.id }, data: { status: 'STANDBY' } });
    const list = await admin.json<{ records: { params: Record<string, string> }[]; meta: { total: number } }>(
      `/admin/api/resources/ChangeHistory/actions/list?filters.tableName=assets&filters.recordId=${asset.id}&filters.action=UPDATE`,
    );
    expect(list.body.meta.total).toBe(1);
    expect(list.body.records[0]!.params).toMatchObject({ tableName: 'assets', recordId: asset.id, action: 'UPDATE' });

    const consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
    expect((await consultant.client.request('/admin/api/resources/ChangeHistory/actions/list')).status).toBe(403);
    expect((await consultant.client.request(`/admin/api/resources/Asset/records/${asset.id}/history`)).status).toBe(403);
    await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canReadHistory: true } });
    const granted = await consultant.client.json<{ meta: { total: number } }>(`/admin/api/resources/ChangeHistory/actions/list?filters.tableName=assets&filters.recordId=${asset.id}`);
    expect(granted.status).toBe(200);
    expect(granted.body.meta.total).toBe(2);
    // ... but never entries about users, which consultants may not read.
    const users = await consultant.client.json<{ meta: { total: number } }>('/admin/api/resources/ChangeHistory/actions/list?filters.tableName=users');
    expect(users.body.meta.total).toBe(0);
    await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canReadHistory: false } });
  });

  it("an auditor without rights on a record does not see its entries (a technician's history: his orders only)", async () => {
    const prisma = office.database.prisma;
    const technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
    const colleague = await make.aTechnician(prisma);
    const asset = await make.anAsset(prisma);
    const order = (technicianId: number) =>
      prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId, plannedOn: new Date('2026-11-22'), description: 'x' } });
    const his = await order(technician.technicianId!);
    const theirs = await order(colleague.id);
    await prisma.group.update({ where: { code: 'TECHNICIANS' }, data: { canReadHistory: true } });
    try {
      const list = await technician.client.json<{ records: { params: { recordId: number } }[] }>(
        '/admin/api/resources/ChangeHistory/actions/list?filters.tableName=work_orders&perPage=100',
      );
      const ids = list.body.records.map((r) => r.params.recordId);
      expect(ids).toContain(his.id);
      expect(ids).not.toContain(theirs.id);
      expect((await technician.client.request(`/admin/api/resources/WorkOrder/records/${theirs.id}/history`)).status).toBe(404);
    } finally {
      await prisma.group.update({ where: { code: 'TECHNICIANS' }, data: { canReadHistory: false } });
    }
  });

  it('every business table is recorded; the others are listed with the reason they are not', async () => {
    const { rows } = await office.database.pool.query<{ table_name: string }>(`
      SELECT c.relname AS table_name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'history_insert')
       ORDER BY 1`);
    expect(rows.map((r) => r.table_name).filter((name) => !(name in OPTIONAL_UNRECORDED_TABLES))).toEqual(Object.keys(UNRECORDED_TABLES).sort());
  });
});

describe('partitions and retention', () => {
  it('the daily job creates the coming months and drops months past the retention period whole', async () => {
    const { pool } = office.database;
    await pool.query(`CREATE TABLE change_history_2001_01 PARTITION OF change_history FOR VALUES FROM ('2001-01-01') TO ('2001-02-01')`);
    await pool.query(
      // An entry as written before the compact format (its changes as JSON): its content does not matter here.
      `INSERT INTO change_history (changed_at, table_name, record_id, action, actor_label, legacy_changes) VALUES ('2001-01-15', 'assets', '1', 'UPDATE', 'system:test', '{}')`,
    );
    const job = await office.queue.send(maintainChangeHistoryJob, {});
    let state: string | undefined;
    for (let i = 0; i < 100 && state !== 'completed' && state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      state = (await office.queue.boss.getJobById('default', job!))?.state;
    }
    expect(state).toBe('completed');
    expect((await pool.query(`SELECT to_regclass('change_history_2001_01') AS t`)).rows[0].t).toBeNull();
    expect(Number((await pool.query(`SELECT count(*) FROM change_history WHERE changed_at < '2002-01-01'`)).rows[0].count)).toBe(0);
    const ahead = new Date();
    ahead.setUTCMonth(ahead.getUTCMonth() + 3, 1);
    const name = `change_history_${ahead.getUTCFullYear()}_${String(ahead.getUTCMonth() + 1).padStart(2, '0')}`;
    expect((await pool.query(`SELECT to_regclass($1) AS t`, [name])).rows[0].t).toBe(name);
  });
});

describe('exporting the history to Excel', () => {
  it('streams the filtered entries the viewer may see, and refuses viewers without the right', async () => {
    const prisma = office.database.prisma;
    const asset = await make.anAsset(prisma, { description: 'Exportable' });
    await prisma.asset.update({ where: { id: asset.id }, data: { criticality: 'A' } });
    const response = await admin.request(`/admin/history/export.xlsx?filters.tableName=assets&filters.recordId=${asset.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Historial')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toEqual(expect.arrayContaining(['Fecha', 'Tabla', 'Registro (n.º)', 'Acción', 'Autor (cuenta o proceso)']));
    const data = rows.slice(1).map((row) => ({ table: row[2], record: row[3], action: row[4] }));
    expect(data).toEqual([
      { table: 'assets', record: asset.id, action: 'UPDATE' },
      { table: 'assets', record: asset.id, action: 'INSERT' },
    ]);

    const operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Oscar Operador');
    expect((await operator.client.request('/admin/history/export.xlsx')).status).toBe(403);
  });
});

describe('a month that filled the default partition', () => {
  it('stays there, and the upkeep goes on for the other months', async () => {
    const { pool } = office.database;
    // Five years ahead: no partition exists yet, so the entry lands in the default partition.
    await pool.query(
      `INSERT INTO change_history (changed_at, table_name, record_id, action, actor_label, legacy_changes)
       VALUES (date_trunc('month', now()) + interval '60 months' + interval '3 days', 'assets', '1', 'UPDATE', 'system:test', '{}')`,
    );
    const created = (await pool.query<{ n: number }>('SELECT cmms_ensure_history_partitions(61) AS n')).rows[0]!.n;
    expect(created).toBeGreaterThan(50);
    const inDefault = await pool.query(`SELECT count(*)::int AS n FROM change_history_default WHERE actor_label = 'system:test'`);
    expect(inDefault.rows[0].n).toBe(1);
  });
});
