/**
 * A protocol written outside Baton, the way an app would: plain text. `POST /text` takes
 * `{ "text": "...", "session"?: {...} }` and answers `{ "reply", "session" }` as JSON;
 * `POST /text-stream` streams the reply as `text/plain`, one chunk per text delta, then a
 * `[done]` or `[error CODE]` line. It uses only `@baton/core`'s public types and framing helpers.
 */
import { BatonError, jsonFraming, type Protocol, type TurnEvent, type TurnResult } from '@baton/core/protocol';

/** The JSON answer of `POST /text`. */
export interface PlainTextAnswer {
  reply: string;
  session: unknown;
}

export const plainText: Protocol<PlainTextAnswer, string> = {
  name: 'plain-text',
  routes: [
    { name: 'textTurn', path: '/text', framing: jsonFraming },
    {
      name: 'textStream',
      path: '/text-stream',
      framing: {
        kind: 'stream',
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        frame: (chunk) => chunk,
        end: '\n',
      },
    },
  ],
  decode(body) {
    const { text, session } = body as { text?: unknown; session?: unknown };
    if (typeof text !== 'string' || text === '') throw new BatonError('REQUEST_INVALID', '`text` must be a string');
    return {
      messages: [{ role: 'user', content: text }],
      approvals: [],
      context: {},
      session,
      sessionId: undefined,
      extra: {},
    };
  },
  encode: (result) => ({ reply: result.response.content, session: result.session.session }),
  async *encodeEvents(events: AsyncIterable<TurnEvent<TurnResult>>) {
    for await (const event of events) {
      if (event.type === 'text') yield event.delta;
      else if (event.type === 'done') yield '\n[done]';
      else if (event.type === 'error') yield `\n[error ${(event.error as BatonError).code ?? 'INTERNAL'}]`;
    }
  },
};
