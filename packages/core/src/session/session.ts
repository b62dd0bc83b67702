import { BatonError } from '../errors.js';
import { isPlainObject, type JsonObject, toJsonText } from '../json.js';
import { type ResolvedMemory, SessionHistory } from './history.js';
import type { SessionInternals, SessionMeta, SessionStatus, Snapshot } from './session-internals.js';
import type { TranscriptWindow } from './stores/store.js';
import {
  asGetOptions,
  byteLength,
  checkKey,
  describe,
  entryBytes,
  type GetOptions,
  LAZY_TEXT,
  lazyValue,
  parseText,
  RESERVED_PREFIX,
  revive,
} from './values.js';

export type { SessionInternals, SessionMeta, SessionStatus, Snapshot } from './session-internals.js';
export { type GetOptions, RESERVED_PREFIX, type Revivable } from './values.js';

/** The shape of a session's state: key -> value type. The default accepts any string key. */
export type SessionShape = Record<string, unknown>;
type KeyOf<S> = Extract<keyof S, string>;

/** Keys set or deleted since the session was loaded (what a commit writes). */
export interface SessionChanges {
  /** Changed keys with their new JSON text. */
  set: Map<string, string>;
  deleted: string[];
}

/** What a `Session` is made with: its id and lifetime (server mode), size limit and status. */
export interface SessionOptions {
  /** Max serialized size in bytes of the persisted part (default 1 MiB). */
  maxBytes?: number;
}

/** Keys starting with this prefix live one turn: visible to every stage, never persisted. */
export const TEMP_PREFIX = 'temp:';
/** Keys starting with this prefix belong to Baton itself (pending approvals...). */
export const DEFAULT_MAX_SESSION_BYTES = 1024 * 1024;

/** Access to Baton's own keys and lifecycle; deliberately not exported from the package. */
export const internal: unique symbol = Symbol('baton.session.internal');

/** Methods of every session's internals object, filled in by Session's static block. */
let internalsPrototype: SessionInternals;

/**
 * Typed key-value state of one conversation, whose values are JSON.
 *
 * Values are held as JSON text and decoded on `get`, so every `get` returns a fresh copy:
 * mutating it changes nothing until you `set` it back. Change tracking happens at `set`/`delete`
 * time, so `changes()` and `isModified` never diff the whole session.
 */
export class Session<S extends object = SessionShape> implements Iterable<[KeyOf<S>, S[KeyOf<S>]]> {
  #data = new Map<string, string>();
  readonly #temp = new Map<string, string>();
  #loaded: Map<string, string>;
  readonly #touched = new Set<string>();
  readonly #maxBytes: number;
  #bytes = 1;
  #meta: SessionMeta = { isNew: true };
  #regenerate = false;
  #destroyed = false;
  #history: SessionHistory | undefined;

  constructor(options: SessionOptions = {}) {
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_SESSION_BYTES;
    this.#loaded = new Map();
  }

  /**
   * Builds a session from a plain object (the Python `response.session` dict). Throws
   * `SESSION_INVALID` for a non-object and `SESSION_KEY_INVALID` for `__proto__` & co.
   */
  static from<S extends object = SessionShape>(data: unknown, options?: SessionOptions): Session<S> {
    if (data === undefined || data === null) return new Session<S>(options);
    if (data instanceof Session) return Session.from<S>(data.toJSON(), options);
    // Only plain objects: a Map, Date or class instance would silently load as a partial session.
    const proto: unknown = isPlainObject(data) ? Object.getPrototypeOf(data) : undefined;
    if (!isPlainObject(data) || (proto !== Object.prototype && proto !== null)) {
      throw new BatonError('SESSION_INVALID', 'A session must be a JSON object', { found: describe(data) });
    }
    const texts = new Map<string, string>();
    for (const key of Object.keys(data)) {
      checkKey(key, true);
      if (key.startsWith(TEMP_PREFIX)) continue;
      try {
        texts.set(key, toJsonText(key, data[key]));
      } catch (error) {
        if (!(error instanceof BatonError)) throw error;
        throw new BatonError('SESSION_INVALID', error.message, error.details);
      }
    }
    return Session.fromTexts<S>(texts, options);
  }

