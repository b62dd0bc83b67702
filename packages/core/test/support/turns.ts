import type { AgentResult, AgentTurnEvent, Message } from '../../src/index.js';

/* Helpers every turn-level test file uses: a user message, a rejection, a drained stream. */

export const user = (content: string): Message => ({ role: 'user', content });

/** The error a promise rejects with (fails the test if it resolves). */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** Drains a stream: its events, its return value or the error it threw. */
export async function drain(stream: AsyncGenerator<AgentTurnEvent, AgentResult>) {
  const events: AgentTurnEvent[] = [];
  let result: AgentResult | undefined;
  let error: unknown;
  try {
    while (true) {
      const next = await stream.next();
      if (next.done) {
        result = next.value;
        break;
      }
      events.push(next.value);
    }
  } catch (e) {
    error = e;
  }
  return { events, result, error };
}

/** The streamed text, all deltas joined. */
export const deltas = (events: AgentTurnEvent[]) =>
  events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
