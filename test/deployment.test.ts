// docker-compose.yml cannot run here (no Docker engine); this checks what can be checked by reading it:
// the environment it gives the web and worker processes passes our configuration validation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../server/config.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { image?: string; build?: string; command?: string[]; environment?: Record<string, string> }>;
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
    expect(compose.services.worker?.command).toEqual(['node', '--max-old-space-size=256', '--import', 'tsx', 'server/worker.ts']);
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

  it('refuses to start without the secrets a .env must provide, and holds none itself', () => {
    expect(() => environmentOf('web', {})).toThrow(/set POSTGRES_PASSWORD in .env/);
    expect(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')).not.toMatch(/PASSWORD:\s*["']?\w{6,}/);
  });
});
