/**
 * What the docs tests read: the README and the pages under docs/, their fenced code blocks (with
 * the `<!-- snippet: ... -->` marker on the line before, if any), their links and headings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The workspace root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** README.md and every docs/*.md, as paths relative to the root. */
export function markdownFiles(): string[] {
  const pages = readdirSync(`${ROOT}docs`).filter((name) => name.endsWith('.md'));
  return ['README.md', ...pages.sort().map((name) => `docs/${name}`)];
}

export const readText = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

/** A fenced code block: its info string, body, the line of its opening fence (1-based), its marker. */
export interface Block {
  file: string;
  line: number;
  lang: string;
  info: string;
  code: string;
  /** From `<!-- snippet: partial prelude=a,b file=name.ts -->` on the line before the fence. */
  marker: { partial: boolean; preludes: string[]; file?: string };
}

const MARKER = /^<!--\s*snippet:(.*?)-->\s*$/;

export function blocks(file: string): Block[] {
  const lines = readText(file).split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) body.push(lines[i] ?? '');
    const words = (MARKER.exec(lines[start - 1] ?? '')?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
    const value = (key: string) => words.find((w) => w.startsWith(`${key}=`))?.slice(key.length + 1);
    out.push({
      file,
      line: start + 1,
      lang: open[1] ?? '',
      info: (open[2] ?? '').trim(),
      code: `${body.join('\n')}\n`,
      marker: {
        partial: words.includes('partial'),
        preludes: value('prelude')?.split(',') ?? [],
        ...(value('file') === undefined ? {} : { file: value('file') }),
      },
    });
  }
  return out;
}

/** The TypeScript blocks (```ts, ```typescript). */
export const tsBlocks = (file: string) => blocks(file).filter((b) => b.lang === 'ts' || b.lang === 'typescript');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a markdown file's headings (outside code blocks), with GitHub's -1, -2 suffixes. */
export function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of readText(file).split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.*)$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1] ?? '');
    const n = seen.get(base) ?? 0;
    seen.set(n === 0 ? base : `${base}-${n}`, 0);
    seen.set(base, n + 1);
  }
  return new Set(seen.keys());
}

/** Links `[text](target)` outside code blocks, with their line. */
export function links(file: string): { line: number; target: string }[] {
  const out: { line: number; target: string }[] = [];
  let fenced = false;
  readText(file)
    .split('\n')
    .forEach((line, i) => {
      if (line.startsWith('```')) fenced = !fenced;
      if (fenced) return;
      for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g))
        out.push({ line: i + 1, target: m[1] ?? '' });
    });
  return out;
}
