import { BatonError } from '../errors.js';
import { isPlainObject, toJsonText } from '../json.js';
import type { Message } from '../turn-events.js';
import {
  type CompactionOptions,
  type CompactionRange,
  type CountTokens,
  estimateTokens,
  fitTokens,
  keptFrom,
  type ToMessages,
  tokensOf,
} from './compaction.js';
import type { HistoryItem } from './history-items.js';
import type { TranscriptAppend, TranscriptWindow } from './stores/store.js';

/*
 * Conversation memory: the transcript a server-mode session keeps beside its keys. Each item is
 * one transcript entry (its JSON text); the model sees the loaded window plus this turn's items.
 */

export type { HistoryItem, HistoryToolCall, StoredHistoryItem } from './history-items.js';

/** `memory` option of server mode: what the model sees, and how large a transcript may grow. */
export interface MemoryOptions {
  /** What is loaded for the model each turn (one store read, with the session). */
  window?: {
    /** The newest items loaded (default 50). */
    lastMessages?: number;
    /** Of those, the newest that fit in this many bytes of JSON (default 128 KiB). */
    maxBytes?: number;
    /**
     * A token budget for every model call's messages (memory and this turn; not the system prompt
     * or tools): the oldest are left out, a tool call and its results together. Default: none.
     */
    maxTokens?: number;
    /** Counts one model message's tokens (default: an estimate, its JSON's characters / 4). */
    countTokens?: CountTokens;
  };
  /** Summarizes older items when the window would exceed `window.maxTokens` (needs it). */
  compaction?: CompactionOptions;
  /** Bounds of the stored transcript: past them the oldest items are dropped at commit. */
  limits?: {
    /** Items kept (default 1000). */
    maxEntries?: number;
    /** Bytes of JSON kept (default 1 MiB). */
    maxBytes?: number;
    /** A client message (or an `addItems` item) over this many bytes is 413 `MESSAGE_TOO_LARGE` (default 64 KiB). */
    maxMessageBytes?: number;
  };
}

/** {@link MemoryOptions} with every default filled in. */
export interface ResolvedMemory {
  window: { lastMessages: number; maxBytes: number; maxTokens?: number };
  limits: { maxEntries: number; maxBytes: number; maxMessageBytes: number };
  countTokens: CountTokens;
  compaction?: CompactionOptions & { keepTokens: number };
}

const KIB = 1024;

/** Fills in the defaults and checks every bound is a positive integer (`CONFIG_INVALID`). */
export function resolveMemory(options: boolean | MemoryOptions | undefined): ResolvedMemory | undefined {
  if (options === undefined || options === false) return undefined;
  const o = options === true ? {} : options;
  const resolved: ResolvedMemory = {
    window: {
      lastMessages: o.window?.lastMessages ?? 50,
      maxBytes: o.window?.maxBytes ?? 128 * KIB,
      ...(o.window?.maxTokens === undefined ? {} : { maxTokens: o.window.maxTokens }),
    },
    limits: {
      maxEntries: o.limits?.maxEntries ?? 1000,
      maxBytes: o.limits?.maxBytes ?? 1024 * KIB,
      maxMessageBytes: o.limits?.maxMessageBytes ?? 64 * KIB,
    },
    countTokens: o.window?.countTokens ?? estimateTokens,
  };
  const maxTokens = resolved.window.maxTokens;
  if (o.compaction !== undefined) {
    if (maxTokens === undefined) {
      throw new BatonError('CONFIG_INVALID', 'memory.compaction needs memory.window.maxTokens');
    }
    const keepTokens = o.compaction.keepTokens ?? Math.floor(maxTokens / 2);
    resolved.compaction = { ...o.compaction, keepTokens };
    if (!Number.isInteger(keepTokens) || keepTokens < 1 || keepTokens >= maxTokens) {
      throw new BatonError(
        'CONFIG_INVALID',
        'memory.compaction.keepTokens must be a positive integer below maxTokens',
        {
          value: keepTokens,
        },
      );
    }
  }
  for (const [group, values] of Object.entries({ window: resolved.window, limits: resolved.limits })) {
    for (const [name, value] of Object.entries(values as Record<string, number>)) {
      if (!Number.isInteger(value) || value < 1) {
        throw new BatonError('CONFIG_INVALID', `memory.${group}.${name} must be a positive integer`, { value });
      }
    }
  }
  return resolved;
}

