import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/index.js';
import { assertSessionId, isSessionId, newSessionId } from '../../src/session/session-id.js';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const N = 10_000;

/**
 * Per-position chi-square statistics of a sample of 22-character ids. 16 bytes = 128 bits fill
 * 21 characters (126 bits) plus 2 bits: positions 0..20 range over all 64 characters, the last
 * over the 4 characters whose low 4 bits are zero (A, Q, g, w).
 */
function chiSquares(ids: readonly string[]): { statistic: number; df: number }[] {
  const results: { statistic: number; df: number }[] = [];
  for (let position = 0; position < 22; position++) {
    const alphabet = position === 21 ? 'AQgw' : B64URL;
    const counts = new Map<string, number>([...alphabet].map((c) => [c, 0]));
    let outside = 0;
    for (const id of ids) {
      const char = id[position] ?? '';
      const count = counts.get(char);
      if (count === undefined) outside++;
      else counts.set(char, count + 1);
    }
    const expected = ids.length / alphabet.length;
    let statistic = outside === 0 ? 0 : Number.POSITIVE_INFINITY;
    for (const count of counts.values()) statistic += (count - expected) ** 2 / expected;
    results.push({ statistic, df: alphabet.length - 1 });
  }
  return results;
}

/**
 * Loose bound: mean df, sd sqrt(2 df); mean + 10 sd has a false-alarm probability far below
 * 1e-9 per position (df 63 -> 175.6; df 3 -> 27.5), yet any real bias over 10 000 ids blows past it.
 */
const looksUniform = (ids: readonly string[]): boolean =>
  chiSquares(ids).every(({ statistic, df }) => statistic < df + 10 * Math.sqrt(2 * df));

describe('newSessionId', () => {
  const ids = Array.from({ length: N }, () => newSessionId());

  it('is 22 base64url characters (16 bytes, no padding)', () => {
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
      expect(Buffer.from(id, 'base64url').toString('base64url')).toBe(id);
      expect(isSessionId(id)).toBe(true);
    }
  });

  it('gives 10 000 distinct ids', () => {
    expect(new Set(ids).size).toBe(N);
  });

  it('spreads characters uniformly at every position (chi-square)', () => {
    const stats = chiSquares(ids);
    for (const [position, { statistic, df }] of stats.entries()) {
      expect(statistic, `position ${position}`).toBeLessThan(df + 10 * Math.sqrt(2 * df));
    }
    // Pooled over positions 0..20 the sum is chi-square with 21*63 df: tighter still.
    const pooled = stats.slice(0, 21).reduce((sum, s) => sum + s.statistic, 0);
    expect(pooled).toBeLessThan(21 * 63 + 8 * Math.sqrt(2 * 21 * 63));
    expect(pooled).toBeGreaterThan(21 * 63 - 8 * Math.sqrt(2 * 21 * 63)); // not suspiciously regular
  });

  it('the uniformity check itself rejects constant, counter and weak ids', () => {
    expect(looksUniform(ids)).toBe(true);
    const constant = Array.from({ length: N }, () => 'A'.repeat(22));
    const counterBE = Array.from({ length: N }, (_, i) => {
      const b = Buffer.alloc(16);
      b.writeUInt32BE(i, 12);
      return b.toString('base64url');
    });
    const counterLE = Array.from({ length: N }, (_, i) => {
      const b = Buffer.alloc(16);
      b.writeUInt32LE(i, 0);
      return b.toString('base64url');
    });
    // Math.random-like but only 8 random bytes, zero padded.
    const halfRandom = Array.from({ length: N }, () =>
      Buffer.concat([Buffer.from(newSessionId(), 'base64url').subarray(0, 8), Buffer.alloc(8)]).toString('base64url'),
    );
    // Hex ids of the right length only use 16 of the 64 characters.
    const hex = Array.from({ length: N }, () => Buffer.from(newSessionId(), 'base64url').toString('hex').slice(0, 22));
    for (const weak of [constant, counterBE, counterLE, halfRandom, hex]) expect(looksUniform(weak)).toBe(false);
  });
});

describe('isSessionId', () => {
  const b64Char = fc.constantFrom(...B64URL);
  const idOf = (length: number) => fc.string({ unit: b64Char, minLength: length, maxLength: length });

  it('accepts exactly 22 base64url characters', () => {
    fc.assert(
      fc.property(idOf(22), (id) => {
        expect(isSessionId(id)).toBe(true);
      }),
    );
    expect(isSessionId('A'.repeat(22))).toBe(true);
    expect(isSessionId('-'.repeat(22))).toBe(true);
    expect(isSessionId('_'.repeat(22))).toBe(true);
  });

  it('rejects any other length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 64 }).filter((n) => n !== 22),
        fc.nat(),
        (length, seed) => {
          const id = Array.from({ length }, (_, i) => B64URL[(seed + i * 7) % 64]).join('');
          expect(isSessionId(id)).toBe(false);
        },
      ),
    );
    const id = newSessionId();
    expect(isSessionId(id.slice(1))).toBe(false); // 21
    expect(isSessionId(`${id}A`)).toBe(false); // 23
    expect(isSessionId('')).toBe(false);
  });

  it('rejects a single foreign character at any position', () => {
    const foreign = fc.constantFrom('=', '+', '/', ' ', '.', '\n', '\t', '\0', 'é', '%', '~', '*');
    fc.assert(
      fc.property(idOf(22), fc.integer({ min: 0, max: 21 }), foreign, (id, at, char) => {
        expect(isSessionId(id.slice(0, at) + char + id.slice(at + 1))).toBe(false);
      }),
    );
    const id = newSessionId();
    expect(isSessionId(`${id.slice(0, 20)}==`)).toBe(false); // padded
    expect(isSessionId(`${id.slice(0, 21)}=`)).toBe(false);
    expect(isSessionId(` ${id.slice(1)}`)).toBe(false);
    expect(isSessionId(`${id.slice(1)} `)).toBe(false);
    expect(isSessionId(`${id}\n`)).toBe(false);
    expect(isSessionId(Buffer.from(id, 'base64url').toString('base64'))).toBe(false); // standard base64 is 24
  });

  it('rejects non-strings', () => {
    const id = newSessionId();
    for (const value of [undefined, null, 0, true, {}, [id], { id }, Buffer.from(id), new String(id)]) {
      expect(isSessionId(value)).toBe(false);
    }
  });

  it('assertSessionId throws SESSION_ID_INVALID (400) for anything else', () => {
    expect(() => assertSessionId(newSessionId())).not.toThrow();
    for (const bad of ['short', `${'A'.repeat(21)}=`, 42, undefined]) {
      try {
        assertSessionId(bad);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(BatonError);
        expect((error as BatonError).code).toBe('SESSION_ID_INVALID');
        expect((error as BatonError).status).toBe(400);
      }
    }
  });
});
