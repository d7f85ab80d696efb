// The one mapping from what went wrong to what the HTTP answer says. Routes do not write 403/404/4xx
// answers themselves: they throw (or pass to `next`) an AccessDeniedError, AdminJS's NotFoundError or a
// Refusal, and the error handler of server/http.ts answers here, in the person's language.
import { NotFoundError } from 'adminjs';
import { languageOf, renderMessage } from '../admin/locales/render.js';
import { AccessDeniedError } from '../domain/access/abilities.js';
import { Refusal, type RefusalKind } from '../domain/refusal.js';
import { StorageFailure } from '../integrations/storage/storage.js';

const STATUS: Record<RefusalKind, number> = { invalid: 422, malformed: 400, forbidden: 403, notFound: 404, gone: 410, tooLarge: 413, unsupported: 415, tooMany: 429 };

export interface ErrorAnswer {
  status: number;
  /** `error`: a stable code for programs; `message`: for the person (a key AdminJS translates, or text). */
  body: { error: string; message: string };
}

/** The answer to a refusal; null for anything else (an unexpected failure). */
export function errorAnswer(error: unknown, locale: unknown): ErrorAnswer | null {
  const language = languageOf(locale);
  if (error instanceof AccessDeniedError) return { status: 403, body: { error: 'forbidden', message: renderMessage(language, error.messageKey) } };
  // Missing and hidden records look alike.
  if (error instanceof NotFoundError) return { status: 404, body: { error: 'notFound', message: 'notFound' } };
  // The store failed under a write: nothing was recorded (the write's transaction rolled back).
  if (error instanceof StorageFailure)
    return error.reason === 'full'
      ? { status: 507, body: { error: 'storageFull', message: renderMessage(language, 'storageFull') } }
      : { status: 503, body: { error: 'storageUnreachable', message: renderMessage(language, 'storageUnreachable') } };
  if (isBusyDatabase(error)) return { status: 503, body: { error: 'databaseBusy', message: renderMessage(language, 'databaseBusy') } };
  if (error instanceof Refusal)
    return { status: STATUS[error.kind], body: { error: error.kind === 'notFound' ? 'notFound' : error.key, message: renderMessage(language, error.key, error.params) } };
  return null;
}

/** A write the database could not finish in time and rolled back: Prisma's interactive transaction ran
 * past its timeout (P2028) or lost a write conflict or deadlock (P2034), or PostgreSQL itself said so
 * (40001, 40P01). Seen under a heavy load (the 30-minute soak of bench:load: 2 closeouts in 65 617
 * requests). Nothing was recorded and trying again works: 503, not an unexplained 500. */
function isBusyDatabase(error: unknown): boolean {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return code === 'P2028' || code === 'P2034' || code === '40001' || code === '40P01';
}
