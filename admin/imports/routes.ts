// Excel imports over HTTP, inside the /admin router (session, CSRF, rights read afresh):
//   GET  /imports/:kind/template.xlsx     "Descargar plantilla"
//   POST /imports/:kind?mode=&fileName=   the workbook as the request body; answers 202 at once
//   GET  /imports/runs/:id/status         counters and state, polled by the progress bar
//   GET  /imports/runs/:id/errors.xlsx    the error report     } the run's owner, or a reader of
//   GET  /imports/runs/:id/file           the uploaded file     } ImportRun under the role rules
import type AdminJS from 'adminjs';
import express, { type Request, type Response } from 'express';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AccessDeniedError } from '../../domain/access/abilities.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { importDefinition } from '../../domain/imports/definitions/index.js';
import { WorkbookRefusedError } from '../../domain/imports/read-workbook.js';
import { importRunVisibleTo, startImport } from '../../domain/imports/start-import.js';
import { writeTemplate } from '../../domain/imports/template.js';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import type { QueueRuntime } from '../../jobs/boss.js';
import { importWorkbookJob } from '../../jobs/import-workbook.job.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';

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

export function importRoutes(options: ImportRoutesOptions): express.Router {
  const { prisma, storage } = options;
  const router = express.Router();
  const user = (req: Request) => req.session.adminUser as CurrentUser;

  router.get('/imports/:kind/template.xlsx', async (req, res) => {
    const definition = importDefinition(req.params.kind!);
    if (!definition) return res.status(404).json({ error: 'not found' });
    if (!abilityOf(user(req)).can('import', definition.model)) return res.status(403).json({ error: 'forbidden', message: 'forbiddenError' });
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="plantilla-${definition.kind}.xlsx"`);
    await writeTemplate(definition, res);
  });

  router.post('/imports/:kind', async (req, res, next) => {
    const definition = importDefinition(req.params.kind!);
    if (!definition) return res.status(404).json({ error: 'not found' });
    const ability = abilityOf(user(req));
    if (!ability.can('import', definition.model)) return res.status(403).json({ error: 'forbidden', message: 'forbiddenError' });
    const limitMb = (options.maxBytes / 1024 / 1024).toLocaleString('es', { maximumFractionDigits: 2 });
    const tooLarge = `El archivo supera el tamaño máximo de ${limitMb} MB. Divídalo en varios archivos.`;
    if (Number(req.headers['content-length'] ?? 0) > options.maxBytes) return res.status(413).json({ error: 'too large', message: tooLarge });
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
      if (size === 0) return res.status(400).json({ error: 'empty', message: 'No se recibió ningún archivo.' });
      const run = await startImport(
        { prisma, storage, enqueue: (importRunId) => options.queue.send(importWorkbookJob, { importRunId, maxRows: options.maxRows }) },
        ability,
        user(req).access.userId,
        { kind: definition.kind, mode: req.query.mode as never, fileName: String(req.query.fileName ?? 'libro.xlsx') },
        file,
      );
      res.status(202).json({ id: run.id });
    } catch (error) {
      if (error instanceof FileTooLargeError) return res.status(413).json({ error: 'too large', message: tooLarge });
      if (error instanceof WorkbookRefusedError) return res.status(400).json({ error: 'refused', message: error.reason });
      if (error instanceof AccessDeniedError) return res.status(403).json({ error: 'forbidden', message: 'forbiddenError' });
      next(error);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  const visibleRun = async (req: Request, res: Response) => {
    const id = Number(req.params.id);
    const run = Number.isInteger(id) && id > 0 ? await importRunVisibleTo(prisma, abilityOf(user(req)), user(req).access.userId, id) : null;
    // Hidden and missing runs look alike.
    if (!run) res.status(404).json({ error: 'not found', message: 'notFound' });
    return run;
  };

  router.get('/imports/runs/:id/status', async (req, res) => {
    const run = await visibleRun(req, res);
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
    async (req: Request, res: Response) => {
      const run = await visibleRun(req, res);
      if (!run) return;
      const { key, name } = pick(run);
      if (!key) return res.status(404).json({ error: 'not found', message: 'notFound' });
      res.setHeader('Content-Type', XLSX);
      res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]+/g, '_')}"`);
      await pipeline(await storage.get(key), res);
    };
  router.get('/imports/runs/:id/errors.xlsx', download((run) => ({ key: run.errorReportKey, name: `errores-importacion-${run.id}.xlsx` })));
  router.get('/imports/runs/:id/file', download((run) => ({ key: run.fileKey, name: run.fileName })));
  return router;
}

