import { describe, expect, it } from 'vitest';
import {
  Agent,
  InterceptorError,
  type Model,
  type Plugin,
  Session,
  type StreamChunk,
  type StreamEvent,
  scriptedModel,
} from '../src/index.js';
import { user } from './support/turns.js';

/** A model that streams the given pieces as they are, one delta each. */
function piecesModel(pieces: string[]): Model {
  return {
    id: 'pieces',
    async generate() {
      return { text: pieces.join(''), toolCalls: [] };
    },
    async *stream() {
      for (const text of pieces) yield { type: 'text_delta', text };
      yield { type: 'finish' };
    },
  };
}

async function collect(stream: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const event of stream) out.push(event);
  return out;
}
const textOf = (events: StreamEvent[]) =>
  events.filter((e): e is Extract<StreamEvent, { type: 'text_delta' }> => e.type === 'text_delta').map((e) => e.text);
const doneOf = (events: StreamEvent[]) => events.at(-1) as Extract<StreamEvent, { type: 'done' }>;

const upper: Plugin = {
  name: 'upper',
  stream: {
    transform: (chunk) => (chunk.type === 'text_delta' ? { ...chunk, text: chunk.text.toUpperCase() } : chunk),
  },
};

describe('stream hooks', () => {
  it('transform and drop chunks; inner hooks see them first', async () => {
    const dropX: Plugin = {
      name: 'drop-x',
      stream: { transform: (chunk) => (chunk.type === 'text_delta' && chunk.text === 'x' ? null : chunk) },
    };
    const seen: string[] = [];
    const spy: Plugin = {
      name: 'spy',
      stream: {
        transform: (chunk) => {
          if (chunk.type === 'text_delta') seen.push(chunk.text);
          return chunk;
        },
      },
    };
    const agent = new Agent({ model: piecesModel(['a', 'x', 'b']), plugins: [spy, upper, dropX] });
    const events = await collect(agent.stream([user('go')]));
    expect(textOf(events)).toEqual(['A', 'B']);
    // `spy` is outermost: it sees what `upper` and `drop-x` passed on.
    expect(seen).toEqual(['A', 'B']);
  });

  it('a guard holds text and releases it only after checking the whole answer', async () => {
    const released: number[] = [];
    const guard: Plugin = {
      name: 'guard',
      stream: {
        transform: (chunk) => {
          if (chunk.type !== 'text_delta') return chunk;
          held.push(chunk);
          return undefined; // hold
        },
        flush: () => {
          released.push(held.length);
          return held.splice(0);
        },
      },
    };
    const held: StreamChunk[] = [];
    const agent = new Agent({ model: piecesModel(['one ', 'two ', 'three']), plugins: [upper, guard] });
    const order: string[] = [];
    for await (const event of agent.stream([user('go')])) order.push(event.type);
    expect(released).toEqual([3]);
    // Everything released at once, after the model finished and before `done`.
    expect(order).toEqual(['text_delta', 'text_delta', 'text_delta', 'done']);
    const events = await collect(agent.stream([user('go')]));
    expect(textOf(events).join('')).toBe('ONE TWO THREE');
  });

  it('a guard that refuses in flush: the held text never reaches the client, only the refusal does', async () => {
    const held: StreamChunk[] = [];
    const guard: Plugin = {
      name: 'guard',
      stream: {
        transform: (chunk) => {
          held.push(chunk);
        },
        flush: () => {
          const text = held.map((c) => (c.type === 'text_delta' ? c.text : '')).join('');
          if (text.includes('password')) throw new InterceptorError('I cannot share that.', 'OUTPUT_BLOCKED');
          return held.splice(0);
        },
      },
    };
    const agent = new Agent({ model: piecesModel(['the ', 'password ', 'is hunter2']), plugins: [guard] });
    const session = Session.from({ before: 1 });
    const events = await collect(agent.stream([user('tell me')], { session }));
    expect(textOf(events)).toEqual(['I cannot share that.']);
    expect(JSON.stringify(events)).not.toContain('hunter2');
    expect(doneOf(events)).toMatchObject({
      stop_reason: 'refused',
      content: 'I cannot share that.',
      data: { error: { code: 'OUTPUT_BLOCKED' } },
    });
    expect(session.toJSON()).toEqual({ before: 1 });
  });

  it('async transforms keep chunk order', async () => {
    const slow: Plugin = {
      name: 'slow',
      stream: {
        transform: async (chunk) => {
          await new Promise((resolve) =>
            setTimeout(resolve, chunk.type === 'text_delta' && chunk.text === 'a' ? 20 : 0),
          );
          return chunk;
        },
      },
    };
    const agent = new Agent({ model: piecesModel(['a', 'b', 'c']), plugins: [slow] });
    expect(textOf(await collect(agent.stream([user('go')])))).toEqual(['a', 'b', 'c']);
  });

  it('see tool_calls and executed_tool_calls chunks too, and may split one chunk into several', async () => {
    const split: Plugin = {
      name: 'split',
      stream: {
        transform: (chunk) =>
          chunk.type === 'text_delta' ? [...chunk.text].map((ch) => ({ ...chunk, text: ch })) : chunk,
      },
    };
    const agent = new Agent({ model: scriptedModel([{ when: () => true, reply: 'hi you' }]), plugins: [split] });
    const events = await collect(agent.stream([user('go')]));
    expect(textOf(events)).toEqual(['h', 'i', ' ', 'y', 'o', 'u']);
    expect(doneOf(events).content).toBe('hi you');
  });
});

describe('response-phase hooks in streamed turns', () => {
  it('run for streamed turns too: a response interceptor changes the done content as it does for run()', async () => {
    const stamp: Plugin = {
      name: 'stamp',
      responseInterceptors: [(r) => ({ ...r, content: `${r.content} [checked]` })],
    };
    const agent = new Agent({ model: piecesModel(['hello']), plugins: [stamp] });
    const ran = await agent.run([user('x')]);
    const streamed = doneOf(await collect(agent.stream([user('x')])));
    expect(ran.content).toBe('hello [checked]');
    expect(streamed.content).toBe(ran.content);
  });

  it('a refusal in the response phase reaches a streaming client as the same user message as run()', async () => {
    const refuse: Plugin = {
      name: 'refuse',
      responseInterceptors: [
        () => {
          throw new InterceptorError('Answer withheld by policy.', 'POLICY', { rule: 7 });
        },
      ],
      turn: async (ctx, next) => {
        ctx.session.set('attempted', true);
        await next();
      },
    };
    const agent = new Agent({ model: piecesModel(['secret']), plugins: [refuse] });
    const ran = await agent.run([user('x')]);
    const session = Session.from({});
    const done = doneOf(await collect(agent.stream([user('x')], { session })));
    expect(ran).toMatchObject({ stopReason: 'refused', content: 'Answer withheld by policy.' });
    expect(done).toMatchObject({
      stop_reason: 'refused',
      content: ran.content,
      data: { error: { code: 'POLICY', details: { rule: 7 } } },
    });
    expect(session.toJSON()).toEqual({});
  });

  it('a turn hook after next() sees the streamed answer and may change the session', async () => {
    const count: Plugin = {
      name: 'count',
      turn: async (ctx, next) => {
        await next();
        ctx.session.set('chars', ctx.response?.content.length ?? -1);
      },
    };
    const agent = new Agent({ model: piecesModel(['ab', 'cd']), plugins: [count] });
    const done = doneOf(await collect(agent.stream([user('x')])));
    expect(done.data.session).toEqual({ chars: 4 });
  });
});
