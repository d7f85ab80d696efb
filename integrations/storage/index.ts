// The storage driver the settings name: local disk under the data directory, or an S3 bucket.
import path from 'node:path';
import { createLocalDiskStorage } from './local-disk.storage.js';
import { createS3Storage, type S3Settings } from './s3.storage.js';
import type { ObjectStorage } from './storage.js';

export type StorageSettings = { driver: 'local' } | ({ driver: 's3' } & S3Settings);

export function createStorage(config: { storage: StorageSettings; dataDir: string }): ObjectStorage {
  return config.storage.driver === 's3'
    ? createS3Storage(config.storage)
    : createLocalDiskStorage(path.join(config.dataDir, 'files'));
}

export type { ObjectStorage } from './storage.js';
export type { S3Settings } from './s3.storage.js';
