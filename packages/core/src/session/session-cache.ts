import { BatonError } from '../errors.js';
import type { StoredSession } from './stores/store.js';

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
}

/** Per-key bookkeeping (Map slots, string headers) added to the text sizes. */
const ENTRY_OVERHEAD = 64;

/** An LRU of `CachedSession`s whose summed `bytes` stays at or under `maxBytes`. */
export class SessionCache {
  /** Insertion order = use order: the first entry is the least recently used. */
  readonly #entries = new Map<string, CachedSession>();
  readonly #maxBytes: number;
  #bytes = 0;

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

  /** The entry of `id`, marked most recently used. */
  get(id: string): CachedSession | undefined {
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
      return this.#put(id, stored.version, stored.texts, stored.versions, stored.createdAt, stored.absoluteExpiresAt);
    }
    if (!base) {
      // A store answers a delta only to a load that sent a cached version, i.e. with a base.
      throw new BatonError('INTERNAL', 'The session store answered a delta to a load without a cached version');
    }
    if (stored.texts.size === 0 && stored.delta.deleted.length === 0 && stored.version === base.version) {
      return base; // unchanged: already the most recently used entry
    }
    const texts = new Map(base.texts);
    const versions = new Map(base.versions);
    for (const key of stored.delta.deleted) texts.delete(key);
    for (const [key, text] of stored.texts) texts.set(key, text);
    for (const [key, version] of stored.versions) versions.set(key, version);
    return this.#put(id, stored.version, texts, versions, stored.createdAt, stored.absoluteExpiresAt);
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
    for (const key of deleted) texts.delete(key);
    for (const [key, text] of set) texts.set(key, text);
    let versions = base.versions;
    if (merge) {
      // The commit checked every written key against `base`'s version and bumped it by one.
      const bumped = new Map(base.versions);
      for (const key of [...set.keys(), ...deleted]) bumped.set(key, (base.versions.get(key) ?? 0) + 1);
      versions = bumped;
    }
    this.#put(id, version, texts, versions, base.createdAt, base.absoluteExpiresAt);
  }

  /** Caches a session this process just created (its whole content is what it wrote). */
  created(
    id: string,
    version: string,
    texts: ReadonlyMap<string, string>,
    createdAt: number,
    absoluteExpiresAt: number,
  ): void {
    this.#put(id, version, new Map(texts), new Map(), createdAt, absoluteExpiresAt);
  }

  #put(
    id: string,
    version: string,
    texts: ReadonlyMap<string, string>,
    versions: ReadonlyMap<string, number>,
    createdAt: number,
    absoluteExpiresAt: number,
  ): CachedSession {
    let bytes = 0;
    for (const [key, text] of texts) bytes += 2 * (key.length + text.length) + ENTRY_OVERHEAD;
    bytes += versions.size * ENTRY_OVERHEAD;
    const entry: CachedSession = { version, texts, versions, createdAt, absoluteExpiresAt, bytes };
    this.delete(id);
    if (bytes > this.#maxBytes) return entry; // larger than the whole cache: used once, not kept
    this.#entries.set(id, entry);
    this.#bytes += bytes;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.bytes;
    }
    return entry;
  }
}
