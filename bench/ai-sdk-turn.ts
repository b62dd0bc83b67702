/**
 * What a turn costs through `@baton/ai-sdk` against the AI SDK's own `generateText`, in process,
 * with the same offline mock model (`MockLanguageModelV3` from `ai/test`, or V4 with `BENCH_SPEC=v4`): each turn is user
 * message -> tool call -> tool -> final text, two model steps.
 *
 *   (a) raw     `generateText({ model, tools: { lookup }, stopWhen: stepCountIs(2) })`
 *   (b) adapter `new Agent({ model: fromAiSdk(model), tools: [lookup] }).run(...)`
 *   (c) baton   the same Agent on its own interface (`scriptedModel`, no AI SDK): the floor
 *
 *   pnpm bench:ai-sdk                  # builds, then ~1 minute
 *   BENCH_TURNS=5000 pnpm bench:ai-sdk
 *   BENCH_SPEC=v4 ...                  # with ai 7: MockLanguageModelV4 instead (no v3 -> v4 proxy)
 *
 * The variants run interleaved in one process (a warm-up, then 5 rounds of each in turn, so drift
 * hits all alike); the median round is reported, as µs per turn. `@baton/*` load from `dist/`.
 */

import { fromAiSdk } from '@baton/ai-sdk';
import { Agent, tool as batonTool, scriptedModel } from '@baton/core';
import { generateText, tool as sdkTool, stepCountIs } from 'ai';
import { z } from 'zod';

const TURNS = Number(process.env.BENCH_TURNS ?? 3000);
const ROUNDS = 5;
const USER = 'What does "baton" mean?';
const aiTest = (await import('ai/test')) as typeof import('ai/test') & {
  MockLanguageModelV4?: typeof import('ai/test').MockLanguageModelV3;
};
const SPEC = process.env.BENCH_SPEC === 'v4' ? 'v4' : 'v3';
const Mock =
  (SPEC === 'v4' ? aiTest.MockLanguageModelV4 : aiTest.MockLanguageModelV3) ??
  (() => {
    throw new Error('BENCH_SPEC=v4 needs ai 7 (MockLanguageModelV4)');
  })();

type Variant = 'raw generateText' | 'Baton via fromAiSdk' | 'Baton, own interface';

const usage = {
  inputTokens: { total: 20, noCache: 20, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 8, text: 8, reasoning: undefined },
};
/** Step 1 proposes the tool call; once the prompt ends with the tool's result, step 2 answers. */
function mockModel() {
  const model = new Mock({
    doGenerate: async (options) =>
      options.prompt.at(-1)?.role === 'tool'
        ? {
            content: [{ type: 'text', text: 'A baton is a short stick passed in a relay.' }],
            finishReason: { unified: 'stop', raw: 'stop' },
            usage,
            warnings: [],
          }
        : {
            content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'lookup', input: '{"word":"baton"}' }],
            finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
            usage,
            warnings: [],
          },
  });
  return model;
}

const input = z.object({ word: z.string() });
const lookup = ({ word }: { word: string }) => ({ word, meaning: 'a short stick passed in a relay' });

function variants(): Map<Variant, () => Promise<unknown>> {
  const rawModel = mockModel();
  const sdkTools = { lookup: sdkTool({ description: 'Looks a word up', inputSchema: input, execute: lookup }) };
  const raw = async () => {
    rawModel.doGenerateCalls.length = 0; // the mock records every call; keep memory flat
    const result = await generateText({
      model: rawModel,
      tools: sdkTools,
      stopWhen: stepCountIs(2),
      messages: [{ role: 'user', content: USER }],
    });
    if (result.text === '') throw new Error('raw: no answer');
    return result;
  };

  const batonLookup = batonTool({ name: 'lookup', description: 'Looks a word up', input, execute: lookup });
  const adapterModel = mockModel();
  const viaAdapter = new Agent({ model: fromAiSdk(adapterModel), tools: [batonLookup] });
  const adapter = async () => {
    adapterModel.doGenerateCalls.length = 0;
    const result = await viaAdapter.run([{ role: 'user', content: USER }]);
    if (result.executedToolCalls.length !== 1 || result.content === '') throw new Error('adapter: wrong turn');
    return result;
  };

  const own = new Agent({
    model: scriptedModel([
      { when: (ctx) => ctx.toolResults.length > 0, reply: 'A baton is a short stick passed in a relay.' },
      { when: () => true, reply: { toolCalls: [{ name: 'lookup', input: { word: 'baton' } }] } },
    ]),
    tools: [batonLookup],
  });
  const baton = async () => own.run([{ role: 'user', content: USER }]);

  return new Map<Variant, () => Promise<unknown>>([
    ['raw generateText', raw],
    ['Baton via fromAiSdk', adapter],
    ['Baton, own interface', baton],
  ]);
}

const runs = variants();
for (const turn of runs.values()) for (let i = 0; i < TURNS / 2; i++) await turn();
const rounds = new Map<Variant, number[]>([...runs.keys()].map((v) => [v, []]));
for (let r = 0; r < ROUNDS; r++) {
  for (const [variant, turn] of runs) {
    const started = performance.now();
    for (let i = 0; i < TURNS; i++) await turn();
    rounds.get(variant)?.push(((performance.now() - started) * 1000) / TURNS);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const us = new Map([...rounds].map(([v, xs]) => [v, median(xs)]));
const raw = us.get('raw generateText') as number;
const { version: aiVersion } = (await import('ai/package.json', { with: { type: 'json' } })).default as {
  version: string;
};
console.log(
  `\n| turn: user -> tool call -> tool -> text (ai ${aiVersion}, MockLanguageModel${SPEC.toUpperCase()}, Node ${process.versions.node}, ${TURNS} turns x ${ROUNDS} rounds) | µs/turn | vs raw generateText |`,
);
console.log('|---|---:|---:|');
for (const [variant, value] of us) console.log(`| ${variant} | ${value.toFixed(1)} | ${(value / raw).toFixed(2)}x |`);
// Forked by `pnpm bench` (phase `turn`): the medians go to the parent too.
process.send?.(Object.fromEntries(us));
