/** The Fetch `Request` view of a Node request: what Baton's handler reads, without building a real one. */
import { EventEmitter } from 'node:events';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { Agent, createBatonHandler, scriptedModel } from '@baton/core';
import { describe, expect, it, vi } from 'vitest';
import { toRequest } from '../src/index.js';

const nodeRequest = (fields: Partial<IncomingMessage>) =>
  Object.assign(new EventEmitter(), { socket: {}, headers: {}, ...fields }) as unknown as IncomingMessage;

describe('toRequest', () => {
  it('reads method, headers and URL from the request (Host header, http), lazily', () => {
    const req = nodeRequest({ method: 'POST', url: '/api/chat?x=1', headers: { host: 'example.test', 'x-a': 'b' } });
    const request = toRequest(req, new AbortController().signal);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://example.test/api/chat?x=1');
    expect(request.headers.get('X-A')).toBe('b');
    expect(request.headers.has('x-missing')).toBe(false);
    expect([...(request.headers as unknown as Iterable<[string, string]>)]).toContainEqual(['x-a', 'b']);
  });

  it('takes the URL from a source that knows better (a proxy-aware framework)', () => {
    const req = nodeRequest({ method: 'GET', url: '/ignored', headers: { host: 'inner' } });
    const request = toRequest(req, new AbortController().signal, true, {
      protocol: 'https',
      host: 'public.test',
      url: '/health',
    });
    expect(request.url).toBe('https://public.test/health');
    expect(request.body).toBeNull(); // GET: no body
  });

  it('refuses methods a Fetch Request cannot carry (405)', () => {
    const req = nodeRequest({ method: 'TRACE', url: '/api/chat?q', headers: {} });
    expect(() => toRequest(req, new AbortController().signal)).toThrow(
      expect.objectContaining({ code: 'METHOD_NOT_ALLOWED', message: 'Method TRACE is not allowed on /api/chat' }),
    );
  });
});

describe('the body of the view', () => {
  const TIMEOUT = 12_345; // tells the body timer apart from any other
  const baton = createBatonHandler(new Agent({ model: scriptedModel([], { fallback: 'Hi.' }) }), {
    bodyTimeoutMs: TIMEOUT,
  });
  const text = JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] });
  const post = (complete: boolean) => {
    const req = new IncomingMessage(new Socket());
    req.method = 'POST';
    req.url = '/api/chat';
    req.headers = { host: 'x', 'content-type': 'application/json', 'content-length': String(text.length) };
    if (complete) {
      req.push(Buffer.from(text));
      req.push(null);
      req.complete = true;
    }
    return req;
  };
  const bodyTimers = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter((c) => c[1] === TIMEOUT).length;

  it('is read without a timer when the whole body arrived already (no read can wait)', async () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    try {
      const response = await baton.handle(toRequest(post(true), new AbortController().signal));
      expect(response.status).toBe(200);
      expect(bodyTimers(spy)).toBe(0);
    } finally {
      spy.mockRestore();
    }
  });

  it('is read under the body timeout while bytes are still to come', async () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    try {
      const req = post(false);
      const answered = baton.handle(toRequest(req, new AbortController().signal));
      await new Promise((resolve) => setImmediate(resolve));
      expect(bodyTimers(spy)).toBe(1);
      req.push(Buffer.from(text));
      req.complete = true;
      req.push(null);
      expect((await answered).status).toBe(200);
    } finally {
      spy.mockRestore();
    }
  });
});
