/**
 * The README's quick start is `examples/quick-start/server.ts`, byte for byte, and it works: run with
 * the OpenAI provider replaced by the AI SDK's own mock model, over real HTTP, a first turn proposes
 * the `deploy` call, the approval turn runs it, and the session (server mode) holds the write.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockLanguageModelV3 } from 'ai/test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** The provider-level (specification v3) call options and result, as the mock's `doGenerate` has them. */
type CallOptions = Parameters<MockLanguageModelV3['doGenerate']>[0];
type GenerateResult = Awaited<ReturnType<MockLanguageModelV3['doGenerate']>>;

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** Proposes `deploy` for "web-api"; once the prompt holds the tool's result, answers with it. */
function answer({ prompt }: CallOptions): GenerateResult {
  const result = prompt.flatMap((m) => (m.role === 'tool' ? m.content : [])).find((p) => p.type === 'tool-result');
  if (result !== undefined) {
    const output = result.output.type === 'text' || result.output.type === 'json' ? result.output.value : '';
    return {
      content: [{ type: 'text', text: `Done: ${JSON.stringify(output)}` }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      warnings: [],
    };
  }
  return {
    content: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'deploy', input: '{"service":"web-api"}' }],
    finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
    usage,
    warnings: [],
  };
}

vi.mock('@ai-sdk/openai', () => ({
  openai: (modelId: string) => new MockLanguageModelV3({ modelId, doGenerate: async (options) => answer(options) }),
}));

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

let server: Server;
let url: string;

beforeAll(async () => {
  process.env.PORT = '0';
  ({ server } = await import('../../examples/quick-start/server.js'));
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeAllConnections();
  await closed;
});

interface Answer {
  content: string;
  data: {
    session: Record<string, unknown>;
    session_id: string;
    tool_calls?: { id: string; name: string; input: unknown; execute: boolean }[];
    executed_tool_calls?: { id: string; name: string; output: unknown }[];
  };
}

async function chat(body: unknown, sessionId?: string): Promise<Answer> {
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(sessionId ? { 'x-baton-session': sessionId } : {}) },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

describe('the README quick start', () => {
  it('is examples/quick-start/server.ts verbatim, within 30 lines, in the README first screen', () => {
    const readme = read('../../README.md');
    const block = /## Quick start[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const file = read('../../examples/quick-start/server.ts');
    expect(block.trim()).toBe(file.trim());
    expect(file.trim().split('\n').length).toBeLessThanOrEqual(30);
    expect(block).toContain("fromAiSdk(openai('gpt-4o-mini'))");
    // The first screen: the two commands and the quick start come before line 80.
    const lines = readme.split('\n');
    expect(lines.findIndex((l) => l.includes('pnpm install && pnpm demo'))).toBeLessThan(40);
    expect(lines.findIndex((l) => l.includes("fromAiSdk(openai('gpt-4o-mini'))"))).toBeLessThan(80);
  });

  it('proposes the tool call, runs it on approval, and the session keeps the write', async () => {
    const first = await chat({ messages: [{ role: 'user', content: 'Deploy web-api' }] });
    const call = first.data.tool_calls?.[0];
    expect(call).toMatchObject({ name: 'deploy', input: { service: 'web-api' }, execute: false });
    expect(first.data.session).toEqual({}); // nothing ran yet
    const id = first.data.session_id;
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const second = await chat(
      { messages: [{ role: 'user', content: '', data: { tool_calls: [{ ...call, execute: true }] } }] },
      id,
    );
    expect(second.data.executed_tool_calls).toMatchObject([{ name: 'deploy', output: 'Deployed web-api' }]);
    expect(second.content).toBe('Done: "Deployed web-api"');
    expect(second.data.session).toEqual({ deployed: ['web-api'] });
    expect(second.data.session_id).toBe(id);

    // The write is in the store: a third turn (a plain question) sees it.
    const third = await chat({ messages: [{ role: 'user', content: 'Deploy web-api' }] }, id);
    expect(third.data.session).toEqual({ deployed: ['web-api'] });
  });
});
