// Local-disk driver: files under DATA_DIR/files, written to a temporary name then renamed (atomic).
import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { assertValidKey, StorageFailure, type ObjectStorage, type StoredObject } from './storage.js';

export function createLocalDiskStorage(root: string): ObjectStorage {
  const base = path.resolve(root);
  const pathOf = (key: string) => {
    assertValidKey(key);
    return path.join(base, ...key.split('/'));
  };

  return {
    driver: 'local',
    async put(key, body) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'ENOSPC' || error.code === 'EDQUOT' ? new StorageFailure('full', error) : error;
      });
      const temporary = `${target}.${randomUUID()}.part`;
      try {
        await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(temporary));
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        // A full disk (or quota) is the store's state, not a fault of the file: said so to the person.
        const code = (error as NodeJS.ErrnoException).code;
        throw code === 'ENOSPC' || code === 'EDQUOT' ? new StorageFailure('full', error) : error;
      }
    },
    async get(key) {
      const file = pathOf(key);
      await access(file, constants.R_OK);
      return createReadStream(file);
    },
    async head(key) {
      const info = await stat(pathOf(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      return info?.isFile() ? { size: info.size } : null;
    },
    // No URL of its own: local files are always streamed through the route that checked the rights.
    async presignedDownloadUrl() {
      return null;
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async *list(prefix) {
      yield* walk(base, prefix);
    },
    async check() {
      await mkdir(base, { recursive: true });
      await access(base, constants.R_OK | constants.W_OK);
    },
  };
}

async function* walk(base: string, prefix: string, dir = base): AsyncGenerator<StoredObject> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const key = path.relative(base, full).split(path.sep).join('/');
    if (entry.isDirectory()) {
      if (`${key}/`.startsWith(prefix) || prefix.startsWith(`${key}/`)) yield* walk(base, prefix, full);
    } else if (key.startsWith(prefix) && !entry.name.endsWith('.part')) {
      // A file deleted between readdir and stat (a clean-up running meanwhile) is simply gone.
      const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (info) yield { key, size: info.size, lastModified: info.mtime };
    }
  }
}
