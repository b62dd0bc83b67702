/**
 * The demo on PostgreSQL, as users start it (`BATON_SESSION=postgres DATABASE_URL=... pnpm demo`),
 * spawned as a real process: it migrates its schema at start-up, a conversation and its pending
 * approval survive a restart of the demo, an approval runs at most once, and a wrong or dead
 * database is one clear line and a non-zero exit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, dropSchema, uniqueSchema } from '../packages/postgres/test/support.js';
import { oneLine, runDemoToExit, startDemo, stopDemo } from './support/demo.js';
import { postChat } from './support/http.js';

const schema = uniqueSchema('demo');

afterAll(async () => {
  await dropSchema(schema);
});

interface Answer {
  content: string;
  data: {
    session_id: string;
    tool_calls: { id: string; name: string; input: unknown }[];
    executed_tool_calls: unknown[];
  };
  error?: { code: string };
}
const chat = postChat<Answer>;

describe('demo: BATON_SESSION=postgres', () => {
  it('without DATABASE_URL: one line, exit 2', async () => {
    const { code, stderr } = await runDemoToExit({ BATON_SESSION: 'postgres', PORT: '0' });
    expect(code).toBe(2);
    expect(oneLine(stderr)).toMatch(/^Cannot start the demo: BATON_SESSION=postgres needs DATABASE_URL/);
  });

  it('PostgreSQL unreachable at start-up: one line naming it without the password, exit 1', async () => {
    const { code, stdout, stderr } = await runDemoToExit({
      BATON_SESSION: 'postgres',
      DATABASE_URL: 'postgres://demo:pa55word@127.0.0.1:1/test',
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const line = oneLine(stderr);
    expect(line).toMatch(/^Cannot start the demo: PostgreSQL at 127\.0\.0\.1:1\/test: /);
    expect(line).not.toContain('pa55word');
  });

  it('migrates at start-up; the conversation and its pending approval survive a restart; the approval runs once', async () => {
    const settings = { BATON_SESSION: 'postgres', DATABASE_URL, BATON_PG_SCHEMA: schema };
    const first = await startDemo(settings);
    let call: Answer['data']['tool_calls'][number];
    let id: string;
    try {
      expect(first.stdout()).toContain('(sessions: postgres)');
      let r = await chat(first.url, { messages: [{ role: 'user', content: 'deploy' }] });
      id = r.body.data.session_id;
      for (const content of ['web', '2']) {
        r = await chat(first.url, { messages: [{ role: 'user', content }], data: { session_id: id } });
      }
      expect(r.body.data.tool_calls).toHaveLength(1);
      call = r.body.data.tool_calls[0] as typeof call;
    } finally {
      await stopDemo(first.child);
    }
    const second = await startDemo(settings);
    try {
      const approve = {
        messages: [{ role: 'user', content: '', data: { tool_calls: [{ ...call, execute: true }] } }],
        data: { session_id: id },
      };
      const ok = await chat(second.url, approve);
      expect(ok.status).toBe(200);
      expect(ok.body.content).toContain('Deployed web with 2 replicas');
      const replay = await chat(second.url, approve);
      expect(replay.status).toBe(400);
      expect(replay.body.error?.code).toBe('APPROVAL_UNKNOWN');
    } finally {
      await stopDemo(second.child);
    }
  });
});
