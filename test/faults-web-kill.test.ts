// One `kill -9` of the web process while it is in the middle of four requests: a closeout, a signature, an
// upload whose body is still arriving, and an upload whose file is stored but not yet recorded. "In the
// middle" is made certain, not lucky: the test takes PostgreSQL locks on its own connections that the
// server's transactions need next (the failure code the closure names, the document a signature
// approves, the row of the person a new revision names), waits until pg_stat_activity shows each request's
// backend waiting with its earlier writes made (and the upload's first half on disk), and only then kills
// the process. After a restart on the same database, files and port (the browsers' sessions still valid):
// nothing half-written, and the same people retry successfully. (Imports: faults-import-kill.test.ts.)
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeOrphanDocumentFiles } from '../domain/documents/orphan-files.js';
import { createLocalDiskStorage } from '../integrations/storage/local-disk.storage.js';
import type { ObjectStorage } from '../integrations/storage/storage.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { aPdf, signRevision, uploadRevision } from './support/documents.js';
import { backendGone, blockedOn, holdLock, killHard, startWebProcess, until, uploadBytesIn, type BlockedBackend, type HeldLock } from './support/faults.js';
import * as make from './support/factories.js';
import { HttpClient } from './support/http-client.js';
import { aPerson, type Person } from './support/people.js';
import { TEST_ADMIN } from './support/back-office.js';
import { aFreePort, stopWithCtrlC, type StartedProcess } from './support/process.js';

let db: TestDatabase;
let prisma: Db;
let dataDir: string;
let tmpDir: string;
let storage: ObjectStorage;
let web: StartedProcess;
let admin: HttpClient;
let adminId: number;
let uploader: Person;
const locks: HeldLock[] = [];

/** What each held request was, so each test below checks its outcome and retries it. */
const held: {
  closeout?: { orderId: number; body: string; blocked: BlockedBackend };
  signature?: { documentId: number; revision: { id: number; sha256: string }; blocked: BlockedBackend };
  slowUpload?: { documentId: number; pdf: Buffer; bytesAtDeath: number };
  storedUpload?: { documentId: number; inFlightKey: string; blocked: BlockedBackend };
} = {};

