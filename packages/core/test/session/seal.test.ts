import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatonError, Sealer, type UnsealFailure } from '../../src/index.js';

const SECRET_A = 'a-very-long-secret-of-at-least-32-bytes!!';
const SECRET_B = 'another-secret-that-is-long-enough-0123456789';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const TOKEN = /^v1\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]+)$/;
const FAR = 4_000_000_000_000; // year 2096
const opts = { expiresAt: FAR, createdAt: 1_000 };

function expectFailure(result: ReturnType<Sealer['unseal']>, reasons: readonly UnsealFailure[]): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(reasons).toContain(result.reason);
}

function configError(fn: () => unknown): BatonError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('CONFIG_INVALID');
    return error as BatonError;
  }
  throw new Error('expected CONFIG_INVALID, nothing was thrown');
}

describe('Sealer', () => {
  const sealer = new Sealer([{ id: 'k1', secret: SECRET_A }]);

  it('round-trips a JSON value with its creation time', () => {
    const value = { user: 'ada', cart: [1, 2, { sku: 'x' }], nested: { ok: true, n: null } };
    const token = sealer.seal(value, { expiresAt: FAR, createdAt: 12_345 });
    const opened = sealer.unseal(token, 0);
    expect(opened).toEqual({ ok: true, value, createdAt: 12_345 });
  });

  it('round-trips arbitrary JSON values (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const token = sealer.seal(value, opts);
        const opened = sealer.unseal(token, 0);
        expect(opened.ok).toBe(true);
        if (opened.ok) expect(opened.value).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 200 },
    );
  });

  it('produces `v1.<keyId>.<base64url(iv|ciphertext|tag)>` that hides the value', () => {
    const value = { password: 'hunter2-visible-plaintext' };
    const token = sealer.seal(value, opts);
    const match = TOKEN.exec(token);
    expect(match).not.toBeNull();
    expect(match?.[1]).toBe('k1');
    const payload = match?.[2] as string;
    const body = Buffer.from(payload, 'base64url');
    expect(body.toString('base64url')).toBe(payload); // canonical, no padding
    // 12-byte IV + ciphertext (same length as the JSON plaintext under GCM) + 16-byte tag
    const plain = JSON.stringify({ e: opts.expiresAt, c: opts.createdAt, d: value });
    expect(body.length).toBe(12 + Buffer.byteLength(plain) + 16);
    expect(token).not.toContain('hunter2');
    expect(body.includes(Buffer.from('hunter2'))).toBe(false);
  });

  it('refuses a token of another version as malformed', () => {
    const token = sealer.seal({ a: 1 }, opts);
    expectFailure(sealer.unseal(`v2${token.slice(2)}`, 0), ['malformed']);
    expectFailure(sealer.unseal(`${token}.extra`, 0), ['malformed']);
    expectFailure(sealer.unseal('', 0), ['malformed']);
    expectFailure(sealer.unseal('v1.k1.', 0), ['malformed']);
    expectFailure(sealer.unseal('v1.k1.abc=', 0), ['malformed']);
  });

  describe('tampering', () => {
    // Several plaintext lengths, so the last base64url character has 0, 2 and 4 spare bits.
    const tokens = [{}, { a: 1 }, { ab: 1 }, { abc: 1 }, { a: 'x'.repeat(100) }].map((v) => sealer.seal(v, opts));

    it('rejects a change of any single character anywhere (property)', () => {
      const replacement = fc.oneof(
        fc.constantFrom(...B64URL),
        fc.constantFrom('.', '=', '+', '/', ' ', '\n', '%', 'é'),
      );
      // Positions anywhere, with extra weight on the last characters (base64url's spare bits).
      const position = fc.oneof(fc.nat(), fc.integer({ min: -3, max: -1 }));
      fc.assert(
        fc.property(fc.constantFrom(...tokens), position, replacement, (token, n, char) => {
          const at = n < 0 ? token.length + n : n % token.length;
          fc.pre(token[at] !== char);
          const tampered = token.slice(0, at) + char + token.slice(at + 1);
          expectFailure(sealer.unseal(tampered, 0), ['tampered', 'malformed', 'unknown_key']);
        }),
        { numRuns: 3_000 },
      );
    });

    it('rejects every base64url substitution of every payload character', () => {
      for (const token of tokens) {
        const start = token.lastIndexOf('.') + 1;
        for (let at = start; at < token.length; at++) {
          for (const char of B64URL) {
            if (char === token[at]) continue;
            const tampered = token.slice(0, at) + char + token.slice(at + 1);
            expectFailure(sealer.unseal(tampered, 0), ['tampered', 'malformed']);
          }
        }
      }
    });

    it('rejects a changed key id as an unknown key', () => {
      const token = sealer.seal({ a: 1 }, opts);
      for (const id of ['k2', 'K1', 'k', 'k1x']) {
        expectFailure(sealer.unseal(token.replace('v1.k1.', `v1.${id}.`), 0), ['unknown_key']);
      }
    });

    it('rejects a flipped bit of the body as tampered', () => {
      const token = sealer.seal({ a: 1 }, opts);
      const [, id, payload] = token.split('.') as [string, string, string];
      const body = Buffer.from(payload, 'base64url');
      for (let i = 0; i < body.length; i++) {
        const copy = Buffer.from(body);
        copy[i] = (copy[i] as number) ^ 0x01;
        expectFailure(sealer.unseal(`v1.${id}.${copy.toString('base64url')}`, 0), ['tampered']);
      }
    });

    it('rejects truncation at every length', () => {
      for (const token of tokens) {
        for (let length = 0; length < token.length; length++) {
          expectFailure(sealer.unseal(token.slice(0, length), 0), ['tampered', 'malformed', 'unknown_key']);
          if (length > 0) {
            expectFailure(sealer.unseal(token.slice(length), 0), ['tampered', 'malformed', 'unknown_key']);
          }
        }
      }
    });
  });

  describe('expiry', () => {
    it('is expired exactly when now >= expiresAt', () => {
      const token = sealer.seal({ a: 1 }, { expiresAt: 10_000, createdAt: 5_000 });
      expect(sealer.unseal(token, 9_999)).toEqual({ ok: true, value: { a: 1 }, createdAt: 5_000 });
      expectFailure(sealer.unseal(token, 10_000), ['expired']);
      expectFailure(sealer.unseal(token, 10_001), ['expired']);
      expectFailure(sealer.unseal(token, FAR), ['expired']);
    });

    it('uses the wall clock by default', () => {
      const live = sealer.seal({ a: 1 }, { expiresAt: Date.now() + 60_000, createdAt: Date.now() });
      const dead = sealer.seal({ a: 1 }, { expiresAt: Date.now() - 1, createdAt: Date.now() - 60_000 });
      expect(sealer.unseal(live).ok).toBe(true);
      expectFailure(sealer.unseal(dead), ['expired']);
    });

    it('cannot be extended by editing the token (expiry is inside the ciphertext)', () => {
      const token = sealer.seal({ a: 1 }, { expiresAt: 10_000, createdAt: 0 });
      const [, , payload] = token.split('.') as [string, string, string];
      const body = Buffer.from(payload, 'base64url');
      // Plaintext starts with {"e":10000 — flip a digit of the expiry in the ciphertext (CTR keystream).
      const at = 12 + '{"e":'.length;
      const copy = Buffer.from(body);
      copy[at] = (copy[at] as number) ^ ('1'.charCodeAt(0) ^ '9'.charCodeAt(0));
      expectFailure(sealer.unseal(`v1.k1.${copy.toString('base64url')}`, 20_000), ['tampered']);
    });
  });

  describe('key rotation', () => {
    const oldKey = { id: 'old', secret: SECRET_A };
    const newKey = { id: 'new', secret: SECRET_B };

    it('opens tokens of the old key and seals with the new one', () => {
      const before = new Sealer([oldKey]);
      const rotated = new Sealer([newKey, oldKey]);
      const oldToken = before.seal({ v: 'old' }, opts);
      expect(rotated.unseal(oldToken, 0)).toEqual({ ok: true, value: { v: 'old' }, createdAt: opts.createdAt });
      const newToken = rotated.seal({ v: 'new' }, opts);
      expect(TOKEN.exec(newToken)?.[1]).toBe('new');
      expect(rotated.unseal(newToken, 0).ok).toBe(true);
      // The previous deployment does not know the new key.
      expectFailure(before.unseal(newToken, 0), ['unknown_key']);
    });

    it('refuses tokens of a retired key as unknown_key', () => {
      const oldToken = new Sealer([oldKey]).seal({ v: 1 }, opts);
      expectFailure(new Sealer([newKey]).unseal(oldToken, 0), ['unknown_key']);
    });

    it('never tries another key: a token relabelled with another known id is tampered', () => {
      const rotated = new Sealer([newKey, oldKey]);
      const oldToken = new Sealer([oldKey]).seal({ v: 1 }, opts);
      expectFailure(rotated.unseal(oldToken.replace('v1.old.', 'v1.new.'), 0), ['tampered']);
      const newToken = rotated.seal({ v: 1 }, opts);
      expectFailure(rotated.unseal(newToken.replace('v1.new.', 'v1.old.'), 0), ['tampered']);
    });

    it('binds the key id through AAD even when two ids share one secret', () => {
      const twins = new Sealer([
        { id: 'a', secret: SECRET_A },
        { id: 'b', secret: SECRET_A },
      ]);
      const token = twins.seal({ v: 1 }, opts);
      expect(token.startsWith('v1.a.')).toBe(true);
      expect(twins.unseal(token, 0).ok).toBe(true);
      expectFailure(twins.unseal(token.replace('v1.a.', 'v1.b.'), 0), ['tampered']);
    });
  });

  describe('configuration', () => {
    it('refuses secrets shorter than 32 bytes', () => {
      configError(() => new Sealer(['x'.repeat(31)]));
      configError(() => new Sealer([{ id: 'k', secret: 'x'.repeat(31) }]));
      configError(() => new Sealer([{ id: 'k', secret: Buffer.alloc(31, 1) }]));
      // Bytes count, not characters: 16 x 'é' is 32 bytes, 15 x 'é' + 'a' is 31.
      expect(() => new Sealer(['é'.repeat(16)])).not.toThrow();
      configError(() => new Sealer([`${'é'.repeat(15)}a`]));
      // An old key is checked as strictly as the current one.
      configError(
        () =>
          new Sealer([
            { id: 'new', secret: SECRET_B },
            { id: 'old', secret: 'short' },
          ]),
      );
      expect(() => new Sealer(['x'.repeat(32)])).not.toThrow();
      expect(() => new Sealer([{ id: 'k', secret: Buffer.alloc(32, 1) }])).not.toThrow();
    });

    it('refuses duplicate key ids', () => {
      configError(
        () =>
          new Sealer([
            { id: 'same', secret: SECRET_A },
            { id: 'same', secret: SECRET_B },
          ]),
      );
      configError(() => new Sealer([SECRET_A, SECRET_A]));
    });

    it('refuses no keys and ids that would break the token format', () => {
      configError(() => new Sealer([]));
      for (const id of ['', 'a.b', 'a b', 'x'.repeat(33), 'é']) {
        configError(() => new Sealer([{ id, secret: SECRET_A }]));
      }
    });
  });

  it('never seals the same value to the same token (random IV)', () => {
    const tokens = new Set<string>();
    const ivs = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const token = sealer.seal({ same: true }, opts);
      tokens.add(token);
      ivs.add(
        Buffer.from(token.split('.')[2] as string, 'base64url')
          .subarray(0, 12)
          .toString('hex'),
      );
    }
    expect(tokens.size).toBe(200);
    expect(ivs.size).toBe(200);
  });

  describe('bare-string secrets', () => {
    it('get a stable, derived, non-secret key id', () => {
      const first = new Sealer([SECRET_A]).seal({ a: 1 }, opts);
      const second = new Sealer([SECRET_A]).seal({ a: 1 }, opts);
      const idA = TOKEN.exec(first)?.[1] as string;
      expect(idA).toMatch(/^[A-Za-z0-9_-]{8}$/);
      expect(TOKEN.exec(second)?.[1]).toBe(idA);
      expect(SECRET_A).not.toContain(idA);
      const idB = TOKEN.exec(new Sealer([SECRET_B]).seal({ a: 1 }, opts))?.[1];
      expect(idB).toMatch(/^[A-Za-z0-9_-]{8}$/);
      expect(idB).not.toBe(idA);
    });

    it('open each other across instances and rotate like keyed secrets', () => {
      const token = new Sealer([SECRET_A]).seal({ a: 1 }, opts);
      expect(new Sealer([SECRET_A]).unseal(token, 0)).toEqual({ ok: true, value: { a: 1 }, createdAt: 1_000 });
      expect(new Sealer([SECRET_B, SECRET_A]).unseal(token, 0).ok).toBe(true);
      expect(new Sealer([{ id: 'next', secret: SECRET_B }, SECRET_A]).unseal(token, 0).ok).toBe(true);
      expectFailure(new Sealer([SECRET_B]).unseal(token, 0), ['unknown_key']);
    });
  });
});
