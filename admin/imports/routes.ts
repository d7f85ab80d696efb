// Excel imports and exports over HTTP, inside the /admin router (session, CSRF, rights read afresh):
//   GET  /imports/:kind/template.xlsx     "Descargar plantilla"
//   POST /imports/:kind?mode=&fileName=   the workbook as the request body; answers 202 at once
//   GET  /imports/runs/:id/status         counters and state, polled by the progress bar
//   GET  /imports/runs/:id/errors.xlsx    the error report     } the run's owner, or a reader of
//   GET  /imports/runs/:id/file           the uploaded file     } ImportRun under the role rules
//   GET  /exports/:resourceId.xlsx        "Exportar a Excel" of a list, its filters and row rules
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
import { importRunVisibleTo, startImport } from '../../domain/imports/start-import.js';
import { writeTemplate } from '../../domain/imports/template.js';
import { Refusal } from '../../domain/refusal.js';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import type { QueueRuntime } from '../../jobs/boss.js';
import { importWorkbookJob } from '../../jobs/import-workbook.job.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';
import { exportListHandler } from './export-list.js';

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
        { prisma, storage, enqueue: (importRunId) => options.queue.send(importWorkbookJob, { importRunId, maxRows: options.maxRows }) },
        ability,
        user(req).access.userId,
        { kind: definition.kind, mode: req.query.mode as never, fileName: String(req.query.fileName ?? 'libro.xlsx') },
        file,
      );
      res.status(202).json({ id: run.id });
    } catch (error) {
      next(error instanceof FileTooLargeError ? tooLarge : error);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  const visibleRun = async (req: Request, next: NextFunction) => {
    const id = Number(req.params.id);
    const run = Number.isInteger(id) && id > 0 ? await importRunVisibleTo(prisma, abilityOf(user(req)), user(req).access.userId, id) : null;
    // Hidden and missing runs look alike.
    if (!run) next(new NotFoundError('', 'ImportRun'));
    return run;
  };

  router.get('/imports/runs/:id/status', async (req, res, next) => {
    const run = await visibleRun(req, next);
    if (!run) return;
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      id: run.id,
      kind: run.kind,
      fileName: run.fileName,
      mode: run.mode,
      state: run.state,
      rowsTotal: run.rowsTotal,
      rowsRead: run.rowsRead,
      rowsValid: run.rowsValid,
      rowsRejected: run.rowsRejected,
      rowsWritten: run.rowsWritten,
      attempts: run.attempts,
      errorMessage: run.errorMessage,
      hasErrorReport: !!run.errorReportKey,
      finished: ['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(run.state),
    });
  });

  const download = (pick: (run: { fileKey: string; errorReportKey: string | null; id: number; fileName: string }) => { key: string | null; name: string }) =>
    async (req: Request, res: Response, next: NextFunction) => {
      const run = await visibleRun(req, next);
      if (!run) return;
      const { key, name } = pick(run);
      if (!key) return next(new NotFoundError('', 'ImportRun'));
      res.setHeader('Content-Type', XLSX);
      res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]+/g, '_')}"`);
      await pipeline(await storage.get(key), res);
    };
  router.get('/imports/runs/:id/errors.xlsx', download((run) => ({ key: run.errorReportKey, name: `errores-importacion-${run.id}.xlsx` })));
  router.get('/imports/runs/:id/file', download((run) => ({ key: run.fileKey, name: run.fileName })));

  router.get('/exports/:resourceId.xlsx', exportListHandler(options.admin, prisma, options.timeZone));
  return router;
}

