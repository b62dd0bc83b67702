import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { BatonError } from '../errors.js';
import type { ModelToolCall } from '../model/model.js';
import { deriveKey, secretId } from '../session/secret-keys.js';

/**
 * A proposed call as kept in the session while it awaits approval; `sig` when signing is on,
 * `nonce` when approvals are claimed (model call ids may repeat, e.g. after a restart).
 */
export interface PendingCall extends ModelToolCall {
  sig?: string;
  nonce?: string;
}

/** Why a pending call's signature was refused. */
export type ApprovalSignatureFailure = 'unsigned' | 'malformed' | 'unknown_key' | 'forged' | 'expired';

const VERSION = 'a1';

interface Key {
  id: string;
  key: Buffer;
}

/**
 * Signs the calls an agent proposes so that, in client mode (where the client holds the session),
 * a pending approval cannot be forged, altered or replayed after it expires:
 * `a1.<keyId>.<expiresAt>.<base64url HMAC-SHA256(version, key id, expiry, call id, tool name,
 * SHA-256 of the input's JSON)>`. The first secret signs; every secret verifies (rotation).
 */
export class ApprovalSigner {
  readonly #keys: Key[];

  constructor(
    secrets: readonly string[],
    readonly ttlMs: number,
  ) {
    if (secrets.length === 0) throw new BatonError('CONFIG_INVALID', 'approvalSecrets needs at least one secret');
    if (!(ttlMs > 0) || !Number.isFinite(ttlMs)) {
      throw new BatonError('CONFIG_INVALID', 'approvalTtlMs must be a positive number of milliseconds');
    }
    this.#keys = secrets.map((secret, i) => {
      const name = `Approval secret #${i}`;
      if (typeof secret !== 'string') throw new BatonError('CONFIG_INVALID', `${name} must be a string`);
      // HKDF: a key for this purpose only, never the one sealed sessions use.
      const key = deriveKey(secret, 'baton approval signature v1', name);
      return { id: secretId(secret, 'baton-approval-key-id'), key };
    });
  }

  sign(call: ModelToolCall, now = Date.now()): PendingCall {
    const key = this.#keys[0] as Key;
    const expiresAt = now + this.ttlMs;
    return { ...call, sig: `${VERSION}.${key.id}.${expiresAt}.${mac(key, expiresAt, call)}` };
  }

  verify(call: PendingCall, now = Date.now()): { ok: true } | { ok: false; reason: ApprovalSignatureFailure } {
    if (typeof call.sig !== 'string') return { ok: false, reason: 'unsigned' };
    const parts = call.sig.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION || !/^\d{1,16}$/.test(parts[2] as string)) {
      return { ok: false, reason: 'malformed' };
    }
    const [, id, expiry, tag] = parts as [string, string, string, string];
    const key = this.#keys.find((k) => k.id === id);
    if (key === undefined) return { ok: false, reason: 'unknown_key' };
    const expected = Buffer.from(mac(key, Number(expiry), call));
    const given = Buffer.from(tag);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
    if (!(now < Number(expiry))) return { ok: false, reason: 'expired' };
    return { ok: true };
  }
}

function mac(key: Key, expiresAt: number, call: ModelToolCall): string {
  const input = createHash('sha256')
    .update(JSON.stringify(call.input) ?? 'undefined')
    .digest('base64url');
  // Length-prefixed fields: no two different calls produce the same signed text.
  const fields = [VERSION, key.id, String(expiresAt), String(call.id), String(call.name), input];
  return createHmac('sha256', key.key)
    .update(fields.map((f) => `${f.length}:${f}`).join('|'))
    .digest('base64url');
}
