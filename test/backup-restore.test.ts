// `npm run backup` and `npm run restore` as an operator runs them (child processes), on a plant with work
// orders, change history, signed documents and stored files, against a real PostgreSQL 15 from Debian: its
// pg_dump and pg_restore are the tools the commands pick (the embedded PostgreSQL 18 ships none).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage } from '../integrations/storage/s3.storage.js';
import { loadConfig } from '../server/config.js';
import { startBackOffice, type BackOffice } from '../server/back-office.js';
import { countRows, existingRelations } from '../server/backup/database-facts.js';
import { manifestSchema, type Manifest } from '../server/backup/manifest.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { startDebianPostgres, type DebianPostgres } from './support/debian-postgres.js';
import { A_PNG, aPdf, signRevision, uploadRevision } from './support/documents.js';
import * as make from './support/factories.js';
import { HttpClient } from './support/http-client.js';
import { startS3Server } from './support/s3-server.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';
import { ROOT } from './support/process.js';
import { TEST_ADMIN, TEST_SESSION_SECRET } from './support/back-office.js';

let postgres: DebianPostgres;
let source: TestDatabase;
let sourceData: string;
let office: BackOffice | undefined;
let supervisor: Person;
let technician: Person;
let work: string;
const databases: TestDatabase[] = [];
const signedRevisions: number[] = [];

function runCommand(command: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `server/commands/${command}.ts`, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

async function startOffice(databaseUrl: string, dataDir: string): Promise<BackOffice> {
  const config = loadConfig({
    NODE_ENV: 'test', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0',
    SESSION_SECRET: TEST_SESSION_SECRET, ADMIN_EMAIL: TEST_ADMIN.email, ADMIN_PASSWORD: TEST_ADMIN.password, LOG_LEVEL: 'silent',
  });
  return startBackOffice(config, pino({ level: 'silent' }), { jobs: [] });
}

/** Every stored file under a local storage root: key → SHA-256. */
async function storedFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries)
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(root, full).split(path.sep).join('/'), createHash('sha256').update(await readFile(full)).digest('hex'));
    }
  return files;
}

async function withClient<T>(database: TestDatabase, read: (client: import('pg').PoolClient) => Promise<T>): Promise<T> {
  const client = await database.pool.connect();
  try {
    return await read(client);
  } finally {
    client.release();
  }
}
const rowsOf = (database: TestDatabase) => withClient(database, countRows);
const relationsOf = async (database: TestDatabase) => (await withClient(database, existingRelations)).count;

async function emptyDatabase(name: string): Promise<TestDatabase> {
  const database = await postgres.createDatabase(name);
  databases.push(database);
  return database;
}

async function aDocumentWithRevision(title: string, content: Buffer, fileName: string) {
  const document = await source.prisma.document.create({ data: { title, kind: 'PROCEDURE' } });
  const upload = await uploadRevision(supervisor.client, document.id, content, fileName);
  expect(upload.status).toBe(201);
  return { documentId: document.id, revisionId: upload.body.revision!.id };
}

