// Document control over HTTP, inside the /admin router (session, fresh rights and CSRF already applied):
// upload a revision (multipart), download one (rights checked on the document and the record it belongs
// to, then streamed or redirected to a presigned URL), sign with password confirmation, verify, and the
// JSON the show-page components read. Every operation is a domain function (domain/documents/).
import express, { type NextFunction, type Request, type Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { abilityOf } from '../access.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { AccessDeniedError, accessibleWhere, asSubject } from '../../domain/access/abilities.js';
import { findReadableDocument, findReadableRevision, readableAttachments, type AttachmentOwner } from '../../domain/documents/document-access.js';
import { documentRefused } from '../../domain/documents/errors.js';
import { addRevision } from '../../domain/documents/revisions.js';
import { attachFile, attachRight } from '../../domain/documents/attach-file.js';
import { signRevision, verifyRevision } from '../../domain/documents/signatures.js';
import type { PasswordThrottle } from '../../domain/users/confirm-password.js';
import { attachmentDisposition, type ObjectStorage } from '../../integrations/storage/storage.js';
import type { Db } from '../../prisma/client.js';
import type { Prisma } from '@prisma/client';
import { languageOf, renderMessage } from '../locales/render.js';
import { receiveUpload } from './receive-upload.js';
import { parseRecordId } from '../../domain/record-id.js';
import { MalformedInputError } from '../../domain/malformed-input.js';
import { MARK_END, MARK_START, PAGE_SIZE as SEARCH_PAGE_SIZE, searchDocuments, type DocumentSearch } from '../../domain/documents/text/search-documents.js';
import { VOCABULARIES } from '../../domain/vocabularies.js';
import { en } from '../locales/en.js';
import { es } from '../locales/es.js';
import { z } from 'zod';
import { jsonBody } from '../request-bodies.js';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { askDocuments } from '../../domain/documents/questions/ask-documents.js';
import type { SemanticState } from '../../domain/documents/semantic/semantic-search.js';
import type { ChatProvider } from '../../integrations/ai/index.js';

export interface DocumentRoutesOptions {
  prisma: Db;
  storage: ObjectStorage;
  throttle: PasswordThrottle;
  settings: { maxUploadBytes: number; downloads: 'stream' | 'presigned'; downloadUrlSeconds: number };
  /** Called after a revision is stored: its text is read for search at once rather than within the minute. */
  revisionAdded?: () => void;
  /** Semantic search as detected at start (on, or off and why), and the chat provider of questions. */
  semantic?: SemanticState;
  chat?: ChatProvider | null;
}

/** Questions cost a model call each: this many per person per minute. */
export const QUESTIONS_PER_MINUTE = 10;

export function documentRoutes({ prisma, storage, throttle, settings, revisionAdded, semantic = { on: false, reason: 'notConfigured' }, chat = null }: DocumentRoutesOptions): express.Router {
  const router = express.Router();
  const questionLimiter = new RateLimiterMemory({ points: QUESTIONS_PER_MINUTE, duration: 60 });
  const userOf = (req: Request) => req.session.adminUser as CurrentUser;
  // An id that is no positive integer finds nothing (404), like a hidden one.
  const idParam = (req: Request, name: string) => parseRecordId(req.params[name]) ?? -1;

  router.post('/:documentId/revisions', async (req, res, next) => {
    const user = userOf(req);
    let upload;
    try {
      upload = await receiveUpload(req, settings.maxUploadBytes);
      const revision = await addRevision(prisma, storage, abilityOf(user), { documentId: idParam(req, 'documentId'), uploaderId: user.access.userId, file: upload.file });
      revisionAdded?.();
      res.status(201).json({ revision: { id: revision.id, number: revision.number, fileName: revision.fileName, size: revision.size, sha256: revision.sha256 }, message: translate(user, 'revisionUploaded', { number: revision.number }) });
    } catch (error) {
      // The rest of a refused body is drained, so the browser reads the answer instead of a reset.
      if (!req.complete) req.resume();
      refused(error, next);
    } finally {
      await upload?.discard();
    }
  });

  // "Adjuntar archivo" on an asset's, order's or request's page: the document and its first revision at once.
  router.post('/attachments', async (req, res, next) => {
    const user = userOf(req);
    let upload;
    try {
      const owner = attachmentOwner(req);
      if (!owner) return res.status(400).json({ error: 'ownerMissing', message: translate(user, 'attachmentOwnerMissing') });
      upload = await receiveUpload(req, settings.maxUploadBytes);
      const title = typeof req.query.title === 'string' ? req.query.title : undefined;
      const { document, revision } = await attachFile(prisma, storage, abilityOf(user), { owner, title, uploaderId: user.access.userId, file: upload.file });
      revisionAdded?.();
      res.status(201).json({
        document: { id: document.id, code: document.code, title: document.title },
        revision: { id: revision.id, number: revision.number, fileName: revision.fileName, size: revision.size },
        message: translate(user, 'attachmentAdded', { code: document.code }),
      });
    } catch (error) {
      if (!req.complete) req.resume();
      refused(error, next);
    } finally {
      await upload?.discard();
    }
  });

  router.get('/revisions/:revisionId/download', async (req, res, next) => {
    try {
      const revision = await findReadableRevision(prisma, abilityOf(userOf(req)), idParam(req, 'revisionId'));
      if (settings.downloads === 'presigned') {
        const url = await storage.presignedDownloadUrl(revision.fileKey, { expiresInSeconds: settings.downloadUrlSeconds, fileName: revision.fileName, contentType: revision.contentType });
        if (url) return res.set('Cache-Control', 'private, no-store').redirect(302, url);
      }
      const stored = await storage.head(revision.fileKey);
      if (!stored) throw documentRefused('storedFileMissing');
      res.set({
        'Content-Type': revision.contentType,
        'Content-Length': String(stored.size),
        'Content-Disposition': attachmentDisposition(revision.fileName),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      await pipeline(await storage.get(revision.fileKey), res);
    } catch (error) {
      refused(error, next);
    }
  });

  // A search result's link: a PDF opens in the browser's viewer (at #page=N), sandboxed so it runs nothing
  // of ours; any other type downloads as above. Same rule as the download.
  router.get('/revisions/:revisionId/open', async (req, res, next) => {
    try {
      const revision = await findReadableRevision(prisma, abilityOf(userOf(req)), idParam(req, 'revisionId'));
      if (revision.contentType !== 'application/pdf') return res.redirect(302, `${req.baseUrl}/revisions/${revision.id}/download`);
      const stored = await storage.head(revision.fileKey);
      if (!stored) throw documentRefused('storedFileMissing');
      res.set({
        'Content-Type': 'application/pdf',
        'Content-Length': String(stored.size),
        'Content-Disposition': attachmentDisposition(revision.fileName).replace(/^attachment/, 'inline'),
        'Content-Security-Policy': 'sandbox',
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      await pipeline(await storage.get(revision.fileKey), res);
    } catch (error) {
      refused(error, next);
    }
  });

  router.post('/revisions/:revisionId/sign', jsonBody('10kb'), async (req, res, next) => {
    const user = userOf(req);
    try {
      const result = await signRevision(prisma, storage, throttle, abilityOf(user), {
        revisionId: idParam(req, 'revisionId'),
        signer: { userId: user.access.userId, email: user.email },
        password: typeof req.body?.password === 'string' ? req.body.password : '',
        ip: req.ip ?? 'unknown',
        userAgent: String(req.headers['user-agent'] ?? ''),
      });
      res.status(201).json({
        signature: { id: result.signature.id, signedAt: result.signature.signedAt, sha256: result.signature.sha256 },
        documentApproved: result.documentApproved,
        message: translate(user, result.documentApproved ? 'documentApproved' : 'revisionSigned'),
      });
    } catch (error) {
      refused(error, next);
    }
  });

  router.get('/revisions/:revisionId/verify', async (req, res, next) => {
    try {
      res.json(await verifyRevision(prisma, storage, abilityOf(userOf(req)), idParam(req, 'revisionId')));
    } catch (error) {
      refused(error, next);
    }
  });

  // A document's revisions with their named signers, signatures and (for who may read it) audit.
  router.get('/:documentId/revisions', async (req, res, next) => {
    try {
      const ability = abilityOf(userOf(req));
      const document = await findReadableDocument(prisma, ability, idParam(req, 'documentId'));
      const audits = accessibleWhere(ability, 'read', 'SignatureAudit');
      const revisions = await prisma.documentRevision.findMany({
        where: { documentId: document.id },
        orderBy: { number: 'desc' },
        include: {
          uploadedBy: { select: { name: true } },
          signers: { include: { user: { select: { id: true, name: true } } } },
          signatures: { orderBy: { signedAt: 'asc' }, include: { signer: { select: { name: true } } } },
          // Without the right to read the audit, none of its rows is loaded.
          audits: { where: (audits ?? { id: -1 }) as Prisma.SignatureAuditWhereInput, orderBy: { signedAt: 'asc' }, include: { signer: { select: { name: true } } } },
        },
      });
      res.json({
        document: { id: document.id, code: document.code, state: document.state },
        revisions: revisions.map((r) => ({
          id: r.id,
          number: r.number,
          fileName: r.fileName,
          contentType: r.contentType,
          size: r.size,
          sha256: r.sha256,
          uploadedBy: r.uploadedBy.name,
          uploadedAt: r.uploadedAt,
          signers: r.signers.map((s) => s.user.name),
          // The page offers "Firmar" only where the rules would take the signature (the server re-checks).
          maySign: ability.can('sign', asSubject('DocumentRevision', { ...r, document, signers: r.signers })),
          signatures: r.signatures.map((s) => ({ signer: s.signer.name, signedAt: s.signedAt, sha256: s.sha256 })),
          audits: audits ? r.audits.map((a) => ({ signer: a.signer.name, signedAt: a.signedAt, ip: a.ip, userAgent: a.userAgent, sha256: a.sha256 })) : null,
        })),
      });
    } catch (error) {
      refused(error, next);
    }
  });

  // "Buscar en documentos": passages of the documents this person may read (the same rule as downloads).
  router.get('/search', async (req, res, next) => {
    const user = userOf(req);
    try {
      const search = documentSearchOf(req);
      const found = await searchDocuments(prisma, abilityOf(user), search, semantic.on ? semantic.search : undefined);
      const language = languageOf(user.locale);
      const labels = (language === 'en' ? en : es).resources.Document.labels;
      res.json({
        total: found.total,
        page: search.page ?? 1,
        pageSize: SEARCH_PAGE_SIZE,
        documents: found.documents.map((document) => ({
          ...document,
          kindLabel: (labels.kind as Record<string, string>)[document.kind] ?? document.kind,
          stateLabel: (labels.state as Record<string, string>)[document.state] ?? document.state,
        })),
        markers: { start: MARK_START, end: MARK_END },
        // The page says whether meaning counted, and if not, why (the setting or the database to fix).
        semantic: semantic.on ? { on: true, used: found.ranking === 'hybrid' } : { on: false, reason: semantic.reason },
      });
    } catch (error) {
      refused(error, next);
    }
  });

  // "Preguntar a los documentos": POST (a model call per question), rate-limited per person, logged for
  // the auditors with who asked, what, and which sources the answer was given.
  router.post('/ask', jsonBody('10kb'), async (req, res, next) => {
    const user = userOf(req);
    try {
      const question = typeof req.body?.question === 'string' ? req.body.question.trim() : '';
      if (!question || question.length > 500) throw new MalformedInputError('malformedRequest');
      const allowed = await questionLimiter.consume(String(user.access.userId)).then(() => true, () => false);
      if (!allowed) throw documentRefused('tooManyQuestions');
      const language = languageOf(user.locale);
      const answer = await askDocuments(prisma, abilityOf(user), question, { semantic: semantic.on ? semantic.search : undefined, chat, language });
      req.log?.info({ question, askedBy: user.access.userId, answer: answer.mode, sources: answer.sources.map((s) => ({ document: s.code, revision: s.revision.number, page: s.page })) }, 'question asked to the documents');
      res.json({ ...answer, markers: { start: MARK_START, end: MARK_END } });
    } catch (error) {
      refused(error, next);
    }
  });

  // The attachments section of an asset's, a work order's or a work request's show page.
  router.get('/attachments', async (req, res, next) => {
    try {
      const owner = attachmentOwner(req);
      if (!owner) throw new MalformedInputError('malformedRequest');
      const documents = await readableAttachments(prisma, abilityOf(userOf(req)), owner);
      res.json({
        documents: documents.map((d) => ({ id: d.id, code: d.code, title: d.title, kind: d.kind, state: d.state, revisions: d.revisions })),
        // Whether to offer "Adjuntar" on this record (the upload checks it again).
        mayAttach: (await attachRight(prisma, abilityOf(userOf(req)), owner)) === true,
      });
    } catch (error) {
      refused(error, next);
    }
  });

  return router;
}

const SEARCH_QUERY = z.object({
  q: z.string().max(300).default(''),
  kind: z.enum(VOCABULARIES.Document.kind).optional(),
  state: z.enum(VOCABULARIES.Document.state).optional(),
  // Ids as the rest of the back office reads them: digits only ("0x1", "1e3", " 1" are refused).
  assetId: z.string().transform((text, ctx) => parseRecordId(text) ?? (ctx.addIssue({ code: 'custom', message: 'id' }), z.NEVER)).optional(),
  locationId: z.string().transform((text, ctx) => parseRecordId(text) ?? (ctx.addIssue({ code: 'custom', message: 'id' }), z.NEVER)).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  page: z.string().regex(/^[1-9]\d{0,2}$/).transform(Number).optional(),
});

/** The search's words and filters from the query string; a malformed one is refused (400), not guessed. */
function documentSearchOf(req: Request): DocumentSearch {
  const blanksRemoved = Object.fromEntries(Object.entries(req.query).filter(([, value]) => value !== ''));
  const parsed = SEARCH_QUERY.safeParse(blanksRemoved);
  if (!parsed.success) throw new MalformedInputError('malformedRequest');
  const { q, from, to, ...filters } = parsed.data;
  const day = (text: string | undefined, plusDays = 0) => {
    if (!text) return undefined;
    const date = new Date(`${text}T00:00:00Z`);
    // 2026-02-31 is no day (JavaScript would take it for 3 March).
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) throw new MalformedInputError('malformedRequest');
    return new Date(date.getTime() + plusDays * 86_400_000);
  };
  return { text: q, ...filters, from: day(from), to: day(to, 1) };
}

/** The record named in the query (?workRequestId=5), or null. */
function attachmentOwner(req: Request): AttachmentOwner | null {
  const key = (['assetId', 'workOrderId', 'workRequestId'] as const).find((k) => req.query[k] !== undefined);
  const id = key ? parseRecordId(req.query[key]) : null;
  return key && id !== null ? ({ [key]: id } as AttachmentOwner) : null;
}

function translate(user: CurrentUser | undefined, key: string, values: Record<string, string | number> = {}): string {
  return renderMessage(languageOf(user?.locale), key, values);
}

/** Refusals are answered by server/http-errors.ts; a refusal of the rules here says which document right is missing. */
function refused(error: unknown, next: NextFunction): void {
  if (error instanceof AccessDeniedError) return next(new AccessDeniedError(error.action, error.subjectType, `documentForbidden_${error.action}`));
  next(error);
}
