/**
 * The demo's second page (`/ui`): the deploy wizard on the AI SDK's own client (`AbstractChat` +
 * `DefaultChatTransport` from `ai`) against `POST /api/ui/chat`, in Chromium.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemo } from '../../examples/deploy-wizard/server.js';
import { browserDemo, lastReply, panelState, panelStatus, shot, start, text } from './harness.js';

const e2e = browserDemo('/ui');
const open = e2e.open;

/** Turns the chat finished so far (its `onFinish` counts them in `body[data-turns]`). */
const turns = (page: Page) => page.evaluate(() => Number(document.body.dataset.turns ?? 0));

/** Waits for the turn after `before` finished turns to end, the chat back to `ready`; returns the last text. */
async function settled(page: Page, before: number): Promise<string> {
  await page.waitForFunction(
    (n) => Number(document.body.dataset.turns ?? 0) > n && document.body.dataset.status === 'ready',
    before,
  );
  return lastReply(page);
}

/** Types a message, sends it with Enter, and waits for the reply to finish. */
async function say(page: Page, message: string): Promise<string> {
  const before = await turns(page);
  await page.getByLabel('Message', { exact: true }).fill(message);
  await page.getByLabel('Message', { exact: true }).press('Enter');
  return settled(page, before);
}

/** "deploy", a service name, a number of replicas: the approval card is up. */
async function upToApproval(page: Page, service: string, replicas: number): Promise<Locator> {
  expect(await say(page, 'deploy')).toContain('What service do you want to deploy?');
  expect(await say(page, service)).toContain('How many replicas?');
  expect(await say(page, String(replicas))).toContain(`Ready to deploy ${service} with ${replicas} replicas`);
  const card = page.getByRole('region', { name: 'Approval: execute_deploy' });
  await card.getByRole('button', { name: 'Approve' }).waitFor();
  expect(await text(card.locator('.tool'))).toContain(`"service":"${service}"`);
  return card;
}

describe('deploy-wizard AI SDK UI page (server mode, Chromium)', () => {
  it('runs the whole wizard on the AI SDK client: deploy, service, replicas, Approve', async () => {
    const { context, page, errors } = await open();
    expect(await page.locator('#notice').isHidden()).toBe(true);
    expect(await text(page.locator('#session-mode'))).toContain('server');

    const requests: string[] = [];
    const sizes: number[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'POST') return;
      requests.push(new URL(request.url()).pathname);
      sizes.push((JSON.parse(request.postData() ?? '{}') as { messages: unknown[] }).messages.length);
    });
    const card = await upToApproval(page, 'web-frontend', 3);
    expect(await panelStatus(page)).toBe('resumed');
    expect(await panelState(page)).toEqual({ wizard_step: 3, service_name: 'web-frontend', replicas: 3 });
    await shot(page, 'ui-approval');

    const before = await turns(page);
    await card.getByRole('button', { name: 'Approve' }).click();
    // `sendAutomaticallyWhen` sent the answer; the same assistant message goes on.
    expect(await settled(page, before)).toContain('Deployed web-frontend with 3 replicas.');
    expect(await card.getByRole('button').count()).toBe(0);
    expect(await text(page.locator('li.message.assistant .ran').last())).toContain('Ran execute_deploy');
    expect(await page.locator('li.message.user').count()).toBe(3); // the approval is no user message
    expect(await panelState(page)).toEqual({});
    expect(requests).toEqual(Array(4).fill('/api/ui/chat'));
    // Conversation memory: the server keeps the conversation, the page sends its newest message only.
    expect(sizes).toEqual([1, 1, 1, 1]);
    await shot(page, 'ui-deployed');

    // Server mode: the session id is in the HttpOnly cookie, never in the page's reach.
    const cookies = await context.cookies(e2e.demo.url);
    expect(cookies.find((c) => c.name === 'baton_sid')).toMatchObject({ httpOnly: true });
    expect(await page.evaluate(() => document.cookie)).not.toContain('baton_sid');
    expect(errors).toEqual([]);
  });

  it('rejects with a reason: the deployment is cancelled', async () => {
    const { page, errors } = await open();
    const card = await upToApproval(page, 'billing', 2);
    await card.getByLabel('Reason for rejecting').fill('not during the freeze');
    const before = await turns(page);
    await card.getByRole('button', { name: 'Reject' }).click();
    const reply = await settled(page, before);
    expect(reply).toContain('cancelled');
    expect(reply).toContain('not during the freeze');
    expect(await text(card.locator('.waiting'))).toContain('Rejected: not during the freeze');
    expect(await panelState(page)).toEqual({});
    await shot(page, 'ui-rejected');
    expect(errors).toEqual([]);
  });

  it('"New chat" ends the server session and clears the view', async () => {
    const { context, page, errors } = await open();
    await say(page, 'deploy');
    await say(page, 'web');
    expect((await context.cookies(e2e.demo.url)).find((c) => c.name === 'baton_sid')).toBeTruthy();
    const deleted = page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'DELETE');
    await page.getByRole('button', { name: 'New chat' }).click();
    expect((await deleted).status()).toBe(204);
    await page.locator('li.empty').waitFor();
    expect(await panelStatus(page)).toBe('none');
    // The old wizard is gone on the server: "3" is not an answer now.
    expect(await say(page, '3')).toContain('Say "deploy" to start');
    expect(await panelStatus(page)).toBe('new');
    expect(errors).toEqual([]);
  });

  it('links the two pages', async () => {
    const { page, errors } = await open();
    await page.getByRole('link', { name: 'HelpDesk page' }).click();
    await page.waitForSelector('body[data-ready="true"]');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('link', { name: 'AI SDK UI page' }).click();
    await page.waitForSelector('body[data-ready="true"]');
    expect(new URL(page.url()).pathname).toBe('/ui');
    expect(errors).toEqual([]);
  });
});

