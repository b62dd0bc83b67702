import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemo } from '../../examples/deploy-wizard/server.js';
import {
  artifacts,
  browserDemo,
  lastReply,
  panelState,
  panelStatus,
  ready,
  root,
  shot,
  start,
  text,
} from './harness.js';

// The README's screenshot is refreshed on demand (UPDATE_SCREENSHOT=1 pnpm test:e2e), not by every run.
const readmeShot = process.env.UPDATE_SCREENSHOT
  ? join(root, 'docs', 'chat-page.png')
  : join(artifacts, 'readme-chat-page.png');

const e2e = browserDemo('/');
const open = e2e.open;

const assistantCount = (page: Page) => page.locator('li.message.assistant').count();

/** Types a message, sends it with Enter, and waits for the reply to finish. */
async function say(page: Page, text: string): Promise<string> {
  const before = await assistantCount(page);
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.getByLabel('Message', { exact: true }).press('Enter');
  return settled(page, before);
}

/** Waits for the turn after `before` assistant messages to end; returns the reply's text. */
async function settled(page: Page, before: number): Promise<string> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('li.message.assistant').length > n &&
      document.getElementById('messages')?.getAttribute('aria-busy') === 'false',
    before,
  );
  return lastReply(page);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe('deploy-wizard chat page (server mode, Chromium)', () => {
  it('runs the whole wizard by typing and clicking: deploy, service, replicas, Approve', async () => {
    const { context, page, errors } = await open();
    expect(await page.locator('#notice').isHidden()).toBe(true);
    expect(await text(page.locator('#session-mode'))).toContain('server');
    expect(await focusedId(page)).toBe('message');

    // Record the reply's text at each render while it streams in: one per text_delta, not one at the end.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          const target = record.target as Element;
          if (!target.classList?.contains('bubble') || !target.closest('li.assistant')) continue;
          record.addedNodes.forEach((node) => {
            if (node.textContent) seen.push(node.textContent);
          });
        }
      }).observe(document.getElementById('messages') as HTMLElement, { subtree: true, childList: true });
    });
    expect(await say(page, 'deploy')).toContain('What service do you want to deploy?');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[0]?.length).toBeLessThan(seen.at(-1)?.length ?? 0);
    expect(await focusedId(page)).toBe('message');
    expect(await panelStatus(page)).toBe('new');
    expect(await panelState(page)).toEqual({ wizard_step: 1 });

    expect(await say(page, 'web-frontend')).toContain('How many replicas?');
    expect(await panelStatus(page)).toBe('resumed');
    expect(await panelState(page)).toEqual({ wizard_step: 2, service_name: 'web-frontend' });

    expect(await say(page, '3')).toContain('Ready to deploy web-frontend with 3 replicas');
    const card = page.getByRole('region', { name: 'Approval: Deploy web-frontend with 3 replicas' });
    await card.waitFor();
    expect(await panelState(page)).toEqual({ wizard_step: 3, service_name: 'web-frontend', replicas: 3 });
    await shot(page, 'wizard-approval');
    await page.screenshot({ path: readmeShot });

    const before = await assistantCount(page);
    await card.getByRole('button', { name: 'Approve' }).click();
    expect(await settled(page, before)).toContain('Deployed web-frontend with 3 replicas.');
    expect(await text(page.locator('li.message.user .bubble').last())).toContain(
      'Approved: Deploy web-frontend with 3 replicas',
    );
    expect(await card.getByRole('button').count()).toBe(0); // answered: the buttons are gone
    expect(await text(page.locator('li.message.assistant .ran').last())).toContain('execute_deploy');
    expect(await panelState(page)).toEqual({});
    expect(await focusedId(page)).toBe('message');
    await shot(page, 'wizard-deployed');

    // The session id is in an HttpOnly cookie the page's script cannot read.
    const cookies = await context.cookies(e2e.demo.url);
    expect(cookies.find((c) => c.name === 'baton_sid')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('baton_sid');
    expect(errors).toEqual([]);
  });

  it('resumes at the same step after a reload mid-wizard', async () => {
    const { page, errors } = await open();
    await say(page, 'deploy');
    expect(await say(page, 'api')).toContain('How many replicas?');

    await page.reload();
    await ready(page);
    expect(await page.locator('li.message').count()).toBe(4);
    expect(await lastReply(page)).toContain('How many replicas?');
    expect(await panelState(page)).toEqual({ wizard_step: 2, service_name: 'api' });
    await shot(page, 'reload-restored');

    // Conversation memory: the conversation came back from the server (the tab keeps none of it),
    // and the page sends its newest message only.
    const stored = await page.evaluate(() => sessionStorage.getItem('baton-deploy-wizard'));
    expect((JSON.parse(stored ?? '{}') as { entries?: unknown[] }).entries).toEqual([]);
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/chat-stream'));
    expect(await say(page, '3')).toContain('Ready to deploy api with 3 replicas');
    expect((JSON.parse((await sent).postData() ?? '{}') as { messages: unknown[] }).messages).toHaveLength(1);
    await page.getByRole('region', { name: 'Approval: Deploy api with 3 replicas' }).waitFor();
    expect(await panelStatus(page)).toBe('resumed');

    // A reload with the approval pending brings the card back, still answerable.
    await page.reload();
    await ready(page);
    const card = page.getByRole('region', { name: 'Approval: Deploy api with 3 replicas' });
    const before = await assistantCount(page);
    await card.getByRole('button', { name: 'Approve' }).click();
    expect(await settled(page, before)).toContain('Deployed api with 3 replicas.');
    expect(errors).toEqual([]);
  });

  it('rejects with a reason and shows the cancellation', async () => {
    const { page, errors } = await open();
    await say(page, 'deploy');
    await say(page, 'billing');
    await say(page, '2');
    const card = page.getByRole('region', { name: 'Approval: Deploy billing with 2 replicas' });
    await card.getByLabel('Reason for rejecting').fill('not during the freeze');
    const before = await assistantCount(page);
    await card.getByRole('button', { name: 'Reject' }).click();
    const reply = await settled(page, before);
    expect(reply).toContain('cancelled');
    expect(reply).toContain('not during the freeze');
    expect(await text(page.locator('li.message.user .bubble').last())).toContain(
      'Rejected: Deploy billing with 2 replicas (not during the freeze)',
    );
    expect(await panelState(page)).toEqual({});
    expect(await focusedId(page)).toBe('message');
    await shot(page, 'wizard-rejected');
    expect(errors).toEqual([]);
  });

  it('"New session" destroys the server session and clears the view', async () => {
    const { context, page, errors } = await open();
    await say(page, 'deploy');
    await say(page, 'web');
    const sid = (await context.cookies(e2e.demo.url)).find((c) => c.name === 'baton_sid')?.value;
    expect(sid).toBeTruthy();

    const deleted = page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'DELETE');
    await page.getByRole('button', { name: 'New session' }).click();
    expect((await deleted).status()).toBe(204);
    await page.locator('li.empty').waitFor();
    expect(await page.locator('li.message').count()).toBe(0);
    expect(await panelStatus(page)).toBe('none');
    expect(await panelState(page)).toEqual({});
    expect((await context.cookies(e2e.demo.url)).find((c) => c.name === 'baton_sid')).toBeUndefined();
    const stored = await e2e.demo.sessions.store?.load(sid as string, { idleTtlMs: 60_000 });
    expect(stored?.status).toBe('missing');

    // Nothing survives a reload, and the old wizard is gone on the server: "3" is not an answer now.
    await page.reload();
    await ready(page);
    expect(await page.locator('li.message').count()).toBe(0);
    expect(await say(page, '3')).toContain('Say "deploy" to start');
    expect(await panelStatus(page)).toBe('new');
    await shot(page, 'new-session');
    expect(errors).toEqual([]);
  });

  it('stacks the session panel below the chat on a narrow screen', async () => {
    const { page, errors } = await open(e2e.demo.url, { width: 390, height: 844 });
    await say(page, 'deploy');
    const chat = await page.locator('section.chat').boundingBox();
    const panel = await page.locator('aside.panel').boundingBox();
    expect(chat && panel).toBeTruthy();
    if (!chat || !panel) return;
    expect(panel.y).toBeGreaterThanOrEqual(chat.y + chat.height);
    expect(chat.x + chat.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifacts, 'narrow.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('serves only the page files, with their content types', async () => {
    const get = (path: string) => fetch(`${e2e.demo.url}${path}`);
    const cases: Array<[string, string]> = [
      ['/', 'text/html'],
      ['/app.js', 'text/javascript'],
      ['/styles.css', 'text/css'],
    ];
    for (const [path, type] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toContain(type);
      await response.arrayBuffer();
    }
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpage.ts', '/web/app.ts', '/public/app.js']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('"name"');
    }
  });
});

