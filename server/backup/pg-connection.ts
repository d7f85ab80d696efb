// How pg_dump and pg_restore are pointed at a database: the URL without its password (a command line is
// visible to every user of the machine in `ps`), the password in the child's environment.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

export function toolConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: { ...process.env, ...(password && { PGPASSWORD: password }) } };
}

export interface ToolRun {
  stdout: Readable;
  /** Resolves with the exit code and what the tool printed on stderr. */
  finished: Promise<{ code: number | null; stderr: string }>;
  /** Stops the tool (the command failed elsewhere). */
  stop(): void;
}

export function runTool(file: string, args: string[], env: NodeJS.ProcessEnv): ToolRun {
  const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
  const finished = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr: stderr.trim() }));
  });
  return { stdout: child.stdout, finished, stop: () => void (child.exitCode === null && child.kill()) };
}
