// Secrets the embedded default generates for itself on first start and keeps under DATA_DIR,
// so a fresh machine needs no configuration and no secret ever sits in the repository.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface LocalSecrets {
  postgresPassword: string;
  sessionSecret: string;
}

export async function readOrCreateSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.resolve(dataDir, 'secrets.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LocalSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secrets: LocalSecrets = {
    postgresPassword: randomBytes(18).toString('base64url'),
    sessionSecret: randomBytes(48).toString('base64url'),
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' }).catch(async (error) => {
    // Another process (web and worker starting together) wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  });
  return JSON.parse(await readFile(file, 'utf8')) as LocalSecrets;
}
