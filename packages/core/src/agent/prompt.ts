import type { ModelMessage } from '../model/model.js';
import type { HistoryItem } from '../session/history.js';
import type { Message } from '../turn-events.js';

/*
 * Prompt building: the agent turns what the turn knows of the conversation (the request's
 * messages, or the session's history window) into the model's messages, and records the model's
 * messages back as history items. The session keeps items; only the agent knows the model.
 */

/** The request's messages as the model sees them (no conversation memory). */
export function promptFromRequest(messages: readonly Message[]): ModelMessage[] {
  const out: ModelMessage[] = [];
  for (const m of messages) {
    if (m.content === '' && m.role === 'user') continue; // a bare approval message carries no text
    out.push(m.role === 'user' ? { role: 'user', content: m.content } : { role: 'assistant', content: m.content });
  }
  return out;
}

/** How a compaction's summary opens the window (as a user message: every provider takes one). */
export const SUMMARY_PREFIX = 'Summary of the earlier conversation:\n';

/** The history window (conversation memory) as the model sees it; a summary comes as a user message. */
export function promptFromHistory(items: readonly HistoryItem[]): ModelMessage[] {
  const out: ModelMessage[] = [];
  for (const item of items) {
    if (item.role === 'tool') {
      out.push({
        role: 'tool',
        toolCallId: item.toolCallId,
        toolName: item.toolName,
        output: item.output,
        ...(item.isError ? { isError: true } : {}),
      });
    } else if (item.role === 'assistant') {
      out.push(
        item.toolCalls?.length
          ? { role: 'assistant', content: item.content, toolCalls: item.toolCalls }
          : { role: 'assistant', content: item.content },
      );
    } else if (item.role === 'summary') {
      out.push({ role: 'user', content: `${SUMMARY_PREFIX}${item.content}` });
    } else if (item.content !== '') out.push({ role: 'user', content: item.content });
  }
  return out;
}

/** A model message the loop produced, as a history item. */
export function historyItemOf(m: ModelMessage): HistoryItem {
  if (m.role !== 'tool') return { ...m };
  const { toolCallId, toolName, output } = m;
  return { role: 'tool', toolCallId, toolName, output, ...(m.isError ? { isError: true } : {}) };
}
