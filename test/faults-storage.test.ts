// The file storage failing under an upload, with real processes and real stores: the web process started
// as `npm start` starts it, once on S3 (s3rver over HTTP, stopped before and in the middle of an upload)
// and once on local disk whose files live on a 2 MB tmpfs (a real ENOSPC from the kernel). Each time
// the person gets a clear answer in his language, nothing is recorded (no revision, no run, no history
// of a file that does not exist), the process keeps serving, and the upload succeeds once the store is back.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { aPdf, uploadRevision } from './support/documents.js';
import { startWebProcess, until, uploadBytesIn } from './support/faults.js';
import { aPerson, type Person } from './support/people.js';
import { aFreePort, stopWithCtrlC, type StartedProcess } from './support/process.js';
import { startS3Server, type TestS3Server } from './support/s3-server.js';
import { aWorkbook } from './support/workbooks.js';

let db: TestDatabase;
let prisma: Db;
let s3: TestS3Server;
const dirs: string[] = [];
const processes: StartedProcess[] = [];
let mounted: string | undefined;

/** A small tmpfs for the local store's files: the kernel answers ENOSPC past 2 MB. Null if refused. */
function mountSmallDisk(dir: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim();
  }
}

async function aDataDir(name: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `cmms-faults-${name}-`));
  dirs.push(dir);
  return dir;
}

async function anEnglishSpeaker(baseUrl: string, name: string): Promise<Person> {
  const person = await aPerson(prisma, baseUrl, ['SUPERVISORS'], name);
  await person.client.request('/admin/api/resources/Asset/actions/list?perPage=1'); // the CSRF cookie
  const chosen = await person.client.request('/admin/language', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'en' }) });
  expect(chosen.status).toBeLessThan(400);
  return person;
}

async function aSpanishSpeaker(baseUrl: string, name: string): Promise<Person> {
  const person = await aPerson(prisma, baseUrl, ['SUPERVISORS'], name);
  await person.client.request('/admin/api/resources/Asset/actions/list?perPage=1');
  return person;
}

