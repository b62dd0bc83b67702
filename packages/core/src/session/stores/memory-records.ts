import type { CommitRequest, TranscriptAppend, TranscriptEntry, TranscriptWindow } from './store.js';

/* What the memory store holds for one session id, and the pure functions over it. */

/** One session as the memory store holds it. */
export interface HeldSession {
  /** Stored exactly as committed: a store never parses or re-serializes a value. */
  texts: Map<string, string>;
  versions: Map<string, number>;
  createdAt: number;
  absoluteExpiresAt: number;
  idleExpiresAt: number;
  /** Once expired, the id reads `expired` (a tombstone) until then. */
  expiredUntil: number;
  /** Owners: the owner (absent: anonymous), the title and the last commit's time (epoch ms). */
  owner?: string;
  title?: string;
  updatedAt?: number;
  /**
   * Conversation memory: entries oldest first; `bytes` totals their texts (UTF-8). Compaction:
   * `summarySeq` is the latest summary entry's seq, `compactedTo` the end of its range (0: none).
   */
  log?: { entries: TranscriptEntry[]; lastSeq: number; bytes: number; summarySeq?: number; compactedTo?: number };
}

export function isExpired(held: HeldSession, now: number): boolean {
  return now >= held.idleExpiresAt || now >= held.absoluteExpiresAt;
}

/** The `limit` entries before index `end` (oldest first), with where the transcript stands. */
export function windowOf(held: HeldSession, end: number, limit: number): TranscriptWindow {
  const t = held.log;
  if (!t) return { entries: [], lastSeq: 0, firstSeq: 1 };
  return {
    entries: t.entries.slice(Math.max(0, end - limit), end),
    lastSeq: t.lastSeq,
    firstSeq: t.entries[0]?.seq ?? t.lastSeq + 1,
  };
}

/**
 * The window a load returns: the newest `last` entries after the latest summary's range, and that
 * summary while it is held (`compactedTo` 0: never compacted, the newest `last` entries).
 */
export function loadWindowOf(held: HeldSession, last: number): TranscriptWindow {
  const t = held.log;
  const compactedTo = t?.compactedTo ?? 0;
  if (!t || compactedTo === 0) return windowOf(held, t?.entries.length ?? 0, last);
  const first = t.entries[0]?.seq ?? t.lastSeq + 1;
  const after = Math.max(0, compactedTo + 1 - first); // index of the first entry after the range
  const window = windowOf(held, t.entries.length, Math.min(last, Math.max(0, t.entries.length - after)));
  const summary = t.summarySeq === undefined ? undefined : t.entries[t.summarySeq - first];
  return { ...window, compactedTo, ...(summary ? { summary } : {}) };
}

/** Compaction: whether a summary mark fits where the transcript stands (contiguous ranges only). */
export function summaryFits(held: HeldSession | undefined, append: TranscriptAppend | undefined): boolean {
  const mark = append?.summary;
  if (append === undefined || mark === undefined) return true;
  const lastSeq = held?.log?.lastSeq ?? 0;
  return (
    mark.fromSeq === (held?.log?.compactedTo ?? 0) + 1 &&
    mark.toSeq >= mark.fromSeq &&
    mark.toSeq <= lastSeq &&
    Number.isInteger(mark.index) &&
    mark.index >= 0 &&
    mark.index < append.entries.length
  );
}

/** Appends entries, then drops the oldest past `maxEntries` / `maxBytes`. */
export function appendTranscript(held: HeldSession, append: TranscriptAppend): void {
  held.log ??= { entries: [], lastSeq: 0, bytes: 0 };
  const t = held.log;
  if (append.summary) {
    t.summarySeq = t.lastSeq + append.summary.index + 1;
    t.compactedTo = append.summary.toSeq;
  }
  for (const text of append.entries) {
    t.entries.push({ seq: ++t.lastSeq, text });
    t.bytes += Buffer.byteLength(text, 'utf8');
  }
  let drop = 0;
  const maxEntries = append.maxEntries ?? Number.POSITIVE_INFINITY;
  const maxBytes = append.maxBytes ?? Number.POSITIVE_INFINITY;
  while (drop < t.entries.length && (t.entries.length - drop > maxEntries || t.bytes > maxBytes)) {
    t.bytes -= Buffer.byteLength((t.entries[drop] as TranscriptEntry).text, 'utf8');
    drop++;
  }
  if (drop > 0) t.entries.splice(0, drop);
}

export function changedKeys(request: CommitRequest): Iterable<string> {
  return [...request.set.keys(), ...request.deleted];
}

/** Owners: whether `caller` may see a session owned by `owner` (an anonymous session: anyone). */
export function ownedBy(owner: string | undefined, caller: string | undefined): boolean {
  return owner === undefined || owner === caller;
}
