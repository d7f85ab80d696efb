// Excel imports and exports over HTTP, inside the /admin router (session, CSRF, rights read afresh):
//   GET  /imports/:kind/template.xlsx     "Descargar plantilla"
//   POST /imports/:kind?mode=&fileName=&preview=1&createMissing=1
//                                         the workbook as the request body; answers 202 at once
//   GET  /imports/:kind/fields            the fields, their closed values and the remembered mappings
//   POST /imports/:kind/mappings          remember a value or header mapping (JSON)
//   POST /imports/runs/:id/rerun?mode=&preview=&createMissing=
//                                         "Importar" / "Validar de nuevo" on the file a run stored
//   GET  /imports/runs/:id/status         counters and state (and the preview's summary), polled
//   GET  /imports/runs/:id/errors.xlsx    the error report     } the run's owner, or a reader of
//   GET  /imports/runs/:id/file           the uploaded file     } ImportRun under the role rules
//   GET  /exports/:resourceId.xlsx        "Exportar a Excel" of a list, its filters and row rules
import type AdminJS from 'adminjs';
import express, { type Request, type Response } from 'express';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZodError } from 'zod';
import { AccessDeniedError } from '../../domain/access/abilities.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { importDefinition } from '../../domain/imports/definitions/index.js';
import { choicesOf, columnLabels } from '../../domain/imports/import-definition.js';
import { saveMapping, saveMappingInput } from '../../domain/imports/import-mappings.js';
import { WorkbookRefusedError } from '../../domain/imports/read-workbook.js';
import { importRunVisibleTo, rerunImport, startImport } from '../../domain/imports/start-import.js';
import { writeTemplate } from '../../domain/imports/template.js';
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

const flags = (req: Request) => ({ preview: req.query.preview === '1', createMissing: req.query.createMissing === '1' });

/** A refusal the clerk can act on is a 4xx with its reason; anything else is a server error. */
function refusal(error: unknown, res: Response, next: express.NextFunction): void {
  if (error instanceof WorkbookRefusedError) res.status(400).json({ error: 'refused', message: error.reason });
  else if (error instanceof AccessDeniedError) res.status(403).json({ error: 'forbidden', message: 'forbiddenError' });
  else if (error instanceof ZodError) res.status(400).json({ error: 'invalid', message: 'Parámetros de importación no válidos.' });
  else next(error);
}

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
        { kind: definition.kind, mode: req.query.mode as never, fileName: String(req.query.fileName ?? 'libro.xlsx'), ...flags(req) },
        file,
      );
      res.status(202).json({ id: run.id });
    } catch (error) {
      if (error instanceof FileTooLargeError) return res.status(413).json({ error: 'too large', message: tooLarge });
      refusal(error, res, next);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  router.get('/imports/:kind/fields', async (req, res) => {
    const definition = importDefinition(req.params.kind!);
    if (!definition) return res.status(404).json({ error: 'not found', message: 'notFound' });
    if (!abilityOf(user(req)).can('import', definition.model)) return res.status(403).json({ error: 'forbidden', message: 'forbiddenError' });
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
        choices: column.type === 'choice' ? choicesOf(definition, column).map((c) => ({ code: c.code, label: c.labels[language === 'en' ? 1 : 0] ?? c.code })) : undefined,
      })),
      mappings: mappings.map((m) => (m.field ? { field: m.field, value: m.sourceText, target: m.target } : { header: m.sourceText, field: m.target })),
    });
  });

  router.post('/imports/:kind/mappings', express.json({ limit: '16kb' }), async (req, res, next) => {
    try {
      const input = saveMappingInput.safeParse(req.body);
      if (!input.success) return res.status(400).json({ error: 'invalid', message: 'Indique el campo, el valor o encabezado del archivo y a qué corresponde.' });
      await saveMapping(prisma, abilityOf(user(req)), user(req).access.userId, req.params.kind!, input.data);
      res.status(204).end();
    } catch (error) {
      refusal(error, res, next);
    }
  });

  router.post('/imports/runs/:id/rerun', async (req, res, next) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || id <= 0) return res.status(404).json({ error: 'not found', message: 'notFound' });
    try {
      const run = await rerunImport(
        { prisma, storage, enqueue: (importRunId) => options.queue.send(importWorkbookJob, { importRunId, maxRows: options.maxRows }) },
        abilityOf(user(req)),
        user(req).access.userId,
        id,
        { mode: req.query.mode as never, ...flags(req) },
      );
      if (!run) return res.status(404).json({ error: 'not found', message: 'notFound' });
      res.status(202).json({ id: run.id });
    } catch (error) {
      refusal(error, res, next);
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
      rowsNew: run.rowsNew,
      rowsChanged: run.rowsChanged,
      rowsUnchanged: run.rowsUnchanged,
      preview: run.preview,
      createMissing: run.createMissing,
      filesRemoved: !!run.filesRemovedAt,
      summary: ['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(run.state) ? run.summary : null,
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
      if (run.filesRemovedAt)
        return res.status(410).json({ error: 'gone', message: 'Este archivo ya no se conserva: se borró al cumplirse el plazo de retención. El registro de la importación y sus recuentos siguen disponibles.' });
      res.setHeader('Content-Type', XLSX);
      res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]+/g, '_')}"`);
      await pipeline(await storage.get(key), res);
    };
  router.get('/imports/runs/:id/errors.xlsx', download((run) => ({ key: run.errorReportKey, name: `errores-importacion-${run.id}.xlsx` })));
  router.get('/imports/runs/:id/file', download((run) => ({ key: run.fileKey, name: run.fileName })));

  router.get('/exports/:resourceId.xlsx', exportListHandler(options.admin, prisma, options.timeZone));
  return router;
}