const revisionHistory = async () =>
  Number((await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM change_history WHERE table_name = 'document_revisions' AND action = 'INSERT'`)).rows[0]!.n);

/** Nothing of a refused upload is recorded: no revision, no history of one, the document as it was. */
async function nothingRecordedFor(documentId: number, historyBefore: number) {
  expect(await prisma.documentRevision.count({ where: { documentId } })).toBe(0);
  expect(await revisionHistory()).toBe(historyBefore);
  expect((await prisma.document.findUniqueOrThrow({ where: { id: documentId } })).state).toBe('DRAFT');
}

const stillServing = async (person: Person) => expect((await person.client.request('/admin/api/resources/Document/actions/list?perPage=1')).status).toBe(200);

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
}, 60_000);

afterAll(async () => {
  for (const web of processes) if (web.child.exitCode === null && web.child.signalCode === null) await stopWithCtrlC(web.child);
  await s3?.stop();
  if (mounted) execFileSync('umount', [mounted]);
  await db?.drop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('S3 unreachable during an upload', () => {
  let web: StartedProcess;
  let spanish: Person;
  let english: Person;
  let tmpDir: string;

  beforeAll(async () => {
    s3 = await startS3Server();
    tmpDir = await aDataDir('s3-tmp');
    web = await startWebProcess({ DATABASE_URL: db.url, DATA_DIR: await aDataDir('s3'), PORT: await aFreePort(), TMPDIR: tmpDir, ...s3.env });
    processes.push(web);
    spanish = await aSpanishSpeaker(web.url, 'Sara Supervisora');
    english = await anEnglishSpeaker(web.url, 'Emma Engineer');
  }, 180_000);

  it('stopped in the middle of an upload: a clear error in Spanish, nothing recorded, and the upload succeeds once S3 is back', async () => {
    const document = await prisma.document.create({ data: { title: 'Plano de la bomba', kind: 'DRAWING' } });
    const pdf = Buffer.concat([aPdf('Plano de la bomba'), Buffer.alloc(128 * 1024, 0x20)]);
    const boundary = 'limite-s3';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plano.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    let sendRest!: () => void;
    const rest = new Promise<void>((resolve) => (sendRest = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new Uint8Array(Buffer.concat([head, pdf.subarray(0, pdf.length / 2)])));
        await rest;
        controller.enqueue(new Uint8Array(Buffer.concat([pdf.subarray(pdf.length / 2), Buffer.from(`\r\n--${boundary}--\r\n`)])));
        controller.close();
      },
    });
    const answer = spanish.client.request(`/admin/documents/${document.id}/revisions`, {
      method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body, duplex: 'half',
    } as RequestInit);
    const historyBefore = await revisionHistory();
    // The first half is being received when the store goes away.
    await until("the server to be receiving the upload's first half", async () => (await uploadBytesIn(tmpDir)) > 0);
    await s3.goAway();
    sendRest();
    const refused = await answer;
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({
      error: 'storageUnreachable',
      message: 'El almacenamiento de archivos no responde en este momento. No se guardó nada: inténtelo de nuevo en unos minutos y, si sigue igual, avise al administrador.',
    });
    await nothingRecordedFor(document.id, historyBefore);
    await stillServing(spanish);
    expect(web.output()).toContain('the file storage failed');

    await s3.comeBack();
    const retried = await uploadRevision(spanish.client, document.id, pdf, 'plano.pdf');
    expect(retried.status).toBe(201);
    expect(retried.body.revision).toMatchObject({ number: 1, size: pdf.length });
  });

  it('already down: a clear error in English for an English speaker, for a revision and for an import; nothing recorded', async () => {
    await s3.goAway();
    const document = await prisma.document.create({ data: { title: 'Wiring diagram', kind: 'DRAWING' } });
    const historyBefore = await revisionHistory();
    const refused = await uploadRevision(english.client, document.id, aPdf('Wiring diagram'), 'wiring.pdf');
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({
      error: 'storageUnreachable',
      message: 'The file storage is not answering right now. Nothing was saved: try again in a few minutes and, if it persists, tell the administrator.',
    });
    await nothingRecordedFor(document.id, historyBefore);

    const runs = await prisma.importRun.count();
    const workbook = await aWorkbook([['Código', 'Descripción', 'Ubicación', 'Categoría'], ['S3-1', 'Pump', 'X', 'Y']]);
    const importRefused = await english.client.json<{ error: string; message: string }>('/admin/imports/assets?mode=VALID_ROWS&fileName=pumps.xlsx', {
      method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(workbook),
    });
    expect(importRefused).toMatchObject({ status: 503, body: { error: 'storageUnreachable' } });
    expect(await prisma.importRun.count()).toBe(runs);
    await stillServing(english);

    await s3.comeBack();
    expect((await uploadRevision(english.client, document.id, aPdf('Wiring diagram'), 'wiring.pdf')).status).toBe(201);
  });
});

describe('the local storage disk full (a 2 MB tmpfs)', () => {
  let web: StartedProcess;
  let spanish: Person;
  let english: Person;
  let files: string;
  let refusedMount: string | null = null;

  beforeAll(async () => {
    const dataDir = await aDataDir('full-disk');
    files = path.join(dataDir, 'files');
    await mkdir(files, { recursive: true });
    refusedMount = mountSmallDisk(files);
    if (refusedMount) return;
    mounted = files;
    web = await startWebProcess({ DATABASE_URL: db.url, DATA_DIR: dataDir, PORT: await aFreePort(), WORKERS_IN_PROCESS: 'false' });
    processes.push(web);
    spanish = await aSpanishSpeaker(web.url, 'Rosa Revisora');
    english = await anEnglishSpeaker(web.url, 'Edward Engineer');
  }, 180_000);

  it('answers a clear error in the person\'s language, records nothing, leaves no partial file, and takes the upload once space is freed', async (context) => {
    // Only if this machine refuses to mount a tmpfs (not root, no CAP_SYS_ADMIN): no real ENOSPC then.
    if (refusedMount) return context.skip(`no real ENOSPC possible here: mount of a tmpfs refused (${refusedMount})`);
    // Something else filled the disk: 1.9 of its 2 MB.
    await writeFile(path.join(files, 'relleno.bin'), Buffer.alloc(1_900 * 1024));
    const pdf = Buffer.concat([aPdf('Informe de vibraciones'), Buffer.alloc(300 * 1024, 0x20)]);

    const document = await prisma.document.create({ data: { title: 'Informe de vibraciones', kind: 'DRAWING' } });
    const historyBefore = await revisionHistory();
    const refused = await uploadRevision(spanish.client, document.id, pdf, 'informe.pdf');
    expect(refused.status).toBe(507);
    expect(refused.body).toEqual({ error: 'storageFull', message: 'El almacenamiento de archivos está lleno. No se guardó nada: avise al administrador para que libere o amplíe el espacio.' });
    const inEnglish = await uploadRevision(english.client, document.id, pdf, 'informe.pdf');
    expect(inEnglish.body).toEqual({ error: 'storageFull', message: 'The file storage is full. Nothing was saved: tell the administrator to free or add space.' });
    await nothingRecordedFor(document.id, historyBefore);
    // The half-written copy is removed: only the filler and empty folders are on the disk.
    const left = await readdir(files, { recursive: true, withFileTypes: true });
    expect(left.filter((entry) => entry.isFile()).map((entry) => entry.name)).toEqual(['relleno.bin']);
    await stillServing(spanish);
    expect(web.output()).toContain('the file storage failed');

    // The administrator frees the space; the same upload goes through.
    await rm(path.join(files, 'relleno.bin'));
    const retried = await until('the upload to be taken', async () => {
      const answer = await uploadRevision(spanish.client, document.id, pdf, 'informe.pdf');
      return answer.status === 201 && answer;
    }, 10_000);
    expect(retried.body.revision).toMatchObject({ number: 1, size: pdf.length });
  });
});
