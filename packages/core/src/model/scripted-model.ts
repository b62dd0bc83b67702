import type { Model, ModelCall, ModelMessage, ModelResult, ModelStreamPart, SessionView } from './model.js';

/** What a scripted rule sees of a model step. */
export interface ScriptContext {
  /** Text of the latest user message ('' for a bare approval turn). */
  text: string;
  /** The turn's session, read-only. */
  session: SessionView;
  messages: ModelMessage[];
  /** Tool results since the model last spoke (this step's inputs), in order. */
  toolResults: { toolName: string; output: unknown; isError: boolean }[];
  /** Model steps already taken in this turn. */
  step: number;
}

/** What a rule answers: text, tool calls, or both. Tool call ids are generated when omitted. */
export type ScriptReply = string | { text?: string; toolCalls?: { id?: string; name: string; input: unknown }[] };

/** One rule of a scripted model: when it matches the call, its reply (text and/or tool calls) is the answer. */
export interface ScriptRule {
  /** A regular expression on the latest user text, or a predicate on the whole step. */
  when: RegExp | ((ctx: ScriptContext) => boolean);
  reply: ScriptReply | ((ctx: ScriptContext) => ScriptReply);
}

/** Options of `scriptedModel`: its id and what it says when no rule matches. */
export interface ScriptedModelOptions {
  /** Reply when no rule matches (default: "I did not understand that."). */
  fallback?: ScriptReply | ((ctx: ScriptContext) => ScriptReply);
  /** Split streamed text into deltas of this many words (default 1), for realistic streaming. */
  wordsPerDelta?: number;
}

/**
 * A deterministic, rule-driven model for tests and the offline demo: the first rule whose `when`
 * matches answers. Tool call ids are derived from a counter, so runs are reproducible.
 */
export function scriptedModel(rules: ScriptRule[], options: ScriptedModelOptions = {}): Model {
  let counter = 0;
  const answer = (call: ModelCall): ModelResult => {
    const ctx = scriptContext(call);
    const rule = rules.find((r) => (r.when instanceof RegExp ? r.when.test(ctx.text) : r.when(ctx)));
    const reply = rule?.reply ?? options.fallback ?? 'I did not understand that.';
    const value = typeof reply === 'function' ? reply(ctx) : reply;
    const normalized = typeof value === 'string' ? { text: value } : value;
    const toolCalls = (normalized.toolCalls ?? []).map((c) => ({
      id: c.id ?? `call_${++counter}_${c.name}`,
      name: c.name,
      input: c.input,
    }));
    const words = normalized.text?.length ?? 0;
    return {
      text: normalized.text ?? '',
      toolCalls,
      usage: { inputTokens: call.messages.length, outputTokens: words, totalTokens: call.messages.length + words },
    };
  };
  return {
    id: 'scripted',
    async generate(call) {
      return answer(call);
    },
    async *stream(call): AsyncGenerator<ModelStreamPart> {
      const result = answer(call);
      const size = options.wordsPerDelta ?? 1;
      const words = result.text === '' ? [] : result.text.split(/(?<=\s)/);
      for (let i = 0; i < words.length; i += size) {
        if (call.signal.aborted) return;
        yield { type: 'text', delta: words.slice(i, i + size).join('') };
        await new Promise((resolve) => setImmediate(resolve));
      }
      for (const toolCall of result.toolCalls) yield { type: 'tool_call', toolCall };
      yield { type: 'finish', usage: result.usage };
    },
  };
}

function scriptContext(call: ModelCall): ScriptContext {
  const toolResults: ScriptContext['toolResults'] = [];
  for (let i = call.messages.length - 1; i >= 0; i--) {
    const m = call.messages[i] as ModelMessage;
    if (m.role !== 'tool') break;
    toolResults.unshift({ toolName: m.toolName, output: m.output, isError: m.isError ?? false });
  }
  let text = '';
  for (let i = call.messages.length - 1; i >= 0; i--) {
    const m = call.messages[i] as ModelMessage;
    if (m.role === 'user') {
      text = m.content;
      break;
    }
    if (m.role === 'assistant' && m.toolCalls === undefined) break;
  }
  // This turn's steps: those after the latest user message (with conversation memory, the
  // messages hold earlier turns' tool calls too).
  const turnStart = call.messages.findLastIndex((m) => m.role === 'user' && m.content !== '') + 1;
  const step = call.messages.slice(turnStart).filter((m) => m.role === 'assistant' && m.toolCalls !== undefined).length;
  return { text, session: call.session, messages: call.messages, toolResults, step };
}
