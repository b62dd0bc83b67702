import {
  BatonError,
  type CommitRequest,
  type CommitResult,
  type LoadOptions,
  type LoadResult,
  type StoredSession,
  type TranscriptEntry,
  type TranscriptWindow,
} from '@baton/core/store';

/**
 * "Now" (epoch ms) as a query parameter, read when pg serializes the parameters — once a pooled
 * connection is ready and the query goes out — not when the call was made: time spent waiting
 * for a connection (opening one takes tens of ms, more under load) must not age a claim or an
 * idle expiry before it is even written.
 */
export const SENT_AT = { toPostgres: (): string => String(Date.now()) };

/**
 * A row of the load function. One shape for every kind of row, so the session, its keys and its
 * transcript come back from one call: `kind` says which columns mean what (see migrations/001_init.sql).
 */
export type LoadRow = {
  kind: string;
  name: string | null;
  body: string | null;
  n1: string | null;
  n2: string | null;
  n3: string | null;
};

/** The row of the commit function: a status and, for a key conflict or a success, a detail. */
export type CommitRow = { status: string; detail: string | null };

/** A row of the read-transcript statement: one 'w' row (last and first seq), then 't' rows. */
export type TranscriptRow = { kind: string; seq: string; text: string | null; first: string | null };

/** The load function's parameters for a load of `id`. */
export function loadParameters(id: string, options: LoadOptions): unknown[] {
  const { lease } = options;
  return [
    id,
    SENT_AT,
    options.idleTtlMs,
    lease ? Math.ceil(lease.ttlMs) : null,
    options.transcript?.last ?? null,
    // A version that is not a bigint cannot be the database's: it means "no cache", not an error.
    options.cached && /^\d{1,18}$/.test(options.cached.version) ? options.cached.version : null,
    options.owner ?? null,
  ];
}

/** What the load function's rows say: a {@link LoadResult}, or `'busy'` when another turn holds the lease. */
export function loadResult(rows: LoadRow[], options: LoadOptions): LoadResult | 'busy' {
  const status = rows[0]?.kind;
  if (status === 'missing') return { status: 'missing' };
  if (status === 'expired') return { status: 'expired' };
  if (status === 'found' || status === 'same') {
    return found(rows, options.lease !== undefined, options.transcript !== undefined);
  }
  if (status === 'busy') return 'busy';
  throw new BatonError('INTERNAL', `Unexpected reply from the load function: ${String(status)}`);
}

function found(rows: LoadRow[], leased: boolean, withTranscript: boolean): LoadResult {
  const head = rows[0] as LoadRow;
  const texts = new Map<string, string>();
  const versions = new Map<string, number>();
  const entries: TranscriptEntry[] = [];
  let window: { lastSeq: number; firstSeq: number; compactedTo?: number } | undefined;
  let summary: TranscriptEntry | undefined;
  let owned: { owner: string; title: string } | undefined;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as LoadRow;
    if (row.kind === 'k') {
      const version = Number(row.n1);
      if (row.body !== null) texts.set(row.name as string, row.body);
      if (version > 0) versions.set(row.name as string, version);
    } else if (row.kind === 't') {
      entries.push({ seq: Number(row.n1), text: row.body as string });
    } else if (row.kind === 'o') {
      owned = { owner: row.name as string, title: row.body ?? '' };
    } else if (row.kind === 'w') {
      window = { lastSeq: Number(row.n1), firstSeq: Number(row.n2) };
      // Compaction (migration 4): n3 is the end of the latest summary's range (0: never compacted).
      const compactedTo = Number(row.n3 ?? 0);
      if (compactedTo > 0) window.compactedTo = compactedTo;
    } else if (row.kind === 's') {
      summary = { seq: Number(row.n1), text: row.body as string };
    }
  }
  const session: StoredSession = {
    texts,
    versions,
    createdAt: Number(head.n1),
    absoluteExpiresAt: Number(head.n2),
  };
  if (head.name && head.name !== '0') session.version = head.name;
  // 'same': the process's cached copy is current; no key was read (a delta of nothing).
  if (head.kind === 'same') session.delta = { deleted: [] };
  if (withTranscript && window) {
    session.transcript = { entries, ...window };
    if (summary && window.compactedTo !== undefined) session.transcript.summary = summary;
  }
  if (owned) Object.assign(session, owned);
  return leased ? { status: 'found', session, lease: { token: Number(head.n3) } } : { status: 'found', session };
}

