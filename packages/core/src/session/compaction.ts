import type { Model, ModelMessage, SessionView } from '../model/model.js';
import type { HistoryItem } from './history-items.js';

/*
 * Long conversations: the token budget of the model's window, and compaction — older items
 * summarized by a model into one `summary` item, appended with the turn's commit.
 */

/** Counts the tokens of one model message (`memory.window.countTokens`). */
export type CountTokens = (message: ModelMessage) => number;

/** The default counter: an estimate, the characters of the message's JSON / 4 (no tokenizer). */
export const estimateTokens: CountTokens = (message) => Math.ceil(JSON.stringify(message).length / 4);

/** What a compaction summarizes: the items `fromSeq..toSeq` the turn loaded, and the summary before. */
export interface CompactionRange {
  fromSeq: number;
  toSeq: number;
  /** The items summarized, oldest first (entries of the range the window never loaded are covered unseen). */
  items: HistoryItem[];
  /** The previous summary's text (the new summary replaces it). */
  previous?: string;
}

/** `memory.compaction`: summarize older items when the window would exceed `window.maxTokens`. */
export interface CompactionOptions {
  /** Any Baton model writes the summary (a cheap one will do). */
  model: Model;
  /** The summarizer's system prompt (default {@link DEFAULT_COMPACTION_PROMPT}). */
  prompt?: string;
  /** Tokens of the newest items left as they are (default: half of `window.maxTokens`). */
  keepTokens?: number;
  /**
   * Called before each compaction: `false` vetoes it (the window is then only trimmed), `{ prompt }`
   * replaces the prompt for this one.
   */
  onCompact?: (
    range: CompactionRange,
    ctx: { session: SessionView },
  ) => false | undefined | { prompt?: string } | Promise<false | undefined | { prompt?: string }>;
}

/** The summarizer's system prompt unless `compaction.prompt` or `onCompact` gives another. */
export const DEFAULT_COMPACTION_PROMPT =
  'Summarize the conversation below for the assistant who continues it: the user, their goal, ' +
  'what was decided, facts and results of tool calls still needed, open questions. Be brief; ' +
  'write only the summary.';

/**
 * Turns history items into the messages the model sees. The agent builds prompts (the session
 * does not), so it hands its builder to the token budget: counting is done on what is sent.
 */
export type ToMessages = (items: readonly HistoryItem[]) => ModelMessage[];

/** Tokens of some items as the model sees them. */
export function tokensOf(items: readonly HistoryItem[], count: CountTokens, toMessages: ToMessages): number {
  let total = 0;
  for (const m of toMessages(items)) total += count(m);
  return total;
}

/** Groups items so that a tool result stays with what precedes it: each group starts at a non-tool item. */
function groups(items: readonly HistoryItem[], from: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = from; i < items.length; i++) {
    const item = items[i] as HistoryItem;
    if (item.role !== 'tool') out.push([i, i + 1]);
    else if (out.length > 0) (out[out.length - 1] as [number, number])[1] = i + 1;
    // A tool result before any call (its call left out by the store) is an orphan: dropped.
  }
  return out;
}

/**
 * The newest items within `max` tokens, whole groups (a call with its results), the summary
 * (first, when `hasSummary`) kept whenever it fits beside the newest group. The newest group is
 * kept even when it alone is over the budget (the model needs the turn).
 */
export function fitTokens(
  items: HistoryItem[],
  max: number,
  count: CountTokens,
  hasSummary: boolean,
  toMessages: ToMessages,
): HistoryItem[] {
  const cost = items.map((item) => tokensOf([item], count, toMessages));
  const parts = groups(items, hasSummary ? 1 : 0);
  const costOf = ([a, b]: [number, number]) => cost.slice(a, b).reduce((x, y) => x + y, 0);
  const newest = parts[parts.length - 1];
  let budget = max;
  const keepSummary = hasSummary && (cost[0] as number) + (newest ? costOf(newest) : 0) <= max;
  if (keepSummary) budget -= cost[0] as number;
  const kept: HistoryItem[][] = [];
  let used = 0;
  for (let g = parts.length - 1; g >= 0; g--) {
    const part = parts[g] as [number, number];
    const c = costOf(part);
    if (kept.length > 0 && used + c > budget) break;
    used += c;
    kept.unshift(items.slice(part[0], part[1]));
  }
  return [...(keepSummary ? [items[0] as HistoryItem] : []), ...kept.flat()];
}

/** Where the kept part of loaded items starts: the newest whole groups within `keepTokens`. */
export function keptFrom(items: HistoryItem[], keepTokens: number, count: CountTokens, toMessages: ToMessages): number {
  const parts = groups(items, 0);
  let used = 0;
  let from = items.length;
  for (let g = parts.length - 1; g >= 0; g--) {
    const [a, b] = parts[g] as [number, number];
    used += tokensOf(items.slice(a, b), count, toMessages);
    if (used > keepTokens) break;
    from = a;
  }
  return from;
}

/** The range as text for the summarizer: the previous summary, then one line per item. */
export function compactionInput(range: CompactionRange): string {
  const lines: string[] = [];
  if (range.previous !== undefined) lines.push(`Summary so far: ${range.previous}`, '');
  for (const item of range.items) {
    if (item.role === 'tool') lines.push(`tool ${item.toolName}: ${JSON.stringify(item.output)}`);
    else if (item.role === 'summary') lines.push(`summary: ${item.content}`);
    else {
      const calls =
        item.role === 'assistant' && item.toolCalls?.length ? ` [calls ${JSON.stringify(item.toolCalls)}]` : '';
      lines.push(`${item.role}: ${item.content}${calls}`);
    }
  }
  return lines.join('\n');
}
