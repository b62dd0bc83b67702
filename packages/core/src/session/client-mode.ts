import { BatonError } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { LoadedSession, SessionInput, SessionModeHandler, SessionOutput } from './modes.js';
import { Session } from './session.js';

/** Client mode (default): the session travels as a plain object; the client is authoritative. */
export interface ClientModeOptions {
  mode?: 'client';
  maxBytes?: number;
}

/** Client mode: the request's `data.session` object is the session, and the answer sends it back. */
export class ClientMode implements SessionModeHandler {
  readonly mode = 'client';
  readonly #options: ClientModeOptions;

  constructor(options: ClientModeOptions) {
    this.#options = options;
  }

  async load(input: SessionInput): Promise<LoadedSession> {
    if (input.session !== undefined && typeof input.session !== 'object') {
      throw new BatonError('SESSION_INVALID', 'In client mode `data.session` must be a JSON object');
    }
    return {
      session: Session.from(input.session, { maxBytes: this.#options.maxBytes }),
      status: 'resumed',
      state: {},
    };
  }

  async commit(loaded: LoadedSession, snapshot?: JsonObject): Promise<SessionOutput> {
    return { session: snapshot ?? loaded.session.toJSON() };
  }

  async discard(loaded: LoadedSession): Promise<SessionOutput> {
    return { session: loaded.session.toJSON() };
  }
}