describe('deploy-wizard chat page (client mode, Chromium)', () => {
  let clientDemo: DemoServer;
  beforeAll(async () => {
    clientDemo = await start('client');
  });
  afterAll(async () => {
    await clientDemo?.close();
  });

  it('shows a notice and carries data.session itself', async () => {
    const { context, page, errors } = await open(clientDemo.url);
    const notice = page.locator('#notice');
    await notice.waitFor();
    expect(await text(notice)).toContain('BATON_SESSION=memory');
    expect(await text(page.locator('#session-mode'))).toContain('client');

    await say(page, 'deploy');
    await say(page, 'search');
    await page.reload();
    await ready(page);
    expect(await say(page, '5')).toContain('Ready to deploy search with 5 replicas');
    const card = page.getByRole('region', { name: 'Approval: Deploy search with 5 replicas' });
    const before = await assistantCount(page);
    await card.getByRole('button', { name: 'Approve' }).click();
    expect(await settled(page, before)).toContain('Deployed search with 5 replicas.');
    expect((await context.cookies(clientDemo.url)).find((c) => c.name === 'baton_sid')).toBeUndefined();
    await shot(page, 'client-mode');
    expect(errors).toEqual([]);
  });
});

describe('deploy-wizard chat page: a reload mid-answer resumes the turn (Redis, slow model, Chromium)', () => {
  // Each streamed word 250 ms late: the answer is still streaming when the page comes back.
  let slow: DemoServer;
  beforeAll(async () => {
    slow = await startDemo({
      port: 0,
      session: 'redis',
      redisUrl: 'redis://127.0.0.1:6379',
      secret: undefined,
      modelDelayMs: 250,
    });
  });
  afterAll(async () => {
    await slow?.close();
  });

  it('re-attaches through GET /api/chat-stream, renders the rest once, and the turn commits', async () => {
    const { page, errors } = await open(slow.url);
    const fallback = 'I can deploy a service for you. Say "deploy" to start.';
    expect(await say(page, 'hello')).toBe(fallback);

    // "deploy": the reply starts streaming, then the page reloads in the middle of it.
    const asked = 'What service do you want to deploy?';
    await page.getByLabel('Message', { exact: true }).fill('deploy');
    await page.getByLabel('Message', { exact: true }).press('Enter');
    await page.waitForFunction(
      (n) => (document.querySelectorAll('li.message.assistant .bubble')[n]?.textContent ?? '') !== '',
      1,
    );
    const partial = await lastReply(page);
    expect(asked.startsWith(partial) && partial.length < asked.length).toBe(true);
    const resumed = page.waitForResponse((r) => r.url().endsWith('/api/chat-stream') && r.request().method() === 'GET');
    await page.reload();
    const response = await resumed;
    expect(response.status()).toBe(200);
    expect(response.headers()['x-baton-turn-status']).toBe('running');

    // Still streaming after the reload: the question is back, the page is busy, the reply grows.
    await page.waitForFunction(() => document.getElementById('messages')?.getAttribute('aria-busy') === 'true');
    expect(await text(page.locator('li.message.user .bubble').last())).toBe('deploy');
    await ready(page);
    const users = await page.locator('li.message.user .bubble').allTextContents();
    const replies = await page.locator('li.message.assistant .bubble').allTextContents();
    expect(users).toEqual(['hello', 'deploy']);
    expect(replies).toEqual([fallback, asked]);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    // Committed: the wizard's step in the session, the answer once in the server's transcript.
    expect(await panelState(page)).toEqual({ wizard_step: 1 });
    const transcript = await page.evaluate(async () => {
      const res = await fetch('/api/session/messages');
      return ((await res.json()) as { messages: { role: string; content: string }[] }).messages;
    });
    expect(transcript.filter((m) => m.content === asked)).toHaveLength(1);
    expect(transcript.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(['hello', 'deploy']);
    await shot(page, 'reload-resumed');

    // Then the page behaves as usual: the wizard goes on from the resumed turn.
    expect(await say(page, 'api')).toContain('How many replicas?');
    expect(await panelState(page)).toEqual({ wizard_step: 2, service_name: 'api' });
    expect(errors).toEqual([]);
  });
});