const close = (orderId: number, body: string) =>
  admin.json<{ notice?: { message: string; type: string } }>(`/admin/api/resources/WorkOrder/records/${orderId}/close`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
const writtenFor = async (workOrderId: number) => ({
  closures: await prisma.workOrderClosure.count({ where: { workOrderId } }),
  materials: await prisma.workOrderMaterial.count({ where: { workOrderId } }),
  values: await prisma.workOrderStepValue.count({ where: { workOrderId } }),
  state: (await prisma.workOrder.findUniqueOrThrow({ where: { id: workOrderId } })).state,
});

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-faults-web-'));
  // The web process's own temporary directory, so the test sees its upload copies and nothing else's.
  tmpDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-faults-tmp-'));
  storage = createLocalDiskStorage(path.join(dataDir, 'files'));
  const env = { DATABASE_URL: db.url, DATA_DIR: dataDir, PORT: await aFreePort(), TMPDIR: tmpDir };
  web = await startWebProcess(env);
  admin = new HttpClient(web.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await admin.request('/admin/api/resources/Asset/actions/list?perPage=1'); // the readable CSRF cookie
  adminId = (await prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } })).id;
  uploader = await aPerson(prisma, web.url, ['SUPERVISORS'], 'Sara Supervisora');
  await uploader.client.request('/admin/api/resources/Asset/actions/list?perPage=1');

  const pending: Promise<unknown>[] = [];
  const inFlight = <T>(request: Promise<T>) => {
    request.catch(() => undefined); // asserted below, after the kill
    pending.push(request);
    return request;
  };

  // A closeout: the failure code the closure names is held, so the closure's insert waits after the
  // step values are written.
  const routine = await make.aRoutine(prisma);
  const steps = [
    await prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 1, instruction: 'Medir vibración', valueType: 'NUMBER', unit: 'mm/s' } }),
    await prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 2, instruction: '¿Sin fugas?', valueType: 'BOOLEAN' } }),
  ];
  const asset = await make.anAsset(prisma);
  const schedule = await prisma.maintenanceSchedule.create({ data: { routineId: routine.id, assetId: asset.id, startsOn: new Date('2026-01-01') } });
  const order = await prisma.workOrder.create({ data: { kind: 'PREVENTIVE', scheduleId: schedule.id, assetId: asset.id, state: 'COMPLETED', plannedOn: new Date('2026-11-20'), description: 'Inspección de bomba' } });
  const leak = await prisma.failureCode.create({ data: { code: 'FUGA-K9', name: 'Fuga', kind: 'PROBLEM' } });
  const closeoutBody = JSON.stringify({
    laborHours: '2', problemId: leak.id, observations: 'Sello con goteo leve.',
    steps: [{ procedureStepId: steps[0]!.id, value: '3,2' }, { procedureStepId: steps[1]!.id, value: 'true' }],
    materials: [{ description: 'Grasa de litio', quantity: '0,5', unit: 'kg' }],
  });
  let lock = await holdLock(db.pool, 'SELECT id FROM failure_codes WHERE id = $1 FOR UPDATE', [leak.id]);
  locks.push(lock);
  inFlight(close(order.id, closeoutBody));
  held.closeout = { orderId: order.id, body: closeoutBody, blocked: await blockedOn(db.pool, lock, { query: /work_order_closures/ }) };

  // A signature: the document its approval updates is held, after the signature and its audit are written.
  const signed = await prisma.document.create({ data: { title: 'Procedimiento de bloqueo', kind: 'PROCEDURE' } });
  const upload = await uploadRevision(admin, signed.id, aPdf('Procedimiento de bloqueo'), 'bloqueo.pdf');
  expect(upload.status).toBe(201);
  lock = await holdLock(db.pool, 'SELECT id FROM documents WHERE id = $1 FOR UPDATE', [signed.id]);
  locks.push(lock);
  inFlight(signRevision(admin, upload.body.revision!.id, TEST_ADMIN.password));
  held.signature = { documentId: signed.id, revision: upload.body.revision!, blocked: await blockedOn(db.pool, lock, { query: /documents/ }) };

  // An upload whose body is still arriving: half the file, then the connection stays open.
  const drawing = await prisma.document.create({ data: { title: 'Plano de la bomba', kind: 'DRAWING' } });
  const pdf = Buffer.concat([aPdf('Plano de la bomba'), Buffer.alloc(256 * 1024, 0x20)]);
  const boundary = 'limite-de-subida-lenta';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plano.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  let giveUp!: () => void;
  const gaveUp = new Promise<void>((resolve) => (giveUp = resolve));
  const slowBody = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new Uint8Array(Buffer.concat([head, pdf.subarray(0, pdf.length / 2)])));
      await gaveUp;
      controller.error(new Error('the client gave up'));
    },
  });
  inFlight(admin.request(`/admin/documents/${drawing.id}/revisions`, {
    method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: slowBody, duplex: 'half',
  } as RequestInit));
  const bytesAtDeath = await until("the server to be writing the upload's first half", async () => (await uploadBytesIn(tmpDir)) > 0 && uploadBytesIn(tmpDir));
  held.slowUpload = { documentId: drawing.id, pdf, bytesAtDeath };

  // An upload whose file is stored but not recorded: the row of the person the revision names is held.
  const datasheet = await prisma.document.create({ data: { title: 'Hoja de datos del motor', kind: 'PROCEDURE' } });
  expect((await uploadRevision(uploader.client, datasheet.id, aPdf('Hoja de datos rev 1'), 'hoja.pdf')).status).toBe(201);
  lock = await holdLock(db.pool, 'SELECT id FROM users WHERE id = $1 FOR UPDATE', [uploader.userId]);
  locks.push(lock);
  inFlight(uploadRevision(uploader.client, datasheet.id, aPdf('Hoja de datos rev 2'), 'hoja.pdf'));
  const month = String(datasheet.createdAt.getUTCMonth() + 1).padStart(2, '0');
  held.storedUpload = {
    documentId: datasheet.id,
    inFlightKey: `docs/${datasheet.createdAt.getUTCFullYear()}/${month}/${datasheet.code}/rev-2.pdf`,
    blocked: await blockedOn(db.pool, lock, { query: /document_revisions/ }),
  };

  // All four are in the middle now: kill -9.
  expect(await killHard(web.child)).toBe('SIGKILL');
  giveUp();
  // Every browser sees its request fail with the connection: none is answered as a success.
  for (const request of pending) await expect(request).rejects.toThrow();
  for (const held of locks) await held.release();
  // Each orphaned backend wakes, finds its client gone, and PostgreSQL rolls its transaction back.
  for (const blocked of [held.closeout, held.signature, held.storedUpload]) await backendGone(db.pool, blocked!.blocked.pid);
  web = await startWebProcess(env);
}, 240_000);

