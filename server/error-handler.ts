// The last word on a failed request. Refusals get their status and a message in the user's language
// (the one mapping, server/http-errors.ts);
// anything unexpected is logged with the request id and answered 500 with that id only: no stack trace,
// no SQL, no Prisma or driver message ever reaches the body.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { AccessDeniedError } from '../domain/access/abilities.js';
import { MalformedInputError, sizeLabel } from '../domain/malformed-input.js';
import { StorageFailure } from '../integrations/storage/storage.js';
import { errorAnswer } from './http-errors.js';
import { answerInternalError, languageOfRequest } from './internal-error.js';

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  if (res.headersSent) {
    // A download that failed half-way: cut the connection so the client sees it incomplete.
    req.log?.error({ err: error }, 'request failed after its answer had started');
    return void res.destroy();
  }
  // Refusals (of the role rules, of a workflow, of a file, of malformed input), and records missing or
  // hidden from this user: their status and a message in the person's language (server/http-errors.ts).
  const refusal = asMalformedInput(error) ?? error;
  const answer = errorAnswer(refusal, languageOfRequest(req));
  if (answer) {
    if (refusal instanceof AccessDeniedError) req.log?.warn({ reason: refusal.message }, 'refused by the role rules');
    // The administrator must hear of it: the person is told only to try again or to call him.
    else if (refusal instanceof StorageFailure) req.log?.error({ err: refusal }, 'the file storage failed');
    else if (answer.body.error === 'databaseBusy') req.log?.warn({ err: refusal }, 'the database was too busy to finish a write');
    else req.log?.info({ reason: answer.body.error, path: req.path }, 'request refused');
    return void res.status(answer.status).json(answer.body);
  }
  req.log?.error({ err: error }, 'request failed');
  answerInternalError(req, res);
};

/** Body parsers' refusals (express.json/urlencoded, raw-body) carry a status and a type: map the ones
 * a client causes to our messages. */
function asMalformedInput(error: unknown): MalformedInputError | undefined {
  if (error instanceof MalformedInputError) return error;
  // An input schema of the edge (zod) refused the request's values.
  if (error instanceof ZodError) return new MalformedInputError('malformedRequest');
  const parser = error as { type?: unknown; status?: unknown; limit?: unknown };
  if (typeof parser?.type !== 'string' || typeof parser.status !== 'number' || parser.status < 400 || parser.status >= 500) return undefined;
  switch (parser.type) {
    case 'entity.too.large':
      return new MalformedInputError('bodyTooLarge', { max: sizeLabel(Number(parser.limit)) }, 413);
    case 'parameters.too.many':
      return new MalformedInputError('bodyTooLarge', { max: '—' }, 413);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new MalformedInputError('unsupportedBody', {}, 415);
    default:
      return new MalformedInputError('malformedBody');
  }
}
