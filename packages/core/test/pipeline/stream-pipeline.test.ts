import { describe, expect, it } from 'vitest';
import type { StreamChunk } from '../../src/entries/plugin.js';
import {
  Agent,
  type AgentTurnEvent,
  InterceptorError,
  type Model,
  type Plugin,
  Session,
  scriptedModel,
} from '../../src/index.js';
import { user } from '../support/turns.js';

/** A model that streams the given pieces as they are, one delta each. */
function piecesModel(pieces: string[]): Model {
  return {
    id: 'pieces',
    async generate() {
      return { text: pieces.join(''), toolCalls: [] };
    },
    async *stream() {
      for (const text of pieces) yield { type: 'text', delta: text };
      yield { type: 'finish' };
    },
  };
}

async function collect(stream: AsyncIterable<AgentTurnEvent>): Promise<AgentTurnEvent[]> {
  const out: AgentTurnEvent[] = [];
  for await (const event of stream) out.push(event);
  return out;
}
const textOf = (events: AgentTurnEvent[]) =>
  events.filter((e): e is Extract<AgentTurnEvent, { type: 'text' }> => e.type === 'text').map((e) => e.delta);
const doneOf = (events: AgentTurnEvent[]) => events.at(-1) as Extract<AgentTurnEvent, { type: 'done' }>;

const upper: Plugin = {
  name: 'upper',
  stream: {
    transform: (chunk) => (chunk.type === 'text' ? { ...chunk, delta: chunk.delta.toUpperCase() } : chunk),
  },
};

describe('stream hooks', () => {
  it('transform and drop chunks; inner hooks see them first', async () => {
    const dropX: Plugin = {
      name: 'drop-x',
      stream: { transform: (chunk) => (chunk.type === 'text' && chunk.delta === 'x' ? null : chunk) },
    };
    const seen: string[] = [];
    const spy: Plugin = {
      name: 'spy',
      stream: {
        transform: (chunk) => {
          if (chunk.type === 'text') seen.push(chunk.delta);
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
          if (chunk.type !== 'text') return chunk;
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
    expect(order).toEqual(['text', 'text', 'text', 'done']);
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
          const text = held.map((c) => (c.type === 'text' ? c.delta : '')).join('');
          if (text.includes('password')) throw new InterceptorError('I cannot share that.', 'OUTPUT_BLOCKED');
          return held.splice(0);
        },
      },
    };
    const agent = new Agent({ model: piecesModel(['the ', 'password ', 'is hunter2']), plugins: [guard] });
    const session = Session.from({ before: 1 });
    const events = await collect(agent.stream([user('tell me')], { session }));
    expect(textOf(events)).toEqual([]);
    expect(events.slice(0, -1)).toEqual([{ type: 'refused', code: 'OUTPUT_BLOCKED', message: 'I cannot share that.' }]);
    expect(JSON.stringify(events)).not.toContain('hunter2');
    expect(doneOf(events).result).toMatchObject({
      stopReason: 'refused',
      content: 'I cannot share that.',
      error: { code: 'OUTPUT_BLOCKED' },
    });
    expect(session.toJSON()).toEqual({ before: 1 });
  });

  it('async transforms keep chunk order', async () => {
    const slow: Plugin = {
      name: 'slow',
      stream: {
        transform: async (chunk) => {
          await new Promise((resolve) => setTimeout(resolve, chunk.type === 'text' && chunk.delta === 'a' ? 20 : 0));
          return chunk;
        },
      },
    };
    const agent = new Agent({ model: piecesModel(['a', 'b', 'c']), plugins: [slow] });
    expect(textOf(await collect(agent.stream([user('go')])))).toEqual(['a', 'b', 'c']);
  });

  it('see proposed and executed chunks too, and may split one chunk into several', async () => {
    const split: Plugin = {
      name: 'split',
      stream: {
        transform: (chunk) => (chunk.type === 'text' ? [...chunk.delta].map((ch) => ({ ...chunk, delta: ch })) : chunk),
      },
    };
    const agent = new Agent({ model: scriptedModel([{ when: () => true, reply: 'hi you' }]), plugins: [split] });
    const events = await collect(agent.stream([user('go')]));
    expect(textOf(events)).toEqual(['h', 'i', ' ', 'y', 'o', 'u']);
    expect(doneOf(events).result.content).toBe('hi you');
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
    expect(streamed.result.content).toBe(ran.content);
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
    expect(done.result).toMatchObject({
      stopReason: 'refused',
      content: ran.content,
      error: { code: 'POLICY', details: { rule: 7 } },
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
    expect(done.result.session).toEqual({ chars: 4 });
  });
});
