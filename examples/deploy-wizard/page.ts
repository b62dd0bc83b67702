import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Middleware } from 'koa';
import { agUiBundlePath, buildPage, bundlePath, uiBundlePath, webDir } from './web/build.js';

/**
 * The chat page's files, by URL path. A fixed table rather than a static directory: nothing
 * outside it is ever read, so `..`, encoded slashes and the like cannot reach other files.
 */
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: join(webDir, 'index.html'), type: 'text/html; charset=utf-8' },
  '/index.html': { file: join(webDir, 'index.html'), type: 'text/html; charset=utf-8' },
  '/styles.css': { file: join(webDir, 'styles.css'), type: 'text/css; charset=utf-8' },
  '/app.js': { file: bundlePath, type: 'text/javascript; charset=utf-8' },
  // The second page: the same wizard on the AI SDK's own client, against `/api/ui/chat`.
  '/ui': { file: join(webDir, 'ui.html'), type: 'text/html; charset=utf-8' },
  '/ui-app.js': { file: uiBundlePath, type: 'text/javascript; charset=utf-8' },
  // The third page: the same wizard on AG-UI's `HttpAgent`, against `/api/ag-ui`.
  '/ag-ui': { file: join(webDir, 'ag-ui.html'), type: 'text/html; charset=utf-8' },
  '/ag-ui-app.js': { file: agUiBundlePath, type: 'text/javascript; charset=utf-8' },
};

export interface ServePageOptions {
  /** Bundle `web/app.ts` and `web/ui-app.ts` when `public/` is missing or stale (default true). */
  build?: boolean;
  /** `BATON_DEMO_AUTH`: told to the pages by `GET /demo.json` (`{ "auth": "header" }` or `{}`). */
  auth?: 'header' | undefined;
}

/**
 * Serves the chat page at `GET /` (with `/app.js` and `/styles.css`) and the AI SDK UI page at
 * `GET /ui` (with `/ui-app.js`), and the demo's settings the pages read at `GET /demo.json`. The bundles are built when
 * this is called (server start) if missing or stale; requests for it wait for that build.
 */
export function servePage(options: ServePageOptions = {}): Middleware {
  const built: Promise<unknown> = options.build === false ? Promise.resolve() : buildPage();
  built.catch((error: unknown) => console.error('[deploy-wizard] could not build the chat page:', error));
  const demo = JSON.stringify(options.auth ? { auth: options.auth } : {});
  return async (ctx, next) => {
    if (ctx.path === '/demo.json' && (ctx.method === 'GET' || ctx.method === 'HEAD')) {
      ctx.type = 'application/json';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = demo;
      return;
    }
    const entry = FILES[ctx.path];
    if (entry === undefined || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    await built;
    ctx.type = entry.type;
    ctx.set('Cache-Control', 'no-cache');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.body = await readFile(entry.file);
  };
}
