// Reuse of Prisma's query plans. The client engine (engineType "client") turns every query into a plan with
// its WebAssembly query compiler, on every call: under load that was a fifth of the web process's CPU
// (issue 26, a CPU profile of bench:load), and the same reads come back all day (a list page with its
// filters, a dashboard count under a group's rules). A plan depends only on the request (model, action,
// arguments with their values) and on the compiler's schema, so a read asked again exactly gets the plan
// made the first time. Prisma 7 caches plans itself; 6.19 has no option for it (and 7 cannot run here).
//
// Only reads are kept: a write's plan is as reusable (generated values such as now() are computed when
// the plan runs), but writes seldom repeat exactly, so keeping them would only fill the cache. And a read
// is kept the second time it is asked: most distinct reads never come back (the references of one page,
// by their ids), and keeping each of their plans (about 20 KB) until it is pushed out made tens of
// megabytes of long-lived garbage for the collector. Kept plans are frozen: were Prisma ever to change a plan while running it, that query fails loudly in every test
// that runs it, rather than a later run using a changed plan.
import { createRequire } from 'node:module';

const READS = new Set(['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow', 'aggregate', 'groupBy']);
/** Plans kept per compiler (each a few kilobytes): the distinct reads of a busy hour of the plant. */
export const PLAN_CACHE_SIZE = 2_000;
/** A request longer than this (a list of thousands of ids) is compiled each time: it will not come back. */
const LONGEST_KEPT_REQUEST = 8_000;
/** Reads seen once, by a hash of their text; forgotten all at once when this many (a collision only keeps
 * a plan at its second sighting instead of its third). */
const SEEN_ONCE_LIMIT = 50_000;

interface QueryCompiler {
  compile(request: string): unknown;
}

export interface PlanCacheFigures {
  hits: number;
  compiled: number;
}

const figures: PlanCacheFigures = { hits: 0, compiled: 0 };
const plansOf = new WeakMap<object, Map<string, unknown>>();
const seenOnce = new Set<number>();
let installed = false;

/** Makes every Prisma client of this process reuse the plans of reads already compiled (idempotent). */
export function installQueryPlanCache(): void {
  if (installed) return;
  // The generated client loads its compiler from this file (node_modules/.prisma/client); the class is
  // shared by every client of the process, so its prototype is where plans can be reused.
  const require = createRequire(import.meta.url);
  const { QueryCompiler } = require('.prisma/client/query_compiler_bg.js') as { QueryCompiler?: { prototype: QueryCompiler } };
  if (typeof QueryCompiler?.prototype.compile !== 'function')
    throw new Error('Prisma query compiler not found: prisma/query-plan-cache.ts expects engineType "client" of Prisma 6');
  const compile = QueryCompiler.prototype.compile;
  QueryCompiler.prototype.compile = function cachedCompile(this: object, request: string): unknown {
    if (request.length > LONGEST_KEPT_REQUEST || !READS.has(actionOf(request))) return compile.call(this, request);
    let plans = plansOf.get(this);
    if (!plans) plansOf.set(this, (plans = new Map()));
    const kept = plans.get(request);
    if (kept !== undefined) {
      // Most recently used last: the oldest is the first one dropped.
      plans.delete(request);
      plans.set(request, kept);
      figures.hits++;
      return kept;
    }
    figures.compiled++;
    const hash = hashOf(request);
    if (!seenOnce.has(hash)) {
      if (seenOnce.size >= SEEN_ONCE_LIMIT) seenOnce.clear();
      seenOnce.add(hash);
      return compile.call(this, request);
    }
    seenOnce.delete(hash);
    const plan = deepFreeze(compile.call(this, request));
    if (plans.size >= PLAN_CACHE_SIZE) plans.delete(plans.keys().next().value!);
    plans.set(request, plan);
    return plan;
  };
  installed = true;
}

/** Reads served from a kept plan, and reads compiled, since the process started (tests and /metrics). */
export function queryPlanCacheFigures(): Readonly<PlanCacheFigures> {
  return { ...figures };
}

/** The request's action, from its first characters: {"modelName":"Asset","action":"findMany",... */
function actionOf(request: string): string {
  const at = request.indexOf('"action":"');
  if (at < 0 || at > 120) return '';
  const start = at + 10;
  return request.slice(start, request.indexOf('"', start));
}

/** FNV-1a over the request's text: a number to remember it by, not the text itself. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function deepFreeze<T>(value: T): T {
  // Byte arrays cannot be frozen (and plans hold none but a query's Bytes values).
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  if (value instanceof Map) for (const [k, v] of value) (deepFreeze(k), deepFreeze(v));
  else for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
