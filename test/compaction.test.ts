/**
 * Long conversations (compaction) end to end, through the ChatHandler, on every store that
 * implements it (memory, Redis, PostgreSQL): 200 turns with a small token budget (counted on every model call), summaries
 * appended only by turns that commit, contiguous ranges, a veto hook, and 100 concurrent turns.
 */
import {
  Agent,
  ChatHandler,
  estimateTokens,
  type MemoryOptions,
  MemorySessionStore,
  type Model,
  type ModelMessage,
  SessionManager,
  type SessionShape,
  type SessionStore,
  scriptedModel,
  tool,
} from '@baton/core';
import { migrate, PostgresSessionStore } from '@baton/postgres';
import { RedisSessionStore } from '@baton/redis';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWizardAgent } from '../examples/deploy-wizard/agent.js';
import { configFromEnv, DEMO_MAX_TOKENS, sessionOptions } from '../examples/deploy-wizard/config.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from '../packages/postgres/test/support.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './support/redis.js';

const prefix = uniquePrefix('baton-test-compaction');
const schema = uniqueSchema('compaction');
await migrate(DATABASE_URL, { schema });
afterAll(async () => {
  await deleteKeys(prefix, REDIS_URL);
  await dropSchema(schema);
});

const MAX = 400;
const SUMMARY = 'Summary of the earlier conversation:\n';

/** Checks what one model call got: within the budget, no tool result without its call before it. */
function checkCall(messages: ModelMessage[]): void {
  const tokens = messages.reduce((n, m) => n + estimateTokens(m), 0);
  expect(tokens).toBeLessThanOrEqual(MAX);
  const called = new Set<string>();
  for (const m of messages) {
    if (m.role === 'assistant') for (const c of m.toolCalls ?? []) called.add(c.id);
    if (m.role === 'tool') expect(called.has(m.toolCallId)).toBe(true);
  }
  expect(messages[0]?.role).not.toBe('tool');
}

/** "look N" -> a tool call then an answer; "fail" -> throws; anything else: an answer. */
function agentWith(summarizer: Model, calls: ModelMessage[][], options: { veto?: boolean } = {}) {
  const model = scriptedModel(
    [
      { when: (c) => c.toolResults.length > 0, reply: (c) => `looked at ${JSON.stringify(c.toolResults[0]?.output)}` },
      { when: /^look (.+)/, reply: (c) => ({ toolCalls: [{ name: 'look', input: { what: c.text.slice(5) } }] }) },
      {
        when: /^fail/,
        reply: () => {
          throw new Error('the model fell over');
        },
      },
    ],
    { fallback: (c) => `noted ${c.text} with a reasonably long answer to fill the window` },
  );
  const recording: Model = {
    id: 'recording',
    generate: (call) => {
      calls.push(call.messages);
      checkCall(call.messages);
      return model.generate(call);
    },
  };
  return (store: SessionStore) =>
    new ChatHandler(
      new Agent({
        model: recording,
        tools: [
          tool({
            name: 'look',
            description: 'Look.',
            input: z.object({ what: z.string() }),
            execute: ({ what }) => `${what} is fine`,
          }),
        ],
      }),
      {
        sessions: new SessionManager({
          mode: 'server',
          store,
          leaseWaitMs: 60_000,
          memory: {
            window: { maxTokens: MAX, lastMessages: 200 },
            compaction: {
              model: summarizer,
              keepTokens: 150,
              ...(options.veto ? { onCompact: () => false as const } : {}),
            },
          },
        }),
      },
    );
}

/** A summarizer that numbers its summaries and tells which turn asked. */
function countingSummarizer() {
  const made: string[] = [];
  const model: Model = {
    id: 'summarizer',
    async generate(call) {
      const text = `summary ${made.length + 1} of ${JSON.stringify(call.messages).length} chars`;
      made.push(text);
      return { text, toolCalls: [], usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 } };
    },
  };
  return { model, made };
}

async function chat<S extends SessionShape>(handler: ChatHandler<S>, content: string, sessionId?: string) {
  const turn = await handler.begin({ messages: [{ role: 'user', content }] }, sessionId ? { sessionId } : {});
  const body = await turn.respond();
  return { content: body.content, id: body.data.session_id as string };
}

async function everything<S extends SessionShape>(handler: ChatHandler<S>, id: string) {
  const page = await handler.sessions.readHistory(id, { limit: 1000 });
  return page?.items ?? [];
}

/** Summaries cover contiguous ranges from 1, each before its own seq; none twice. */
function checkSummaries(items: Awaited<ReturnType<typeof everything>>) {
  const summaries = items.filter((i) => i.role === 'summary');
  let next = 1;
  for (const s of summaries) {
    if (s.role !== 'summary') continue;
    expect(s.fromSeq).toBe(next);
    expect(s.toSeq).toBeGreaterThanOrEqual(s.fromSeq);
    expect(s.toSeq).toBeLessThan(s.seq);
    next = s.toSeq + 1;
  }
  return summaries;
}

