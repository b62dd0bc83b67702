/**
 * The API reference (`pnpm docs`: TypeDoc over typedoc.json into docs/api/, generated, gitignored)
 * covers every entry point of every package, as each package.json's `exports` lists them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './markdown.js';

const json = (path: string) => JSON.parse(readFileSync(`${ROOT}${path}`, 'utf8'));

describe('the API reference', () => {
  it('has one TypeDoc entry point per package entry point', () => {
    const sources = readdirSync(`${ROOT}packages`).flatMap((dir) =>
      Object.values(json(`packages/${dir}/package.json`).exports as Record<string, Record<string, string>>).map(
        (conditions) => `packages/${dir}/${(conditions['@baton/source'] ?? '').replace(/^\.\//, '')}`,
      ),
    );
    const config = json('typedoc.json') as { entryPoints: string[]; out: string };
    expect([...config.entryPoints].sort()).toEqual(sources.sort());
    expect(config.out).toBe('docs/api');
    expect(json('package.json').scripts.docs).toBe('typedoc');
    expect(readFileSync(`${ROOT}.gitignore`, 'utf8')).toMatch(/^docs\/api\/$/m);
  });
});
