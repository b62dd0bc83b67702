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
  /** Conversation memory: entries oldest first; `bytes` totals their texts (UTF-8). */
  log?: { entries: TranscriptEntry[]; lastSeq: number; bytes: number };
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

/** Appends entries, then drops the oldest past `maxEntries` / `maxBytes`. */
export function appendTranscript(held: HeldSession, append: TranscriptAppend): void {
  held.log ??= { entries: [], lastSeq: 0, bytes: 0 };
  const t = held.log;
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
