/**
 * src/row-mapping.ts without a database: store requests to the functions' parameters, and the
 * functions' rows to store results and errors. The round trips themselves are
 * postgres-specific.test.ts and the store contract.
 */
import { describe, expect, it } from 'vitest';
import {
  commitParameters,
  commitResult,
  type LoadRow,
  loadParameters,
  loadResult,
  SENT_AT,
  transcriptWindow,
} from '../src/row-mapping.js';

const code = (expected: string, details?: Record<string, unknown>) =>
  expect.objectContaining(details ? { code: expected, details } : { code: expected });
const row = (kind: string, fields: Partial<Omit<LoadRow, 'kind'>> = {}): LoadRow => ({
  kind,
  name: null,
  body: null,
  n1: null,
  n2: null,
  n3: null,
  ...fields,
});

describe('loadParameters', () => {
  it('sends the lease TTL rounded up, the transcript window and a bigint cached version', () => {
    expect(
      loadParameters('s1', {
        idleTtlMs: 1_000,
        lease: { ttlMs: 1_500.2, waitMs: 0 },
        transcript: { last: 20 },
        cached: { version: '42' },
        owner: 'alice',
      }),
    ).toEqual(['s1', SENT_AT, 1_000, 1_501, 20, '42', 'alice']);
    expect(loadParameters('s1', { idleTtlMs: 1_000 })).toEqual(['s1', SENT_AT, 1_000, null, null, null, null]);
  });

  it('treats a cached version the database cannot have issued as no cache', () => {
    expect(loadParameters('s1', { idleTtlMs: 1, cached: { version: 'abc' } })[5]).toBeNull();
    expect(loadParameters('s1', { idleTtlMs: 1, cached: { version: '1'.repeat(19) } })[5]).toBeNull();
  });

  it('reads "now" when pg serializes the parameter, not when the call was made', () => {
    const before = Date.now();
    const sent = Number(SENT_AT.toPostgres());
    expect(sent).toBeGreaterThanOrEqual(before);
    expect(sent).toBeLessThanOrEqual(Date.now());
  });
});

describe('loadResult', () => {
  it('maps the status row of an absent, expired or leased session', () => {
    expect(loadResult([row('missing')], { idleTtlMs: 1 })).toEqual({ status: 'missing' });
    expect(loadResult([row('expired')], { idleTtlMs: 1 })).toEqual({ status: 'expired' });
    expect(loadResult([row('busy', { n1: '250' })], { idleTtlMs: 1, lease: { ttlMs: 1, waitMs: 1 } })).toBe('busy');
    expect(() => loadResult([row('what')], { idleTtlMs: 1 })).toThrow(code('INTERNAL'));
    expect(() => loadResult([], { idleTtlMs: 1 })).toThrow(code('INTERNAL'));
  });

  it('builds the session: texts, versions (a deleted key keeps its version only), lease and transcript', () => {
    const rows = [
      row('found', { name: '9', n1: '100', n2: '200', n3: '7' }),
      row('k', { name: 'a', body: '"x"', n1: '3' }),
      row('k', { name: 'b', body: '"y"', n1: '0' }),
      row('k', { name: 'gone', body: null, n1: '2' }),
      row('w', { n1: '5', n2: '4' }),
      row('t', { body: 'four', n1: '4' }),
      row('t', { body: 'five', n1: '5' }),
    ];
    const result = loadResult(rows, { idleTtlMs: 1, lease: { ttlMs: 1, waitMs: 1 }, transcript: { last: 2 } });
    expect(result).toEqual({
      status: 'found',
      lease: { token: 7 },
      session: {
        texts: new Map([
          ['a', '"x"'],
          ['b', '"y"'],
        ]),
        versions: new Map([
          ['a', 3],
          ['gone', 2],
        ]),
        createdAt: 100,
        absoluteExpiresAt: 200,
        version: '9',
        transcript: {
          entries: [
            { seq: 4, text: 'four' },
            { seq: 5, text: 'five' },
          ],
          lastSeq: 5,
          firstSeq: 4,
        },
      },
    });
  });

  it('reads a compacted window: the compacted-to seq (w n3) and the summary entry (s row)', () => {
    const transcriptOf = (r: ReturnType<typeof loadResult>) =>
      r !== 'busy' && r.status === 'found' ? r.session.transcript : undefined;
    const rows = [
      row('found', { name: '9', n1: '100', n2: '200' }),
      row('w', { n1: '8', n2: '1', n3: '4' }),
      row('t', { body: 'seven', n1: '7' }),
      row('t', { body: 'eight', n1: '8' }),
      row('s', { body: 'summary', n1: '7' }),
    ];
    const result = loadResult(rows, { idleTtlMs: 1, transcript: { last: 2 } });
    expect(transcriptOf(result)).toEqual({
      entries: [
        { seq: 7, text: 'seven' },
        { seq: 8, text: 'eight' },
      ],
      lastSeq: 8,
      firstSeq: 1,
      compactedTo: 4,
      summary: { seq: 7, text: 'summary' },
    });
    // Never compacted (n3 0): no compactedTo, no summary.
    const plain = loadResult([row('found', { name: '9', n1: '1', n2: '2' }), row('w', { n1: '3', n2: '1', n3: '0' })], {
      idleTtlMs: 1,
      transcript: { last: 2 },
    });
    expect(transcriptOf(plain)).toStrictEqual({
      entries: [],
      lastSeq: 3,
      firstSeq: 1,
    });
  });

  it('answers a current cache with an empty delta, and leaves out what was not asked for', () => {
    const result = loadResult([row('same', { name: '9', n1: '100', n2: '200' })], { idleTtlMs: 1 });
    expect(result).toEqual({
      status: 'found',
      session: {
        texts: new Map(),
        versions: new Map(),
        createdAt: 100,
        absoluteExpiresAt: 200,
        version: '9',
        delta: { deleted: [] },
      },
    });
    // Version 0 (the column's default) is no version: nothing a cache could be checked against.
    expect(loadResult([row('found', { name: '0', n1: '1', n2: '2' })], { idleTtlMs: 1 })).toStrictEqual({
      status: 'found',
      session: { texts: new Map(), versions: new Map(), createdAt: 1, absoluteExpiresAt: 2 },
    });
  });
});

