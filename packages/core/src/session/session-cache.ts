import { BatonError } from '../errors.js';
import type { StoredSession } from './stores/store.js';
import { byteLength, checkKey } from './values.js';

/*
 * Server mode's per-process cache of sessions, for stores that version them
 * (`StoredSession.version`): a load sends the version held (`LoadOptions.cached`) and the store
 * answers only what changed since — nothing at all when no other process wrote — so a turn's read
 * cost no longer grows with the session. The store stays authoritative: every load still asks it
 * (and takes the lease, slides the idle timeout, learns a destroy or an expiry); only the values
 * the store already sent are not sent again. Bounded by bytes, least recently used first.
 */

/** One session as this process last saw it. Never mutated: a newer version is a new entry. */
export interface CachedSession {
  readonly version: string;
  readonly texts: ReadonlyMap<string, string>;
  readonly versions: ReadonlyMap<string, number>;
  readonly createdAt: number;
  readonly absoluteExpiresAt: number;
  /** Approximate heap size (UTF-16 code units of keys and texts, plus a per-key overhead). */
  readonly bytes: number;
  /** UTF-8 byte length of each text (measured once, when the text enters the cache). */
  readonly utf8: ReadonlyMap<string, number>;
  /** The session's serialized size as `Session` counts it (`Session.byteSize` bookkeeping). */
  readonly sessionBytes: number;
}

/** Per-key bookkeeping (Map slots, string headers) added to the text sizes. */
const ENTRY_OVERHEAD = 64;
/**
 * Texts at least this long that are ASCII count one byte per character (V8 holds them as one-byte
 * strings; the header is negligible); shorter or other texts count two (UTF-16: an upper bound that
 * also covers a small string's header).
 */
const ONE_BYTE_TEXT = 64 * 1024;
/** Bytes one key/text pair counts for in the cache's bound. */
function pairBytes(key: string, text: string, utf8: number): number {
  const perChar = text.length >= ONE_BYTE_TEXT && utf8 === text.length ? 1 : 2;
  return 2 * key.length + perChar * text.length + ENTRY_OVERHEAD;
}
/** What one entry adds to `Session`'s serialized size (see `entryBytes` in values.ts). */
function serializedBytes(key: string, utf8: number): number {
  return byteLength(JSON.stringify(key)) + utf8 + 2;
}
/** How many requests of distinct sessions the frequency counts cover before they are halved (aging). */
const FREQUENCY_WINDOW_MIN = 1024;

/** An LRU of `CachedSession`s whose summed `bytes` stays at or under `maxBytes`. */
export class SessionCache {
  /** Insertion order = use order: the first entry is the least recently used. */
  readonly #entries = new Map<string, CachedSession>();
  readonly #maxBytes: number;
  #bytes = 0;
  /** How often each session was asked for lately (held or not): the admission's evidence. */
  readonly #frequency = new Map<string, number>();
  #counted = 0;

  constructor(maxBytes: number) {
    if (!(Number.isFinite(maxBytes) && maxBytes >= 0)) {
      throw new BatonError('CONFIG_INVALID', 'The session cache size must be a non-negative number of bytes', {
        maxBytes,
      });
    }
    this.#maxBytes = maxBytes;
  }

  /** Sessions held. */
  get size(): number {
    return this.#entries.size;
  }

  /** Approximate bytes held (at most the configured bound). */
  get bytes(): number {
    return this.#bytes;
  }

  /** The entry of `id`, marked most recently used (and the request counted for admission). */
  get(id: string): CachedSession | undefined {
    this.#count(id);
    const entry = this.#entries.get(id);
    if (entry) {
      this.#entries.delete(id);
      this.#entries.set(id, entry);
    }
    return entry;
  }

  delete(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    this.#bytes -= entry.bytes;
  }