/** The commit function's 22 parameters for a commit of `id`: only the changed keys travel. */
export function commitParameters(id: string, request: CommitRequest): unknown[] {
  const merge = request.expectedVersions;
  const setKeys = [...request.set.keys()];
  const transcript = request.transcript;
  return [
    id,
    SENT_AT,
    request.idleTtlMs,
    request.create ? request.create.absoluteExpiresAt : request.absoluteExpiresAt,
    request.lease ? request.lease.token : null,
    merge !== undefined,
    request.create ? request.create.createdAt : null,
    request.create ? (request.create.expiredUntil ?? request.create.absoluteExpiresAt) : null,
    setKeys,
    [...request.set.values()],
    setKeys.map((key) => merge?.get(key) ?? 0),
    request.deleted,
    request.deleted.map((key) => merge?.get(key) ?? 0),
    transcript?.entries ?? [],
    transcript?.expectedLastSeq ?? null,
    transcript?.maxEntries ?? null,
    transcript?.maxBytes ?? null,
    request.owner ?? request.create?.owner ?? null,
    request.create?.owner ? (request.create.title ?? '') : null,
    // Compaction: which entry is a summary, of which range (null: none).
    transcript?.summary?.index ?? null,
    transcript?.summary?.fromSeq ?? null,
    transcript?.summary?.toSeq ?? null,
  ];
}

/**
 * What the commit function's row says: the new version (undefined when no key changed), or the
 * store contract's error — SESSION_BUSY for a lost lease, SESSION_CONFLICT for a concurrent change
 * or a session gone. Nothing was written unless it returns.
 */
export function commitResult(id: string, reply: CommitRow | undefined): CommitResult | undefined {
  switch (reply?.status) {
    case 'ok': {
      const [version = '0', previous = '0'] = (reply.detail ?? '').split(':');
      if (version === '0') return undefined;
      return previous === '0' ? { version } : { version, previous };
    }
    case 'stale':
      throw new BatonError('SESSION_BUSY', 'The lease of this session expired or was taken over; nothing written', {
        id,
      });
    case 'conflict':
      if (reply.detail === null) {
        throw new BatonError('SESSION_CONFLICT', 'The transcript was appended to by a concurrent turn', {
          id,
          reason: 'transcript',
        });
      }
      throw new BatonError('SESSION_CONFLICT', `Key "${reply.detail}" was changed by a concurrent turn`, {
        id,
        key: reply.detail,
      });
    case 'missing':
      throw new BatonError('SESSION_CONFLICT', 'The session expired or was destroyed during this turn', {
        id,
        reason: 'missing',
      });
    default:
      throw new BatonError('INTERNAL', `Unexpected reply from the commit function: ${String(reply?.status)}`);
  }
}

/** The transcript page the read-transcript rows hold, or undefined when the session is not live. */
export function transcriptWindow(rows: TranscriptRow[]): TranscriptWindow | undefined {
  const head = rows.find((row) => row.kind === 'w');
  if (!head) return undefined;
  const lastSeq = Number(head.seq);
  const entries: TranscriptEntry[] = rows
    .filter((row) => row.kind === 't')
    .map((row) => ({ seq: Number(row.seq), text: row.text as string }))
    .sort((a, b) => a.seq - b.seq);
  return { entries, lastSeq, firstSeq: head.first === null ? lastSeq + 1 : Number(head.first) };
}
