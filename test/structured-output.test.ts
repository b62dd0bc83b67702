/**
 * Structured output over real HTTP: an agent with an `output` schema, a model through
 * `@baton/ai-sdk` (the AI SDK's own mock), mounted with `@baton/node` on `node:http`. The provider
 * is asked for JSON with the schema (native structured output), the HelpDesk answer carries the
 * validated object in `data.output`, and an answer that does not validate is 502 OUTPUT_INVALID
 * with nothing committed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fromAiSdk } from '@baton/ai-sdk';
import { Agent } from '@baton/core';
import { createNodeHandler } from '@baton/node';
import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

const Forecast = z.object({ city: z.string(), celsius: z.number() });

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

type CallOptions = Parameters<MockLanguageModelV3['doGenerate']>[0];

/** Serves an agent whose model gives `answers` in turn, in server mode; returns its URL and the calls the provider saw. */
async function serve(...answers: string[]) {
  const calls: CallOptions[] = [];
  const model = new MockLanguageModelV3({
    doGenerate: async (options) => {
      calls.push(options);
      return {
        content: [{ type: 'text', text: answers[calls.length - 1] ?? '' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 3, noCache: 3, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 2, text: 2, reasoning: undefined },
        },
        warnings: [],
      };
    },
  });
  const agent = new Agent<{ visits: number }>({
    model: fromAiSdk(model),
    output: Forecast,
    requestInterceptors: [(_request, ctx) => void ctx.session.set('visits', (ctx.session.get('visits') ?? 0) + 1)],
  });
  const handler = createNodeHandler(agent, { sessions: { mode: 'server' } });
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls };
}

const chat = (url: string, content: string, sessionId?: string) =>
  fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(sessionId ? { 'x-baton-session': sessionId } : {}) },
    body: JSON.stringify({ messages: [{ role: 'user', content }] }),
  });

describe('structured output over HTTP (agent output schema, AI SDK mock)', () => {
  it('asks the provider for JSON with the schema and answers the validated object in data.output', async () => {
    const { url, calls } = await serve('{"city":"Paris","celsius":21}');
    const response = await chat(url, 'weather in Paris?');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { content: string; data: { output: unknown; session: unknown } };
    expect(body.data.output).toEqual({ city: 'Paris', celsius: 21 });
    expect(body.data.session).toEqual({ visits: 1 });
    const format = calls[0]?.responseFormat as { type: string; schema: { properties: Record<string, unknown> } };
    expect(format.type).toBe('json');
    expect(Object.keys(format.schema.properties).sort()).toEqual(['celsius', 'city']);
  });

  it('an answer that does not validate is 502 OUTPUT_INVALID, and the turn commits nothing', async () => {
    const valid = '{"city":"Oslo","celsius":3}';
    const { url } = await serve(valid, '{"city":"Oslo","celsius":"cold"}', valid);
    const first = await chat(url, 'weather?');
    const id = ((await first.json()) as { data: { session_id: string } }).data.session_id;
    const failed = await chat(url, 'weather again?', id);
    expect(failed.status).toBe(502);
    expect(((await failed.json()) as { error: { code: string } }).error.code).toBe('OUTPUT_INVALID');
    // The failed turn's visit was not committed: the next turn of the session counts 2, not 3.
    const third = await chat(url, 'and now?', id);
    const body = (await third.json()) as { data: { output: unknown; session: unknown } };
    expect(body.data.session).toEqual({ visits: 2 });
    expect(body.data.output).toEqual({ city: 'Oslo', celsius: 3 });
  });
});
