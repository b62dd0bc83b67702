/** The Fetch `Request` view of a Node request: what Baton's handler reads, without building a real one. */
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
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
