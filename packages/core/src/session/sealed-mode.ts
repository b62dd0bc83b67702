import { BatonError } from '../errors.js';
import type { JsonObject } from '../json.js';
import { HOUR, type LoadedSession, type SessionInput, type SessionModeHandler, type SessionOutput } from './modes.js';
import { Sealer, type SealKey } from './seal.js';
import { internal, Session, type SessionStatus } from './session.js';

/** Sealed mode: the session travels as an AES-256-GCM token only the server can open. */
export interface SealedModeOptions {
  mode: 'sealed';
  /** Newest first: the first key seals, all keys open. Each secret is at least 32 bytes. */
  secrets: readonly (SealKey | string)[];
  /** Sliding lifetime of a token, renewed every turn (default 24 h). */
  idleTimeoutMs?: number;
  /** Lifetime from the session's creation, whatever its activity (default 7 days). */
  absoluteTimeoutMs?: number;
  /** Refuse a bad or expired token with 401 `SESSION_SEAL_INVALID` instead of starting afresh. */
  strict?: boolean;
  maxBytes?: number;
}

/**
 * Sealed mode: `load` opens the request's token (or starts afresh), `commit` seals the session
 * into a new one, `discard` echoes the token as it came.
 */
export class SealedMode implements SessionModeHandler {
  readonly mode = 'sealed';
  readonly #options: SealedModeOptions;
  readonly #sealer: Sealer;
  readonly #now: () => number;

  constructor(options: SealedModeOptions, now: () => number) {
    this.#options = options;
    this.#sealer = new Sealer(options.secrets);
    this.#now = now;
  }

  async load(input: SessionInput): Promise<LoadedSession> {
    const o = this.#options;
    const fresh = (status: SessionStatus): LoadedSession => {
      if (o.strict && status !== 'new') {
        throw new BatonError('SESSION_SEAL_INVALID', `The sealed session is ${status}`, { status });
      }
      const session = new Session({ maxBytes: o.maxBytes });
      session[internal].setMeta({ isNew: true, status, createdAt: this.#now() });
      return { session, status, state: { input: input.session } };
    };
    if (input.session === undefined || input.session === null || input.session === '') return fresh('new');
    if (typeof input.session !== 'string') return fresh('invalid');
    const opened = this.#sealer.unseal<JsonObject>(input.session, this.#now());
    if (!opened.ok) return fresh(opened.reason === 'expired' ? 'expired' : 'invalid');
    const absolute = opened.createdAt + (o.absoluteTimeoutMs ?? 7 * 24 * HOUR);
    if (this.#now() >= absolute) return fresh('expired');
    const session = Session.from(opened.value, { maxBytes: o.maxBytes });
    session[internal].setMeta({ isNew: false, status: 'resumed', createdAt: opened.createdAt });
    return { session, status: 'resumed', state: { input: input.session } };
  }

  async commit(loaded: LoadedSession, snapshot?: JsonObject): Promise<SessionOutput> {
    const o = this.#options;
    const { session } = loaded;
    const now = this.#now();
    const createdAt = session[internal].meta.createdAt ?? now;
    const absolute = createdAt + (o.absoluteTimeoutMs ?? 7 * 24 * HOUR);
    const expiresAt = Math.min(now + (o.idleTimeoutMs ?? 24 * HOUR), absolute);
    const token = this.#sealer.seal(snapshot ?? session.toJSON(), { expiresAt, createdAt });
    session[internal].markCommitted();
    return { session: token, status: loaded.status };
  }

  async discard(loaded: LoadedSession): Promise<SessionOutput> {
    const { state } = loaded;
    // Echo the token as it came (an unchanged session), or nothing for a fresh one.
    return {
      session: typeof state.input === 'string' && loaded.status === 'resumed' ? state.input : '',
      status: loaded.status,
    };
  }
}
