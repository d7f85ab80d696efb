// What a job file declares: its queue class, optional schedule (cron in the plant's time zone),
// retry policy and handler. The handler calls a domain operation; it holds no business logic itself.
import type { Db } from '../prisma/client.js';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { ErpSystem } from '../integrations/erp-dynamics/erp.js';
import type { ObjectStorage } from '../integrations/storage/storage.js';
import type { MessageChannels } from '../integrations/messaging/index.js';
import type { SigSettings } from '../integrations/sig/sig-settings.js';
import type { EmbeddingProvider } from '../integrations/ai/index.js';
import type { OcrService } from '../integrations/ocr/ocr-webhook.js';
import type { QueueClass } from './queues.js';

export interface JobContext {
  prisma: Db;
  pool: pg.Pool;
  /** Where reports read (the KPI job): the read replica when DATABASE_REPLICA_URL is set; absent: prisma. */
  reports?: Db;
  storage: ObjectStorage;
  /** The ERP (Dynamics 365); null while it is not configured. */
  erp: ErpSystem | null;
  logger: Logger;
  timeZone: string;
  /** Months of change history kept (0: forever). */
  historyRetentionMonths: number;
  /** Days an import's workbook and error report are kept (0: forever). */
  importFileRetentionDays: number;
  /** When administrators are told of a deep queue (QUEUE_ALERT_DEPTH, QUEUE_ALERT_MINUTES). */
  jobAlerts: JobAlertSettings;
  /** Notifications (issue 18): the configured outside channels, the address their links use, and how
   * long a work request may wait before supervisors are told. */
  messageChannels: MessageChannels;
  publicUrl?: string;
  workRequestWaitingHours: number;
  /** The legacy SIG of the call centre; undefined: its scrape is off. */
  sig?: SigSettings;
  /** Document search's outside services (issue 22); absent while not configured. */
  embeddings?: { provider: EmbeddingProvider; batchSize: number; perMinute: number };
  ocr?: OcrService;
  jobId: string;
  /** 0 on the first attempt; the job's retry.limit on the last one. */
  retryCount: number;
}

export interface JobAlertSettings {
  /** Waiting jobs (created or retry) a queue may hold... */
  queueDepth: number;
  /** ...for longer than this many minutes before administrators are told. */
  queueMinutes: number;
}

export interface RetryPolicy {
  limit: number;
  delaySeconds: number;
  backoff: boolean;
}

export interface JobDefinition<Payload = unknown> {
  name: string;
  queue: QueueClass;
  /** Cron expression evaluated in APP_TIMEZONE. */
  schedule?: string;
  retry: RetryPolicy;
  /** A long job sends heartbeats; without one for this long (>= 10 s) its worker is taken for dead and
   * the job is retried, instead of waiting for the queue's expiration. */
  heartbeatSeconds?: number;
  /** Validates the payload at the edge; throwing fails the job without retrying it pointlessly. */
  parse(data: unknown): Payload;
  handle(payload: Payload, context: JobContext): Promise<unknown>;
}

export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}

/** The envelope a class queue carries: which job, and its payload. */
export interface JobEnvelope {
  job: string;
  payload: unknown;
}
