// All configuration is read and validated here, once, at start. A missing or malformed setting stops
// the process with a message naming the variable. Nothing else reads process.env.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DYNAMICS_DEFAULTS, type DynamicsSettings } from '../integrations/erp-dynamics/index.js';
import type { StorageSettings } from '../integrations/storage/index.js';
import type { JobAlertSettings } from '../jobs/job.js';
import type { MessagingSettings } from '../integrations/messaging/index.js';
import type { SigSettings } from '../integrations/sig/sig-settings.js';
import type { AiSettings } from '../integrations/ai/index.js';
import type { OcrSettings } from '../integrations/ocr/ocr-webhook.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as America/Tegucigalpa' },
);

const postgresUrl = z
  .string()
  .url({ message: 'must be a URL like postgresql://user:password@host:5432/database' })
  .refine((u) => /^postgres(ql)?:\/\//.test(u), { message: 'must start with postgresql://' });

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.string().url().optional(),
    DATABASE_URL: postgresUrl.optional(),
    // Past one machine (issue 26): reports (KPIs, exports, the dashboard) read from a replica when given.
    DATABASE_REPLICA_URL: postgresUrl.optional(),
    // Behind PgBouncer in transaction mode: a direct (or session-mode) address for LISTEN, the queue and migrations.
    DATABASE_SESSION_URL: postgresUrl.optional(),
    // Web processes `npm start` runs (auto: one per core); they share nothing but PostgreSQL.
    WEB_CONCURRENCY: z
      .string()
      .regex(/^(auto|[1-9]\d?)$/, { message: 'must be a number of processes (1-99) or auto (one per core)' })
      .default('1')
      .transform((v) => (v === 'auto' ? availableParallelism() : Number(v))),
    DATA_DIR: z.string().min(1).default('./.data'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
    COOKIE_SECURE: booleanFlag.optional(),
    TRUST_PROXY: z.string().optional(),
    ADMIN_EMAIL: z.string().email({ message: 'must be an e-mail address' }).optional(),
    ADMIN_PASSWORD: z.string().min(12, { message: 'must be at least 12 characters' }).optional(),
    APP_TIMEZONE: timeZone.default('America/Tegucigalpa'),
    DEFAULT_LOCALE: z.enum(['es', 'en']).default('es'),
    WORKERS_IN_PROCESS: booleanFlag.default(true),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
    LOGIN_BLOCK_MINUTES: z.coerce.number().positive().default(15),
    STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: booleanFlag.default(true),
    DOCUMENT_MAX_UPLOAD_MB: z.coerce.number({ message: 'must be a number of megabytes' }).positive().max(2048).default(25),
    DOCUMENT_DOWNLOADS: z.enum(['stream', 'presigned'], { message: 'must be stream or presigned' }).default('stream'),
    DOCUMENT_DOWNLOAD_URL_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
    IMPORT_MAX_MB: z.coerce.number().positive().default(50),
    IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(500_000),
    IMPORT_FILE_RETENTION_DAYS: z.coerce.number().int().min(0, { message: 'must be 0 (keep forever) or a number of days' }).default(90),
    QUEUE_MONITOR_SECONDS: z.coerce.number().int().min(1).default(60),
    METRICS_TOKEN: z.string().min(16, { message: 'must be at least 16 characters (a long random token)' }).optional(),
    QUEUE_ALERT_DEPTH: z.coerce.number({ message: 'must be a number of jobs' }).int().positive().default(100),
    QUEUE_ALERT_MINUTES: z.coerce.number({ message: 'must be a number of minutes' }).int().positive().default(15),
    HISTORY_RETENTION_MONTHS: z.coerce.number().int().min(0, { message: 'must be 0 (keep forever) or a number of months' }).default(120),
    // Dynamics 365 (integrations/erp-dynamics/): the module is off while ERP_DYNAMICS_URL is unset.
    ERP_DYNAMICS_URL: z.string().url({ message: 'must be the environment URL, e.g. https://contoso.operations.dynamics.com' }).optional(),
    ERP_DYNAMICS_TOKEN_URL: z.string().url({ message: 'must be the OAuth token URL, e.g. https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token' }).optional(),
    ERP_DYNAMICS_CLIENT_ID: z.string().optional(),
    ERP_DYNAMICS_CLIENT_SECRET: z.string().optional(),
    ERP_DYNAMICS_SCOPE: z.string().optional(),
    ERP_DYNAMICS_COMPANY: z.string().regex(/^[A-Za-z0-9]{1,8}$/, { message: 'must be a company id (dataAreaId) such as usmf' }).optional(),
    ERP_DYNAMICS_EXTERNAL_KEY_FIELD: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'must be a field name of the requisition header entity' }).default(DYNAMICS_DEFAULTS.externalKeyField),
    ERP_DYNAMICS_TIMEOUT_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).positive().max(600).default(DYNAMICS_DEFAULTS.requestTimeoutMs / 1000),
    ERP_DYNAMICS_CONCURRENCY: z.coerce.number({ message: 'must be a number of requests' }).int().min(1).max(64).default(DYNAMICS_DEFAULTS.concurrency),
    // notifications (issue 18): each outside channel is off until its settings are given.
    SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]+/, { message: 'must be a URL like smtp://user:password@mail.example.com:587 or smtps://…:465' }).optional(),
    MAIL_FROM: z.string().min(3).optional(),
    TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, { message: 'must be a bot token as BotFather gives it (123456:ABC-…)' }).optional(),
    TELEGRAM_API_URL: z.string().url({ message: 'must be a URL such as https://api.telegram.org' }).default('https://api.telegram.org'),
    WEBHOOK_URL: z.string().url({ message: 'must be an http(s) URL' }).refine((u) => /^https?:\/\//.test(u), { message: 'must be an http(s) URL' }).optional(),
    WEBHOOK_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    WORK_REQUEST_WAITING_HOURS: z.coerce.number({ message: 'must be a number of hours' }).positive().default(24),
    // transmittals (issue 24): days a recipient's link works
    TRANSMITTAL_LINK_DAYS: z.coerce.number({ message: 'must be a number of days' }).int().min(1).max(365).default(30),
    SIG_URL: z.string().url({ message: 'must be the SIG\'s address, like http://sig.ccg.hn' }).optional(),
    SIG_USERNAME: z.string().optional(),
    SIG_PASSWORD: z.string().optional(),
    SIG_PAGE_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    SIG_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
    SIG_MAX_PAGES: z.coerce.number().int().min(1).max(1_000).default(50),
    // Document search and questions (issue 22): each provider is off until its address is given.
    // openai: EMBEDDINGS_URL / CHAT_URL are an OpenAI-compatible API's base; n8n: they are n8n webhooks' URLs.
    EMBEDDINGS_PROVIDER: z.enum(['openai', 'n8n'], { message: 'must be openai (an OpenAI-compatible API) or n8n (a webhook of the n8n server)' }).default('openai'),
    CHAT_PROVIDER: z.enum(['openai', 'n8n'], { message: 'must be openai (an OpenAI-compatible API) or n8n (a webhook of the n8n server)' }).default('openai'),
    AI_WEBHOOK_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    OCR_PER_MINUTE: z.coerce.number({ message: 'must be a number of files' }).int().min(1).max(100).default(10),
    EMBEDDINGS_URL: z.string().url({ message: 'must be the base of an OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://ollama:11434/v1, or with EMBEDDINGS_PROVIDER=n8n the webhook\'s URL' }).optional(),
    EMBEDDINGS_MODEL: z.string().min(1).max(150).optional(),
    EMBEDDINGS_DIMENSIONS: z.coerce.number({ message: 'must be the size of the model\'s vectors, e.g. 768' }).int().min(1).max(2000, { message: 'must be at most 2000 (the largest vector an HNSW index takes)' }).optional(),
    EMBEDDINGS_API_KEY: z.string().optional(),
    EMBEDDINGS_BATCH: z.coerce.number({ message: 'must be a number of passages' }).int().min(1).max(2048).default(64),
    EMBEDDINGS_PER_MINUTE: z.coerce.number({ message: 'must be a number of passages' }).int().min(1).default(2000),
    CHAT_URL: z.string().url({ message: 'must be the base of an OpenAI-compatible API, e.g. https://api.openai.com/v1' }).optional(),
    CHAT_MODEL: z.string().min(1).max(150).optional(),
    CHAT_API_KEY: z.string().optional(),
    AI_TIMEOUT_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).positive().max(600).default(60),
    OCR_URL: z.string().url({ message: 'must be the OCR webhook\'s http(s) URL' }).optional(),
    OCR_TOKEN: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.DATABASE_URL)
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production' });
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET)
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production' });
    if (env.DOCUMENT_DOWNLOADS === 'presigned' && env.STORAGE_DRIVER !== 's3')
      ctx.addIssue({ code: 'custom', path: ['DOCUMENT_DOWNLOADS'], message: 'presigned needs STORAGE_DRIVER=s3 (local files are always streamed)' });
    if (env.SMTP_URL && !env.MAIL_FROM)
      ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'is required with SMTP_URL (the sender, e.g. "CMMS Planta <cmms@planta.hn>")' });
    if (env.MAIL_FROM && !env.SMTP_URL) ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required with MAIL_FROM' });
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET)
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required with WEBHOOK_URL (the key of the HMAC signature)' });
    // The call centre's SIG scrape is on when its address is given; then it needs its account.
    if (env.SIG_URL)
      for (const name of ['SIG_USERNAME', 'SIG_PASSWORD'] as const)
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when SIG_URL is set' });
    if (env.STORAGE_DRIVER === 's3')
      for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const)
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when STORAGE_DRIVER=s3' });
    if (env.EMBEDDINGS_URL)
      for (const name of ['EMBEDDINGS_MODEL', 'EMBEDDINGS_DIMENSIONS'] as const)
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when EMBEDDINGS_URL is set' });
    for (const [provider, name] of [[env.EMBEDDINGS_PROVIDER, 'EMBEDDINGS_PROVIDER'], [env.CHAT_PROVIDER, 'CHAT_PROVIDER']] as const)
      if (provider === 'n8n' && !env.AI_WEBHOOK_SECRET)
        ctx.addIssue({ code: 'custom', path: ['AI_WEBHOOK_SECRET'], message: `is required with ${name}=n8n (the key that signs what is sent to the n8n webhook)` });
    if (env.CHAT_URL && !env.CHAT_MODEL) ctx.addIssue({ code: 'custom', path: ['CHAT_MODEL'], message: 'is required when CHAT_URL is set' });
    const erpSettings = ['ERP_DYNAMICS_TOKEN_URL', 'ERP_DYNAMICS_CLIENT_ID', 'ERP_DYNAMICS_CLIENT_SECRET', 'ERP_DYNAMICS_COMPANY'] as const;
    if (env.ERP_DYNAMICS_URL)
      for (const name of erpSettings) if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when ERP_DYNAMICS_URL is set' });
    if (!env.ERP_DYNAMICS_URL)
      for (const name of erpSettings)
        if (env[name]) ctx.addIssue({ code: 'custom', path: ['ERP_DYNAMICS_URL'], message: `is required when ${name} is set (or unset ${name} to leave the ERP module off)` });
  });

