import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Agent, type AgentTurnEvent, type Model, type ModelResult, tool } from '../../src/index.js';
import { luhnValid, type PiiRedactionOptions, piiRedaction } from '../../src/plugins/index.js';
import { deltas, drain, scripted, user } from './support.js';

/** The answer of a run() turn whose model says `text`. */
async function redacted(text: string, options?: PiiRedactionOptions): Promise<string> {
  const agent = new Agent({ model: scripted('m', [text]).model, plugins: [piiRedaction(options)] });
  return (await agent.run([user('x')])).content;
}

/** A model streaming `text` in the given chunks. */
function chunked(chunks: readonly string[]): Model {
  return {
    async generate() {
      return { text: chunks.join(''), toolCalls: [] };
    },
    async *stream() {
      for (const text of chunks) yield { type: 'text', delta: text };
      yield { type: 'finish' };
    },
  };
}

/** Streams a turn; returns the text deltas one by one, their join, `done` and run()'s content. */
async function streamed(chunks: readonly string[], options?: PiiRedactionOptions) {
  const agent = new Agent({ model: chunked(chunks), plugins: [piiRedaction(options)] });
  const { events, error } = await drain(agent.stream([user('x')]));
  if (error !== undefined) throw error;
  const done = events.at(-1) as Extract<AgentTurnEvent, { type: 'done' }>;
  const run = await agent.run([user('x')]);
  const pieces = events.flatMap((e) => (e.type === 'text' ? [e.delta] : []));
  return { pieces, text: deltas(events), done: done.result.content, run: run.content };
}

describe('piiRedaction: what it finds', () => {
  it('emails', async () => {
    expect(await redacted('Write to alice.smith+news@mail.example.co.uk today.')).toBe(
      'Write to [redacted email] today.',
    );
    expect(await redacted('Handles like @alice or a@b are not emails.')).toBe(
      'Handles like @alice or a@b are not emails.',
    );
  });

  it('phone numbers, international and national', async () => {
    const numbers = ['+1 (415) 555-2671', '+44 20 7946 0958', '+33612345678', '(415) 555-2671', '415.555.2671'];
    const national = ['415-555-2671', '06 12 34 56 78', '020 7946 0958'];
    for (const n of [...numbers, ...national])
      expect(await redacted(`Call ${n}, thanks.`)).toBe('Call [redacted phone], thanks.');
  });

  it('leaves dates, versions, addresses and plain amounts alone', async () => {
    const text = 'On 01.02.2024 10:30 (2024-01-15), v1.2.3 at 192.168.100.200 cost 1 250 000 and 12 345.';
    expect(await redacted(text)).toBe(text);
  });

  it('card numbers: 13 to 19 digits, spaces or dashes, Luhn-checked', async () => {
    for (const card of [
      '4111 1111 1111 1111',
      '4111-1111-1111-1111',
      '4111111111111111',
      '378282246310005',
      '6011 0009 9013 9424',
    ]) {
      expect(await redacted(`Card ${card}.`)).toBe('Card [redacted card].');
    }
  });

  it('does not redact digit runs that fail the Luhn check (order numbers, ids)', async () => {
    for (const number of ['4111 1111 1111 1112', '1234567890123', '9999-9999-9999-9999']) {
      expect(await redacted(`Order ${number}.`)).toBe(`Order ${number}.`);
    }
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });

  it('kinds chooses the built-in detectors', async () => {
    const text = 'alice@example.com, 4111 1111 1111 1111, +1 415 555 2671';
    expect(await redacted(text, { kinds: ['email'] })).toBe('[redacted email], 4111 1111 1111 1111, +1 415 555 2671');
    expect(await redacted(text, { kinds: ['card', 'phone'] })).toBe(
      'alice@example.com, [redacted card], [redacted phone]',
    );
  });

  it('custom patterns, with their own replacement or the shared one', async () => {
    const options: PiiRedactionOptions = {
      patterns: [
        { name: 'ssn', pattern: /\b\d{3}-\d{2}-\d{4}\b/, replacement: '***-**-****' },
        { name: 'ticket', pattern: /TCK-\d+/i },
      ],
      replacement: (kind, value) => (kind === 'card' ? `[card ending ${value.slice(-4)}]` : `<${kind}>`),
    };
    const text = 'SSN 123-45-6789, tck-42 and TCK-7, card 4111 1111 1111 1111, mail bob@example.org';
    expect(await redacted(text, options)).toBe(
      'SSN ***-**-****, <ticket> and <ticket>, card [card ending 1111], mail <email>',
    );
  });

  it('redacts executed tool calls (input and output) but not calls awaiting approval', async () => {
    // A fresh model per turn: each turn looks up, then proposes the mail.
    const agent = () =>
      new Agent({
        model: scripted('m', [
          { text: '', toolCalls: [{ id: 'l1', name: 'lookup', input: { email: 'eve@example.com' } }] },
          { text: 'Found them.', toolCalls: [{ id: 's1', name: 'send', input: { to: 'eve@example.com' } }] },
        ]).model,
        tools: [
          tool({
            name: 'lookup',
            description: 'Finds a customer',
            input: z.object({ email: z.string() }),
            execute: () => ({ phone: '+44 20 7946 0958', notes: ['card 4111 1111 1111 1111'], vip: true }),
          }),
          tool({
            name: 'send',
            description: 'Sends mail',
            input: z.object({ to: z.string() }),
            requiresApproval: true,
            execute: () => 'sent',
          }),
        ],
        plugins: [piiRedaction()],
      });
    const expected = {
      input: { email: '[redacted email]' },
      output: { phone: '[redacted phone]', notes: ['card [redacted card]'], vip: true },
    };
    const result = await agent().run([user('find eve')]);
    expect(result.executedToolCalls).toEqual([{ id: 'l1', name: 'lookup', ...expected }]);
    expect(result.toolCalls[0]?.input).toEqual({ to: 'eve@example.com' });

    const { events } = await drain(agent().stream([user('find eve')]));
    const executed = events.find((e) => e.type === 'executed');
    expect(executed).toEqual({
      type: 'executed',
      calls: [{ id: 'l1', name: 'lookup', ...expected }],
    });
    const done = events.at(-1);
    expect(done?.type === 'done' && done.result.executedToolCalls).toEqual([{ id: 'l1', name: 'lookup', ...expected }]);
    expect(done?.type === 'done' && done.result.toolCalls[0]?.input).toEqual({ to: 'eve@example.com' });
  });
});

