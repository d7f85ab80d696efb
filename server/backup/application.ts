// What the backup commands need to know of this application: its version and the migrations it ships.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../../prisma/migrate.js';

const PACKAGE_JSON = path.resolve(import.meta.dirname, '../../package.json');

export async function applicationVersion(): Promise<{ name: string; version: string }> {
  const { name, version } = JSON.parse(await readFile(PACKAGE_JSON, 'utf8')) as { name: string; version: string };
  return { name, version };
}

export async function knownMigrations(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}
