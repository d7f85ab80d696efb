import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration read once at start', () => {
  it('runs the embedded default with no settings at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './.data',
      timeZone: 'America/Tegucigalpa',
      defaultLocale: 'es',
      workersInProcess: true,
      cookieSecure: false,
      storage: { driver: 'local' },
    });
  });

  it('names each malformed variable and says what is expected', () => {
    const problems = problemsOf({ PORT: 'tres mil', APP_TIMEZONE: 'America/Tegucigalpita', DATABASE_URL: 'mysql://x', WORKERS_IN_PROCESS: 'quizás' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: /),
        expect.stringMatching(/^APP_TIMEZONE: must be an IANA time zone/),
        expect.stringMatching(/^DATABASE_URL: must start with postgresql:\/\//),
        expect.stringMatching(/^WORKERS_IN_PROCESS: must be true or false/),
      ]),
    );
  });

  it('requires a database and a session secret in production, and secure cookies by default there', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL: is required in production',
      'SESSION_SECRET: is required in production',
    ]);
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://u:p@db:5432/cmms', SESSION_SECRET: 'x'.repeat(40) });
    expect(config.cookieSecure).toBe(true);
  });

  it('requires the S3 settings only when the S3 driver is chosen', () => {
    expect(problemsOf({ STORAGE_DRIVER: 's3', S3_ENDPOINT: 'http://minio:9000' })).toEqual([
      'S3_BUCKET: is required when STORAGE_DRIVER=s3',
      'S3_ACCESS_KEY_ID: is required when STORAGE_DRIVER=s3',
      'S3_SECRET_ACCESS_KEY: is required when STORAGE_DRIVER=s3',
    ]);
  });

  it('reads the document upload limit and download mode, and refuses presigned downloads from local disk', () => {
    expect(loadConfig({}).documents).toEqual({ maxUploadBytes: 25 * 1024 * 1024, downloads: 'stream', downloadUrlSeconds: 300 });
    expect(loadConfig({ DOCUMENT_MAX_UPLOAD_MB: '0.5' }).documents.maxUploadBytes).toBe(512 * 1024);
    expect(problemsOf({ DOCUMENT_MAX_UPLOAD_MB: 'mucho' })).toEqual(['DOCUMENT_MAX_UPLOAD_MB: must be a number of megabytes']);
    expect(problemsOf({ DOCUMENT_DOWNLOADS: 'presigned' })).toEqual(['DOCUMENT_DOWNLOADS: presigned needs STORAGE_DRIVER=s3 (local files are always streamed)']);
  });

  it('refuses an initial administrator password shorter than the policy', () => {
    expect(problemsOf({ ADMIN_PASSWORD: 'corta' })).toEqual(['ADMIN_PASSWORD: must be at least 12 characters']);
  });

  it('keeps the SIG scrape off unless its address is given, and then requires its account', () => {
    expect(loadConfig({}).sig).toBeUndefined();
    expect(problemsOf({ SIG_URL: 'http://sig.ccg.hn' })).toEqual([
      'SIG_USERNAME: is required when SIG_URL is set',
      'SIG_PASSWORD: is required when SIG_URL is set',
    ]);
    expect(problemsOf({ SIG_URL: 'sig.ccg.hn', SIG_USERNAME: 'a', SIG_PASSWORD: 'b' })).toEqual(["SIG_URL: must be the SIG's address, like http://sig.ccg.hn"]);
    expect(loadConfig({ SIG_URL: 'http://sig.ccg.hn', SIG_USERNAME: 'callcenter', SIG_PASSWORD: 'secreto', SIG_TIMEOUT_SECONDS: '10' }).sig).toEqual({
      baseUrl: 'http://sig.ccg.hn',
      username: 'callcenter',
      password: 'secreto',
      pageDelayMs: 1_000,
      timeoutMs: 10_000,
      maxPages: 50,
    });
  });
});