  /**
   * Records what a load answered and returns the whole session it stands for: a full answer
   * replaces the entry; a delta (`stored.delta`) is applied to `base`, the entry whose version the
   * load sent. An answer without a version is not cached (and drops any entry).
   */
  loaded(id: string, stored: StoredSession, base: CachedSession | undefined): CachedSession | undefined {
    if (stored.version === undefined) {
      this.delete(id);
      return undefined;
    }
    if (!stored.delta) {
      const utf8 = new Map<string, number>();
      for (const [key, text] of stored.texts) {
        checkKey(key, true);
        utf8.set(key, byteLength(text));
      }
      return this.#put(
        id,
        stored.version,
        stored.texts,
        utf8,
        stored.versions,
        stored.createdAt,
        stored.absoluteExpiresAt,
      );
    }
    if (!base) {
      // A store answers a delta only to a load that sent a cached version, i.e. with a base.
      throw new BatonError('INTERNAL', 'The session store answered a delta to a load without a cached version');
    }
    if (stored.texts.size === 0 && stored.delta.deleted.length === 0 && stored.version === base.version) {
      return base; // unchanged: already the most recently used entry
    }
    const texts = new Map(base.texts);
    const utf8 = new Map(base.utf8);
    const versions = new Map(base.versions);
    for (const key of stored.delta.deleted) {
      texts.delete(key);
      utf8.delete(key);
    }
    for (const [key, text] of stored.texts) {
      checkKey(key, true);
      texts.set(key, text);
      utf8.set(key, byteLength(text));
    }
    for (const [key, version] of stored.versions) versions.set(key, version);
    return this.#put(id, stored.version, texts, utf8, versions, stored.createdAt, stored.absoluteExpiresAt);
  }

  /**
   * Rolls the entry forward after this process's own commit: only if the commit replaced exactly
   * the version the entry holds (no other write in between), so the result is that version plus
   * these changes. Otherwise the entry stays at its (older, still true) version, and the next load
   * asks for what changed since.
   */
  committed(
    id: string,
    previous: string | undefined,
    version: string,
    set: ReadonlyMap<string, string>,
    deleted: readonly string[],
    merge: boolean,
  ): void {
    const base = this.#entries.get(id);
    if (!base || previous === undefined || base.version !== previous) return;
    const texts = new Map(base.texts);
    const utf8 = new Map(base.utf8);
    for (const key of deleted) {
      texts.delete(key);
      utf8.delete(key);
    }
    for (const [key, text] of set) {
      texts.set(key, text);
      utf8.set(key, byteLength(text));
    }
    let versions = base.versions;
    if (merge) {
      // The commit checked every written key against `base`'s version and bumped it by one.
      const bumped = new Map(base.versions);
      for (const key of [...set.keys(), ...deleted]) bumped.set(key, (base.versions.get(key) ?? 0) + 1);
      versions = bumped;
    }
    this.#put(id, version, texts, utf8, versions, base.createdAt, base.absoluteExpiresAt);
  }

  /** Caches a session this process just created (its whole content is what it wrote). */
  created(
    id: string,
    version: string,
    texts: ReadonlyMap<string, string>,
    createdAt: number,
    absoluteExpiresAt: number,
  ): void {
    const utf8 = new Map<string, number>();
    for (const [key, text] of texts) utf8.set(key, byteLength(text));
    // A session this process just created is admitted whatever its count: it is about to be used.
    this.#count(id);
    this.#put(id, version, new Map(texts), utf8, new Map(), createdAt, absoluteExpiresAt, true);
  }

  #put(
    id: string,
    version: string,
    texts: ReadonlyMap<string, string>,
    utf8: ReadonlyMap<string, number>,
    versions: ReadonlyMap<string, number>,
    createdAt: number,
    absoluteExpiresAt: number,
    admit = false,
  ): CachedSession {
    let bytes = 0;
    let sessionBytes = 1;
    for (const [key, text] of texts) {
      const size = utf8.get(key) ?? byteLength(text);
      bytes += pairBytes(key, text, size);
      sessionBytes += serializedBytes(key, size);
    }
    bytes += versions.size * ENTRY_OVERHEAD;
    const entry: CachedSession = { version, texts, versions, createdAt, absoluteExpiresAt, bytes, utf8, sessionBytes };
    const held = this.#entries.has(id);
    this.delete(id);
    if (bytes > this.#maxBytes) return entry; // larger than the whole cache: used once, not kept
    if (!held && !admit && !this.#admits(id, bytes)) return entry;
    this.#entries.set(id, entry);
    this.#bytes += bytes;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.bytes;
    }
    return entry;
  }

  /**
   * Admission of a session not held: free room takes it; else it must have been asked for more
   * often than every entry it would evict (least recently used first). A tie keeps what is held:
   * a scan over more sessions than fit leaves the cache as it is rather than flushing it.
   */
  #admits(id: string, bytes: number): boolean {
    let needed = this.#bytes + bytes - this.#maxBytes;
    if (needed <= 0) return true;
    const frequency = this.#frequency.get(id) ?? 0;
    for (const [victim, old] of this.#entries) {
      if ((this.#frequency.get(victim) ?? 0) >= frequency) return false;
      needed -= old.bytes;
      if (needed <= 0) return true;
    }
    return true;
  }

  /** Counts a request of `id`; every window of requests halves the counts (recent ones weigh more). */
  #count(id: string): void {
    this.#frequency.set(id, (this.#frequency.get(id) ?? 0) + 1);
    const window = Math.max(FREQUENCY_WINDOW_MIN, 8 * this.#entries.size);
    if (++this.#counted < window) return;
    this.#counted = 0;
    for (const [key, n] of this.#frequency) {
      if (n <= 1) this.#frequency.delete(key);
      else this.#frequency.set(key, n >> 1);
    }
  }
}
