// Live pages (issue 18): /admin/events streams to each signed-in person the rows others change, fed by
// PostgreSQL LISTEN/NOTIFY so a change made by another process arrives, only when his row rules let him
// read the row; his bell's count; and a reconnect resumes after Last-Event-ID.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { openEventStream as openStream, type StreamEvent } from './support/event-stream.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';
import { ROOT } from './support/process.js';

let office: TestBackOffice;
let prisma: Db;
let tomas: Person;
let teo: Person;
let sara: Person;

/** Changes work orders from another process (a plain pg connection, as the worker or psql would);
 * returns when that process committed, by its own clock. */
async function changeFromAnotherProcess(ids: number[]): Promise<number> {
  const script = `import pg from 'pg';
    const client = new pg.Client(process.env.CHANGE_URL);
    await client.connect();
    for (const id of JSON.parse(process.env.CHANGE_IDS)) await client.query("UPDATE work_orders SET description = description || '.' WHERE id = $1", [id]);
    console.log(Date.now());
    await client.end();`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, CHANGE_URL: office.db.url, CHANGE_IDS: JSON.stringify(ids) } });
  return Number(stdout.trim());
}

const rowsEventOf = (id: number) => (e: StreamEvent) => e.event === 'rows' && (e.data.ids as number[]).includes(id);

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  tomas = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  teo = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Teo Técnico', { technician: true });
  sara = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
}, 120_000);
afterAll(() => office?.close());

const anOrderOf = async (technicianId: number | undefined, description: string) =>
  prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: (await make.anAsset(prisma)).id, plannedOn: new Date(), description, technicianId, state: 'ASSIGNED' } });

describe('the event stream', () => {
  it('is an unbuffered event stream for signed-in people only, starting with the unread count', async () => {
    const stream = await openStream(sara.client);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
    expect((await stream.waitFor('the unread count', (e) => e.event === 'unread')).data).toEqual({ unread: 0 });
    stream.close();
    const anonymous = await fetch(`${office.url}/admin/events`, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/admin/login');
  });

  it("delivers a change another process made within a second, and never a row the reader may not read", async () => {
    const teos = await anOrderOf(teo.technicianId, 'Orden de Teo');
    const tomass = await anOrderOf(tomas.technicianId, 'Orden de Tomás');
    const supervisor = await openStream(sara.client);
    const technician = await openStream(tomas.client);
    await supervisor.waitFor('the unread count', (e) => e.event === 'unread');
    await technician.waitFor('the unread count', (e) => e.event === 'unread');

    const committedAt = await changeFromAnotherProcess([teos.id]);
    const seen = await supervisor.waitFor("the change of Teo's order", rowsEventOf(teos.id));
    expect(seen.data).toEqual({ model: 'WorkOrder', ids: [teos.id], many: false, by: 0 });
    // The figure: within a second of the other process's commit.
    expect(seen.at - committedAt).toBeLessThan(1_000);

    await changeFromAnotherProcess([tomass.id]);
    await technician.waitFor('the change of his own order', rowsEventOf(tomass.id));
    await supervisor.waitFor("the change of Tomás's order", rowsEventOf(tomass.id));
    // Tomás's stream passed his own order's event and nothing of Teo's, although both events reached it.
    expect(technician.events.filter((e) => e.event === 'rows').map((e) => e.data.ids)).toEqual([[tomass.id]]);
    supervisor.close();
    technician.close();
  });

  it('resumes after Last-Event-ID with what happened while it was away, still under the rules', async () => {
    const mine = await anOrderOf(tomas.technicianId, 'Otra de Tomás');
    const others = await anOrderOf(teo.technicianId, 'Otra de Teo');
    const first = await openStream(tomas.client);
    await changeFromAnotherProcess([mine.id]);
    const before = await first.waitFor('his change', rowsEventOf(mine.id));
    first.close();

    await changeFromAnotherProcess([mine.id, others.id, mine.id]);
    const again = await openStream(tomas.client, before.id);
    await again.waitFor('the changes missed', (e) => e.event === 'rows' && Number(e.id) > Number(before.id) + 1);
    await new Promise((r) => setTimeout(r, 300));
    const replayed = again.events.filter((e) => e.event === 'rows');
    expect(replayed.map((e) => e.data.ids)).toEqual([[mine.id], [mine.id]]);
    expect(replayed.every((e) => Number(e.id) > Number(before.id))).toBe(true);
    again.close();
  });

  it('updates the bell the moment its owner is notified', async () => {
    const stream = await openStream(tomas.client);
    await stream.waitFor('the first count', (e) => e.event === 'unread');
    const order = await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: (await make.anAsset(prisma)).id, plannedOn: new Date(), description: 'Para asignar' } });
    const body = new FormData();
    body.set('technicianId', String(tomas.technicianId));
    expect((await sara.client.request(`/admin/api/resources/WorkOrder/records/${order.id}/assign`, { method: 'POST', body })).status).toBe(200);
    const counted = await stream.waitFor('the new count', (e) => e.event === 'unread' && e.data.unread === 1);
    expect(counted.data).toEqual({ unread: 1 });
    stream.close();
  });
});

