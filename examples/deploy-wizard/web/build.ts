import { mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `examples/deploy-wizard/web`: the pages' sources (index.html, ui.html, styles.css, app.ts, ui-app.ts, and dom.ts, which both scripts import). */
export const webDir = dirname(fileURLToPath(import.meta.url));
/** `examples/deploy-wizard/public`: the bundles (`app.js`, `ui-app.js`, git-ignored). */
export const publicDir = join(webDir, '..', 'public');
export const bundlePath = join(publicDir, 'app.js');
/** The AI SDK UI page's bundle (`web/ui-app.ts`, with the `ai` package's client). */
export const uiBundlePath = join(publicDir, 'ui-app.js');
/** The AG-UI page's bundle (`web/ag-ui-app.ts`, with `@ag-ui/client`). */
export const agUiBundlePath = join(publicDir, 'ag-ui-app.js');

export interface BuildPageOptions {
  /** Rebuild even when the bundle is newer than every source file. */
  force?: boolean;
}

/**
 * Bundles `web/app.ts` into `public/app.js` and `web/ui-app.ts` into `public/ui-app.js` with
 * esbuild when a bundle is missing or older than any file in `web/`. Returns whether it built. esbuild is a dev dependency of the workspace root,
 * imported only here, so a server whose bundle is up to date never loads it.
 */
export async function buildPage(options: BuildPageOptions = {}): Promise<boolean> {
  if (!options.force && !(await isStale())) return false;
  const esbuild = await import('esbuild');
  await mkdir(publicDir, { recursive: true });
  await esbuild.build({
    entryPoints: {
      app: join(webDir, 'app.ts'),
      'ui-app': join(webDir, 'ui-app.ts'),
      'ag-ui-app': join(webDir, 'ag-ui-app.ts'),
    },
    outdir: publicDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return true;
}

async function isStale(): Promise<boolean> {
  const stats = await Promise.all(
    [bundlePath, uiBundlePath, agUiBundlePath].map((path) => stat(path).catch(() => undefined)),
  );
  if (stats.some((built) => built === undefined)) return true;
  const built = { mtimeMs: Math.min(...stats.map((s) => s?.mtimeMs ?? 0)) };
  for (const name of await readdir(webDir)) {
    if ((await stat(join(webDir, name))).mtimeMs > built.mtimeMs) return true;
  }
  return false;
}
