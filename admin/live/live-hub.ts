// One LISTEN connection per web process on cmms_live (raised by notify() and by the row triggers, in
// any process: this one, another web process, the worker, plain SQL). Each open event stream of this
// process subscribes here; recent row events are kept so a reconnecting page resumes after the last
// one it saw (Last-Event-ID), whichever web process it reaches, since event numbers come from one
// database sequence.
import type pg from 'pg';
import type { Logger } from 'pino';
import { LIVE_CHANNEL, type LiveMessage } from '../../domain/notifications/live-channels.js';

type RowsMessage = Extract<LiveMessage, { t: 'rows' }>;

export interface LiveSubscriber {
  userId: number;
  onRows(message: RowsMessage): void;
  onNotification(): void;
  /** The hub is stopping (shutdown): end the stream. */
  onClose(): void;
}

export interface LiveHub {
  subscribe(subscriber: LiveSubscriber): () => void;
  /** Row events after `eventId` still kept; null when some after it were already dropped (the page reloads). */
  since(eventId: number): RowsMessage[] | null;
  /** Ends every open stream (before the HTTP server closes). */
  closeStreams(): void;
  stop(): Promise<void>;
}

const KEPT_EVENTS = 1_000;
const RECONNECT_MS = 1_000;

export async function startLiveHub(pool: pg.Pool, logger: Logger): Promise<LiveHub> {
  const subscribers = new Set<LiveSubscriber>();
  const kept: RowsMessage[] = [];
  let stopped = false;
  let connection: pg.PoolClient | null = null;

  const receive = (payload: string | undefined) => {
    let message: LiveMessage;
    try {
      message = JSON.parse(payload ?? '') as LiveMessage;
    } catch {
      return logger.warn({ payload }, 'unreadable live event ignored');
    }
    if (message.t === 'rows') {
      kept.push(message);
      if (kept.length > KEPT_EVENTS) kept.shift();
      for (const subscriber of subscribers) subscriber.onRows(message);
    } else if (message.t === 'notification') {
      const told = new Set(message.u);
      for (const subscriber of subscribers) if (told.has(subscriber.userId)) subscriber.onNotification();
    }
  };

  const listen = async (): Promise<void> => {
    const client = await pool.connect();
    client.on('notification', (message) => receive(message.payload));
    client.on('error', (error) => {
      // A client stop() gave back is the pool's again (its error is the pool's to handle): releasing it
      // twice throws, out of any handler.
      if (client !== connection) return;
      logger.warn({ err: error }, 'live events connection lost; listening again');
      client.release(error);
      connection = null;
      if (!stopped) setTimeout(() => void listen().catch((e: Error) => logger.error({ err: e }, 'live events could not listen')), RECONNECT_MS).unref();
    });
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    connection = client;
  };
  await listen();

  const closeStreams = () => {
    for (const subscriber of [...subscribers]) subscriber.onClose();
    subscribers.clear();
  };

  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    since(eventId) {
      const newer = kept.filter((m) => m.e > eventId);
      // Nothing lost if the oldest kept event is the next one, or nothing happened since.
      const oldest = kept[0]?.e;
      if (oldest !== undefined && oldest > eventId + 1 && newer.length === kept.length) return null;
      return newer;
    },
    closeStreams,
    async stop() {
      stopped = true;
      closeStreams();
      const client = connection;
      connection = null;
      if (client) {
        await client.query(`UNLISTEN ${LIVE_CHANNEL}`).catch(() => undefined);
        client.removeAllListeners('notification');
        client.release();
      }
    },
  };
}
