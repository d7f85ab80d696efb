// A file's SHA-256 and size taken while it streams through (an upload on its way to disk, a backup's
// files on their way to the archive), so it is read once.
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/** A pass-through stream that measures and hashes what flows through it. */
export function hashingStream(): Transform & { digest(): { sha256: string; size: number } } {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return Object.assign(stream, { digest: () => ({ sha256: hash.digest('hex'), size }) });
}
