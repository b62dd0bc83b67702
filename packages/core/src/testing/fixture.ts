import { z } from 'zod';
import { InterceptorError } from '../errors.js';
import type { Model, ModelStreamPart } from '../model/model.js';
import { type ScriptContext, scriptedModel } from '../model/scripted-model.js';
import { type Tool, tool } from '../model/tool.js';
import type { Plugin } from '../turn.js';

/* The deterministic world the kit runs a plugin in: a scripted model, two tools and an inner
   plugin that answers early or refuses on marker messages. Everything counts what it did, so the
   kit can tell "the tool ran twice" from "the tool ran once". */

/** Marker messages the scripted model and the inner kit plugin react to. */
export const KIT = {
  /** `note <text>`: the model calls `kit_note`, which writes the `kit_note` session key. */
  note: 'note hello',
  noted: 'Noted: hello.',
  /** `deploy <service>`: the model proposes `kit_deploy` (requires approval). */
  deploy: 'deploy web',
  deployed: 'Deployed web.',
  /** The inner kit plugin answers early (after writing `kit_early`). */
  early: 'kit:early',
  earlyAnswer: 'Early answer.',
  /** The inner kit plugin refuses (after writing `kit_refusing`, which must be rolled back). */
  refuse: 'kit:refuse',
  refusal: 'Refused by the kit.',
  refusalCode: 'KIT_REFUSED',
  /** The model calls `kit_note` (a session write to roll back), then fails on its next step. */
  fail: 'kit:fail',
  /** Name of the inner kit plugin (registered after the plugin under test, so it runs inside). */
  plugin: 'baton-kit',
} as const;

/** What the fixture did during one turn. */
export interface KitCounts {
  modelCalls: number;
  toolRuns: { kit_note: number; kit_deploy: number };
}

export const zeroCounts = (): KitCounts => ({ modelCalls: 0, toolRuns: { kit_note: 0, kit_deploy: 0 } });

export interface KitFixture {
  model: Model;
  tools: Tool[];
  plugin: Plugin;
  counts: KitCounts;
}

export function kitFixture(): KitFixture {
  const counts = zeroCounts();
  const resultOf = (c: ScriptContext, name: string) => c.toolResults.find((r) => r.toolName === name);
  /** The model's answer after a kit tool ran: its output in a sentence, or its error. */
  const after = (name: string, say: (output: Record<string, string>) => string) => ({
    when: (c: ScriptContext) => resultOf(c, name) !== undefined,
    reply: (c: ScriptContext) => {
      const r = resultOf(c, name) as ScriptContext['toolResults'][number];
      return r.isError ? `${name} failed: ${JSON.stringify(r.output)}` : say(r.output as Record<string, string>);
    },
  });
  const scripted = scriptedModel(
    [
      {
        when: (c) => c.text === KIT.fail && c.step >= 1,
        reply: () => {
          throw new Error('kit: the model is down');
        },
      },
      after('kit_deploy', (o) => `Deployed ${o.deployed}.`),
      after('kit_note', (o) => `Noted: ${o.noted}.`),
      { when: /^note (.+)$/, reply: (c) => ({ toolCalls: [{ name: 'kit_note', input: { text: c.text.slice(5) } }] }) },
      {
        when: (c) => c.text === KIT.fail,
        reply: { toolCalls: [{ name: 'kit_note', input: { text: 'before failure' } }] },
      },
      {
        when: /^deploy (.+)$/,
        reply: (c) => ({ toolCalls: [{ name: 'kit_deploy', input: { service: c.text.slice(7) } }] }),
      },
    ],
    { fallback: 'Kit reply.' },
  );
  const model: Model = {
    id: 'kit',
    generate(call) {
      counts.modelCalls++;
      return scripted.generate(call);
    },
    stream(call): AsyncIterable<ModelStreamPart> {
      counts.modelCalls++;
      return (scripted.stream as NonNullable<Model['stream']>)(call);
    },
  };
  const tools = [
    tool({
      name: 'kit_note',
      description: 'Writes a note to the session (kit tool)',
      input: z.object({ text: z.string() }),
      execute({ text }, ctx) {
        counts.toolRuns.kit_note++;
        ctx.session.set('kit_note', text);
        return { noted: text };
      },
    }),
    tool({
      name: 'kit_deploy',
      description: 'Deploys a service (kit tool; requires approval)',
      input: z.object({ service: z.string() }),
      requiresApproval: true,
      execute({ service }, ctx) {
        counts.toolRuns.kit_deploy++;
        ctx.session.set('kit_deployed', service);
        return { deployed: service };
      },
    }),
  ] as Tool[];
  const plugin: Plugin = {
    name: KIT.plugin,
    requestInterceptors: [
      (request, ctx) => {
        const text = request.messages.at(-1)?.content;
        if (text === KIT.early) {
          ctx.session.set('kit_early', true);
          return { content: KIT.earlyAnswer };
        }
        if (text === KIT.refuse) {
          ctx.session.set('kit_refusing', true);
          throw new InterceptorError(KIT.refusal, KIT.refusalCode);
        }
        return undefined;
      },
    ],
  };
  return { model, tools, plugin, counts };
}
