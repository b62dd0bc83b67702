/**
 * Every export of `@baton/core` (each entry point in its package.json `exports`) carries a doc
 * comment — the API reference (`pnpm docs`, TypeDoc) is made of them. Aliases are resolved to the
 * declaration, so a re-export is documented where it is declared. Exports documented nowhere yet are
 * listed in `undocumented-exports.json`, which may only shrink: a new export without a doc comment
 * fails, and so does a listed export that is documented by now (take it off the list).
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './markdown.js';

const core = `${ROOT}packages/core/`;
const manifest = JSON.parse(readFileSync(`${core}package.json`, 'utf8')) as {
  exports: Record<string, Record<string, string>>;
};
/** Entry point (`@baton/core`, `@baton/core/plugins`...) -> its source file. */
const entries = Object.entries(manifest.exports).map(([subpath, conditions]) => ({
  name: `@baton/core${subpath.slice(1)}`,
  file: `${core}${(conditions['@baton/source'] ?? '').replace(/^\.\//, '')}`,
}));
const allowed = new Set(
  JSON.parse(readFileSync(new URL('./undocumented-exports.json', import.meta.url), 'utf8')) as string[],
);

/** `entry#name` of every export that has no doc comment on any of its declarations. */
function undocumented(): string[] {
  const program = ts.createProgram(
    entries.map((e) => e.file),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      customConditions: ['@baton/source'],
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    },
  );
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  for (const entry of entries) {
    const source = program.getSourceFile(entry.file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`cannot read ${entry.file}`);
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const documented =
        symbol.getDocumentationComment(checker).length > 0 ||
        (symbol.getDeclarations() ?? []).some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
      if (!documented) missing.push(`${entry.name}#${exported.getName()}`);
    }
  }
  return missing.sort();
}

describe('doc comments of @baton/core', () => {
  const missing = undocumented();

  it('reads every entry point and finds its exports', () => {
    expect(entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['@baton/core', '@baton/core/plugins', '@baton/core/testing/store-contract']),
    );
  });

  it('every export has a doc comment, or is on the allow-list (which only shrinks)', () => {
    expect(missing.filter((name) => !allowed.has(name))).toEqual([]);
    expect(
      [...allowed].filter((name) => !missing.includes(name)),
      'documented now: remove from the list',
    ).toEqual([]);
  });
});