describe('commitParameters', () => {
  it('sends only the changed keys, with their expected versions when merging', () => {
    const params = commitParameters('s1', {
      set: new Map([['a', '1']]),
      deleted: ['b'],
      idleTtlMs: 1_000,
      absoluteExpiresAt: 9_000,
      expectedVersions: new Map([['a', 3]]),
      lease: { token: 12 },
      transcript: { entries: ['hi'], expectedLastSeq: 4, maxEntries: 100 },
    });
    expect(params).toEqual([
      's1',
      SENT_AT,
      1_000,
      9_000,
      12,
      true,
      null,
      null,
      ['a'],
      ['1'],
      [3],
      ['b'],
      [0],
      ['hi'],
      4,
      100,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('sends a summary mark (compaction): its index and range, last', () => {
    const params = commitParameters('s1', {
      set: new Map(),
      deleted: [],
      idleTtlMs: 1,
      absoluteExpiresAt: 1,
      transcript: { entries: ['summary', 'hi'], summary: { index: 0, fromSeq: 3, toSeq: 9 } },
    });
    expect(params).toHaveLength(22);
    expect(params.slice(13, 15)).toEqual([['summary', 'hi'], null]);
    expect(params.slice(19)).toEqual([0, 3, 9]);
  });

  it('sends the creation: its absolute expiry and an expiredUntil defaulting to it', () => {
    const params = commitParameters('s1', {
      set: new Map(),
      deleted: [],
      idleTtlMs: 1,
      absoluteExpiresAt: 1,
      create: { createdAt: 10, absoluteExpiresAt: 500 },
    });
    expect(params.slice(3, 8)).toEqual([500, null, false, 10, 500]);
    expect(params.slice(17)).toEqual([null, null, null, null, null]);
    const owned = commitParameters('s1', {
      set: new Map(),
      deleted: [],
      idleTtlMs: 1,
      absoluteExpiresAt: 1,
      create: { createdAt: 10, absoluteExpiresAt: 500, owner: 'alice', title: 'Hello' },
    });
    expect(owned.slice(17)).toEqual(['alice', 'Hello', null, null, null]);
  });
});

describe('commitResult', () => {
  it('reads the new and previous version of a commit that went through', () => {
    expect(commitResult('s1', { status: 'ok', detail: '8:5' })).toEqual({ version: '8', previous: '5' });
    expect(commitResult('s1', { status: 'ok', detail: '8:0' })).toEqual({ version: '8' });
    expect(commitResult('s1', { status: 'ok', detail: '0:0' })).toBeUndefined();
  });

  it('throws the store contract error of a refused commit', () => {
    expect(() => commitResult('s1', { status: 'stale', detail: null })).toThrow(code('SESSION_BUSY', { id: 's1' }));
    expect(() => commitResult('s1', { status: 'conflict', detail: 'k' })).toThrow(
      code('SESSION_CONFLICT', { id: 's1', key: 'k' }),
    );
    expect(() => commitResult('s1', { status: 'conflict', detail: null })).toThrow(
      code('SESSION_CONFLICT', { id: 's1', reason: 'transcript' }),
    );
    expect(() => commitResult('s1', { status: 'missing', detail: null })).toThrow(
      code('SESSION_CONFLICT', { id: 's1', reason: 'missing' }),
    );
    expect(() => commitResult('s1', undefined)).toThrow(code('INTERNAL'));
  });
});

describe('transcriptWindow', () => {
  it('is undefined for a session that is not live (no window row)', () => {
    expect(transcriptWindow([])).toBeUndefined();
  });

  it('orders the page by seq; an empty transcript starts after its last seq', () => {
    expect(
      transcriptWindow([
        { kind: 'w', seq: '9', text: null, first: '3' },
        { kind: 't', seq: '9', text: 'nine', first: null },
        { kind: 't', seq: '8', text: 'eight', first: null },
      ]),
    ).toEqual({
      entries: [
        { seq: 8, text: 'eight' },
        { seq: 9, text: 'nine' },
      ],
      lastSeq: 9,
      firstSeq: 3,
    });
    expect(transcriptWindow([{ kind: 'w', seq: '4', text: null, first: null }])).toEqual({
      entries: [],
      lastSeq: 4,
      firstSeq: 5,
    });
  });
});