describe('piiRedaction: streaming', () => {
  const text = 'Reach me at alice@example.com or +1 415 555 2671; card 4111 1111 1111 1111 expires soon.';
  const clean = 'Reach me at [redacted email] or [redacted phone]; card [redacted card] expires soon.';

  it('a value split across one-character chunks never leaks; the stream, done and run() agree', async () => {
    const { pieces, text: joined, done, run } = await streamed([...text]);
    expect(joined).toBe(clean);
    expect(done).toBe(clean);
    expect(run).toBe(clean);
    // Not even a fragment went out: every piece is a piece of the clean text, none has a raw digit group.
    let at = 0;
    for (const piece of pieces) {
      expect(clean.startsWith(piece, at)).toBe(true);
      at += piece.length;
    }
    expect(pieces.some((p) => /alice|415|4111|@/.test(p))).toBe(false);
    expect(pieces.length).toBeGreaterThan(5); // released as it goes, not held to the end
  });

  it('holds a number across the spaces inside it, releasing words around it', async () => {
    const { pieces } = await streamed(['Card ', '4111 ', '1111 ', '1111 ', '1111', ' ok then']);
    expect(pieces).toEqual(['Card ', '[redacted card] ok ', 'then']);
  });

  it('releases what it holds before a tool event, so text keeps its place', async () => {
    const model = scripted(
      'm',
      [
        { text: 'Checking bob@example.com', toolCalls: [{ id: 't', name: 'noop', input: {} }] },
        'Done, bob@example.com',
      ],
      [],
      { stream: true, chunkSize: 3 },
    );
    const agent = new Agent({
      model: model.model,
      tools: [tool({ name: 'noop', description: 'n', input: z.object({}), execute: () => 'ok' })],
      plugins: [piiRedaction()],
    });
    const { events } = await drain(agent.stream([user('x')]));
    const kinds = events.map((e) => (e.type === 'text' ? `text:${e.delta}` : e.type));
    const toolAt = kinds.indexOf('executed');
    expect(deltas(events.slice(0, toolAt))).toBe('Checking [redacted email]');
    expect(deltas(events.slice(toolAt))).toBe('Done, [redacted email]');
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { content: 'Done, [redacted email]' } });
  });

  it('any chunking streams exactly the redacted content (property)', async () => {
    const texts = [
      text,
      'Numbers: 4111-1111-1111-1111\nand 06 12 34 56 78\tand (415) 555-2671 and 1 2 3 4 5 6 7 8 9.',
      'Dates 01.02.2024 10:30 stay; 4111 1111 1111 1112 stays; x@y.io goes.',
      'Two  spaces 4111 1111  1111 1111 and ending with a number +33612345678',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...texts),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 40 }),
        async (source, sizes) => {
          const chunks: string[] = [];
          for (let at = 0, i = 0; at < source.length; i++) {
            const size = sizes[i % sizes.length] as number;
            chunks.push(source.slice(at, at + size));
            at += size;
          }
          const { text: joined, done, run } = await streamed(chunks);
          expect(joined).toBe(run);
          expect(done).toBe(run);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('piiRedaction: options', () => {
  it('refuses bad options when created (CONFIG_INVALID)', () => {
    const bad: unknown[] = [
      { kinds: ['ssn'] },
      { kinds: 'email' },
      { kinds: [] },
      { patterns: [{ name: '', pattern: /x/ }] },
      { patterns: [{ name: 'x', pattern: 'x' }] },
      { patterns: [{ name: 'x', pattern: /x/, replacement: 1 }] },
      { replacement: '[x]' },
    ];
    for (const options of bad) {
      expect(() => piiRedaction(options as never)).toThrowError(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    }
  });

  it('a sticky or global custom pattern still finds every value', async () => {
    const result: ModelResult = { text: 'a1 b a2 a3', toolCalls: [] };
    const agent = new Agent({
      model: { generate: async () => result },
      plugins: [piiRedaction({ kinds: [], patterns: [{ name: 'a', pattern: /a\d/gy }] })],
    });
    expect((await agent.run([user('x')])).content).toBe('[redacted a] b [redacted a] [redacted a]');
  });
});
