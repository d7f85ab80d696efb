// docker-compose.yml cannot run here (no Docker engine); this checks what can be checked by reading it:
// the environment it gives the web and worker processes passes our configuration validation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../server/config.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { image?: string; build?: string; command?: string[]; environment?: Record<string, string>; deploy?: { replicas?: string | number }; ports?: string[]; volumes?: string[] }>;
};
const dotEnv = { POSTGRES_PASSWORD: 'pw', SESSION_SECRET: 's'.repeat(40), MINIO_ROOT_USER: 'cmms', MINIO_ROOT_PASSWORD: 'minio-pw' };

/** Compose's ${VAR}, ${VAR:-default} and ${VAR:?error} interpolation. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    if (env[name]) return env[name]!;
    if (kind === '?') throw new Error(`compose would stop: ${rest}`);
    return kind === '-' ? rest ?? '' : '';
  });
}

// Settings of server/config.ts a .env does not give in this deployment, and why.
const NOT_FROM_ENV_FILE: Record<string, string> = {
  NODE_ENV: 'always production here',
  HOST: 'the container listens on every interface',
  PORT: 'the container listens on 3000; WEB_PORT publishes it',
  DATABASE_URL: 'built from POSTGRES_PASSWORD for the db service',
  DATA_DIR: 'the embedded database and local files only; here PostgreSQL and MinIO keep the data',
  EMBEDDED_PG_PORT: 'the embedded database only',
  WORKERS_IN_PROCESS: 'false on web, the worker service runs them',
  STORAGE_DRIVER: 's3: the MinIO service',
  S3_ENDPOINT: 'the MinIO service',
  S3_REGION: "MinIO's",
  S3_ACCESS_KEY_ID: 'MINIO_ROOT_USER',
  S3_SECRET_ACCESS_KEY: 'MINIO_ROOT_PASSWORD',
  S3_FORCE_PATH_STYLE: 'MinIO needs path-style addressing',
  DOCUMENT_DOWNLOADS: 'streamed: MinIO is not reachable by browsers here',
  DOCUMENT_DOWNLOAD_URL_SECONDS: 'presigned downloads only',
};
// Only the web process needs these: it creates the first administrator, and runs its web processes.
const WEB_ONLY = ['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'WEB_CONCURRENCY'];

function environmentOf(service: string, env: Record<string, string>) {
  const raw = compose.services[service]?.environment ?? {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, interpolate(String(v), env)]));
}

describe('docker-compose.yml, the production path', () => {
  it('runs PostgreSQL with pgvector, MinIO, and web and worker from our Dockerfile', () => {
    expect(compose.services.db?.image).toMatch(/^pgvector\/pgvector:/);
    expect(compose.services.minio?.image).toMatch(/^minio\/minio/);
    expect(compose.services.web?.build).toBe('.');
    expect(compose.services.worker?.build).toBe('.');
    expect(compose.services.worker?.command).toEqual(['node', '--max-old-space-size=256', '--max-semi-space-size=4', '--import', 'tsx', 'server/worker.ts']);
  });

  it('gives web and worker a configuration that validates: production, S3 storage, workers only in the worker', () => {
    const web = loadConfig(environmentOf('web', dotEnv));
    const worker = loadConfig(environmentOf('worker', dotEnv));
    for (const config of [web, worker]) {
      expect(config.env).toBe('production');
      expect(config.databaseUrl).toBe('postgresql://cmms:pw@db:5432/cmms');
      expect(config.storage).toMatchObject({ driver: 's3', endpoint: 'http://minio:9000', forcePathStyle: true });
      expect(config.cookieSecure).toBe(true);
    }
    expect(web.workersInProcess).toBe(false);
    expect(web.host).toBe('0.0.0.0');
  });

  it('turns the notification channels and /metrics on from .env, and leaves them off when empty', () => {
    const off = loadConfig(environmentOf('worker', dotEnv));
    expect(off.messaging).toEqual({});
    expect(off.metricsToken).toBeUndefined();
    expect([off.erp, off.sig]).toEqual([null, undefined]);
    const channels = {
      ...dotEnv,
      SMTP_URL: 'smtp://cmms:pw@mail.planta.hn:587',
      MAIL_FROM: 'CMMS Planta <cmms@planta.hn>',
      TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwx',
      WEBHOOK_URL: 'https://n8n.planta.hn/webhook/cmms',
      WEBHOOK_SECRET: 'w'.repeat(40),
      METRICS_TOKEN: 'm'.repeat(24),
      QUEUE_ALERT_DEPTH: '250',
    };
    for (const service of ['web', 'worker']) {
      const config = loadConfig(environmentOf(service, channels));
      expect(config.messaging).toEqual({
        email: { smtpUrl: channels.SMTP_URL, from: channels.MAIL_FROM },
        telegram: { token: channels.TELEGRAM_BOT_TOKEN, baseUrl: 'https://api.telegram.org' },
        webhook: { url: channels.WEBHOOK_URL, secret: channels.WEBHOOK_SECRET },
      });
      expect(config.metricsToken).toBe(channels.METRICS_TOKEN);
      expect(config.jobAlerts.queueDepth).toBe(250);
    }
  });

  it('offers every setting the configuration reads in .env.example, and passes each one to web and worker', () => {
    const example = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const offered = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
    const raw = (service: string) => compose.services[service]?.environment ?? {};
    const passed = (service: string, name: string) => new RegExp(`\\$\\{${name}(:[-?][^}]*)?\\}`).test(String(raw(service)[name] ?? ''));
    for (const name of CONFIG_VARIABLES) {
      if (name in NOT_FROM_ENV_FILE) {
        // Fixed by compose for this deployment, or meaningless in it: never a line of .env.example.
        expect(offered.has(name), `${name} is set by docker-compose.yml, yet offered in .env.example`).toBe(false);
        continue;
      }
      expect(offered.has(name), `${name} is read by server/config.ts but missing from .env.example`).toBe(true);
      expect(passed('web', name), `${name} is in .env.example but docker-compose.yml does not pass it to web`).toBe(true);
      if (!WEB_ONLY.includes(name)) expect(passed('worker', name), `${name} is in .env.example but docker-compose.yml does not pass it to worker`).toBe(true);
    }
    // What else .env.example offers is compose's own (the database's and MinIO's passwords, the port).
    const composeText = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    for (const name of offered) if (!CONFIG_VARIABLES.includes(name as never)) expect(composeText, `${name} in .env.example is used by nothing`).toContain(`\${${name}`);
  });

  // Past one machine (issue 26): a balancer in front of several web containers, several workers.
  it('runs web and worker as several replicas behind a balancer that passes live events unbuffered', () => {
    expect(interpolate(String(compose.services.web?.deploy?.replicas), dotEnv)).toBe('2');
    expect(interpolate(String(compose.services.worker?.deploy?.replicas), { ...dotEnv, WORKER_REPLICAS: '3' })).toBe('3');
    // Only the balancer publishes a port: replicas of web cannot all bind the same host port.
    expect(compose.services.web?.ports).toBeUndefined();
    expect(compose.services.balancer?.ports).toEqual(['${WEB_PORT:-3000}:80']);
    const mounted = compose.services.balancer!.volumes!.map((v) => v.split(':')[0]!);
    const nginx = readFileSync(path.join(ROOT, mounted[0]!), 'utf8');
    expect(nginx).toMatch(/server web:3000;/);
    const events = /location = \/admin\/events \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(events).toContain('proxy_buffering off;');
    expect(events).toMatch(/proxy_read_timeout \d+h;/);
    expect(nginx.replace(/#.*$/gm, "")).not.toMatch(/ip_hash|sticky|hash \$cookie/);
  });

  it('refuses to start without the secrets a .env must provide, and holds none itself', () => {
    expect(() => environmentOf('web', {})).toThrow(/set POSTGRES_PASSWORD in .env/);
    expect(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')).not.toMatch(/PASSWORD:\s*["']?\w{6,}/);
  });
});
