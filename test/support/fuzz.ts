// The machinery of the fuzz suite (test/fuzz.test.ts): hostile values by kind (curated ones plus
// fast-check samples under a fixed seed, so CI sends the same cases every run), requests sent with a
// little concurrency, the verdict on each answer, and the counts per class.
import fc from 'fast-check';
import net from 'node:net';
import type { HttpClient } from './http-client.js';

/** Fixed: the cases are the same on every run and machine. */
export const FUZZ_SEED = 1414;

export interface Probe {
  /** The class it counts under in the report (list-filter, record-id, form-new...). */
  kind: string;
  label: string;
  client: HttpClient;
  path: string;
  method?: 'GET' | 'POST';
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Extra statuses this probe may answer (e.g. 200 for a search that finds nothing). */
  allow?: number[];
}

export interface Verdict {
  label: string;
  problem: string;
}

// What no answer may carry: stack frames, module paths, SQL, driver or Prisma messages, JS error names.
const LEAKS: [RegExp, string][] = [
  [/\n\s+at [^\n]+:\d+:\d+/, 'a stack trace'],
  [/node_modules|\/work\/|file:\/\//, 'a file path'],
  [/prisma|PrismaClient|Invalid `/i, 'a Prisma message'],
  [/\bSELECT\b[^"]{0,200}\bFROM\b|invalid input syntax|violates .* constraint|duplicate key value|syntax error at|out of range for type/i, 'SQL or a PostgreSQL message'],
  [/\b(TypeError|ReferenceError|RangeError|SyntaxError)\b/, 'a JavaScript error'],
];

export function leakIn(body: string): string | undefined {
  return LEAKS.find(([pattern]) => pattern.test(body))?.[1];
}

/** Statuses a refused or harmless malformed request may answer. 200 is allowed where AdminJS's
 * protocol puts a refusal in the body (field errors of a form), or where nothing was malformed enough
 * to refuse (a search for "%" that finds nothing); 302/303 for pages that send to sign-in. */
const REFUSALS = [400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 429];

export class FuzzRun {
  readonly counts = new Map<string, number>();
  readonly problems: Verdict[] = [];

  async send(probes: Probe[], concurrency = 4): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < probes.length) {
        const probe = probes[next++]!;
        this.counts.set(probe.kind, (this.counts.get(probe.kind) ?? 0) + 1);
        const problem = await judge(probe);
        if (problem) this.problems.push({ label: `${probe.kind} ${probe.label} (${probe.method ?? 'GET'} ${probe.path.slice(0, 160)})`, problem });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  count(kind: string, n = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }

  problem(label: string, problem: string): void {
    this.problems.push({ label, problem });
  }

  total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  /** Counts and problems as JSON, for test-artifacts/ (the console keeps only the counts). */
  json(): string {
    return JSON.stringify({ seed: FUZZ_SEED, total: this.total(), counts: Object.fromEntries(this.counts), problems: this.problems }, null, 2);
  }

  report(): string {
    const rows = [...this.counts].sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => `  ${kind.padEnd(22)} ${String(n).padStart(6)}`);
    return `fuzz cases sent (seed ${FUZZ_SEED}):\n${rows.join('\n')}\n  ${'total'.padEnd(22)} ${String(this.total()).padStart(6)}`;
  }
}

async function judge(probe: Probe): Promise<string | undefined> {
  let response: Response;
  let body: string;
  try {
    response = await probe.client.request(probe.path, { method: probe.method ?? 'GET', body: probe.body, headers: probe.headers });
    body = await response.text();
  } catch (error) {
    return `no answer (${(error as Error).message}): the connection was cut`;
  }
  return verdictOn(response.status, body, probe.allow ?? []);
}

export function verdictOn(status: number, body: string, allow: number[]): string | undefined {
  if (status >= 500) return `answered ${status}: ${body.slice(0, 300)}`;
  const leak = leakIn(body);
  if (leak) return `the body carries ${leak}: ${body.slice(0, 300)}`;
  if (![...REFUSALS, ...allow].includes(status)) return `answered ${status}, expected a refusal: ${body.slice(0, 200)}`;
  // Our refusals of malformed input say what to do, in words (not a bare key).
  if ([400, 413, 415].includes(status) && body.startsWith('{')) {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    if (typeof message !== 'string' || !/\s/.test(message)) return `a ${status} without a translated message: ${body.slice(0, 200)}`;
  }
  return undefined;
}

/** Sends raw bytes (a lying Content-Length, a multipart body cut short) and reads the status line. */
export function rawRequest(baseUrl: string, head: string, body: Buffer | string, waitMs = 3_000): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let received = '';
    const done = () => {
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolve({ status, text: received.split('\r\n\r\n').slice(1).join('\r\n\r\n') });
    };
    socket.setTimeout(waitMs, done);
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      if (/\r\n\r\n/.test(received) && /content-length: (\d+)/i.test(received)) {
        const length = Number(/content-length: (\d+)/i.exec(received)![1]);
        if (Buffer.byteLength(received.split('\r\n\r\n').slice(1).join('\r\n\r\n')) >= length) done();
      }
    });
    socket.on('error', done);
    socket.on('end', done);
    socket.write(head);
    socket.write(body);
  });
}

// ---- Hostile values by kind -------------------------------------------------------------------------

/** `n` values of `list` starting at `turn` (wrapping): successive properties or resources get successive
 * slices, so every value is sent somewhere while each one receives only a few. */
export function rotate<T>(list: readonly T[], turn: number, n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[(turn * n + i) % list.length]!);
}

const sample = <T>(arbitrary: fc.Arbitrary<T>, n: number, salt: number): T[] => fc.sample(arbitrary, { seed: FUZZ_SEED + salt, numRuns: n });

/** Record ids that are no ids: each must find nothing (404), never another record. */
export const HOSTILE_IDS = [
  'abc', '-1', '0', '0x1', '1e3', '1.0', '+1', ' 1', '01', '99999999999999999999', '2147483648', '9223372036854775808', 'null', 'undefined', '__proto__', '1;DROP', '%2e%2e',
  ...sample(fc.string({ maxLength: 12 }).filter((s) => !/^[1-9]\d*$/.test(s) && !s.includes('/') && !s.includes('?') && !s.includes('#') && s.trim() !== '' && s !== '.' && s !== '..'), 3, 1),
];

export const HOSTILE_PAGES = ['-1', '-99999', '1.5', '1e309', '99999999999999', 'Infinity', '9'.repeat(400)];
export const HOSTILE_PER_PAGE = ['-1', 'abc', '1.5', 'NaN', '-Infinity', '1e-9'];
export const HOSTILE_SORTS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'noSuchColumn', 'id.x.y', 'a'.repeat(300)];
export const HOSTILE_DIRECTIONS = ['sideways', 'ASC;--'];

/** Text a filter or search must match literally, or refuse: never a wildcard, never SQL. */
export const HOSTILE_TEXT = [
  '%', '_', '\\', '%%', '\\%', "' OR '1'='1", '"; DROP TABLE assets; --', '$1', 'a'.repeat(201), '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃', '\u2028\u2029', '<script>alert(1)</script>',
  ...sample(fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => !s.includes('\0')), 4, 2),
];
export const HOSTILE_NUMBERS = ['abc', '1e999', '0x10', '99999999999999999999', '-', 'NaN', '1,5', '١٢٣'];
export const HOSTILE_DATES = ['garbage', '2026-13-45', '99999-01-01', '0000-00-00', '-271821-04-19', 'x'.repeat(60)];
export const HOSTILE_REFERENCES = ['abc', '-1', '0x1', '1e3', '99999999999999999999', '1.5'];
export const HOSTILE_BOOLEANS = ['maybe', 'TRUE', '2'];

/** Form values that must be refused for a column of this kind (none of them may ever be stored). */
export function hostileFormValues(type: string, isChoice: boolean): string[] {
  const always = ['a\u0000b'];
  if (isChoice) return [...always, 'NO_SUCH_VALUE', 'x'.repeat(10_001)];
  switch (type) {
    case 'number':
    case 'float':
    case 'currency':
      return [...always, ...HOSTILE_NUMBERS.slice(0, 5), '1e400'];
    case 'date':
    case 'datetime':
      return [...always, ...HOSTILE_DATES.slice(0, 4)];
    case 'boolean':
      return [...always, ...HOSTILE_BOOLEANS];
    case 'reference':
      return [...always, ...HOSTILE_REFERENCES];
    default:
      return [...always, 'x'.repeat(10_001), ...sample(fc.string({ minLength: 10_001, maxLength: 10_050 }), 1, 3)];
  }
}
