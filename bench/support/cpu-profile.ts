// Self time of a V8 CPU profile (node --cpu-prof) by module: a package of node_modules (AdminJS, Prisma's
// client, pino, express-session...), a folder of ours, Node's own internals, garbage collection, idle.
import { readFile } from 'node:fs/promises';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/g;
  let last: string | undefined;
  for (const m of url.matchAll(modules)) last = m[1];
  if (last) return last;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const ours = /\/(admin|domain|resources|server|jobs|integrations|prisma)\/(?:([^/]+)\/)?/.exec(url);
  if (ours) return ours[2] && !ours[2].includes('.') ? `${ours[1]}/${ours[2]}` : `${ours[1]}/`;
  return url.split('/').slice(-2).join('/');
}

/** Lines "module  ms  %" by self time, the top `limit`, and the top functions of the busiest modules. */
export async function summariseProfile(file: string, limit = 25): Promise<string[]> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    total += us;
    const module = moduleOf(node.callFrame.url, node.callFrame.functionName);
    byModule.set(module, (byModule.get(module) ?? 0) + us);
    const fn = `${module} ${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-1)[0] ?? ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const lines = [`busy ${(total / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms of ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms`];
  for (const [module, us] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    lines.push(`${module.padEnd(40)} ${(us / 1000).toFixed(0).padStart(8)} ms ${((us / total) * 100).toFixed(1).padStart(6)} %`);
  }
  lines.push('top functions:');
  for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    lines.push(`  ${fn.slice(0, 90).padEnd(90)} ${(us / 1000).toFixed(0).padStart(7)} ms ${((us / total) * 100).toFixed(1).padStart(5)} %`);
  }
  return lines;
}

// `node --import tsx bench/support/cpu-profile.ts <file.cpuprofile>`: the summary of one profile.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').slice(-1)[0]!) && process.argv[2]) {
  for (const line of await summariseProfile(process.argv[2], Number(process.argv[3] ?? 25))) console.log(line);
}
