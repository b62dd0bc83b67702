/**
 * The demo's stand-in login and conversation list (`BATON_DEMO_AUTH=header`, memory store), in
 * Chromium: user A logs in, runs two conversations, renames one, switches back to it and goes on
 * where it stopped, deletes the other; user B, in another browser context, sees none of A's —
 * not in the list, not by asking the routes for A's ids.
 */
import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemo } from '../../examples/deploy-wizard/server.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';
import { artifacts, lastReply, ready, shot, text } from './harness.js';

let browser: Browser;
let demo: DemoServer;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  [browser, demo] = await Promise.all([
    chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
    startDemo({
      port: 0,
      session: 'memory',
      redisUrl: 'redis://127.0.0.1:6379',
      secret: undefined,
      demoAuth: 'header',
    }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** A fresh browser context (its own sessionStorage: its own login) on a chat page. */
async function open(path = '/') {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${demo.url}${path}`);
  await ready(page);
  return { context, page, errors };
}

async function login(page: Page, user: string) {
  await page.getByLabel('User', { exact: true }).fill(user);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('#account-user', { hasText: user }).waitFor();
}

/** Types a message, sends it, waits for the reply and for the list to show the turn's conversation. */
async function say(page: Page, message: string): Promise<string> {
  const before = await page.locator('li.message.assistant').count();
  await page.getByLabel('Message', { exact: true }).fill(message);
  await page.getByLabel('Message', { exact: true }).press('Enter');
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('li.message.assistant').length > n &&
      document.getElementById('messages')?.getAttribute('aria-busy') === 'false' &&
      document.querySelector('#conversation-list button.open[aria-current="true"]') !== null,
    before,
  );
  return lastReply(page);
}

/** The conversation list's titles, top (newest activity) first. */
const titles = async (page: Page) => page.locator('#conversation-list button.open').allTextContents();

/** `GET /api/sessions` as `user`, from node (the header is all the stand-in login asks for). */
async function listAs(user: string): Promise<{ id: string; title: string }[]> {
  const res = await fetch(`${demo.url}/api/sessions`, { headers: { 'x-demo-user': user } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { sessions: { id: string; title: string }[] }).sessions;
}

describe('deploy-wizard conversations (BATON_DEMO_AUTH=header, Chromium)', () => {
  it('A runs, renames, switches and deletes conversations; B sees none of them', async () => {
    const a = await open();
    const { page } = a;
    expect(await page.locator('#conversations').isVisible()).toBe(true);
    expect(await page.locator('#account').isHidden()).toBe(true);
    await login(page, 'alice');
    expect(await text(page.locator('#conversation-list'))).toContain('No conversations yet.');

    // Conversation 1: the wizard up to the replicas question.
    expect(await say(page, 'deploy')).toContain('What service do you want to deploy?');
    expect(await say(page, 'web-frontend')).toContain('How many replicas?');
    expect(await titles(page)).toEqual(['deploy']);
    expect(await text(page.locator('#session-mode'))).toContain('owned sessions');

    // Conversation 2, after "New conversation": an empty transcript, a second row on top.
    await page.getByRole('button', { name: 'New conversation' }).click();
    expect(await page.locator('li.message').count()).toBe(0);
    expect(await say(page, 'hello there')).toContain('Say "deploy" to start');
    expect(await titles(page)).toEqual(['hello there', 'deploy']);
    expect(await page.locator('#conversation-list button.open[aria-current="true"]').textContent()).toBe('hello there');

    // Rename conversation 1 in place (Enter saves).
    await page.getByRole('button', { name: 'Rename deploy' }).click();
    const field = page.getByLabel('New title for deploy');
    await field.fill('Web frontend rollout');
    await field.press('Enter');
    await page.locator('#conversation-list button.open', { hasText: 'Web frontend rollout' }).waitFor();
    expect(await titles(page)).toEqual(['hello there', 'Web frontend rollout']);

    // Switch to it: its transcript comes back from the server and the wizard goes on from step 2.
    await page.getByRole('button', { name: 'Web frontend rollout', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('li.message').length === 4);
    expect(await lastReply(page)).toContain('How many replicas?');
    expect(await say(page, '3')).toContain('Ready to deploy web-frontend with 3 replicas');
    await page.getByRole('region', { name: 'Approval: Deploy web-frontend with 3 replicas' }).waitFor();
    expect(await titles(page)).toEqual(['Web frontend rollout', 'hello there']); // newest activity first
    await shot(page, 'conversations-alice');

    // Delete conversation 2 (not the one shown).
    await page.getByRole('button', { name: 'Delete hello there' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#conversation-list li.conversation').length === 1);
    expect(await titles(page)).toEqual(['Web frontend rollout']);
    expect((await listAs('alice')).map((s) => s.title)).toEqual(['Web frontend rollout']);

    // A reload keeps the login and the conversation shown.
    await page.reload();
    await ready(page);
    expect(await text(page.locator('#account-user'))).toBe('alice');
    expect(await page.locator('li.message').count()).toBe(6);
    expect(await titles(page)).toEqual(['Web frontend rollout']);

    // User B, in another browser context: an empty list, and A's id is nobody's to B.
    const b = await open();
    await login(b.page, 'bob');
    expect(await text(b.page.locator('#conversation-list'))).toContain('No conversations yet.');
    const [alices] = await listAs('alice');
    const id = alices?.id as string;
    const headers = { 'x-demo-user': 'bob', 'x-baton-session': id };
    const probe = [
      await fetch(`${demo.url}/api/session/messages`, { headers }),
      await fetch(`${demo.url}/api/sessions/${id}`, {
        method: 'PATCH',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'mine now' }),
      }),
      await fetch(`${demo.url}/api/sessions/${id}`, { method: 'DELETE', headers }),
    ].map((res) => res.status);
    expect(probe).toEqual([404, 404, 404]);
    expect(await say(b.page, 'deploy')).toContain('What service do you want to deploy?');
    expect(await titles(b.page)).toEqual(['deploy']);
    expect((await listAs('bob')).map((s) => s.title)).toEqual(['deploy']);
    expect((await listAs('alice')).map((s) => s.title)).toEqual(['Web frontend rollout']);

    // Bob logs out: the login box again, no list.
    await b.page.getByRole('button', { name: 'Log out' }).click();
    await b.page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await b.page.locator('#account').isHidden()).toBe(true);

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('the AI SDK UI page (/ui) has the same login and list: its turns resume by the page-sent id', async () => {
    const { context, page, errors } = await open('/ui');
    await login(page, 'carol');
    const turns = () => page.evaluate(() => Number(document.body.dataset.turns ?? 0));
    const sayUi = async (message: string) => {
      const before = await turns();
      await page.getByLabel('Message', { exact: true }).fill(message);
      await page.getByLabel('Message', { exact: true }).press('Enter');
      await page.waitForFunction(
        (n) =>
          Number(document.body.dataset.turns ?? 0) > n &&
          document.body.dataset.status === 'ready' &&
          document.querySelector('#conversation-list button.open[aria-current="true"]') !== null,
        before,
      );
      return lastReply(page);
    };
    expect(await sayUi('deploy')).toContain('What service do you want to deploy?');
    expect(await sayUi('api')).toContain('How many replicas?'); // resumed: no cookie, the page sent the id
    await page.getByRole('button', { name: 'New conversation' }).click();
    expect(await sayUi('hello there')).toContain('Say "deploy" to start');
    expect(await titles(page)).toEqual(['hello there', 'deploy']);
    await page.getByRole('button', { name: 'deploy', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('li.message').length === 4);
    expect(await sayUi('2')).toContain('Ready to deploy api with 2 replicas');
    expect((await listAs('carol')).map((s) => s.title)).toEqual(['deploy', 'hello there']);
    // The HelpDesk page of another tab of carol's lists the same conversations.
    const helpdesk = await context.newPage();
    await helpdesk.goto(`${demo.url}/`);
    await ready(helpdesk);
    await login(helpdesk, 'carol');
    expect(await titles(helpdesk)).toEqual(['deploy', 'hello there']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
