import { BatonError } from '@baton/core/store';

/**
 * The keys a session's scripts take. All carry the session id as their `{id}` hash tag, so they
 * hash to one Redis Cluster slot and each script runs on one node.
 */
export interface SessionKeys {
  /** The session hash: `d:`/`v:` per key, `m:`/`t:` metadata (see `FIELDS`). */
  hash: string;
  /** The transcript list (conversation memory): entry texts, oldest first. */
  transcript: string;
  /** Present (until `expiredUntil`) while the id reads `expired`, after Redis dropped the hash. */
  tombstone: string;
}

/** The key an owner's scripts take: its index, tagged by the owner (its own slot on Cluster). */
export interface OwnerKeys {
  /** Sorted set id -> updatedAt of the owner's sessions (`<prefix>o:{<owner>}`). */
  index: string;
}

/** The keys of a session's turn log (resume), tagged by the session id (the session's slot). */
export interface TurnLogKeys {
  /** The log's hash (`<prefix>r:{<id>}`): turn id, meta, status, stop, liveness (see `TURN_LOG_FIELDS`). */
  turnLog: string;
  /** The log's event texts, oldest first (`<prefix>e:{<id>}`): event seq s is at index s - 1. */
  turnEvents: string;
}

/** Names every key and channel of the store under one prefix. */
export class KeyNames {
  readonly #prefix: string;

  /** `prefix` goes in front of every key; it may not hold `{` or `}` (CONFIG_INVALID). */
  constructor(prefix: string) {
    // A brace in the prefix would become the hash tag: every session in one slot, or the keys of
    // one session in different slots (CROSSSLOT on every script).
    if (/[{}]/.test(prefix)) {
      throw new BatonError(
        'CONFIG_INVALID',
        'The key prefix must not contain `{` or `}` (the session id is the hash tag)',
      );
    }
    this.#prefix = prefix;
  }

  /** The keys the scripts of session `id` take. */
  of(id: string): SessionKeys {
    return { hash: this.session(id), transcript: this.transcript(id), tombstone: this.tombstone(id) };
  }

  /** The hash of a session. */
  session(id: string): string {
    return `${this.#prefix}s:{${id}}`;
  }

  /** The lease key of older versions of the store (the lease now lives in the hash); still deleted by `destroy`. */
  lease(id: string): string {
    return `${this.#prefix}l:{${id}}`;
  }

  /** The channel a commit or release publishes on when a turn waits for the lease (the scripts build it the same way). */
  wake(id: string): string {
    return `${this.session(id)}:wake`;
  }

  /** The tombstone of a session. */
  tombstone(id: string): string {
    return `${this.#prefix}x:{${id}}`;
  }

  /** Owners: the index of an owner's sessions; the owner is URI-encoded, so a brace stays out of the tag. */
  index(owner: string): string {
    return `${this.#prefix}o:{${encodeURIComponent(owner)}}`;
  }

  /** The transcript list of a session. */
  transcript(id: string): string {
    return `${this.#prefix}t:{${id}}`;
  }

  /** The keys of the turn log of session `id` (resume). */
  turnLogOf(id: string): TurnLogKeys {
    return { turnLog: `${this.#prefix}r:{${id}}`, turnEvents: `${this.#prefix}e:{${id}}` };
  }

  /** The key remembering that approval `key` of session (or scope) `scope` was used. */
  claim(scope: string, key: string): string {
    return `${this.#prefix}c:{${scope}}:${key}`;
  }
}
