// Reading a file's text with bounds: in a worker thread with its own heap limit and a deadline per file,
// so a 300-page manual, a zip bomb disguised as a .docx or a PDF that loops costs that thread only. The
// process, its requests and its other jobs go on; the revision is marked with why it was not read.
// The thread is started once and kept (loading the PDF reader costs seconds), one file at a time; a
// file that overruns its limits takes the thread down with it, and the next file starts a fresh one.
import { Worker } from 'node:worker_threads';
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

let reader: { worker: Worker; memoryMb: number; ready: Promise<void> } | null = null;
let nextId = 1;
// One file at a time: each read waits for the one before it.
let queue: Promise<unknown> = Promise.resolve();

export function readTextInWorker(bytes: Uint8Array, contentType: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<FileText> {
  const read = queue.then(() => readOne(bytes, contentType, limits));
  queue = read.catch(() => undefined);
  return read;
}

function startReader(memoryMb: number): { worker: Worker; ready: Promise<void> } {
  if (reader?.memoryMb === memoryMb) return reader;
  if (reader) void reader.worker.terminate();
  const worker = new Worker(new URL(`./text-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url), {
    // TypeScript sources are run through tsx, in the thread as in the process that starts it.
    execArgv: ['--import', 'tsx'],
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 },
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
  worker.unref();
  reader = { worker, memoryMb, ready };
  worker.once('exit', () => {
    if (reader?.worker === worker) reader = null;
  });
  return reader;
}

async function readOne(bytes: Uint8Array, contentType: string, limits: ReadLimits): Promise<FileText> {
  const { worker, ready } = startReader(limits.memoryMb);
  worker.ref();
  try {
    await ready;
  } catch (error) {
    worker.unref();
    throw error instanceof UnreadableFileError ? error : new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void, stopReader = false) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      worker.unref();
      if (stopReader) {
        if (reader?.worker === worker) reader = null;
        void worker.terminate();
      }
      outcome();
    };
    const onMessage = (reply: Reply) => {
      if (reply.id !== id || !('ok' in reply)) return;
      finish(() => (reply.ok ? resolve(reply.text) : reject(new UnreadableFileError(reply.message))));
    };
    const onError = (error: Error & { code?: string }) =>
      finish(() => reject(new UnreadableFileError(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `reading needed more than ${limits.memoryMb} MB` : error.message)), true);
    const onExit = (code: number) => finish(() => reject(new UnreadableFileError(`the reader stopped (exit code ${code})`)), true);
    const timer = setTimeout(
      () => finish(() => reject(new UnreadableFileError(`reading took longer than ${Math.round(limits.timeoutMs / 1000)} s`)), true),
      limits.timeoutMs,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.ref();
    worker.postMessage({ id, bytes, contentType });
  });
}
