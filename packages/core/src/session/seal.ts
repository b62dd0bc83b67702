import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { BatonError } from '../errors.js';
import { deriveKey, secretId } from './secret-keys.js';

/** A sealing key: an id (sealed into every token) and a secret of at least 32 bytes. */
export interface SealKey {
  id: string;
  secret: string | Buffer;
}

/** Why a token could not be opened. */
export type UnsealFailure = 'malformed' | 'unknown_key' | 'tampered' | 'expired';

/** The outcome of opening a sealed token: the value and when it was sealed, or why it could not be opened. */
export type UnsealResult<T> = { ok: true; value: T; createdAt: number } | { ok: false; reason: UnsealFailure };

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

interface DerivedKey {
  id: string;
  key: Buffer;
}

/**
 * Seals JSON values into opaque tokens with AES-256-GCM: `v1.<keyId>.<base64url(iv|ciphertext|tag)>`.
 * The version and key id are authenticated (AAD); the expiry and creation time are inside the
 * ciphertext. The first key seals; every key opens its own tokens (rotation). A token naming a
 * key id this sealer was not given is refused without trying any key.
 */
export class Sealer {
  readonly #keys: DerivedKey[];

  constructor(keys: readonly (SealKey | string)[]) {
    if (keys.length === 0) throw new BatonError('CONFIG_INVALID', 'Sealed sessions need at least one secret');
    // A bare secret is named by its position only: its automatic id is a hash of the secret, and
    // an error about a too-short (guessable) secret must not hand out a digest of it.
    this.#keys = keys.map((k, i) =>
      typeof k === 'string'
        ? derive({ id: autoId(k), secret: k }, `Seal secret #${i}`)
        : derive(k, `Seal secret #${i} (id "${k.id}")`),
    );
    const ids = new Set(this.#keys.map((k) => k.id));
    if (ids.size !== this.#keys.length) throw new BatonError('CONFIG_INVALID', 'Seal key ids must be unique');
  }

  seal(value: unknown, options: { expiresAt: number; createdAt: number }): string {
    const key = this.#keys[0] as DerivedKey;
    const iv = randomBytes(IV_BYTES);
    const header = `${VERSION}.${key.id}`;
    const cipher = createCipheriv('aes-256-gcm', key.key, iv);
    cipher.setAAD(Buffer.from(header));
    const plain = JSON.stringify({ e: options.expiresAt, c: options.createdAt, d: value });
    const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${header}.${body.toString('base64url')}`;
  }

  unseal<T = unknown>(token: string, now = Date.now()): UnsealResult<T> {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, reason: 'malformed' };
    const [, id, payload] = parts as [string, string, string];
    const key = this.#keys.find((k) => k.id === id);
    if (key === undefined) return { ok: false, reason: 'unknown_key' };
    if (!/^[A-Za-z0-9_-]+$/.test(payload)) return { ok: false, reason: 'malformed' };
    const body = Buffer.from(payload, 'base64url');
    // Only the canonical encoding: the spare low bits of a last character are not authenticated.
    if (body.toString('base64url') !== payload) return { ok: false, reason: 'malformed' };
    if (body.length < IV_BYTES + TAG_BYTES + 2) return { ok: false, reason: 'malformed' };
    let plain: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.key, body.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(`${VERSION}.${id}`));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      plain =
        decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES), undefined, 'utf8') + decipher.final('utf8');
    } catch {
      return { ok: false, reason: 'tampered' };
    }
    const parsed = JSON.parse(plain) as { e: number; c: number; d: T };
    if (!(now < parsed.e)) return { ok: false, reason: 'expired' };
    return { ok: true, value: parsed.d, createdAt: parsed.c };
  }
}

function derive(key: SealKey, name: string): DerivedKey {
  // HKDF turns a passphrase-like secret into a uniform 256-bit key bound to this purpose.
  const derived = deriveKey(key.secret, 'baton session seal v1', name);
  if (!KEY_ID.test(key.id)) throw new BatonError('CONFIG_INVALID', `Seal key id "${key.id}" must match ${KEY_ID}`);
  return { id: key.id, key: derived };
}

/** A stable, non-secret id for a bare secret. */
function autoId(secret: string): string {
  return secretId(secret, 'baton-key-id');
}
