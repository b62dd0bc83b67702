import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const here = dirname(fileURLToPath(import.meta.url));
const workspace = join(here, '../..');

/**
 * In this workspace `@baton/core` is a link to TypeScript sources: its `exports` list them under a
 * `@baton/source` condition, ahead of a `dist/` that exists only after `pnpm build`. Turbopack has
 * no setting for extra export conditions, so each such export becomes an alias to its source file,
 * which Turbopack compiles like the app's own code (it is bundled into the server build, so
 * `next start` needs neither `dist/` nor a Node condition). A published `@baton/core` has no
 * `@baton/source` export: no alias then, and Next resolves its `dist/` like any package.
 */
function sourceAliases(name: string): Record<string, string> {
  const root = realpathSync(join(here, 'node_modules', name));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports?: Record<string, Record<string, string>>;
  };
  const aliases: Record<string, string> = {};
  for (const [subpath, conditions] of Object.entries(manifest.exports ?? {})) {
    const source = conditions['@baton/source'];
    // Turbopack reads an alias target as relative to this directory.
    if (source) aliases[name + subpath.slice(1)] = `./${relative(here, join(root, source))}`;
  }
  return aliases;
}

const config: NextConfig = {
  // The route imports the wizard from ../deploy-wizard: the whole workspace is Turbopack's root.
  turbopack: { root: workspace, resolveAlias: sourceAliases('@baton/core') },
  outputFileTracingRoot: workspace,
  // `next dev` would otherwise write an AGENTS.md into the example.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default config;
