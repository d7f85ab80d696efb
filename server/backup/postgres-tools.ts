// pg_dump and pg_restore: the first of a major version the job needs, looked for in PG_BIN_DIR, then on
// PATH, then where Debian/Ubuntu, RHEL and Homebrew install them. pg_dump refuses a server of a newer
// major than its own, and pg_restore cannot read an archive written by a newer pg_dump, so the version
// is checked here and a missing one is named, instead of failing half-way with the tool's own message.
import { execFile } from 'node:child_process';
import { access, constants, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { BackupError } from './backup-error.js';

const run = promisify(execFile);

export type PostgresToolName = 'pg_dump' | 'pg_restore';

export interface PostgresTool {
  name: PostgresToolName;
  path: string;
  /** As the tool prints it, e.g. 15.18. */
  version: string;
  major: number;
}

/** Folders that hold versioned PostgreSQL clients on common systems (newest first). */
async function versionedBinDirs(): Promise<string[]> {
  const found: string[] = [];
  for (const [parent, pattern, bin] of [
    ['/usr/lib/postgresql', /^\d+$/, 'bin'], // Debian, Ubuntu (apt.postgresql.org too)
    ['/usr', /^pgsql-\d+$/, 'bin'], // RHEL, Rocky (PGDG)
    ['/opt/homebrew/opt', /^postgresql@\d+$/, 'bin'], // macOS Homebrew
    ['/usr/local/opt', /^postgresql@\d+$/, 'bin'],
  ] as const) {
    const entries = await readdir(parent).catch(() => [] as string[]);
    for (const entry of entries.filter((e) => pattern.test(e))) found.push(path.join(parent, entry, bin));
  }
  const majorOf = (dir: string) => Number(/(\d+)(?!.*\d)/.exec(path.dirname(dir))?.[1] ?? 0);
  return found.sort((a, b) => majorOf(b) - majorOf(a));
}

async function describeTool(name: PostgresToolName, file: string): Promise<PostgresTool | null> {
  try {
    await access(file, constants.X_OK);
    const { stdout } = await run(file, ['--version'], { timeout: 10_000 });
    // "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
    const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout);
    if (!match) return null;
    return { name, path: file, version: match[2] === undefined ? match[1]! : `${match[1]}.${match[2]}`, major: Number(match[1]) };
  } catch {
    return null;
  }
}

/**
 * The tool of the lowest major that is at least `minimumMajor` (the lowest keeps the archive readable by
 * as many pg_restore versions as possible). With binDir (PG_BIN_DIR) only that folder is looked in.
 */
export async function findPostgresTool(
  name: PostgresToolName,
  minimumMajor: number,
  options: { binDir?: string; why: string; searchPath?: string },
): Promise<PostgresTool> {
  const dirs = options.binDir
    ? [options.binDir]
    : [...(options.searchPath ?? process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...(await versionedBinDirs())];
  const seen = new Set<string>();
  const candidates: PostgresTool[] = [];
  for (const dir of dirs) {
    const file = path.resolve(dir, name);
    if (seen.has(file)) continue;
    seen.add(file);
    const tool = await describeTool(name, file);
    if (tool) candidates.push(tool);
  }
  const fitting = candidates.filter((t) => t.major >= minimumMajor).sort((a, b) => a.major - b.major);
  if (fitting[0]) return fitting[0];

  const found = candidates.length
    ? `Found only ${candidates.map((t) => `${name} ${t.version} (${t.path})`).join(', ')}.`
    : `No ${name} was found${options.binDir ? ` in PG_BIN_DIR=${options.binDir}` : ' on PATH or under /usr/lib/postgresql/*/bin'}.`;
  throw new BackupError(
    `${name} ${minimumMajor} or newer is needed: ${options.why}. ${found}`,
    `Install the PostgreSQL ${minimumMajor} client tools (Debian/Ubuntu: the package postgresql-client-${minimumMajor} from apt.postgresql.org; ` +
      `RHEL: postgresql${minimumMajor} from the PGDG repository), or set PG_BIN_DIR to the folder holding ${name} ${minimumMajor}, then run the command again.`,
  );
}
