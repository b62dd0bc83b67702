/* Helpers of the tests that drive the Fetch handler directly: requests to a made-up origin. */

/** The origin test requests go to (the handler never resolves it). */
export const URL_BASE = 'http://baton.test';

/** A HelpDesk chat body: one user message, and `data` when given. */
export const chat = (text: string, data?: object) => ({
  messages: [{ role: 'user', content: text }],
  ...(data ? { data } : {}),
});

/** A JSON POST to `path`: an object is serialized, a string or a stream is sent as is. */
export function post(path: string, body: BodyInit | object, headers: Record<string, string> = {}): Request {
  const text = typeof body === 'string' || body instanceof ReadableStream ? body : JSON.stringify(body);
  return new Request(`${URL_BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: text as BodyInit,
    ...(text instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}
