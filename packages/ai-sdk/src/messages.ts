import type { ModelMessage, ModelTool } from '@baton/core';
import {
  type JSONSchema7,
  type JSONValue,
  jsonSchema,
  type ModelMessage as SdkMessage,
  type ToolCallPart,
  type ToolResultPart,
  type ToolSet,
} from 'ai';

/**
 * Maps Baton's provider-neutral conversation to AI SDK `ModelMessage`s (for calling `generateText`
 * yourself; `fromAiSdk` builds the specification's prompt directly, the same way: `spec.ts`). Assistant tool calls
 * become `tool-call` parts; consecutive tool results are grouped into one `tool` message (some
 * providers require all results of a step together); an assistant message with neither text nor
 * tool calls is dropped (several providers reject empty assistant turns).
 */
export function toSdkMessages(messages: readonly ModelMessage[]): SdkMessage[] {
  const out: SdkMessage[] = [];
  for (const m of messages) {
    switch (m.role) {
      case 'user':
        out.push({ role: 'user', content: m.content });
        break;
      case 'assistant': {
        const calls = m.toolCalls ?? [];
        if (calls.length === 0) {
          if (m.content !== '') out.push({ role: 'assistant', content: m.content });
          break;
        }
        const parts: Array<{ type: 'text'; text: string } | ToolCallPart> = [];
        if (m.content !== '') parts.push({ type: 'text', text: m.content });
        for (const c of calls) parts.push({ type: 'tool-call', toolCallId: c.id, toolName: c.name, input: c.input });
        out.push({ role: 'assistant', content: parts });
        break;
      }
      case 'tool': {
        const part: ToolResultPart = {
          type: 'tool-result',
          toolCallId: m.toolCallId,
          toolName: m.toolName,
          output: toToolOutput(m.output, m.isError === true),
        };
        const last = out.at(-1);
        if (last?.role === 'tool') last.content.push(part);
        else out.push({ role: 'tool', content: [part] });
        break;
      }
    }
  }
  return out;
}

/** A tool output as the SDK wants it: strings as (error-)text, anything else as (error-)JSON. */
export function toToolOutput(output: unknown, isError: boolean): ToolResultPart['output'] {
  const value = toJsonValue(output);
  if (typeof value === 'string') return isError ? { type: 'error-text', value } : { type: 'text', value };
  return isError ? { type: 'error-json', value } : { type: 'json', value };
}

function toJsonValue(value: unknown): JSONValue {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? null : (JSON.parse(text) as JSONValue);
  } catch {
    return String(value); // a cycle or a bigint: the model still gets something readable
  }
}

/**
 * Baton tools as an AI SDK `ToolSet`: description and JSON Schema only. There is deliberately no
 * `execute` — Baton runs tools itself (session, hooks, approvals) — and no SDK-side validation:
 * Baton validates the input against the tool's own schema before running it.
 */
export function toSdkTools(tools: readonly ModelTool[]): ToolSet | undefined {
  if (tools.length === 0) return undefined;
  const set: ToolSet = {};
  for (const t of tools) {
    set[t.name] = { description: t.description, inputSchema: jsonSchema(t.inputSchema as JSONSchema7) };
  }
  return set;
}
