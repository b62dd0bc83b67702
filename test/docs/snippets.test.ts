/**
 * Every TypeScript block in README.md and docs/*.md type-checks against the workspace: each block
 * is written to `test/docs/.snippets/` (gitignored; inside the workspace, so `@baton/*` resolve to
 * the sources through the `@baton/source` condition, as in tsconfig.json) and all of them are
 * compiled as one program with the root tsconfig's options. The marker on the line before a block
 * (docs/development.md#how-the-docs-are-checked) gives it a prelude (`prelude=agent,koa`: the
 * declarations it assumes, from snippet-preludes.ts), a file name other blocks import
 * (`file=audit-plugin.ts`), or skips it (`partial`).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { markdownFiles, ROOT, tsBlocks } from './markdown.js';
import { PRELUDES } from './snippet-preludes.js';

const DIR = `${ROOT}test/docs/.snippets/`;
const all = markdownFiles().flatMap(tsBlocks);
const checked = all.filter((b) => !b.marker.partial);

describe('TypeScript blocks in the README and docs', () => {
  it('mostly checked: partial blocks are the exception', () => {
    expect(all.length).toBeGreaterThan(15);
    expect(all.length - checked.length).toBeLessThanOrEqual(Math.floor(all.length / 10));
  });

  it('name only preludes that exist', () => {
    for (const b of all) for (const p of b.marker.preludes) expect(PRELUDES, `${b.file}:${b.line}`).toHaveProperty(p);
  });

  it('type-check against the workspace (one program, the root tsconfig)', () => {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    /** Snippet file -> where its block starts in the markdown, and how many prelude lines precede it. */
    const origin = new Map<string, { file: string; line: number; offset: number }>();
    for (const b of checked) {
      const name = b.marker.file ?? `${b.file.replace(/[/.]/g, '_')}_${b.line}.ts`;
      const prelude = b.marker.preludes.map((p) => PRELUDES[p]).join('');
      const path = `${DIR}${name}`;
      writeFileSync(path, `${prelude}${b.code}export {};\n`);
      origin.set(path, { file: b.file, line: b.line, offset: prelude.split('\n').length - 1 });
    }
    const config = ts.getParsedCommandLineOfConfigFile(
      `${ROOT}tsconfig.json`,
      { noEmit: true, declaration: false },
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    );
    if (config === undefined) throw new Error('tsconfig.json could not be read');
    const program = ts.createProgram([...origin.keys()], config.options);
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file === undefined || origin.has(d.file.fileName))
      .map((d) => {
        const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
        const at = d.file && origin.get(d.file.fileName);
        if (!d.file || !at || d.start === undefined) return message;
        const { line } = d.file.getLineAndCharacterOfPosition(d.start);
        const inBlock = line - at.offset;
        const where = inBlock < 0 ? `${at.file}:${at.line} (its prelude)` : `${at.file}:${at.line + 1 + inBlock}`;
        return `${where}: TS${d.code} ${message}`;
      });
    expect(errors, errors.join('\n')).toEqual([]);
  }, 180_000);
});