describe('deploy-wizard AI SDK UI page: a reload mid-answer resumes the turn (memory, slow model, Chromium)', () => {
  // Each streamed word 250 ms late: the answer is still streaming when the page comes back.
  let slow: DemoServer;
  beforeAll(async () => {
    slow = await startDemo({
      port: 0,
      session: 'memory',
      redisUrl: 'redis://127.0.0.1:6379',
      secret: undefined,
      modelDelayMs: 250,
    });
  });
  afterAll(async () => {
    await slow?.close();
  });

  it("re-attaches with the AI SDK's resumeStream(), renders the rest once, and the turn commits", async () => {
    const { page, errors } = await open(slow.url);
    const fallback = 'I can deploy a service for you. Say "deploy" to start.';
    expect(await say(page, 'hello')).toBe(fallback);

    const asked = 'What service do you want to deploy?';
    await page.getByLabel('Message', { exact: true }).fill('deploy');
    await page.getByLabel('Message', { exact: true }).press('Enter');
    await page.waitForFunction(
      (n) => (document.querySelectorAll('li.message.assistant .bubble')[n]?.textContent ?? '') !== '',
      1,
    );
    const partial = await lastReply(page);
    expect(asked.startsWith(partial) && partial.length < asked.length).toBe(true);
    const resumed = page.waitForResponse((r) => /\/api\/ui\/chat\/[^/]+\/stream$/.test(new URL(r.url()).pathname));
    await page.reload();
    const response = await resumed;
    expect(response.status()).toBe(200);
    expect(response.headers()['x-baton-turn-status']).toBe('running');

    // Still streaming after the reload: the question is back and the chat is busy.
    await page.waitForFunction(() => ['submitted', 'streaming'].includes(document.body.dataset.status ?? ''));
    expect(await text(page.locator('li.message.user .bubble').last())).toBe('deploy');
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('li.message.user .bubble').allTextContents()).toEqual(['hello', 'deploy']);
    expect(await page.locator('li.message.assistant .bubble').allTextContents()).toEqual([fallback, asked]);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await panelState(page)).toEqual({ wizard_step: 1 });
    const transcript = await page.evaluate(async () => {
      const res = await fetch('/api/session/messages');
      return ((await res.json()) as { messages: { role: string; content: string }[] }).messages;
    });
    expect(transcript.filter((m) => m.content === asked)).toHaveLength(1);
    expect(transcript.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(['hello', 'deploy']);
    await shot(page, 'ui-reload-resumed');

    // Then the chat behaves as usual.
    expect(await say(page, 'api')).toContain('How many replicas?');
    expect(await panelState(page)).toEqual({ wizard_step: 2, service_name: 'api' });
    expect(errors).toEqual([]);
  });
});

describe('deploy-wizard AI SDK UI page (client mode, Chromium)', () => {
  let clientDemo: DemoServer;
  beforeAll(async () => {
    clientDemo = await start('client');
  });
  afterAll(async () => {
    await clientDemo?.close();
  });

  it('carries the session of the data-session part and approves', async () => {
    const { context, page, errors } = await open(clientDemo.url);
    expect(await text(page.locator('#notice'))).toContain('client mode');
    expect(await text(page.locator('#session-mode'))).toContain('client');
    const card = await upToApproval(page, 'search', 5);
    expect(await panelState(page)).toMatchObject({ wizard_step: 3, service_name: 'search', replicas: 5 });
    const before = await turns(page);
    await card.getByRole('button', { name: 'Approve' }).click();
    expect(await settled(page, before)).toContain('Deployed search with 5 replicas.');
    expect((await context.cookies(clientDemo.url)).find((c) => c.name === 'baton_sid')).toBeUndefined();
    await shot(page, 'ui-client-mode');
    expect(errors).toEqual([]);
  });
});

describe('deploy-wizard AI SDK UI page (sealed mode, Chromium)', () => {
  let sealedDemo: DemoServer;
  beforeAll(async () => {
    sealedDemo = await startDemo({
      port: 0,
      session: 'sealed',
      redisUrl: 'redis://127.0.0.1:6379',
      secret: 'a-test-secret-of-at-least-32-bytes!!',
    });
  });
  afterAll(async () => {
    await sealedDemo?.close();
  });

  it('sends the sealed token back and rejects', async () => {
    const { page, errors } = await open(sealedDemo.url);
    expect(await text(page.locator('#session-mode'))).toContain('sealed');
    const card = await upToApproval(page, 'search', 4);
    expect(await text(page.locator('#session-state'))).toMatch(/^\(sealed: \d+ characters the page cannot read\)$/);
    const before = await turns(page);
    await card.getByRole('button', { name: 'Reject' }).click();
    expect(await settled(page, before)).toContain('cancelled');
    expect(errors).toEqual([]);
  });
});
