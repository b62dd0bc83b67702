/**
 * `createNodeHandler` on a real `node:http` server: as the request listener itself, and as a
 * Connect-style middleware handing other paths to `next`.
 */
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, scriptedModel } from '@baton/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeHandler } from '../src/index.js';

const echo = () => new Agent({ model: scriptedModel([], { fallback: (ctx) => `You said: ${ctx.text}` }) });
const hello = (content: string) => ({ messages: [{ role: 'user', content }], data: { session: { n: 1 } } });

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function listen(listener: http.RequestListener): Promise<string> {
  server = http.createServer(listener);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('createNodeHandler as http.createServer(handler)', () => {
  it('answers a JSON turn byte for byte as the Fetch handler does, with the request id', async () => {
    const handler = createNodeHandler(echo());
    const url = await listen(handler);
    const body = JSON.stringify(hello('hi'));
    const response = await post(`${url}/api/chat`, body, { 'x-request-id': 'req-1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-request-id')).toBe('req-1');
    const fetched = await handler.baton.handle(
      new Request(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
    );
    expect(await response.text()).toBe(await fetched.text());
  });

  it('streams NDJSON, one event per line, the last one done', async () => {
    const url = await listen(createNodeHandler(echo()));
    const response = await post(`${url}/api/chat-stream`, JSON.stringify(hello('hi')));
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; text?: string });
    const text = lines.filter((line) => line.type === 'text_delta').map((line) => line.text);
    expect(text.join('')).toBe('You said: hi');
    expect(lines.at(-1)?.type).toBe('done');
  });

  it("answers Baton's errors as JSON: 404 off its routes, 413 over the limit, 405 with Allow", async () => {
    const url = await listen(createNodeHandler(echo(), { bodyLimit: 64 }));
    const missing = await fetch(`${url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const big = await post(`${url}/api/chat`, JSON.stringify(hello('x'.repeat(200))));
    expect(big.status).toBe(413);
    const wrong = await fetch(`${url}/api/chat`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});

describe('createNodeHandler as Connect middleware', () => {
  it('hands other paths to next, and the body a parser in front read is used', async () => {
    const handler = createNodeHandler(echo());
    const url = await listen((req, res) => {
      const next = (error?: unknown) => {
        res.statusCode = error ? 500 : 418;
        res.end('app');
      };
      if (req.url !== '/api/chat') return void handler(req, res, next);
      // A body parser in front (as express.json() does): reads the body, sets req.body.
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => {
        Object.assign(req, { body: JSON.parse(text) });
        void handler(req, res, next);
      });
    });
    expect((await fetch(`${url}/elsewhere`)).status).toBe(418);
    const response = await post(`${url}/api/chat`, JSON.stringify(hello('parsed')));
    expect(((await response.json()) as { content: string }).content).toBe('You said: parsed');
  });
});