/** A compaction's summary item. */
type SummaryItem = Extract<HistoryItem, { role: 'summary' }>;

/** A loaded window item: its JSON size and seq. */
type WindowItem = { item: HistoryItem; bytes: number; seq: number };

const bytesOf = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * `session.history`: the conversation of a server-mode session with memory on, with the verbs of
 * the OpenAI Agents SDK's `Session`. Items added this turn are staged and appended with the turn's
 * commit (a failed turn appends nothing); committed items are append-only.
 */
export class SessionHistory {
  #memory: ResolvedMemory | undefined;
  /** The loaded window, oldest first, with each item's JSON size and seq (after the summary's range). */
  #window: WindowItem[] = [];
  #staged: HistoryItem[] = [];
  #lastSeq = 0;
  /** Compaction: the latest summary (loaded or made this turn) and the end of its range. */
  #summary: SummaryItem | undefined;
  #compactedTo = 0;
  /** Compaction made this turn: appended first at commit; `at` the staged count it needs, `undo` what it replaced. */
  #pending:
    | { item: SummaryItem; at: number; undo: { window: WindowItem[]; summary: SummaryItem | undefined } }
    | undefined;
  readonly #clear: () => void;

  /** @internal Built by the Session (`clearSession` destroys it). */
  constructor(clear: () => void) {
    this.#clear = clear;
  }

  /** Whether this session keeps its conversation (server mode with `memory` on). */
  get enabled(): boolean {
    return this.#memory !== undefined;
  }