const backupDirOf = (output: string) => /Backup written: (.+)/.exec(output)?.[1]?.trim();
const readManifestOf = async (dir: string): Promise<Manifest> => manifestSchema.parse(JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')));

beforeAll(async () => {
  postgres = await startDebianPostgres();
  work = await mkdtemp(path.join(os.tmpdir(), 'cmms-backup-test-'));
  sourceData = path.join(work, 'plant-data');
  source = await emptyDatabase('plant');
  office = await startOffice(source.url, sourceData);
  const prisma = source.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });

  // The plant: assets with work orders, their change history written by the database's triggers.
  const location = await make.aLocation(prisma, { name: 'Casa de máquinas' });
  for (let i = 0; i < 3; i++) {
    const asset = await make.anAsset(prisma, { locationId: location.id, description: `Bomba de alimentación ${i + 1}` });
    for (let j = 0; j < 4; j++) await make.aWorkOrder(prisma, { assetId: asset.id, description: `Revisar sello mecánico ${j + 1}` });
  }
  await prisma.asset.updateMany({ data: { description: 'Bomba de alimentación (revisada)' }, where: { locationId: location.id } });

  // Documents with stored files; two revisions of one; signatures by two people.
  const procedure = await aDocumentWithRevision('Procedimiento de bloqueo', aPdf('Procedimiento de bloqueo'), 'bloqueo.pdf');
  const second = await uploadRevision(supervisor.client, procedure.documentId, aPdf('Procedimiento de bloqueo, revisión 2'), 'bloqueo-r2.pdf');
  expect(second.status).toBe(201);
  const plan = await aDocumentWithRevision('Plan de izaje', aPdf('Plan de izaje'), 'izaje.pdf');
  await aDocumentWithRevision('Foto de la fuga', A_PNG, 'fuga.png');
  await source.prisma.revisionSigner.createMany({ data: [{ revisionId: plan.revisionId, userId: supervisor.userId }, { revisionId: plan.revisionId, userId: technician.userId }] });
  for (const [person, revisionId] of [[supervisor, second.body.revision!.id], [supervisor, plan.revisionId], [technician, plan.revisionId]] as const) {
    expect((await signRevision(person.client, revisionId, PASSWORD)).status).toBe(201);
    if (!signedRevisions.includes(revisionId)) signedRevisions.push(revisionId);
  }
  // A temporary export: in the storage, named by no row, so not part of a backup.
  await mkdir(path.join(sourceData, 'files', 'tmp', 'exports'), { recursive: true });
  await writeFile(path.join(sourceData, 'files', 'tmp', 'exports', 'ordenes.xlsx'), 'exportación temporal');
}, 180_000);

afterAll(async () => {
  await office?.stop();
  for (const database of databases) await database.drop().catch(() => {});
  await postgres?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a backup taken while people keep uploading', () => {
  it('holds exactly the files its rows name: every restored revision has its file, and no file lacks its row', async () => {
    // Uploads go on for as long as the backup runs (its snapshot is taken somewhere in the middle).
    let backingUp = true;
    let uploads = 0;
    const uploading = (async () => {
      while (backingUp) {
        await aDocumentWithRevision(`Informe de turno ${uploads + 1}`, aPdf(`Informe de turno ${uploads + 1}`), `turno-${uploads + 1}.pdf`);
        uploads++;
      }
    })();
    const backup = await runCommand('backup', ['--to', path.join(work, 'during')], { DATABASE_URL: source.url, DATA_DIR: sourceData });
    backingUp = false;
    await uploading;
    expect(backup.code, backup.output).toBe(0);
    const dir = backupDirOf(backup.output)!;
    const manifest = await readManifestOf(dir);
    const revisionsInBackup = manifest.database.rowCounts['public.document_revisions']!;
    // Some uploads landed after the snapshot: they are in the storage but not in this backup.
    expect(await source.prisma.documentRevision.count()).toBeGreaterThan(revisionsInBackup);
    expect(uploads).toBeGreaterThan(0);

    const target = await emptyDatabase('restored_during');
    const targetData = path.join(work, 'restored-during');
    const restore = await runCommand('restore', [dir], { DATABASE_URL: target.url, DATA_DIR: targetData });
    expect(restore.code, restore.output).toBe(0);
    const revisions = await target.prisma.documentRevision.findMany({ select: { fileKey: true, sha256: true } });
    expect(revisions).toHaveLength(revisionsInBackup);
    const files = await storedFiles(path.join(targetData, 'files'));
    expect(new Map(revisions.map((r) => [r.fileKey, r.sha256]))).toEqual(files);
  });
});

