// Excel imports over HTTP, inside the /admin router (session, CSRF, rights read afresh):
//   GET  /imports/:kind/template.xlsx     "Descargar plantilla"
//   POST /imports/:kind?mode=&fileName=&preview=1&createMissing=1
//                                         the workbook as the request body; answers 202 at once
//   GET  /imports/:kind/fields            the fields, their closed values and the remembered mappings
//   GET  /imports/:kind/references/:field?q=
//                                         existing entries a reference column's unknown value may mean
//   POST /imports/:kind/mappings          remember a value or header mapping (JSON)
//   POST /imports/runs/:id/rerun?mode=&preview=&createMissing=
//                                         "Importar" / "Validar de nuevo" on the file a run stored
//   GET  /imports/runs/:id/status         counters and state (and the preview's summary); then pushed
//                                         live over /admin/events (admin/live/), this polled only slowly
//   GET  /imports/runs/:id/errors.xlsx    the error report     } the run's owner, or a reader of
//   GET  /imports/runs/:id/file           the uploaded file     } ImportRun under the role rules
import type { Prisma } from '@prisma/client';
import type AdminJS from 'adminjs';
import express, { type NextFunction, type Request, type Response } from 'express';
import { NotFoundError } from 'adminjs';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AccessDeniedError } from '../../domain/access/abilities.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { importDefinition } from '../../domain/imports/definitions/index.js';
import { choicesOf, columnLabels } from '../../domain/imports/import-definition.js';
import { referenceSuggestions, saveMapping, saveMappingInput } from '../../domain/imports/import-mappings.js';
import { importRunVisibleTo, rerunImport, startImport, startImportInput } from '../../domain/imports/start-import.js';
import { MalformedInputError } from '../../domain/malformed-input.js';
import { parseRecordId } from '../../domain/record-id.js';
import { writeTemplate } from '../../domain/imports/template.js';
import { Refusal } from '../../domain/refusal.js';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import type { QueueRuntime } from '../../jobs/boss.js';
import { importWorkbookJob } from '../../jobs/import-workbook.job.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';
import { modelOfTable } from '../dmmf.js';
import { jsonBody } from '../request-bodies.js';
import { importRunStatus } from './run-status.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportRoutesOptions {
  admin: AdminJS;
  prisma: Db;
  storage: ObjectStorage;
  queue: QueueRuntime;
  maxBytes: number;
  maxRows: number;
  timeZone: string;
}

class FileTooLargeError extends Error {}

const unknownKind = (kind: string) => new Refusal('importKindUnknown', { kind }, { kind: 'notFound' });
const flags = (req: Request) => ({ preview: req.query.preview === '1', createMissing: req.query.createMissing === '1' });

