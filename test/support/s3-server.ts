// A real S3-compatible server (s3rver) on 127.0.0.1, with one private bucket, for tests of the S3 driver.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../../integrations/storage/index.js';

export interface TestS3Server {
  settings: S3Settings;
  /** The same settings as environment variables for the back office. */
  env: Record<string, string>;
  stop(): Promise<void>;
  /** Fault tests: the store goes away (its objects kept), then comes back on the same address. */
  goAway(): Promise<void>;
  comeBack(): Promise<void>;
}

export async function startS3Server(bucket = 'cmms-test'): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'cmms-s3-'));
  let server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  let running = true;
  // s3rver's fixed credentials; requests are signed and checked (presigned expiry included).
  const settings: S3Settings = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    settings,
    env: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: settings.endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: settings.accessKeyId,
      S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
    },
    stop: async () => {
      if (running) await server.close();
      await rm(directory, { recursive: true, force: true });
    },
    goAway: async () => {
      running = false;
      await server.close();
    },
    comeBack: async () => {
      server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
      await server.run();
      running = true;
    },
  };
}
