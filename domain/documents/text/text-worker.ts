// The reader process's entry: reads files' text, one message at a time, and sends each back
// (read-in-worker.ts forks it once and keeps it for the next files).
import { readFileText } from './read-file-text.js';

process.on('message', ({ id, bytes, contentType }: { id: number; bytes: Uint8Array; contentType: string }) => {
  readFileText(bytes, contentType).then(
    (text) => process.send!({ id, ok: true, text }),
    (error: unknown) => process.send!({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
// The parent gone, nothing is left to read for.
process.on('disconnect', () => process.exit(0));

// Loaded: the deadline of each file starts now, not while the reader's own code was loading.
process.send!({ ready: true });
