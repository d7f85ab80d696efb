// The worker thread's entry: reads files' text, one message at a time, and posts each back
// (read-in-worker.ts starts it once and keeps it for the next files).
import { parentPort } from 'node:worker_threads';
import { readFileText } from './read-file-text.js';

parentPort!.on('message', ({ id, bytes, contentType }: { id: number; bytes: Uint8Array; contentType: string }) => {
  readFileText(bytes, contentType).then(
    (text) => parentPort!.postMessage({ id, ok: true, text }),
    (error: unknown) => parentPort!.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});

// Loaded: the deadline of each file starts now, not while the reader's own code was loading.
parentPort!.postMessage({ ready: true });
