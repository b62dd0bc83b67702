/*
 * The items of a conversation as conversation memory keeps them: one item per transcript entry,
 * in Baton's neutral vocabulary. Shared by the history, its token budget and compaction.
 */

/** A tool call as the transcript keeps it (the same shape as a model's `ModelToolCall`). */
export interface HistoryToolCall {
  id: string;
  name: string;
  input: unknown;
}

/** One item of a conversation, in Baton's neutral vocabulary (one transcript entry). */
export type HistoryItem =
  | { role: 'user'; content: string; id?: string }
  | {
      role: 'assistant';
      content: string;
      id?: string;
      /** Calls the model made that ran this turn (each followed by its `tool` item). */
      toolCalls?: HistoryToolCall[];
      /** Calls proposed for the user's approval (a later turn's `tool` items hold the outcome). */
      proposed?: (HistoryToolCall & { intent?: string })[];
      /** Set when an interceptor refused the turn: its code (`content` is what the user saw). */
      refused?: string;
    }
  | { role: 'tool'; toolCallId: string; toolName: string; output: unknown; isError?: boolean }
  /** Compaction: a model's summary of the items `fromSeq..toSeq` (and of the summary before it). */
  | { role: 'summary'; content: string; fromSeq: number; toSeq: number };

/** A history item read back from the store, with its place in the transcript. */
export type StoredHistoryItem = HistoryItem & { seq: number };
