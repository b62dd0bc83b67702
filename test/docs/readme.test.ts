import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '@baton/core';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const readme = read('../../README.md');
const operating = read('../../docs/operating.md');

describe('README and docs/operating.md', () => {
  it('docs/operating.md lists every error code with its status, as the code table says', () => {
    const table = operating.split('<!-- error-codes:start -->')[1]?.split('<!-- error-codes:end -->')[0] ?? '';
    const rows = [...table.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d+)\s*\|\s*(.+?)\s*\|$/gm)].map((m) => [
      m[1],
      Number(m[2]),
      m[3],
    ]);
    const expected = Object.entries(ERROR_CODES).map(([code, { status, description }]) => [code, status, description]);
    expect(rows).toEqual(expected);
  });

  it('gives the two commands a newcomer types, and CI runs the same test command', () => {
    const pnpmVersion = (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
        packageManager: string;
      }
    ).packageManager.split('@')[1];
    expect(readme).toContain(`npm i -g pnpm@${pnpmVersion} && pnpm install && pnpm demo`);
    expect(readme).toMatch(/```sh\npnpm test\n```/);
    const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
    expect(ci).toMatch(/^pnpm test$/m);
    expect(ci).toContain('pnpm install --frozen-lockfile');
  });
});
