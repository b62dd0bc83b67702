import { SUMMARY_PREFIX } from '../../agent/prompt.js';
import type { HistoryItem } from '../../session/history.js';
import type { TurnInput } from '../protocol.js';
import type { AgUiMessage } from './wire.js';

/**
 * The conversation as AG-UI messages (`MESSAGES_SNAPSHOT`), from conversation memory: the window
 * loaded for the run, then the run's new user messages (those after the request's last assistant
 * message, as memory records them). A client applying the snapshot holds the conversation as the
 * server keeps it, its own new message included; the run's answer follows as `TEXT_MESSAGE_*`.
 * Items without an id of their own get one from the run (`<runId>:m<n>`).
 */
export function conversationMessages(window: readonly HistoryItem[], input: TurnInput, runId: string): AgUiMessage[] {
  const out: AgUiMessage[] = [];
  const idOf = (id: string | undefined) => id ?? `${runId}:m${out.length}`;
  for (const item of window) {
    if (item.role === 'user') out.push({ id: idOf(item.id), role: 'user', content: item.content });
    else if (item.role === 'assistant') {
      const calls = [...(item.toolCalls ?? []), ...(item.proposed ?? [])];
      out.push({
        id: idOf(item.id),
        role: 'assistant',
        content: item.content,
        ...(calls.length === 0
          ? {}
          : {
              toolCalls: calls.map((c) => ({
                id: c.id,
                type: 'function' as const,
                function: { name: c.name, arguments: JSON.stringify(c.input ?? {}) },
              })),
            }),
      });
    } else if (item.role === 'summary') {
      // A compaction's summary: an assistant message (a client sends its messages back, and
      // Baton refuses system messages), as the model sees it.
      out.push({
        id: idOf(undefined),
        role: 'assistant',
        content: `${SUMMARY_PREFIX}${item.content}`,
      });
    } else {
      const content = typeof item.output === 'string' ? item.output : JSON.stringify(item.output ?? null);
      out.push({
        id: idOf(undefined),
        role: 'tool',
        toolCallId: item.toolCallId,
        content,
        ...(item.isError ? { error: content } : {}),
      });
    }
  }
  const lastAssistant = input.messages.findLastIndex((m) => m.role === 'assistant');
  for (const m of input.messages.slice(lastAssistant + 1)) {
    if (m.role === 'user' && m.content !== '') out.push({ id: idOf(m.id), role: 'user', content: m.content });
  }
  return out;
}