const cases: { name: string; make: () => SessionStore }[] = [
  { name: 'memory', make: () => new MemorySessionStore() },
  { name: 'Redis', make: () => new RedisSessionStore({ url: REDIS_URL, prefix }) },
  { name: 'PostgreSQL', make: () => new PostgresSessionStore({ connectionString: DATABASE_URL, schema }) },
];

describe.each(cases)('compaction ($name)', ({ make }) => {
  it('200 turns: every call within the budget, no orphan tool result, one summary per compaction, none on failed turns', async () => {
    const store = make();
    const calls: ModelMessage[][] = [];
    const summarizer = countingSummarizer();
    const handler = agentWith(summarizer.model, calls)(store);
    let id: string | undefined;
    let committedSummaries = 0;
    let failed = 0;
    for (let t = 1; t <= 200; t++) {
      const before = summarizer.made.length;
      const text = t % 17 === 0 ? 'fail' : t % 3 === 0 ? `look ${t}` : `message ${t}`;
      try {
        const out = await chat(handler, text, id);
        id = out.id;
        committedSummaries += summarizer.made.length - before;
      } catch {
        failed++;
      }
    }
    expect(failed).toBe(11);
    const items = await everything(handler, id as string);
    const summaries = checkSummaries(items);
    expect(summaries.length).toBe(committedSummaries);
    expect(committedSummaries).toBeGreaterThan(5);
    // Failed turns summarized too (their summarizer call ran) but appended nothing.
    expect(summarizer.made.length).toBeGreaterThanOrEqual(committedSummaries);
    // The originals stay: every committed user message is there once.
    const users = items.filter((i) => i.role === 'user').map((i) => (i.role === 'user' ? i.content : ''));
    expect(users).toHaveLength(189);
    expect(new Set(users).size).toBe(189);
    // The model's window starts at the latest summary once there is one.
    const lastCall = calls.at(-1) ?? [];
    expect((lastCall[0] as { content: string }).content.startsWith(SUMMARY)).toBe(true);
    await store.close();
  }, 120_000);

  it('a veto leaves the transcript unsummarized; the window is only trimmed', async () => {
    const store = make();
    const calls: ModelMessage[][] = [];
    const summarizer = countingSummarizer();
    const handler = agentWith(summarizer.model, calls, { veto: true })(store);
    let id: string | undefined;
    for (let t = 1; t <= 30; t++) id = (await chat(handler, `message ${t}`, id)).id;
    expect(summarizer.made).toHaveLength(0);
    expect((await everything(handler, id as string)).some((i) => i.role === 'summary')).toBe(false);
    await store.close();
  });

  it('100 concurrent turns on one session keep the transcript and the summaries consistent', async () => {
    const store = make();
    const calls: ModelMessage[][] = [];
    const summarizer = countingSummarizer();
    const handler = agentWith(summarizer.model, calls)(store);
    const { id } = await chat(handler, 'start');
    await Promise.all(Array.from({ length: 100 }, (_, t) => chat(handler, `message ${t}`, id)));
    const items = await everything(handler, id);
    checkSummaries(items);
    expect(items.filter((i) => i.role === 'summary').length).toBe(summarizer.made.length);
    const users = items.filter((i) => i.role === 'user');
    expect(users).toHaveLength(101);
    expect(items.filter((i) => i.role === 'assistant')).toHaveLength(101);
    await store.close();
  }, 120_000);
});

describe('compaction in the demo (server modes)', () => {
  it('the deploy wizard on the memory store summarizes with its scripted summarizer past its small budget', async () => {
    const options = sessionOptions(configFromEnv({ BATON_SESSION: 'memory' }));
    expect(options.mode).toBe('server');
    const memory = (options as { memory?: MemoryOptions }).memory;
    expect(memory?.window?.maxTokens).toBe(DEMO_MAX_TOKENS);
    const handler = new ChatHandler(createWizardAgent(), { sessions: new SessionManager(options) });
    let id: string | undefined;
    for (let t = 1; t <= 40; t++) {
      id = (await chat(handler, `message ${t}: ${'a fairly long remark about the deployment '.repeat(6)}`, id)).id;
    }
    const items = await everything(handler, id as string);
    const summaries = checkSummaries(items);
    expect(summaries.length).toBeGreaterThan(0);
    for (const s of summaries) expect(s.role === 'summary' && s.content.startsWith('(scripted summary)')).toBe(true);
    expect(items.filter((i) => i.role === 'user')).toHaveLength(40);
    await handler.sessions.close();
  });
});