  /** Builds a session from stored JSON texts, decoding each value lazily on first `get`. */
  static fromTexts<S extends object = SessionShape>(
    texts: Iterable<[string, string]>,
    options?: SessionOptions,
  ): Session<S> {
    const session = new Session<S>(options);
    for (const [key, text] of texts) {
      checkKey(key, true);
      const old = session.#data.get(key); // a repeated key: the last text wins, counted once
      if (old !== undefined) session.#bytes -= entryBytes(key, old);
      session.#data.set(key, text);
      session.#bytes += entryBytes(key, text);
    }
    session.#loaded = new Map(session.#data);
    session.#checkSize(undefined);
    return session;
  }

  // ---- reading ------------------------------------------------------------------------------

  /** The value at `key`, or `undefined`. */
  get<K extends KeyOf<S>>(key: K): S[K] | undefined;
  /** The value at `key` validated by a Standard Schema or revived through a class. */
  get<K extends KeyOf<S>, T>(key: K, options: GetOptions<T> & { default: T }): T;
  get<K extends KeyOf<S>, T>(key: K, options: GetOptions<T>): T | undefined;
  /** The value at `key`, or `defaultValue` when the key is absent. */
  get<K extends KeyOf<S>>(key: K, defaultValue: S[K]): S[K];
  get(key: string, arg?: unknown): unknown {
    checkKey(key, false);
    const text = this.#textOf(key);
    const options = asGetOptions(arg);
    if (options === undefined) return text === undefined ? arg : parseText(key, text);
    if (text === undefined) return options.default;
    return revive(key, parseText(key, text), options);
  }

  has(key: KeyOf<S>): boolean {
    checkKey(key, false);
    return this.#textOf(key) !== undefined;
  }

