// Reading a file's text with bounds: in a child process with its own heap limit and a deadline per file,
// so a 300-page manual, a zip bomb disguised as a .docx or a PDF that loops costs that process only. The
// application, its requests and its other jobs go on; the revision is marked with why it was not read.
// (A worker thread's resourceLimits were tried first: V8 sometimes aborts the whole process when a thread
// reaches its heap limit, which a separate process rules out.)
// The reader is started once and kept (loading the PDF reader costs seconds), one file at a time; a
// file that overruns its limits takes the reader down with it, and the next file starts a fresh one.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FileText } from './read-file-text.js';

export interface ReadLimits {
  /** Heap of the worker thread, in MB. */
  memoryMb: number;
  timeoutMs: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { memoryMb: 192, timeoutMs: 60_000 };

/** Why a file's text could not be read, in words for the revision's page (text_error). */
export class UnreadableFileError extends Error {}

type Reply = { id: number; ok: true; text: FileText } | { id: number; ok: false; message: string } | { id?: undefined; ready: true };

let reader: { worker: ChildProcess; memoryMb: number; ready: Promise<void> } | null = null;
let nextId = 1;
// One file at a time: each read waits for the one before it.
let queue: Promise<unknown> = Promise.resolve();

export function readTextInWorker(bytes: Uint8Array, contentType: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<FileText> {
  const read = queue.then(() => readOne(bytes, contentType, limits));
  queue = read.catch(() => undefined);
  return read;
}

// An idle reader (its process and its message channel) does not keep the application alive.
function release(worker: ChildProcess) {
  worker.unref();
  (worker.channel as { unref?: () => void } | undefined)?.unref?.();
}
function hold(worker: ChildProcess) {
  worker.ref();
  (worker.channel as { ref?: () => void } | undefined)?.ref?.();
}

function startReader(memoryMb: number): { worker: ChildProcess; ready: Promise<void> } {
  if (reader?.memoryMb === memoryMb) return reader;
  if (reader) reader.worker.kill('SIGKILL');
  const entry = fileURLToPath(new URL(`./text-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  const worker = fork(entry, [], {
    // TypeScript sources are run through tsx, in the reader as in the process that starts it.
    execArgv: ['--import', 'tsx', `--max-old-space-size=${memoryMb}`, '--max-semi-space-size=16'],
    // Bytes and results cross as structured clones (a Uint8Array stays one), not as JSON.
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onReady = (message: { ready?: boolean }) => {
      if (!message.ready) return;
      worker.off('message', onReady);
      resolve();
    };
    worker.on('message', onReady);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new UnreadableFileError(`the reader stopped while starting (exit code ${code})`)));
  });
  ready.catch(() => undefined);
  // An idle reader does not keep the process alive.
  release(worker);
  reader = { worker, memoryMb, ready };
  worker.once('exit', () => {
    if (reader?.worker === worker) reader = null;
  });
  return reader;
}

async function readOne(bytes: Uint8Array, contentType: string, limits: ReadLimits): Promise<FileText> {
  const { worker, ready } = startReader(limits.memoryMb);
  hold(worker);
  try {
    await ready;
  } catch (error) {
    release(worker);
    throw error instanceof UnreadableFileError ? error : new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void, stopReader = false) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      release(worker);
      if (stopReader) {
        if (reader?.worker === worker) reader = null;
        worker.kill('SIGKILL');
      }
      outcome();
    };
    const onMessage = (reply: Reply) => {
      if (reply.id !== id || !('ok' in reply)) return;
      finish(() => (reply.ok ? resolve(reply.text) : reject(new UnreadableFileError(reply.message))));
    };
    const onError = (error: Error) => finish(() => reject(new UnreadableFileError(error.message)), true);
    // V8 aborts a process out of heap (SIGABRT, or exit code 134 through a shell).
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(
        () =>
          reject(new UnreadableFileError(signal === 'SIGABRT' || code === 134 ? `reading needed more than ${limits.memoryMb} MB` : `the reader stopped (${signal ?? `exit code ${code}`})`)),
        true,
      );
    const timer = setTimeout(
      () => finish(() => reject(new UnreadableFileError(`reading took longer than ${Math.round(limits.timeoutMs / 1000)} s`)), true),
      limits.timeoutMs,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    hold(worker);
    worker.send({ id, bytes, contentType });
  });
}
