/**
 * The demo's AG-UI page (`/ag-ui`): the deploy wizard on `@ag-ui/client`'s `HttpAgent` against
 * `POST /api/ag-ui`, in Chromium. The session panel shows the state the page built from the runs'
 * STATE_SNAPSHOT and STATE_DELTA events; it must equal the session the server stored.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserDemo, lastReply, panelState, panelStatus, shot, text } from './harness.js';

const e2e = browserDemo('/ag-ui');

const turns = (page: Page) => page.evaluate(() => Number(document.body.dataset.turns ?? 0));

/** Waits for the run after `before` finished runs to end; returns the last reply. */
async function settled(page: Page, before: number): Promise<string> {
  await page.waitForFunction(
    (n) => Number(document.body.dataset.turns ?? 0) > n && document.body.dataset.status === 'ready',
    before,
  );
  return lastReply(page);
}

async function say(page: Page, message: string): Promise<string> {
  const before = await turns(page);
  await page.getByLabel('Message', { exact: true }).fill(message);
  await page.getByLabel('Message', { exact: true }).press('Enter');
  return settled(page, before);
}

/** The session as the server stored it, read back through the store of the demo. */
async function storedSession(page: Page): Promise<unknown> {
  const id = await text(page.locator('#thread-id'));
  const { sessions } = e2e.demo;
  const loaded = await sessions.load({ sessionId: id });
  return (await sessions.discard(loaded)).session;
}

async function upToApproval(page: Page, service: string, replicas: number): Promise<Locator> {
  expect(await say(page, 'deploy')).toContain('What service do you want to deploy?');
  expect(await panelState(page)).toEqual({ wizard_step: 1 });
  expect(await panelStatus(page)).toBe('new');
  expect(await storedSession(page)).toEqual(await panelState(page));
  expect(await say(page, service)).toContain('How many replicas?');
  expect(await panelState(page)).toEqual({ wizard_step: 2, service_name: service });
  await say(page, String(replicas));
  expect(await panelState(page)).toEqual({ wizard_step: 3, service_name: service, replicas });
  expect(await panelStatus(page)).toBe('resumed');
  expect(await storedSession(page)).toEqual(await panelState(page));
  const card = page.getByRole('region', { name: 'Approval: execute_deploy' });
  await card.getByRole('button', { name: 'Approve' }).waitFor();
  expect(await text(card.locator('.tool'))).toContain(`"service":"${service}"`);
  return card;
}

describe('deploy-wizard AG-UI page (server mode, Chromium)', () => {
  it('runs the whole wizard over AG-UI; the panel follows the state events; Approve deploys', async () => {
    const { page, errors } = await e2e.open();
    const bodies: { threadId: string; resume?: unknown[] }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/ag-ui') {
        bodies.push(JSON.parse(request.postData() ?? '{}') as { threadId: string; resume?: unknown[] });
      }
    });
    const card = await upToApproval(page, 'web-frontend', 3);
    await shot(page, 'ag-ui-approval');
    // The thread is the session: after the first run the page names Baton's session id.
    expect(bodies[1]?.threadId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const before = await turns(page);
    await card.getByRole('button', { name: 'Approve' }).click();
    expect(await settled(page, before)).toContain('Deployed web-frontend with 3 replicas');
    expect(bodies.at(-1)?.resume).toEqual([expect.objectContaining({ status: 'resolved' })]);
    expect(await panelState(page)).toEqual({});
    expect(await storedSession(page)).toEqual({});
    expect(await page.locator('#notice').isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('Reject cancels the deploy and clears the session', async () => {
    const { page, errors } = await e2e.open();
    const card = await upToApproval(page, 'api', 2);
    const before = await turns(page);
    await card.getByLabel('Reason for rejecting').fill('not today');
    await card.getByRole('button', { name: 'Reject' }).click();
    const reply = await settled(page, before);
    expect(reply.toLowerCase()).toContain('cancelled');
    expect(await panelState(page)).toEqual({});
    expect(await storedSession(page)).toEqual({});
    expect(errors).toEqual([]);
  });
});
