// GET /admin/events: the signed-in person's event stream (server-sent events). It carries his unread
// count (at once, and whenever he is notified), the rows of watched models that changed, each row
// passed only when his row rules let him read it, and the progress of import runs he may see (his own,
// or any if he may read import runs: the rule of the run's page), with his rights read afresh for every
// event (a deactivated account's stream ends). Reconnects resume after Last-Event-ID.
import express, { type Request, type Response } from 'express';
import type { Prisma } from '@prisma/client';
import { accessibleWhere } from '../../domain/access/abilities.js';
import { loadCurrentUser } from '../../domain/access/current-user.js';
import { importRunVisibleTo } from '../../domain/imports/start-import.js';
import { unreadCount } from '../../domain/notifications/centre.js';
import type { LiveMessage } from '../../domain/notifications/live-channels.js';
import { delegateOf } from '../../domain/notifications/recipients.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';
import { importRunStatus } from '../imports/run-status.js';
import type { LiveHub } from './live-hub.js';

type RowsMessage = Extract<LiveMessage, { t: 'rows' }>;
const HEARTBEAT_MS = 25_000;

export function eventsRoute(options: { prisma: Db; hub: LiveHub }): express.Router {
  const { prisma, hub } = options;
  const router = express.Router();

  router.get('/events', async (req: Request, res: Response) => {
    const userId = Number(req.session.adminUser!.id);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: no proxy or compression may hold the stream back; X-Accel-Buffering: nginx neither.
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    req.socket.setTimeout(0);
    req.socket.setNoDelay(true);
    let open = true;
    let queue = Promise.resolve();
    const write = (text: string) => {
      if (open) res.write(text);
    };
    const send = (event: string, data: unknown, id?: number) => write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    // Events are judged one after another, so they leave in the order they came.
    const inTurn = (work: () => Promise<void>) => {
      queue = queue.then(work).catch((error: Error) => {
        req.log?.error({ err: error }, 'live event not sent');
      });
    };
    const close = () => {
      if (!open) return;
      open = false;
      unsubscribe();
      clearInterval(heartbeat);
      res.end();
    };

    /** What of `message` this reader may see under his current rules (null: nothing). */
    const visible = async (message: RowsMessage) => {
      const user = await loadCurrentUser(prisma, userId);
      if (!user) {
        close();
        return null;
      }
      const where = accessibleWhere(abilityOf(user), 'read', message.m as Prisma.ModelName);
      if (!where) return null;
      if (message.many) return { model: message.m, ids: [], many: true, by: message.by };
      const rows = await delegateOf(prisma, message.m as Prisma.ModelName).findMany({ where: { AND: [where, { id: { in: message.ids } }] }, select: { id: true } });
      return rows.length ? { model: message.m, ids: rows.map((r) => r.id), many: false, by: message.by } : null;
    };
    /** The status of each of these import runs this reader may see now (null: his account is gone). */
    const visibleImports = async (ids: number[]) => {
      const user = await loadCurrentUser(prisma, userId);
      if (!user) {
        close();
        return null;
      }
      const runs = await Promise.all(ids.map((id) => importRunVisibleTo(prisma, abilityOf(user), userId, id)));
      return runs.flatMap((run) => (run ? [importRunStatus(run)] : []));
    };
    // Progress goes out as `import` events only: an import page shows it; no "changed, reload" bar.
    const passImport = (message: RowsMessage) =>
      inTurn(async () => {
        // "many": a clean-up touching many runs at once, not a run's progress.
        const statuses = message.many ? [] : await visibleImports(message.ids);
        if (statuses === null) return;
        for (const status of statuses) send('import', status, message.e);
        if (statuses.length === 0) write(`id: ${message.e}\n\n`);
      });
    const passRows = (message: RowsMessage) =>
      message.m === 'ImportRun' ? passImport(message) : inTurn(async () => {
        const shown = await visible(message);
        // The event number still moves on when nothing is shown, so a resume does not replay it.
        if (shown) send('rows', shown, message.e);
        else write(`id: ${message.e}\n\n`);
      });

    const unsubscribe = hub.subscribe({
      userId,
      onRows: passRows,
      onNotification: () => inTurn(async () => send('unread', { unread: await unreadCount(prisma, userId) })),
      onClose: close,
    });
    const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
    req.on('close', close);

    write('retry: 2000\n\n');
    inTurn(async () => send('unread', { unread: await unreadCount(prisma, userId) }));
    const lastId = Number(req.get('last-event-id') ?? req.query.lastEventId);
    if (Number.isSafeInteger(lastId) && lastId >= 0) {
      const missed = hub.since(lastId);
      if (missed === null) inTurn(async () => send('resync', {}));
      else for (const message of missed) passRows(message);
    }
  });
  return router;
}