export type Environment = z.infer<typeof environmentSchema>;

/** Every variable this file reads (test/deployment.test.ts checks each is in .env.example or set by compose). */
export const CONFIG_VARIABLES = Object.keys(environmentSchema.shape) as (keyof Environment)[];

export interface AppConfig {
  env: Environment['NODE_ENV'];
  host: string;
  port: number;
  publicUrl: string | undefined;
  databaseUrl: string | undefined;
  /** A read replica for reports (the KPI job, Excel exports, the dashboard); undefined: the primary. */
  databaseReplicaUrl: string | undefined;
  /** A direct or session-mode address for the connections PgBouncer's transaction mode cannot carry (LISTEN
   * of live pages and notifications, the queue, migrations' session lock); undefined: DATABASE_URL. */
  databaseSessionUrl: string | undefined;
  /** Web processes `npm start` runs (1: one process, as before). */
  webConcurrency: number;
  dataDir: string;
  embeddedPgPort: number;
  sessionSecret: string | undefined;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: string | undefined;
  initialAdmin: { email: string | undefined; password: string | undefined };
  timeZone: string;
  /** APP_TIMEZONE was set, not left to its default (the administrator's first-start checklist asks). */
  timeZoneChosen: boolean;
  defaultLocale: 'es' | 'en';
  workersInProcess: boolean;
  loginThrottle: { maxFailuresPerAccount: number; maxFailuresPerIp: number; blockMinutes: number };
  storage: StorageSettings;
  /** Largest revision file accepted; downloads streamed by the app, or (S3 reachable by browsers) a
   * redirect to a presigned URL working for downloadUrlSeconds. */
  documents: { maxUploadBytes: number; downloads: 'stream' | 'presigned'; downloadUrlSeconds: number };
  /** Months of change history kept; 0 keeps it forever. */
  historyRetentionMonths: number;
  /** Excel imports: largest file and most data rows accepted; days their files are kept (0: forever). */
  imports: { maxBytes: number; maxRows: number; fileRetentionDays: number };
  /** How often the queue looks for expired jobs and dead workers' jobs. */
  queueMonitorSeconds: number;
  /** Dynamics 365; null: the ERP module is off. */
  erp: DynamicsSettings | null;
  /** Bearer token of GET /metrics; unset: /metrics answers 404. */
  metricsToken: string | undefined;
  /** Administrators are alerted when a queue holds more than queueDepth waiting jobs for queueMinutes. */
  jobAlerts: JobAlertSettings;
  /** Outside notification channels (each absent: off) and the PUBLIC_URL their links point to. */
  messaging: MessagingSettings;
  /** Hours a work request may wait before supervisors are told. */
  workRequestWaitingHours: number;
  /** Days a transmittal recipient's link works (issue 24). */
  transmittalLinkDays: number;
  /** The legacy SIG the call centre's tickets are read from; undefined: the scrape is off. */
  sig: SigSettings | undefined;
  /** Embeddings and chat providers (each absent: off). */
  ai: AiSettings;
  /** The OCR webhook scans are sent to; undefined: off. */
  ocr: OcrSettings | undefined;
  logLevel: Environment['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings (e.g. `PORT=` in an .env file) count as unset.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    databaseSessionUrl: e.DATABASE_SESSION_URL,
    webConcurrency: e.WEB_CONCURRENCY,
    dataDir: e.DATA_DIR,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    sessionSecret: e.SESSION_SECRET,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    trustProxy: e.TRUST_PROXY,
    initialAdmin: { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD },
    timeZone: e.APP_TIMEZONE,
    timeZoneChosen: 'APP_TIMEZONE' in present,
    defaultLocale: e.DEFAULT_LOCALE,
    workersInProcess: e.WORKERS_IN_PROCESS,
    loginThrottle: {
      maxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      blockMinutes: e.LOGIN_BLOCK_MINUTES,
    },
    storage:
      e.STORAGE_DRIVER === 's3'
        ? {
            driver: 's3',
            endpoint: e.S3_ENDPOINT!,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET!,
            accessKeyId: e.S3_ACCESS_KEY_ID!,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          }
        : { driver: 'local' },
    documents: {
      maxUploadBytes: Math.round(e.DOCUMENT_MAX_UPLOAD_MB * 1024 * 1024),
      downloads: e.DOCUMENT_DOWNLOADS,
      downloadUrlSeconds: e.DOCUMENT_DOWNLOAD_URL_SECONDS,
    },
    historyRetentionMonths: e.HISTORY_RETENTION_MONTHS,
    imports: { maxBytes: Math.round(e.IMPORT_MAX_MB * 1024 * 1024), maxRows: e.IMPORT_MAX_ROWS, fileRetentionDays: e.IMPORT_FILE_RETENTION_DAYS },
    queueMonitorSeconds: e.QUEUE_MONITOR_SECONDS,
    erp: e.ERP_DYNAMICS_URL
      ? {
          baseUrl: e.ERP_DYNAMICS_URL,
          tokenUrl: e.ERP_DYNAMICS_TOKEN_URL!,
          clientId: e.ERP_DYNAMICS_CLIENT_ID!,
          clientSecret: e.ERP_DYNAMICS_CLIENT_SECRET!,
          scope: e.ERP_DYNAMICS_SCOPE ?? `${e.ERP_DYNAMICS_URL.replace(/\/+$/, '')}/.default`,
          dataAreaId: e.ERP_DYNAMICS_COMPANY!,
          externalKeyField: e.ERP_DYNAMICS_EXTERNAL_KEY_FIELD,
          requestTimeoutMs: Math.round(e.ERP_DYNAMICS_TIMEOUT_SECONDS * 1000),
          backoffMs: DYNAMICS_DEFAULTS.backoffMs,
          maxRetryAfterSeconds: DYNAMICS_DEFAULTS.maxRetryAfterSeconds,
          concurrency: e.ERP_DYNAMICS_CONCURRENCY,
        }
      : null,
    metricsToken: e.METRICS_TOKEN,
    jobAlerts: { queueDepth: e.QUEUE_ALERT_DEPTH, queueMinutes: e.QUEUE_ALERT_MINUTES },
    messaging: {
      ...(e.SMTP_URL && e.MAIL_FROM && { email: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } }),
      ...(e.TELEGRAM_BOT_TOKEN && { telegram: { token: e.TELEGRAM_BOT_TOKEN, baseUrl: e.TELEGRAM_API_URL } }),
      ...(e.WEBHOOK_URL && e.WEBHOOK_SECRET && { webhook: { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET } }),
    },
    workRequestWaitingHours: e.WORK_REQUEST_WAITING_HOURS,
    transmittalLinkDays: e.TRANSMITTAL_LINK_DAYS,
    sig: e.SIG_URL
      ? {
          baseUrl: e.SIG_URL,
          username: e.SIG_USERNAME!,
          password: e.SIG_PASSWORD!,
          pageDelayMs: e.SIG_PAGE_DELAY_MS,
          timeoutMs: Math.round(e.SIG_TIMEOUT_SECONDS * 1000),
          maxPages: e.SIG_MAX_PAGES,
        }
      : undefined,
    ai: {
      ...(e.EMBEDDINGS_URL && {
        embeddings: {
          provider: e.EMBEDDINGS_PROVIDER,
          baseUrl: e.EMBEDDINGS_URL,
          apiKey: e.EMBEDDINGS_API_KEY,
          model: e.EMBEDDINGS_MODEL!,
          dimensions: e.EMBEDDINGS_DIMENSIONS!,
          batchSize: e.EMBEDDINGS_BATCH,
          perMinute: e.EMBEDDINGS_PER_MINUTE,
          timeoutMs: Math.round(e.AI_TIMEOUT_SECONDS * 1000),
        },
      }),
      ...(e.AI_WEBHOOK_SECRET && { webhookSecret: e.AI_WEBHOOK_SECRET }),
      ...(e.CHAT_URL && { chat: { provider: e.CHAT_PROVIDER, baseUrl: e.CHAT_URL, apiKey: e.CHAT_API_KEY, model: e.CHAT_MODEL!, timeoutMs: Math.round(e.AI_TIMEOUT_SECONDS * 1000) } }),
    },
    ocr: e.OCR_URL ? { url: e.OCR_URL, token: e.OCR_TOKEN, perMinute: e.OCR_PER_MINUTE, timeoutMs: Math.round(e.AI_TIMEOUT_SECONDS * 1000) } : undefined,
    logLevel: e.LOG_LEVEL,
  };
}

/** For process entry points: the configuration, or a message naming what is wrong and exit code 78. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
}

// `npm run backup` / `npm run restore` (server/backup/): the folder of a pg_dump / pg_restore of the server's
// major version, when the one on PATH is older. A setting of those two commands, not of the application's
// processes, so it is not among CONFIG_VARIABLES (nor in .env.example).
export function postgresBinDir(source: NodeJS.ProcessEnv = process.env): string | undefined {
  return source.PG_BIN_DIR?.trim() || undefined;
}