afterAll(async () => {
  for (const held of locks) await held.release();
  if (web && web.child.exitCode === null && web.child.signalCode === null) await stopWithCtrlC(web.child);
  await db?.drop();
  for (const dir of [dataDir, tmpDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

const historyOf = async (tables: string[]) =>
  Number((await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM change_history WHERE table_name = ANY($1)', [tables])).rows[0]!.n);

const stored = async (prefix: string) => {
  const keys: string[] = [];
  for await (const object of storage.list(prefix)) keys.push(object.key);
  return keys.sort();
};

describe('kill -9 of the web process in the middle of four requests, then a restart', () => {
  it('the closeout: the order is still completed with nothing of the closeout, and closes on retry', async () => {
    const { orderId, body, blocked } = held.closeout!;
    // It had written the step values when it was killed.
    expect(blocked.written).toContain('work_order_step_values');
    expect(await writtenFor(orderId)).toEqual({ closures: 0, materials: 0, values: 0, state: 'COMPLETED' });
    // Nor any history of it (written in the same transaction; no other order is closed in this database).
    expect(await historyOf(['work_order_closures', 'work_order_step_values', 'work_order_materials'])).toBe(0);

    const retried = await close(orderId, body);
    expect(retried.body.notice).toMatchObject({ message: 'workOrderClosed', type: 'success' });
    expect(await writtenFor(orderId)).toEqual({ closures: 1, materials: 1, values: 2, state: 'CLOSED' });
  });

  it("the signature: no signature and no audit, the document as it was; signed on retry with the file's hash", async () => {
    const { documentId, revision, blocked } = held.signature!;
    expect(blocked.written).toEqual(expect.arrayContaining(['document_signatures', 'signature_audits']));
    expect(await prisma.documentSignature.count({ where: { revisionId: revision.id } })).toBe(0);
    expect(await prisma.signatureAudit.count({ where: { revisionId: revision.id } })).toBe(0);
    expect((await prisma.document.findUniqueOrThrow({ where: { id: documentId } })).state).toBe('DRAFT');
    expect(await historyOf(['document_signatures', 'signature_audits'])).toBe(0);

    const retried = await signRevision(admin, revision.id, TEST_ADMIN.password);
    expect(retried.status).toBe(201);
    expect(retried.body.signature!.sha256).toBe(revision.sha256);
    const signature = await prisma.documentSignature.findFirstOrThrow({ where: { revisionId: revision.id }, include: { audit: true } });
    expect(signature).toMatchObject({ signerId: adminId, sha256: revision.sha256 });
    expect(signature.audit).toMatchObject({ sha256: revision.sha256, signerId: adminId });
    expect((await prisma.document.findUniqueOrThrow({ where: { id: documentId } })).state).toBe('APPROVED');
  });

  it("the upload whose body was arriving: nothing stored, no revision; it succeeds on retry", async () => {
    const { documentId, pdf, bytesAtDeath } = held.slowUpload!;
    expect(bytesAtDeath).toBeGreaterThan(0);
    expect(await prisma.documentRevision.count({ where: { documentId } })).toBe(0);
    expect(await stored(`docs/`)).not.toEqual(expect.arrayContaining([expect.stringContaining(`/${(await prisma.document.findUniqueOrThrow({ where: { id: documentId } })).code}/`)]));

    const retried = await uploadRevision(admin, documentId, pdf, 'plano.pdf');
    expect(retried.status).toBe(201);
    expect(retried.body.revision).toMatchObject({ number: 1, size: pdf.length });
  });

  it('the upload whose file was stored: one revision still; the file without its row is removed by the daily clean-up; it succeeds on retry', async () => {
    const { documentId, inFlightKey, blocked } = held.storedUpload!;
    expect(blocked.written).toContain('document_revisions');
    expect((await prisma.documentRevision.findMany({ where: { documentId } })).map((r) => r.number)).toEqual([1]);
    expect((await prisma.document.findUniqueOrThrow({ where: { id: documentId } })).state).toBe('DRAFT');
    // The file stored for it has no row. The clean-up leaves files younger than a day (an upload may
    // still be recording one) and removes older ones no revision names.
    expect(await storage.head(inFlightKey)).not.toBeNull();
    expect(await removeOrphanDocumentFiles(prisma, storage, new Date())).toBe(0);
    expect(await removeOrphanDocumentFiles(prisma, storage, new Date(Date.now() + 2 * 86_400_000))).toBe(1);
    expect(await storage.head(inFlightKey)).toBeNull();

    const retried = await uploadRevision(uploader.client, documentId, aPdf('Hoja de datos rev 2'), 'hoja.pdf');
    expect(retried.status).toBe(201);
    expect(retried.body.revision!.number).toBe(2);
  });

  it('leaves every stored document file with its revision row and every row with its file', async () => {
    const rows = (await prisma.documentRevision.findMany({ select: { fileKey: true } })).map((r) => r.fileKey).sort();
    // The signed revision, the data sheet's two, the drawing's retried one.
    expect(rows).toHaveLength(4);
    expect(await stored('docs/')).toEqual(rows);
  });
});