  /** Persisted user keys (not `temp:` ones, not Baton's reserved ones). */
  keys(): KeyOf<S>[] {
    const out: string[] = [];
    for (const key of this.#data.keys()) if (!key.startsWith(RESERVED_PREFIX)) out.push(key);
    return out as KeyOf<S>[];
  }

  entries(): [KeyOf<S>, S[KeyOf<S>]][] {
    return this.keys().map((key) => [key, parseText(key, this.#data.get(key) as string)] as [KeyOf<S>, S[KeyOf<S>]]);
  }

  [Symbol.iterator](): Iterator<[KeyOf<S>, S[KeyOf<S>]]> {
    return this.entries()[Symbol.iterator]();
  }

  /** Number of persisted user keys. */
  get size(): number {
    return this.keys().length;
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** True when a persisted key differs from what was loaded. `temp:` keys do not count. */
  get isModified(): boolean {
    for (const key of this.#touched) if (this.#data.get(key) !== this.#loaded.get(key)) return true;
    return false;
  }

  /** Keys set (with their JSON text) and deleted since load; what a commit must write. */
  changes(): SessionChanges {
    const set = new Map<string, string>();
    const deleted: string[] = [];
    for (const key of this.#touched) {
      const now = this.#data.get(key);
      if (now === this.#loaded.get(key)) continue;
      if (now === undefined) deleted.push(key);
      else set.set(key, now);
    }
    return { set, deleted };
  }

  /**
   * The persisted state as a plain object (`temp:` keys dropped). A large value (its JSON text
   * over 4 KiB) is decoded when the property is first read, not here: a turn that changes one small
   * key of a big session does not decode the rest (the object is a plain object all the same).
   */
  toJSON(): JsonObject {
    const out: JsonObject = {};
    for (const [key, text] of this.#data) {
      if (text.length <= LAZY_TEXT) out[key] = parseText(key, text) as JsonObject[string];
      else lazyValue(out, key, text);
    }
    return out;
  }

  /** Serialized size in bytes of the persisted part. */
  get byteSize(): number {
    return this.#size();
  }

  /** Exact byte length of `JSON.stringify(this.toJSON())` for a given `#bytes` (see `entryBytes`). */
  #size(bytes = this.#bytes): number {
    return Math.max(2, bytes);
  }

  // ---- writing ------------------------------------------------------------------------------

  /** Stores a JSON value; throws `SESSION_VALUE_NOT_JSON` (with the path) for anything else. */
  set<K extends KeyOf<S>>(key: K, value: S[K]): this {
    checkKey(key, false);
    this.#write(key, toJsonText(key, value));
    return this;
  }

  /** Sets several keys at once; nothing is written if any value is rejected. */
  update(values: Partial<S>): this {
    if (!isPlainObject(values)) {
      throw new BatonError('SESSION_INVALID', 'update() takes a plain object', { found: describe(values) });
    }
    const record = values as Record<string, unknown>;
    const texts: [string, string][] = [];
    for (const key of Object.keys(record)) {
      checkKey(key, false);
      texts.push([key, toJsonText(key, record[key])]);
    }
    const before = this.#snapshot();
    try {
      for (const [key, text] of texts) this.#write(key, text);
    } catch (error) {
      this.#restore(before);
      throw error;
    }
    return this;
  }

  /** Removes a key; returns whether it existed. */
  delete(key: KeyOf<S>): boolean {
    checkKey(key, false);
    return this.#remove(key);
  }

  /** Removes every user key and `temp:` key (Baton's reserved keys too). */
  clear(): this {
    for (const key of [...this.#data.keys()]) this.#remove(key);
    this.#temp.clear();
    return this;
  }

  // ---- server-mode lifecycle ------------------------------------------------------------------

  /** Session id (server mode), undefined in client and sealed modes. */
  get id(): string | undefined {
    return this.#meta.id;
  }
  get createdAt(): Date | undefined {
    return this.#meta.createdAt === undefined ? undefined : new Date(this.#meta.createdAt);
  }
  get expiresAt(): Date | undefined {
    return this.#meta.expiresAt === undefined ? undefined : new Date(this.#meta.expiresAt);
  }
  /** True when this turn started a new session (nothing was loaded). */
  get isNew(): boolean {
    return this.#meta.isNew;
  }
  /** How the session was loaded: `new`, `resumed`, `expired` (or `invalid` for a bad seal). */
  get status(): SessionStatus | undefined {
    return this.#meta.status;
  }

  /**
   * Gives the session a new id at commit and destroys the old one (server mode): call it after a
   * login or privilege change so a stolen pre-login id is worthless. The data is kept.
   */
  regenerate(): void {
    this.#regenerate = true;
  }

  /**
   * The conversation (server mode with `memory` on): `getItems`, `addItems`, `popItem`,
   * `clearSession`. With memory off, `enabled` is false and `getItems()` is empty.
   */
  get history(): SessionHistory {
    this.#history ??= new SessionHistory(() => this.destroy());
    return this.#history;
  }

  /** Empties the session and deletes it from the store at commit. */
  destroy(): void {
    this.clear();
    this.#destroyed = true;
  }

  // ---- Baton internals ------------------------------------------------------------------------

  /** @internal Built once per session: the hooks Baton's pipeline and SessionManager use. */
  get [internal](): SessionInternals {
    this.#internals ??= this.#createInternals();
    return this.#internals;
  }

  #internals: SessionInternals | undefined;

  #createInternals(): SessionInternals {
    // One shared set of methods for every session (no closures per session): see the static block.
    const api = Object.create(internalsPrototype) as SessionInternals & { session: Session };
    api.session = this as Session;
    return api;
  }

  static {
    internalsPrototype = {
      getReserved(this: { session: Session }, key: string) {
        const text = this.session.#data.get(RESERVED_PREFIX + key);
        return text === undefined ? undefined : parseText(RESERVED_PREFIX + key, text);
      },
      setReserved(this: { session: Session }, key: string, value: unknown) {
        const full = RESERVED_PREFIX + key;
        if (value === undefined) this.session.#remove(full);
        else this.session.#write(full, toJsonText(full, value));
      },
      checkpoint(this: { session: Session }) {
        return this.session.#snapshot();
      },
      restore(this: { session: Session }, snapshot: Snapshot) {
        this.session.#restore(snapshot);
      },
      get meta() {
        return (this as unknown as { session: Session }).session.#meta;
      },
      setMeta(this: { session: Session }, meta: SessionMeta) {
        this.session.#meta = meta;
      },
      markCommitted(this: { session: Session }) {
        const s = this.session;
        s.#loaded = new Map(s.#data);
        s.#touched.clear();
        s.#regenerate = false;
        s.#destroyed = false;
        s.#history?.committed();
      },
      wantsRegenerate(this: { session: Session }) {
        return this.session.#regenerate;
      },
      isDestroyed(this: { session: Session }) {
        return this.session.#destroyed;
      },
      clearTemp(this: { session: Session }) {
        this.session.#temp.clear();
      },
      persisted(this: { session: Session }) {
        return { texts: this.session.#data, bytes: this.session.#bytes };
      },
      adopt(this: { session: Session }, texts: Map<string, string>, bytes: number) {
        const s = this.session;
        s.#data = texts;
        s.#loaded = new Map(texts);
        s.#bytes = bytes;
        s.#touched.clear();
        s.#checkSize(undefined);
      },
      attachHistory(this: { session: Session }, memory: ResolvedMemory, window: TranscriptWindow | undefined) {
        this.session.history.attach(memory, window);
      },
      activeHistory(this: { session: Session }) {
        const history = this.session.#history;
        return history?.enabled ? history : undefined;
      },
    } as SessionInternals;
  }

  #textOf(key: string): string | undefined {
    return key.startsWith(TEMP_PREFIX) ? this.#temp.get(key) : this.#data.get(key);
  }

  #write(key: string, text: string): void {
    if (key.startsWith(TEMP_PREFIX)) {
      this.#temp.set(key, text);
      return;
    }
    const old = this.#data.get(key);
    if (old === text) return;
    const delta = old === undefined ? entryBytes(key, text) : byteLength(text) - byteLength(old);
    this.#checkSize(key, this.#size(this.#bytes + delta));
    this.#bytes += delta;
    this.#data.set(key, text);
    this.#touched.add(key);
  }

  #remove(key: string): boolean {
    if (key.startsWith(TEMP_PREFIX)) return this.#temp.delete(key);
    const old = this.#data.get(key);
    if (old === undefined) return false;
    this.#data.delete(key);
    this.#bytes -= entryBytes(key, old);
    this.#touched.add(key);
    return true;
  }

  #checkSize(key: string | undefined, bytes = this.#size()): void {
    if (bytes > this.#maxBytes) {
      throw new BatonError(
        'SESSION_TOO_LARGE',
        `Session would be ${bytes} bytes, over its ${this.#maxBytes}-byte limit${key ? ` (setting "${key}")` : ''}`,
        { bytes, maxBytes: this.#maxBytes, ...(key ? { key } : {}) },
      );
    }
  }

  #snapshot(): Snapshot {
    return {
      data: new Map(this.#data),
      temp: new Map(this.#temp),
      touched: new Set(this.#touched),
      bytes: this.#bytes,
      regenerate: this.#regenerate,
      destroyed: this.#destroyed,
      historyStaged: this.#history?.stagedCount ?? 0,
    };
  }

  #restore(s: Snapshot): void {
    this.#data.clear();
    for (const [k, v] of s.data) this.#data.set(k, v);
    this.#temp.clear();
    for (const [k, v] of s.temp) this.#temp.set(k, v);
    this.#touched.clear();
    for (const k of s.touched) this.#touched.add(k);
    this.#bytes = s.bytes;
    this.#regenerate = s.regenerate;
    this.#destroyed = s.destroyed;
    this.#history?.restore(s.historyStaged);
  }
}
