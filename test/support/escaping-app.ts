// A child process for test/process-guard.test.ts: our error handling (server/) around handlers whose
// errors escape in each way Express 4 cannot see (a rejected async handler, a throw in a timer, a
// promise nobody awaits). The test asks it for each and then checks it still answers.
import express from 'express';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AddressInfo } from 'node:net';
import { forwardAsyncErrors } from '../../server/async-errors.js';
import { errorHandler } from '../../server/error-handler.js';
import { installProcessGuard, requestScope } from '../../server/process-guard.js';

const logger = pino({ level: 'error' }, pino.destination(2));
installProcessGuard(logger);

const internals = 'SELECT "passwordHash" FROM users WHERE id = $1 -- at /work/app/server/secret.ts:12:7 (PrismaClientKnownRequestError)';
const app = express();
app.use(pinoHttp({ logger, genReqId: (req) => String(req.headers['x-request-id'] ?? 'no-id') }));
app.use(requestScope);
app.get('/rejects', async () => {
  await Promise.resolve();
  throw new Error(internals);
});
app.get('/throws-in-a-timer', () => {
  setTimeout(() => {
    throw new Error(internals);
  }, 1);
});
app.get('/rejects-unawaited', () => {
  void Promise.reject(new Error(internals));
});
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.use(errorHandler);
forwardAsyncErrors(app);

const server = app.listen(0, '127.0.0.1', () => console.log(`listening on ${(server.address() as AddressInfo).port}`));
