// A clerk's upload becomes an ImportRun: the rules are asked, the file is checked to be an .xlsx and
// kept in storage, and the import job is queued. The upload answers at once; the job does the work.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import type { Db } from '../../prisma/client.js';
import { importDefinition } from './definitions/index.js';
import { Refusal } from '../refusal.js';
import { looksLikeXlsx } from './read-workbook.js';

export const startImportInput = z.object({
  kind: z.string(),
  mode: z.enum(['ALL_OR_NOTHING', 'VALID_ROWS']).default('ALL_OR_NOTHING'),
  fileName: z.string().trim().min(1).max(255),
  /** "Validar sin importar": the same job, writing nothing. */
  preview: z.boolean().default(false),
  /** "Crear los que falten": simple catalogue entries named by the sheet and missing are created. */
  createMissing: z.boolean().default(false),
});

export const rerunImportInput = startImportInput.pick({ mode: true, preview: true, createMissing: true });

/** A connection of the transaction that creates the run (pg-boss's `db` option of send). */
export interface RunTransaction {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface StartImportDependencies {
  prisma: Db;
  storage: ObjectStorage;
  /** Queues the import job under `jobId` through `db`, in the transaction that creates the run. */
  enqueue(importRunId: number, within: { jobId: string; db: RunTransaction }): Promise<string | null>;
}

type NewRun = Omit<Prisma.ImportRunUncheckedCreateInput, 'jobId'>;

/**
 * The run and its job are written in one transaction (the queue lives in the same PostgreSQL): a process
 * that dies in between leaves neither, never a run "en cola" for a job nobody will run.
 */
async function createQueuedRun(deps: StartImportDependencies, data: NewRun): Promise<{ id: number }> {
  const jobId = randomUUID();
  return deps.prisma.transactionAs(async (tx) => {
    const run = await tx.importRun.create({ data: { ...data, jobId }, select: { id: true } });
    const db: RunTransaction = { executeSql: async (text, values = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) };
    await deps.enqueue(run.id, { jobId, db });
    return run;
  });
}

export async function startImport(
  deps: StartImportDependencies,
  ability: AppAbility,
  userId: number,
  input: z.input<typeof startImportInput>,
  filePath: string,
): Promise<{ id: number }> {
  const { kind, mode, fileName, preview, createMissing } = startImportInput.parse(input);
  const definition = importDefinition(kind);
  if (!definition) throw new Refusal('importKindUnknown', { kind }, { kind: 'notFound' });
  if (!ability.can('import', definition.model)) throw new AccessDeniedError('import', definition.model);
  if (!/\.xlsx$/i.test(fileName) || !(await looksLikeXlsx(filePath)))
    throw new Refusal('importNotXlsx', {}, { kind: 'malformed' });
  const now = new Date();
  const fileKey = `imports/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}.xlsx`;
  await deps.storage.put(fileKey, createReadStream(filePath), { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  // A process that dies after storing the file leaves an orphan under imports/, which the daily
  // clean-up removes (remove-expired-files.ts).
  return createQueuedRun(deps, { kind, mode, fileName, fileKey, userId, preview, createMissing });
}

/**
 * "Importar" after "Validar sin importar" (or "Validar de nuevo" after a mapping): a new run of the file
 * an earlier run stored, so the clerk does not upload it twice. The earlier run must be visible to him
 * and its file still kept.
 */
export async function rerunImport(
  deps: StartImportDependencies,
  ability: AppAbility,
  userId: number,
  importRunId: number,
  input: z.input<typeof rerunImportInput>,
): Promise<{ id: number } | null> {
  const { mode, preview, createMissing } = rerunImportInput.parse(input);
  const earlier = await importRunVisibleTo(deps.prisma, ability, userId, importRunId);
  if (!earlier) return null;
  const definition = importDefinition(earlier.kind);
  if (!definition) throw new Refusal('importKindUnknown', { kind: earlier.kind }, { kind: 'notFound' });
  if (!ability.can('import', definition.model)) throw new AccessDeniedError('import', definition.model);
  if (earlier.filesRemovedAt)
    throw new Refusal('importFileRemoved', {}, { kind: 'gone' });
  return createQueuedRun(deps, { kind: earlier.kind, mode, fileName: earlier.fileName, fileKey: earlier.fileKey, userId, preview, createMissing });
}

/** Who may see a run, its file and its error report: whoever started it, or a reader of ImportRun. */
export async function importRunVisibleTo(prisma: Db, ability: AppAbility, userId: number, importRunId: number) {
  const run = await prisma.importRun.findUnique({ where: { id: importRunId } });
  if (!run) return null;
  if (run.userId === userId) return run;
  const where = accessibleWhere(ability, 'read', 'ImportRun');
  if (!where) return null;
  return prisma.importRun.findFirst({ where: { AND: [where, { id: importRunId }] } });
}
