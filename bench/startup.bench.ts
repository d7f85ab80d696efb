// npm run bench:startup — time from process start to the first 200 of the login page, on the embedded
// database: cold (fresh DATA_DIR: initdb, migrations, first administrator) and warm (existing data).
// Baseline in the same run: a bare Express server in a child process (the floor of Node + tsx start-up).
import './support/fail-loudly.js';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { aFreePort, spawnMain, stopWithCtrlC } from '../test/support/process.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_COLD_MS = 15_000;

async function timeToFirstLogin(start: () => ReturnType<typeof spawnMain>, url: string): Promise<number> {
  const began = performance.now();
  const child = start();
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
      const status = await fetch(url).then((r) => r.status, () => 0);
      if (status === 200) return performance.now() - began;
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await stopWithCtrlC(child);
  }
}

function bareExpress(port: string) {
  const script = `import express from 'express'; const app = express(); app.get('/', (_q, r) => r.send('ok')); app.listen(${port}, '127.0.0.1');
    process.on('SIGINT', () => process.exit(0));`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.resolve(import.meta.dirname, '..'), stdio: 'ignore' });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const cold: number[] = [];
const warm: number[] = [];
const baseline: number[] = [];

for (let run = 0; run < RUNS; run++) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-bench-startup-'));
  const env = { DATA_DIR: dataDir, PORT: await aFreePort(), EMBEDDED_PG_PORT: await aFreePort(), LOG_LEVEL: 'warn' };
  const loginUrl = `http://127.0.0.1:${env.PORT}/admin/login`;
  cold.push(await timeToFirstLogin(() => spawnMain(env), loginUrl));
  warm.push(await timeToFirstLogin(() => spawnMain(env), loginUrl));
  await rm(dataDir, { recursive: true, force: true });
  const port = await aFreePort();
  baseline.push(await timeToFirstLogin(() => bareExpress(port), `http://127.0.0.1:${port}/`));
}

const base = median(baseline);
const row = (name: string, values: number[]) =>
  `${name.padEnd(34)} median ${(median(values) / 1000).toFixed(2)} s   min ${(Math.min(...values) / 1000).toFixed(2)} s   max ${(Math.max(...values) / 1000).toFixed(2)} s   ${(median(values) / base).toFixed(1)}x baseline`;
console.log(`\nStart-up to first 200 of /admin/login (${RUNS} runs, ${os.cpus().length} cores)`);
console.log(row('baseline: bare Express under tsx', baseline));
console.log(row('cold: fresh .data (initdb+migrate)', cold));
console.log(row('warm: existing .data', warm));
console.log(`target: cold <= ${TARGET_COLD_MS / 1000} s -> ${median(cold) <= TARGET_COLD_MS ? 'met' : 'NOT met'}\n`);
