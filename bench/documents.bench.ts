// npm run bench:documents — what document control costs on a real back office (embedded PostgreSQL,
// local-disk storage, HTTP on 127.0.0.1), against baselines measured in the same run:
// - upload of a 20 MB PDF (multipart → temporary file + SHA-256 → type check → store → revision row)
//   vs the floor of that work: copying the same bytes on disk while hashing them;
// - download of it through the rights-checking route vs reading the file from disk;
// - signing (password check + hash of the stored file + two rows) vs argon2id verification alone;
// - the server's resident memory while uploading (streamed, so it should not grow by the file's size).
import './support/fail-loudly.js';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pino } from 'pino';
import { hashPassword, verifyPassword } from '../domain/users/password.js';
import { startBackOffice } from '../server/back-office.js';
import { loadConfig } from '../server/config.js';
import { freePort } from '../server/embedded-postgres.js';
import { aPdf } from '../test/support/documents.js';
import { HttpClient } from '../test/support/http-client.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZE_MB = Number(process.env.BENCH_FILE_MB ?? 20);
const PASSWORD = randomBytes(12).toString('base64url'); // a throwaway plant: a fresh password each run

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-bench-documents-'));
const office = await startBackOffice(
  loadConfig({ DATA_DIR: dataDir, PORT: '0', EMBEDDED_PG_PORT: String(await freePort()), ADMIN_EMAIL: 'bench@planta.test', ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'silent', WORKERS_IN_PROCESS: 'false', DOCUMENT_MAX_UPLOAD_MB: String(SIZE_MB * 2) }),
  pino({ level: 'silent' }),
);
const client = new HttpClient(office.url);
await client.signIn('bench@planta.test', PASSWORD);

const pdf = Buffer.concat([aPdf('Banco de pruebas'), Buffer.alloc(SIZE_MB * 1024 * 1024, 0x20)]);
const source = path.join(dataDir, 'source.pdf');
await writeFile(source, pdf);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

const results = { upload: [] as number[], copyAndHash: [] as number[], download: [] as number[], readFile: [] as number[], sign: [] as number[], argon2: [] as number[], rssGrowthMb: [] as number[] };
const hash = await hashPassword(PASSWORD);

for (let run = 0; run < RUNS; run++) {
  const document = await office.database.prisma.document.create({ data: { title: `Banco ${run}`, kind: 'OTHER' } });
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(pdf)]), 'banco.pdf');
  const rssBefore = process.memoryUsage().rss;
  let revisionId = 0;
  results.upload.push(
    await time(async () => {
      const response = await client.json<{ revision: { id: number } }>(`/admin/documents/${document.id}/revisions`, { method: 'POST', body: form });
      if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
      revisionId = response.body.revision.id;
    }),
  );
  results.rssGrowthMb.push((process.memoryUsage().rss - rssBefore) / 1024 / 1024);
  results.copyAndHash.push(
    await time(async () => {
      const digest = createHash('sha256');
      const measure = new Transform({ transform: (chunk, _e, done) => (digest.update(chunk), done(null, chunk)) });
      await pipeline(createReadStream(source), measure, createWriteStream(path.join(dataDir, `copy-${run}.pdf`)));
      digest.digest('hex');
    }),
  );
  results.download.push(await time(async () => (await client.request(`/admin/documents/revisions/${revisionId}/download`)).arrayBuffer()));
  results.readFile.push(await time(async () => { for await (const _ of createReadStream(source)); }));
  results.sign.push(
    await time(async () => {
      const response = await client.request(`/admin/documents/revisions/${revisionId}/sign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: PASSWORD }) });
      if (response.status !== 201) throw new Error(`sign answered ${response.status}`);
    }),
  );
  results.argon2.push(await time(() => verifyPassword(hash, PASSWORD)));
}

const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
const mbps = (values: number[]) => `${((SIZE_MB / median(values)) * 1000).toFixed(0)} MB/s`;
console.log(`documents, ${SIZE_MB} MB PDF, median of ${RUNS} runs`);
console.log(`  upload over HTTP        ${ms(results.upload)} (${mbps(results.upload)})   baseline copy+SHA-256 on disk ${ms(results.copyAndHash)}   ratio ${(median(results.upload) / median(results.copyAndHash)).toFixed(2)}`);
console.log(`  download over HTTP      ${ms(results.download)} (${mbps(results.download)})   baseline read from disk ${ms(results.readFile)}   ratio ${(median(results.download) / median(results.readFile)).toFixed(2)}`);
console.log(`  sign (password + hash)  ${ms(results.sign)}   baseline argon2id verify ${ms(results.argon2)}   ratio ${(median(results.sign) / median(results.argon2)).toFixed(2)}`);
console.log(`  server RSS growth during an upload: median ${median(results.rssGrowthMb).toFixed(1)} MB for a ${SIZE_MB} MB file (client and server share this process)`);

await office.stop();
await rm(dataDir, { recursive: true, force: true });
