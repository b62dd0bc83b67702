/**
 * Summarizes a `.cpuprofile` (from BENCH_PROFILE=<kind> pnpm bench): self time by function and
 * by package/file. Usage: `tsx bench/profile.ts bench/results/profiles/<file>.cpuprofile [top]`.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/profile.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[] };
const top = Number(topArg ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
// Idle samples (the server waiting for load) are left out: percentages are of busy time.
const selfHits = new Map<number, number>();
let total = 0;
for (const id of profile.samples) {
  if (byId.get(id)?.callFrame.functionName === '(idle)') continue;
  selfHits.set(id, (selfHits.get(id) ?? 0) + 1);
  total++;
}

const where = (url: string): string => {
  if (!url) return '(native)';
  const pnpm = /node_modules\/\.pnpm\/([^/]+)\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (pnpm) return `${pnpm[2]}/${pnpm[3]}`;
  const ws = /\/work\/main\/(.*)$/.exec(url);
  if (ws) return ws[1] as string;
  return url.replace(/^node:/, 'node:');
};
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, hits] of selfHits) {
  const n = byId.get(id) as Node;
  const f = where(n.callFrame.url);
  const key = `${n.callFrame.functionName || '(anonymous)'}  ${f}:${n.callFrame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  const pkg = f.startsWith('packages/')
    ? f
    : f
        .split('/')
        .slice(0, f.startsWith('@') ? 2 : 1)
        .join('/');
  byFile.set(pkg, (byFile.get(pkg) ?? 0) + hits);
}

// Inclusive time per function name (each sample counted once per distinct frame on its stack).
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const [id, hits] of selfHits) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur) as Node;
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + hits);
  }
}
const pct = (n: number) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(v)}  ${k}`);
};
console.log(`${total} busy samples of ${profile.samples.length}`);
print('self time by file/package', byFile);
print('self time by function', byFunction);
print('inclusive time by function', inclusive);
