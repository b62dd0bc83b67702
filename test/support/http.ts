/**
 * A test's Koa app on a free port of 127.0.0.1, and fetch helpers for the HelpDesk routes of a
 * server under test (the demo, or an app of a test).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import { expect } from 'vitest';

/** Listens with `app` on a free port of 127.0.0.1. */
export async function listen(app: Koa): Promise<{ server: Server; url: string }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Stops the server, closing kept-alive connections. */
export async function stop(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** POSTs `body` as JSON to `/api/chat`: the status and the JSON answer. */
export async function postChat<Answer>(url: string, body: unknown): Promise<{ status: number; body: Answer }> {
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

/** POSTs `body` as JSON to `/api/chat-stream`, which must answer 200: the NDJSON events. */
export async function postChatStream<Event>(url: string, body: unknown): Promise<Event[]> {
  const res = await fetch(`${url}/api/chat-stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.text())
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Event);
}
