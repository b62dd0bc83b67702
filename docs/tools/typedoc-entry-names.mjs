// @ts-check
/**
 * A TypeDoc plugin (typedoc.json) naming each module of the API reference by its import specifier:
 * `packages/core/src/entries/plugin.ts` is `@baton/core/plugin`, `packages/koa/src/index.ts` is
 * `@baton/koa`. The map is every package's `exports` with the `@baton/source` condition.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  /** Absolute source path without extension -> import specifier. */
  const names = new Map();
  for (const dir of readdirSync('packages')) {
    const manifest = JSON.parse(readFileSync(join('packages', dir, 'package.json'), 'utf8'));
    for (const [subpath, conditions] of Object.entries(manifest.exports ?? {})) {
      const source = conditions?.['@baton/source'];
      if (typeof source === 'string') {
        names.set(resolve('packages', dir, source).replace(/\.ts$/, ''), `${manifest.name}${subpath.slice(1)}`);
      }
    }
  }
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const symbol = context.getSymbolFromReflection(reflection);
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName ?? reflection.sources?.[0]?.fullFileName ?? '';
    const name = names.get(resolve(file).replace(/\.ts$/, ''));
    if (name) reflection.name = name;
  });
}