/** Moves an import run's counter from another process, as the worker's import job does. */
async function progressFromAnotherProcess(importRunId: number, rowsRead: number): Promise<void> {
  const script = `import pg from 'pg';
    const client = new pg.Client(process.env.CHANGE_URL);
    await client.connect();
    await client.query("UPDATE import_runs SET state = 'RUNNING', rows_read = $2 WHERE id = $1", [Number(process.env.RUN_ID), Number(process.env.ROWS_READ)]);
    await client.end();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, CHANGE_URL: office.db.url, RUN_ID: String(importRunId), ROWS_READ: String(rowsRead) } });
}

const importEventOf = (id: number, match: (data: Record<string, unknown>) => boolean = () => true) => (e: StreamEvent) =>
  e.event === 'import' && e.data.id === id && match(e.data);

describe('import progress', () => {
  it("is pushed with the run's counters to its owner and to readers of import runs, never to anyone else", async () => {
    const sergio = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sergio Supervisor');
    const olga = await aPerson(prisma, office.url, ['OPERATORS'], 'Olga Operadora');
    const plant = await prisma.location.create({ data: { code: 'PLT', name: 'Planta' } });
    await prisma.location.create({ data: { code: 'PLT-SB', name: 'Sala de bombas', parentId: plant.id } });
    const streams = { sara: await openStream(sara.client), sergio: await openStream(sergio.client), tomas: await openStream(tomas.client), olga: await openStream(olga.client) };
    for (const stream of Object.values(streams)) await stream.waitFor('the unread count', (e) => e.event === 'unread');

    // Sara imports the locations template as it comes: her page is told each step, up to the end.
    const template = Buffer.from(await (await sara.client.request('/admin/imports/locations/template.xlsx')).arrayBuffer());
    const upload = await sara.client.json<{ id: number }>(`/admin/imports/locations?mode=VALID_ROWS&fileName=ubicaciones.xlsx`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(template),
    });
    expect(upload.status).toBe(202);
    const runId = upload.body.id;
    const done = await streams.sara.waitFor('the end of her import', importEventOf(runId, (d) => d.finished === true), 20_000);
    expect(done.data).toMatchObject({ id: runId, kind: 'locations', state: 'SUCCEEDED', rowsRead: 1, rowsWritten: 1, finished: true, hasErrorReport: false });
    // The same answer the status route gives.
    expect(done.data).toEqual((await sara.client.json(`/admin/imports/runs/${runId}/status`)).body);
    // Sergio may read import runs: he sees it too.
    await streams.sergio.waitFor("the end of Sara's import", importEventOf(runId, (d) => d.finished === true));

    // A run of Tomás's (a technician may not read import runs, but it is his), moved by another process.
    const his = await prisma.importRun.create({ data: { kind: 'readings', fileName: 'lecturas.xlsx', fileKey: 'imports/x/lecturas.xlsx', userId: tomas.userId } });
    await progressFromAnotherProcess(his.id, 40);
    expect((await streams.tomas.waitFor('the progress of his run', importEventOf(his.id, (d) => d.rowsRead === 40))).data).toMatchObject({ state: 'RUNNING', finished: false });
    await streams.sara.waitFor("the progress of Tomás's run", importEventOf(his.id, (d) => d.rowsRead === 40));

    // Neither Tomás (not his, not a reader) nor Olga (an operator) was told of Sara's import; Olga of nothing.
    await new Promise((r) => setTimeout(r, 300));
    expect(new Set(streams.tomas.events.filter((e) => e.event === 'import').map((e) => e.data.id))).toEqual(new Set([his.id]));
    expect(streams.olga.events.filter((e) => e.event === 'import')).toEqual([]);
    // No "changed, reload" bar for anyone: progress is not a row event.
    expect(Object.values(streams).flatMap((s) => s.events.filter((e) => e.event === 'rows' && e.data.model === 'ImportRun'))).toEqual([]);
    for (const stream of Object.values(streams)) stream.close();
  });
});
