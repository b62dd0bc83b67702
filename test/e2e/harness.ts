/**
 * The browser suites' shared lifecycle: Chromium and an in-memory demo started once per file, a fresh
 * context per `open` (closed after each test), page-error collection, and the screenshots directory.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { SessionChoice } from '../../examples/deploy-wizard/config.js';
import { type DemoServer, startDemo } from '../../examples/deploy-wizard/server.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifacts = join(root, 'test', 'artifacts');

export function start(session: SessionChoice): Promise<DemoServer> {
  return startDemo({ port: 0, session, redisUrl: 'redis://127.0.0.1:6379', secret: undefined });
}

export async function ready(page: Page) {
  await page.waitForSelector('body[data-ready="true"]');
}

/**
 * Registers the file's hooks: launches Chromium and starts a memory-mode demo before all tests, closes
 * the contexts after each test and both after all. `open` serves `path` (`/` or `/ui`) of a demo.
 */
export function browserDemo(path: string) {
  let browser: Browser;
  let demo: DemoServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    [browser, demo] = await Promise.all([
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
      start('memory'),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  /** A fresh browser profile (own cookies and sessionStorage) on the page; collects page errors. */
  async function open(url = demo.url, viewport = { width: 1000, height: 700 }) {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
    });
    await page.goto(`${url}${path}`);
    await ready(page);
    return { context, page, errors };
  }

  return {
    open,
    /** The memory-mode demo (set once `beforeAll` has run). */
    get demo(): DemoServer {
      return demo;
    },
  };
}

export const text = async (locator: Locator) => (await locator.textContent()) ?? '';
export const lastReply = (page: Page) => text(page.locator('li.message.assistant .bubble').last());
export const panelState = async (page: Page) => JSON.parse(await text(page.locator('#session-state'))) as unknown;
export const panelStatus = (page: Page) => text(page.locator('#session-status'));

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}
