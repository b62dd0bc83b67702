import { describe, expect, it } from 'vitest';
import { isWellFormed, parseChatRequest, requestSchema } from '../../../src/protocols/helpdesk/request.js';

/*
 * The request check's fast path: it may answer "well-formed" only for a body the schema accepts
 * (what it is unsure of goes to the schema). Checked on a few thousand bodies built from field
 * values each rule accepts or refuses, one mutation at a time and mixed.
 */

const approval = () => ({ id: 'call_1', name: 'deploy', input: { env: 'prod' }, execute: true });
const valid = () => ({
  messages: [
    { role: 'assistant', content: 'Earlier', data: { session_id: 'abc' } },
    { role: 'user', content: 'Hi', platform_context: { tz: 'UTC' }, data: { tool_calls: [approval()] } },
  ],
  data: { session: { step: 1 }, session_id: 'sid' },
  thread_id: 't1',
});

/** Values a field might carry: valid for some rules, invalid for others. */
const VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'user',
  'assistant',
  'system',
  'a'.repeat(257),
  0,
  true,
  false,
  [],
  [approval()],
  Array.from({ length: 101 }, approval),
  {},
  { session_id: 5 },
  { session_id: 's' },
  { tool_calls: [{ ...approval(), id: '' }] },
  { tool_calls: [{ ...approval(), rejection_reason: 3 }] },
  { tool_calls: [{ ...approval(), name: 'n'.repeat(65) }] },
  { tool_calls: [{ ...approval(), execute: 'yes' }] },
  { tool_calls: null },
];

type Path = (string | number)[];
const PATHS: Path[] = [
  [],
  ['messages'],
  ['data'],
  ['data', 'session_id'],
  ['data', 'session'],
  ['messages', 0],
  ['messages', 1],
  ['messages', 1, 'role'],
  ['messages', 0, 'role'],
  ['messages', 1, 'content'],
  ['messages', 1, 'platform_context'],
  ['messages', 1, 'data'],
  ['messages', 0, 'data', 'session_id'],
  ['messages', 1, 'data', 'tool_calls'],
  ['messages', 1, 'data', 'tool_calls', 0],
  ['messages', 1, 'data', 'tool_calls', 0, 'id'],
  ['messages', 1, 'data', 'tool_calls', 0, 'name'],
  ['messages', 1, 'data', 'tool_calls', 0, 'execute'],
  ['messages', 1, 'data', 'tool_calls', 0, 'rejection_reason'],
  ['messages', 1, 'data', 'tool_calls', 0, 'input'],
];

function mutate(body: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  if (typeof body !== 'object' || body === null) return body;
  const root = structuredClone(body) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = root;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null) return root; // the path no longer exists
    at = next as Record<string | number, unknown>;
  }
  const last = path.at(-1) as string | number;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return root;
}

describe('isWellFormed (the fast path of parseChatRequest)', () => {
  it('accepts the common body, and agrees with the schema on it', () => {
    expect(isWellFormed(valid())).toBe(true);
    expect(requestSchema.safeParse(valid()).success).toBe(true);
  });

  it('never accepts a body the schema refuses (one and two mutations)', () => {
    let accepted = 0;
    let refusedBySchema = 0;
    const check = (body: unknown) => {
      const schema = requestSchema.safeParse(body).success;
      if (!schema) refusedBySchema++;
      if (isWellFormed(body)) {
        accepted++;
        expect({ body, schema }).toEqual({ body, schema: true });
      }
    };
    for (const path of PATHS) for (const value of VALUES) check(mutate(valid(), path, value));
    for (let i = 0; i < PATHS.length; i++) {
      for (let j = i + 1; j < PATHS.length; j++) {
        for (const v of [null, 'x', 0, {}, []])
          check(mutate(mutate(valid(), PATHS[i] as Path, v), PATHS[j] as Path, v));
      }
    }
    // The battery is not vacuous: both sides were exercised.
    expect(accepted).toBeGreaterThan(50);
    expect(refusedBySchema).toBeGreaterThan(200);
  });

  it('a body the fast path leaves to the schema parses to the same request', () => {
    const body = valid();
    (body.messages[1] as Record<string, unknown>).extra = 'ignored';
    expect(parseChatRequest(body)).toEqual(parseChatRequest(valid()));
    expect(() => parseChatRequest({ messages: [{ role: 'assistant', content: 'x' }] })).toThrow(
      /the latest message must be from the user/,
    );
  });
});
