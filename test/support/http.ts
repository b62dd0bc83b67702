/** Fetch helpers for the HelpDesk routes of a server under test (the demo, or an app of a test). */
import { expect } from 'vitest';

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