  /**
   * The newest `limit` items (all by default): the window loaded with the session, then the items
   * of this turn (its messages, tool calls and results as they happen, `addItems`). Older items
   * than the window: `SessionManager.readHistory` or `GET /api/session/messages`.
   */
  getItems(options: { limit?: number } = {}): HistoryItem[] {
    const all = [...(this.#summary ? [this.#summary] : []), ...this.#window.map((w) => w.item), ...this.#staged];
    const picked = options.limit === undefined ? all : all.slice(Math.max(0, all.length - options.limit));
    return structuredClone(picked);
  }

  /** Stages items, appended with this turn's commit (after what the turn itself adds so far). */
  addItems(items: readonly HistoryItem[]): void {
    const memory = this.#require();
    const checked = items.map((item) => checkItem(item, memory.limits.maxMessageBytes));
    this.#staged.push(...checked);
  }

  /**
   * Removes and returns the newest item staged this turn (undefined when none is staged).
   * Committed items are append-only: they are never popped.
   */
  popItem(): HistoryItem | undefined {
    this.#require();
    return this.#staged.pop();
  }

  /** Ends the session at commit, its transcript with it (the same as `session.destroy()`). */
  clearSession(): void {
    this.#require();
    this.#clear();
  }

  #require(): ResolvedMemory {
    if (this.#memory === undefined) {
      throw new BatonError('MEMORY_DISABLED', 'Conversation memory is off (server mode with `memory` only)');
    }
    return this.#memory;
  }

  // ---- Baton internals (the session manager and the agent loop) ------------------------------

  /** @internal Turns memory on with the window the store loaded (none for a new session). */
  attach(memory: ResolvedMemory, window: TranscriptWindow | undefined): void {
    this.#memory = memory;
    this.#lastSeq = window?.lastSeq ?? 0;
    this.#staged = [];
    this.#pending = undefined;
    this.#compactedTo = window?.compactedTo ?? 0;
    const summary = window?.summary ? parseEntry(window.summary) : undefined;
    this.#summary = summary?.role === 'summary' ? summary : undefined;
    this.#window = (window?.entries ?? [])
      .map((entry) => ({ item: parseEntry(entry), bytes: bytesOf(entry.text), seq: entry.seq }))
      // Summaries other than the latest (a regenerated session's) are covered by their originals.
      .filter((w) => w.item.role !== 'summary');
  }

  /** @internal Compaction's options (memory on with `compaction`). */
  get compaction(): ResolvedMemory['compaction'] {
    return this.#memory?.compaction;
  }

  /** @internal `seq` of the newest committed item (merge mode sends it back). */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /**
   * @internal The dedupe rule: which of a request's messages are new. A session holding no
   * transcript takes them all (they seed it). Otherwise only the messages after the request's last
   * assistant message are new — a client may send its newest message only, or the whole history
   * — and of those, one whose `id` the loaded window holds is skipped (AI SDK UI messages carry
   * ids). Each new message must fit `maxMessageBytes` (413 `MESSAGE_TOO_LARGE`).
   */
  receive(messages: readonly Message[]): Message[] {
    const memory = this.#require();
    let fresh = [...messages];
    if (this.#lastSeq > 0 || this.#window.length > 0) {
      const held = new Set<string>();
      for (const { item } of this.#window)
        if ((item.role === 'user' || item.role === 'assistant') && item.id) held.add(item.id);
      const after = messages.findLastIndex((m) => m.role === 'assistant') + 1;
      fresh = messages.slice(after).filter((m) => m.id === undefined || !held.has(m.id));
    }
    for (const m of fresh) checkItem(itemOf(m), memory.limits.maxMessageBytes);
    return fresh;
  }

  /** @internal Stages what the turn itself produced (no size check: the store's limits trim). */
  stage(items: readonly HistoryItem[]): void {
    if (this.#memory !== undefined) this.#staged.push(...items);
  }

  /** @internal Stages a request's messages (a bare approval message carries nothing to keep). */
  stageMessages(messages: readonly Message[]): void {
    this.stage(messages.filter((m) => m.role !== 'user' || m.content !== '').map(itemOf));
  }

  /**
   * @internal What the model sees of the conversation: the window within its byte budget, then
   * this turn's items (the agent turns them into model messages).
   */
  windowItems(toMessages?: ToMessages): HistoryItem[] {
    const memory = this.#require();
    let start = this.#window.length;
    let bytes = 0;
    while (start > 0) {
      bytes += (this.#window[start - 1] as { bytes: number }).bytes;
      if (bytes > memory.window.maxBytes) break;
      start--;
    }
    // Never open on a tool result without its call, or an answer without its question.
    while (start < this.#window.length && this.#window[start]?.item.role !== 'user') start++;
    const items = [
      ...(this.#summary ? [this.#summary] : []),
      ...this.#window.slice(start).map((w) => w.item),
      ...this.#staged,
    ];
    const max = memory.window.maxTokens;
    // The token budget (memory.window.maxTokens) is counted on the model's messages, which the
    // agent builds: without its builder (a protocol showing the window) nothing is trimmed.
    if (max === undefined || toMessages === undefined) return items;
    return fitTokens(items, max, memory.countTokens, this.#summary !== undefined, toMessages);
  }

  /**
   * @internal Compaction: the range to summarize when the window and this turn exceed the token
   * budget — the loaded items before the newest that fit `keepTokens` (cut before a call, never
   * between a call and its results), from just after the previous summary's range.
   */
  compactionPlan(toMessages: ToMessages): CompactionRange | undefined {
    const memory = this.#memory;
    const c = memory?.compaction;
    if (!memory || !c || this.#pending || memory.window.maxTokens === undefined) return undefined;
    const all = [...(this.#summary ? [this.#summary] : []), ...this.#window.map((w) => w.item), ...this.#staged];
    if (tokensOf(all, memory.countTokens, toMessages) <= memory.window.maxTokens) return undefined;
    const cut = keptFrom(
      this.#window.map((w) => w.item),
      c.keepTokens,
      memory.countTokens,
      toMessages,
    );
    const last = this.#window[cut - 1];
    if (cut === 0 || last === undefined || last.seq <= this.#compactedTo) return undefined;
    const previous = this.#summary?.role === 'summary' ? this.#summary.content : undefined;
    return {
      fromSeq: this.#compactedTo + 1,
      toSeq: last.seq,
      items: structuredClone(this.#window.slice(0, cut).map((w) => w.item)),
      ...(previous === undefined ? {} : { previous }),
    };
  }

  /** @internal Compaction: the summary of `range` replaces its items; appended first at commit. */
  applySummary(range: CompactionRange, content: string): void {
    const item = { role: 'summary' as const, content, fromSeq: range.fromSeq, toSeq: range.toSeq };
    this.#pending = { item, at: this.#staged.length, undo: { window: this.#window, summary: this.#summary } };
    this.#window = this.#window.filter((w) => w.seq > range.toSeq);
    this.#summary = item;
  }

  /** @internal What the commit appends (undefined: nothing staged or memory off). */
  append(merge: boolean): TranscriptAppend | undefined {
    const memory = this.#memory;
    const pending = this.#pending;
    if (memory === undefined || (this.#staged.length === 0 && !pending)) return undefined;
    const entries = [...(pending ? [pending.item] : []), ...this.#staged];
    return {
      entries: entries.map((item) => JSON.stringify(item)),
      ...(pending ? { summary: { index: 0, fromSeq: pending.item.fromSeq, toSeq: pending.item.toSeq } } : {}),
      maxEntries: memory.limits.maxEntries,
      maxBytes: memory.limits.maxBytes,
      ...(merge ? { expectedLastSeq: this.#lastSeq } : {}),
    };
  }

  /** @internal How many items are staged (a checkpoint of the turn). */
  get stagedCount(): number {
    return this.#staged.length;
  }

  /** @internal Rolls the staged items back to a checkpoint (a failed tool, a failed turn). */
  restore(count: number): void {
    this.#staged.length = Math.min(this.#staged.length, count);
    const pending = this.#pending;
    if (pending && count < pending.at) {
      // Rolled back to before the compaction: its summary goes with the turn's items.
      this.#window = pending.undo.window;
      this.#summary = pending.undo.summary;
      this.#pending = undefined;
    }
  }

  /** @internal The staged items were committed: they join the window. */
  committed(): void {
    let seq = this.#lastSeq;
    if (this.#pending) {
      seq++;
      this.#compactedTo = this.#pending.item.toSeq;
      this.#pending = undefined;
    }
    for (const item of this.#staged) this.#window.push({ item, bytes: bytesOf(JSON.stringify(item)), seq: ++seq });
    this.#lastSeq = seq;
    this.#staged = [];
  }
}

/** A transcript entry's item (its JSON text parsed). */
function parseEntry(entry: { seq: number; text: string }): HistoryItem {
  try {
    return JSON.parse(entry.text) as HistoryItem;
  } catch (error) {
    throw new BatonError('SESSION_VALUE_INVALID', `Transcript entry ${entry.seq} is not valid JSON`, undefined, {
      cause: error,
    });
  }
}

/** A request message as a history item. */
function itemOf(m: Message): HistoryItem {
  return m.id === undefined ? { role: m.role, content: m.content } : { role: m.role, content: m.content, id: m.id };
}

/** Validates an item given by code or a client: its shape, JSON, and size. */
function checkItem(item: HistoryItem, maxMessageBytes: number): HistoryItem {
  const ok =
    isPlainObject(item) &&
    (item.role === 'tool'
      ? typeof item.toolCallId === 'string' && typeof item.toolName === 'string'
      : (item.role === 'user' || item.role === 'assistant') && typeof item.content === 'string');
  if (!ok) {
    throw new BatonError(
      'REQUEST_INVALID',
      'A history item needs role "user" or "assistant" with a string content, or role "tool"',
    );
  }
  const text = toJsonText('history', item);
  const bytes = bytesOf(text);
  if (bytes > maxMessageBytes) {
    throw new BatonError(
      'MESSAGE_TOO_LARGE',
      `A message of ${bytes} bytes is over the ${maxMessageBytes}-byte limit; nothing was appended`,
      {
        bytes,
        maxMessageBytes,
      },
    );
  }
  return JSON.parse(text) as HistoryItem;
}
