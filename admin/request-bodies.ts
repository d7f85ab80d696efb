// The bodies AdminJS's routes read (req.fields), parsed here with limits instead of by @adminjs/express's
// formidable defaults: those take 20 MB of fields, JSON of any size, 200 MB files into a temporary folder
// they never empty, and pass the parser's errors on as 500s. AdminJS's forms send multipart without files
// here (documents have their own upload route), so a file field is refused. express-formidable skips a
// request already marked parsed, so @adminjs/express's own instance does nothing after this one.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { AsyncResource } from 'node:async_hooks';
import formidableMiddleware from 'express-formidable';
import { MalformedInputError, sizeLabel } from '../domain/malformed-input.js';

export const ADMIN_BODY_LIMIT_BYTES = 1024 * 1024;

const json = express.json({ limit: ADMIN_BODY_LIMIT_BYTES, strict: true });
const form = formidableMiddleware({ maxFieldsSize: ADMIN_BODY_LIMIT_BYTES, maxFields: 2_000, maxFileSize: 1, multiples: false });

/** A body parser that goes on in the request's own context. A parser calls `next` from the request
 * stream's 'end' event; when the body arrives after the parser starts listening (a slow client, a busy
 * machine), that event runs outside the context where the request's actor was set (prisma/actor.ts), and
 * every write after it would be recorded without its author ("system:postgres"). Binding `next` to the
 * context the parser was called in keeps the actor, however the body arrives. */
export function inRequestContext(parser: RequestHandler): RequestHandler {
  return (req, res, next) => parser(req, res, AsyncResource.bind(next));
}

/** express.json for a route of the back office, continuing in the request's context (above). */
export const jsonBody = (limit: string) => inRequestContext(express.json({ limit }));

export function adminRequestBodies(req: Request, res: Response, unboundNext: NextFunction): void {
  const next = AsyncResource.bind(unboundNext);
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > ADMIN_BODY_LIMIT_BYTES) return next(tooLarge());
  let done = false;
  const once = (error?: unknown) => {
    if (done) return; // formidable reports some errors twice
    done = true;
    if (error) return next(error instanceof MalformedInputError ? error : refusalOf(error));
    next();
  };
  if (req.is('application/json')) {
    return json(req, res, (error?: unknown) => {
      if (error) return once(error); // body-parser's own typed errors: the error handler maps them
      Object.assign(req, { fields: req.body ?? {}, files: {}, express_formidable: { parsed: true } });
      once();
    });
  }
  form(req, res, once);
}

function tooLarge(): MalformedInputError {
  return new MalformedInputError('bodyTooLarge', { max: sizeLabel(ADMIN_BODY_LIMIT_BYTES) }, 413);
}

/** formidable 1 reports everything as a plain Error with a sentence: sizes are 413, the rest 400. */
function refusalOf(error: unknown): MalformedInputError {
  const message = error instanceof Error ? error.message : '';
  return /exceeded|maxFields/i.test(message) ? tooLarge() : new MalformedInputError('malformedBody');
}