describe('a backup of a quiet plant, restored into an empty database and storage', () => {
  let dir: string;
  let manifest: Manifest;
  let target: TestDatabase;
  let targetData: string;
  let restoreOutput: string;

  beforeAll(async () => {
    await office!.stop();
    office = undefined;
    const backup = await runCommand('backup', ['--to', path.join(work, 'quiet')], { DATABASE_URL: source.url, DATA_DIR: sourceData });
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(new RegExp(`PostgreSQL ${postgres.major}\\.\\d+, with \\S*pg_dump ${postgres.major}\\.`));
    dir = backupDirOf(backup.output)!;
    manifest = await readManifestOf(dir);
    target = await emptyDatabase('restored');
    targetData = path.join(work, 'restored-data');
    const restore = await runCommand('restore', [dir], { DATABASE_URL: target.url, DATA_DIR: targetData });
    expect(restore.code, restore.output).toBe(0);
    restoreOutput = restore.output;
  }, 180_000);

  it('records the dump, every file with its SHA-256 and size, the row counts, the app version and the migration level', async () => {
    expect(manifest.app).toEqual({ name: 'energy-cmms', version: JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).version });
    expect(manifest.database.server.major).toBe(postgres.major);
    expect(manifest.database.pgDump.major).toBe(postgres.major);
    const migrations = (await readdir(path.join(ROOT, 'prisma/migrations'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(manifest.database.migrations).toEqual({ applied: migrations.length, latest: migrations.at(-1) });
    const dump = await readFile(path.join(dir, 'database.dump'));
    expect(dump.subarray(0, 5).toString()).toBe('PGDMP'); // pg_dump's custom format
    expect(manifest.database.dump).toMatchObject({ size: dump.length, sha256: createHash('sha256').update(dump).digest('hex') });
    expect(manifest.database.rowCounts).toEqual(await rowsOf(source));
    for (const file of manifest.storage.files) {
      const bytes = await readFile(path.join(dir, 'files', file.key));
      expect({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({ size: file.size, sha256: file.sha256 });
    }
    expect(manifest.storage).toMatchObject({ driver: 'local', missing: [], changedSinceUpload: [], leftOut: { count: 1, byPrefix: { 'tmp/exports': 1 } } });
  });

  it('gives back every table with the same number of rows', async () => {
    const [before, after] = await Promise.all([rowsOf(source), rowsOf(target)]);
    expect(after).toEqual(before);
    for (const table of ['public.work_orders', 'public.change_history', 'public.document_revisions', 'public.document_signatures', 'public.signature_audits', 'public.users'])
      expect(after[table], table).toBeGreaterThan(0);
    expect(Object.keys(after).length).toBeGreaterThan(100);
  });

  it('gives back every stored file with the same SHA-256, and none that no row names', async () => {
    const original = await storedFiles(path.join(sourceData, 'files'));
    original.delete('tmp/exports/ordenes.xlsx');
    const restored = await storedFiles(path.join(targetData, 'files'));
    expect(restored).toEqual(original);
    const revisions = await target.prisma.documentRevision.findMany({ select: { fileKey: true, sha256: true } });
    expect(new Map(revisions.map((r) => [r.fileKey, r.sha256]))).toEqual(restored);
  });

  it('keeps the signatures verifiable: the back office on the restored plant verifies each one, and takes new uploads', async () => {
    expect(restoreOutput).toMatch(/signatures: (\d+) of \1 match their restored file/);
    const restoredOffice = await startOffice(target.url, targetData);
    try {
      const client = new HttpClient(restoredOffice.url);
      await client.signIn(supervisor.email, PASSWORD);
      for (const revisionId of signedRevisions) {
        const { status, body } = await client.json<{ fileIntact: boolean; signatures: { signer: string; matches: boolean }[] }>(`/admin/documents/revisions/${revisionId}/verify`);
        expect(status).toBe(200);
        expect(body.fileIntact).toBe(true);
        expect(body.signatures.length).toBeGreaterThan(0);
        expect(body.signatures.every((s) => s.matches)).toBe(true);
      }
      // The sequences came back too: a new document and revision get new numbers.
      const document = await target.prisma.document.create({ data: { title: 'Después de restaurar', kind: 'PROCEDURE' } });
      const upload = await uploadRevision(client, document.id, aPdf('Después de restaurar'), 'despues.pdf');
      expect(upload.status).toBe(201);
    } finally {
      await restoredOffice.stop();
    }
  });

  it('with the files on S3/MinIO: restored into an empty bucket, backed up from it again with the same files and hashes', async () => {
    const s3 = await startS3Server('cmms-restaurada');
    try {
      const database = await emptyDatabase('restored_s3');
      const env = { DATABASE_URL: database.url, DATA_DIR: path.join(work, 's3-unused'), ...s3.env };
      const restore = await runCommand('restore', [dir], env);
      expect(restore.code, restore.output).toBe(0);
      expect(restore.output).toContain(`s3://cmms-restaurada at ${s3.settings.endpoint}`);
      const bucket = createS3Storage(s3.settings);
      const objects = new Map<string, string>();
      for await (const object of bucket.list('')) {
        const hash = createHash('sha256');
        for await (const chunk of await bucket.get(object.key)) hash.update(chunk as Buffer);
        objects.set(object.key, hash.digest('hex'));
      }
      expect(objects).toEqual(new Map(manifest.storage.files.map((f) => [f.key, f.sha256])));

      const again = await runCommand('backup', ['--to', path.join(work, 'from-s3')], env);
      expect(again.code, again.output).toBe(0);
      const second = await readManifestOf(backupDirOf(again.output)!);
      expect(second.storage).toEqual({ ...manifest.storage, driver: 's3', leftOut: { count: 0, bytes: 0, byPrefix: {} } });
      expect(second.database.rowCounts).toEqual(manifest.database.rowCounts);

      // The bucket now holds files: a second restore into it is refused.
      const another = await emptyDatabase('refused_bucket');
      const refused = await runCommand('restore', [dir], { ...env, DATABASE_URL: another.url });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`The storage s3://cmms-restaurada at ${s3.settings.endpoint} is not empty`);
      expect(refused.output).toContain('or S3_BUCKET at a new, empty bucket');
    } finally {
      await s3.stop();
    }
  });

  describe('refusals: nothing is restored, and the message says what to do', () => {
    const expectUntouched = async (database: TestDatabase, dataDir: string) => {
      expect(await relationsOf(database)).toBe(0);
      expect((await storedFiles(path.join(dataDir, 'files'))).size).toBe(0);
    };

    it('into a database that is not empty', async () => {
      const dataDir = path.join(work, 'refused-database');
      const result = await runCommand('restore', [dir], { DATABASE_URL: source.url, DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.output).toContain('The database plant is not empty');
      expect(result.output).toContain('Nothing was restored');
      expect(result.output).toContain('createdb cmms_restored');
      expect((await storedFiles(path.join(dataDir, 'files'))).size).toBe(0);
    });

    it('into a storage that is not empty', async () => {
      const database = await emptyDatabase('refused_storage');
      const dataDir = path.join(work, 'refused-storage');
      await mkdir(path.join(dataDir, 'files', 'docs'), { recursive: true });
      await writeFile(path.join(dataDir, 'files', 'docs', 'ajeno.pdf'), '%PDF ajeno');
      const result = await runCommand('restore', [dir], { DATABASE_URL: database.url, DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.output).toContain(`The storage ${path.join(dataDir, 'files')} is not empty: it holds docs/ajeno.pdf`);
      expect(result.output).toContain('point DATA_DIR at a new folder');
      expect(await relationsOf(database)).toBe(0);
    });

    it('a backup with an altered file: every mismatch named, the files already put removed, the database untouched', async () => {
      const altered = path.join(work, 'altered-file');
      await cp(dir, altered, { recursive: true });
      const victim = manifest.storage.files.find((f) => f.key.endsWith('.png'))!;
      const bytes = await readFile(path.join(altered, 'files', victim.key));
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
      await writeFile(path.join(altered, 'files', victim.key), bytes);
      const database = await emptyDatabase('refused_file');
      const dataDir = path.join(work, 'refused-file');
      const result = await runCommand('restore', [altered], { DATABASE_URL: database.url, DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.output).toContain('1 stored file(s) of the backup do not match the manifest');
      expect(result.output).toContain(`${victim.key}: SHA-256 ${createHash('sha256').update(bytes).digest('hex')}`);
      expect(result.output).toContain(`the manifest says ${victim.sha256}`);
      expect(result.output).toContain('restore another backup');
      await expectUntouched(database, dataDir);
    });

    it('a backup whose dump was altered', async () => {
      const altered = path.join(work, 'altered-dump');
      await cp(dir, altered, { recursive: true });
      await writeFile(path.join(altered, 'database.dump'), Buffer.concat([await readFile(path.join(altered, 'database.dump')), Buffer.from('x')]));
      const database = await emptyDatabase('refused_dump');
      const dataDir = path.join(work, 'refused-dump');
      const result = await runCommand('restore', [altered], { DATABASE_URL: database.url, DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.output).toContain('database.dump does not match the manifest');
      await expectUntouched(database, dataDir);
    });

    it('a folder that is not a finished backup', async () => {
      const result = await runCommand('restore', [path.join(work, 'quiet')], { DATABASE_URL: source.url, DATA_DIR: path.join(work, 'unused') });
      expect(result.code).toBe(1);
      expect(result.output).toContain('is not a finished backup: it holds no manifest.json');
      expect(result.output).toContain('Give the folder that `npm run backup` printed');
    });
  });
});

describe('a plant whose storage lost a file and had a signed file altered', () => {
  it('is still backed up and restored, with exit code 2 and warnings naming both files', async () => {
    const revisions = await source.prisma.documentRevision.findMany({ include: { signatures: true }, orderBy: { id: 'asc' } });
    const lost = revisions.find((r) => r.fileKey.endsWith('.png'))!;
    const altered = revisions.find((r) => r.signatures.length > 0)!;
    await rm(path.join(sourceData, 'files', lost.fileKey));
    await writeFile(path.join(sourceData, 'files', altered.fileKey), aPdf('Otro contenido'));

    const backup = await runCommand('backup', ['--to', path.join(work, 'damaged')], { DATABASE_URL: source.url, DATA_DIR: sourceData });
    expect(backup.code, backup.output).toBe(2);
    expect(backup.output).toContain(`WARNING: The database names ${lost.fileKey} (document_revisions), but the storage does not hold it`);
    expect(backup.output).toContain(`WARNING: ${altered.fileKey} no longer has the SHA-256 recorded at its upload (${altered.sha256})`);
    const dir = backupDirOf(backup.output)!;
    const manifest = await readManifestOf(dir);
    expect(manifest.storage.missing).toEqual([{ key: lost.fileKey, table: 'document_revisions' }]);
    expect(manifest.storage.changedSinceUpload).toEqual([{ key: altered.fileKey, recorded: altered.sha256, stored: createHash('sha256').update(aPdf('Otro contenido')).digest('hex') }]);

    const target = await emptyDatabase('restored_damaged');
    const restore = await runCommand('restore', [dir], { DATABASE_URL: target.url, DATA_DIR: path.join(work, 'restored-damaged') });
    expect(restore.code, restore.output).toBe(2);
    expect(restore.output).toContain(`WARNING: 1 file(s) the database names were already missing from the storage when the backup was taken, so they are not restored either: ${lost.fileKey}`);
    expect(restore.output).toContain(`WARNING: ${altered.signatures.length} signature(s) do not match their file`);
    expect(restore.output).toContain('Restore complete.');
  });
});

describe('a server newer than the pg_dump at hand', () => {
  it('is refused before anything is written, naming the version to install', async () => {
    // The embedded PostgreSQL 18 of the test run, with only Debian's older pg_dump to offer.
    const newer: TestDatabase = await createTestDatabase();
    try {
      const out = path.join(work, 'too-old');
      const result = await runCommand('backup', ['--to', out], { DATABASE_URL: newer.url, DATA_DIR: path.join(work, 'unused'), PG_BIN_DIR: postgres.binDir });
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/pg_dump 18 or newer is needed: the database server runs PostgreSQL 18\.\d+/);
      expect(result.output).toContain(`Found only pg_dump ${postgres.major}.`);
      expect(result.output).toContain('postgresql-client-18');
      expect(await readdir(out).catch(() => [])).toEqual([]);
    } finally {
      await newer.drop();
    }
  });
});