export function importRoutes(options: ImportRoutesOptions): express.Router {
  const { prisma, storage } = options;
  const router = express.Router();
  const user = (req: Request) => req.session.adminUser as CurrentUser;

  router.get('/imports/:kind/template.xlsx', async (req, res, next) => {
    const definition = importDefinition(req.params.kind!);
    if (!definition) return next(unknownKind(req.params.kind!));
    if (!abilityOf(user(req)).can('import', definition.model)) return next(new AccessDeniedError('import', definition.model));
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="plantilla-${definition.kind}.xlsx"`);
    await writeTemplate(definition, res);
  });

  router.post('/imports/:kind', async (req, res, next) => {
    const definition = importDefinition(req.params.kind!);
    if (!definition) return next(unknownKind(req.params.kind!));
    const ability = abilityOf(user(req));
    if (!ability.can('import', definition.model)) return next(new AccessDeniedError('import', definition.model));
    const mode = startImportInput.shape.mode.safeParse(req.query.mode);
    if (!mode.success) return next(new MalformedInputError('invalidImportMode'));
    const max = (options.maxBytes / 1024 / 1024).toLocaleString(user(req).locale, { maximumFractionDigits: 2 });
    const tooLarge = new Refusal('importFileTooLarge', { max }, { kind: 'tooLarge' });
    if (Number(req.headers['content-length'] ?? 0) > options.maxBytes) return next(tooLarge);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cmms-upload-'));
    try {
      const file = path.join(dir, 'subida.xlsx');
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          done(size > options.maxBytes ? new FileTooLargeError() : null, chunk);
        },
      });
      await pipeline(req, limit, createWriteStream(file));
      if (size === 0) return next(new Refusal('importFileMissing', {}, { kind: 'malformed' }));
      const run = await startImport(
        { prisma, storage, enqueue: (importRunId, within) => options.queue.send(importWorkbookJob, { importRunId, maxRows: options.maxRows }, { id: within.jobId, db: within.db }) },
        ability,
        user(req).access.userId,
        { kind: definition.kind, mode: mode.data, fileName: String(req.query.fileName ?? 'libro.xlsx'), ...flags(req) },
        file,
      );
      res.status(202).json({ id: run.id });
    } catch (error) {
      next(error instanceof FileTooLargeError ? tooLarge : error);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  router.get('/imports/:kind/fields', async (req, res, next) => {
    const definition = importDefinition(req.params.kind!);
    if (!definition) return next(unknownKind(req.params.kind!));
    if (!abilityOf(user(req)).can('import', definition.model)) return next(new AccessDeniedError('import', definition.model));
    const language = user(req).locale === 'en' ? 'en' : 'es';
    const mappings = await prisma.importMapping.findMany({ where: { kind: definition.kind }, orderBy: { id: 'asc' } });
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      kind: definition.kind,
      fields: definition.columns.map((column) => ({
        field: column.field,
        label: columnLabels(definition, column)[language],
        required: !!column.required,
        type: column.type,
        choices: column.type === 'choice' || column.type === 'choices' ? choicesOf(definition, column).map((c) => ({ code: c.code, label: c.labels[language === 'en' ? 1 : 0] ?? c.code })) : undefined,
      })),
      mappings: mappings.map((m) => (m.field ? { field: m.field, value: m.sourceText, target: m.target } : { header: m.sourceText, field: m.target })),
    });
  });

  router.get('/imports/:kind/references/:field', async (req, res, next) => {
    const definition = importDefinition(req.params.kind!);
    if (!definition) return next(unknownKind(req.params.kind!));
    const reference = definition.columns.find((column) => column.field === req.params.field)?.reference;
    if (!reference) return next(new NotFoundError('', 'ImportMapping'));
    const ability = abilityOf(user(req));
    if (!ability.can('import', definition.model)) return next(new AccessDeniedError('import', definition.model));
    // The entries are listed by code and name: only to whom may read that catalogue.
    const model = modelOfTable(reference.table)?.name as Prisma.ModelName | undefined;
    if (!model || !ability.can('read', model)) return next(new AccessDeniedError('read', model ?? reference.table));
    const typed = typeof req.query.q === 'string' ? req.query.q.slice(0, 100) : '';
    res.setHeader('Cache-Control', 'no-store');
    res.json({ entries: await referenceSuggestions(prisma, definition.kind, req.params.field!, typed) });
  });

  router.post('/imports/:kind/mappings', jsonBody('16kb'), async (req, res, next) => {
    const input = saveMappingInput.safeParse(req.body);
    if (!input.success) return next(new MalformedInputError('importMappingInvalid'));
    await saveMapping(prisma, abilityOf(user(req)), user(req).access.userId, req.params.kind!, input.data);
    res.status(204).end();
  });

  router.post('/imports/runs/:id/rerun', async (req, res, next) => {
    const id = parseRecordId(req.params.id);
    if (id === null) return next(new NotFoundError('', 'ImportRun'));
    const mode = startImportInput.shape.mode.safeParse(req.query.mode);
    if (!mode.success) return next(new MalformedInputError('invalidImportMode'));
    const run = await rerunImport(
      { prisma, storage, enqueue: (importRunId, within) => options.queue.send(importWorkbookJob, { importRunId, maxRows: options.maxRows }, { id: within.jobId, db: within.db }) },
      abilityOf(user(req)),
      user(req).access.userId,
      id,
      { mode: mode.data, ...flags(req) },
    );
    if (!run) return next(new NotFoundError('', 'ImportRun'));
    res.status(202).json({ id: run.id });
  });

  const visibleRun = async (req: Request, next: NextFunction) => {
    const id = parseRecordId(req.params.id);
    const run = id !== null ? await importRunVisibleTo(prisma, abilityOf(user(req)), user(req).access.userId, id) : null;
    // Hidden and missing runs look alike.
    if (!run) next(new NotFoundError('', 'ImportRun'));
    return run;
  };

  router.get('/imports/runs/:id/status', async (req, res, next) => {
    const run = await visibleRun(req, next);
    if (!run) return;
    res.setHeader('Cache-Control', 'no-store');
    res.json(importRunStatus(run));
  });

  const download = (pick: (run: { fileKey: string; errorReportKey: string | null; id: number; fileName: string }) => { key: string | null; name: string }) =>
    async (req: Request, res: Response, next: NextFunction) => {
      const run = await visibleRun(req, next);
      if (!run) return;
      const { key, name } = pick(run);
      if (!key) return next(new NotFoundError('', 'ImportRun'));
      if (run.filesRemovedAt) return next(new Refusal('importFileRemoved', {}, { kind: 'gone' }));
      res.setHeader('Content-Type', XLSX);
      res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]+/g, '_')}"`);
      await pipeline(await storage.get(key), res);
    };
  router.get('/imports/runs/:id/errors.xlsx', download((run) => ({ key: run.errorReportKey, name: `errores-importacion-${run.id}.xlsx` })));
  router.get('/imports/runs/:id/file', download((run) => ({ key: run.fileKey, name: run.fileName })));
  return router;
}

