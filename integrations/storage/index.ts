import path from 'node:path';
import type { AppConfig } from '../../server/config.js';
import { createLocalDiskStorage } from './local-disk.storage.js';
import { createS3Storage } from './s3.storage.js';
import type { ObjectStorage } from './storage.js';

export function createStorage(config: Pick<AppConfig, 'storage' | 'dataDir'>): ObjectStorage {
  return config.storage.driver === 's3'
    ? createS3Storage(config.storage)
    : createLocalDiskStorage(path.join(config.dataDir, 'files'));
}

export type { ObjectStorage } from './storage.js';
