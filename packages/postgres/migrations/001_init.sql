-- Migration 1: sessions, entries, transcript, claims, load and commit functions.
--
-- Applied by migrate() (src/migrations.ts) inside its one transaction, under its advisory lock,
-- then recorded in the <prefix>migrations table. Append only: once shipped, this file is never
-- edited; a change is a new numbered file. Times are epoch milliseconds (bigint), as the store
-- contract speaks them.
--
-- Placeholders (the store's `schema` and `tablePrefix` options), replaced by the runner before the
-- text is sent; an unknown one is an error, so none is ever left in the SQL:
--   {{schema}}           the schema, a quoted identifier, e.g. "public"
--   {{name:sessions}}    the table prefix + `sessions`, a quoted identifier, e.g. "baton_sessions";
--                        objects are written {{schema}}.{{name:sessions}}, index names alone (an
--                        index lives in its table's schema)
--   {{regclass:fence}}   a string literal of the schema-qualified, quoted name, for nextval():
--                        e.g. '"public"."baton_fence"'
-- The runner does the quoting (a double quote in a name is doubled, a single quote in a literal is
-- doubled), so a placeholder is never written inside quotes here.

-- Fencing tokens come from one sequence: they only ever increase, even across destroy/re-create.
CREATE SEQUENCE {{schema}}.{{name:fence}};

-- One row per session: metadata, expiry, the lease (columns, never a held transaction) and the
-- transcript's last seq. fillfactor leaves room for HOT updates (a load slides idle_expires_at,
-- which no index covers).
CREATE TABLE {{schema}}.{{name:sessions}} (
  id text PRIMARY KEY,
  created_at bigint NOT NULL,
  absolute_expires_at bigint NOT NULL,
  idle_expires_at bigint NOT NULL,
  expired_until bigint NOT NULL,
  lease_token bigint,
  lease_expires_at bigint,
  transcript_last_seq bigint NOT NULL DEFAULT 0,
  version bigint NOT NULL DEFAULT 0,
  buried boolean NOT NULL DEFAULT false
) WITH (fillfactor = 80);
CREATE INDEX {{name:sessions_expired_until}} ON {{schema}}.{{name:sessions}} (expired_until);

-- One row per key: a commit writes only the keys it changed. text NULL: a key deleted in merge
-- mode, kept for its version (a concurrent set of it must still conflict).
CREATE TABLE {{schema}}.{{name:entries}} (
  session_id text NOT NULL REFERENCES {{schema}}.{{name:sessions}} (id) ON DELETE CASCADE,
  key text NOT NULL,
  text text,
  version bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (session_id, key)
);

-- Conversation memory: append-only entries numbered by seq (never reused).
CREATE TABLE {{schema}}.{{name:transcript}} (
  session_id text NOT NULL REFERENCES {{schema}}.{{name:sessions}} (id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  text text NOT NULL,
  PRIMARY KEY (session_id, seq)
);

-- Approval claims: the first claim of (scope, key) wins until expires_at.
CREATE TABLE {{schema}}.{{name:claims}} (
  scope text NOT NULL,
  key text NOT NULL,
  expires_at bigint NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX {{name:claims_expires_at}} ON {{schema}}.{{name:claims}} (expires_at);

-- load: one round trip. A function because each statement in a VOLATILE PL/pgSQL function takes
-- a fresh snapshot: the entries are read after the session row is locked, so a turn that takes
-- the lease sees everything the previous holder committed (one statement with CTEs would read
-- them from a snapshot taken before it waited for that holder's row lock).
-- Rows: a status row ('found' | 'missing' | 'expired' | 'busy'), then 'k' rows (key, text,
-- version), then with p_transcript a 'w' row (last seq, first seq) and 't' rows (text, seq).
CREATE FUNCTION {{schema}}.{{name:load}}(p_id text, p_now bigint, p_idle bigint, p_lease_ttl bigint, p_transcript integer, p_cached bigint)
RETURNS TABLE (kind text, name text, body text, n1 bigint, n2 bigint, n3 bigint)
LANGUAGE plpgsql VOLATILE AS $fn$
#variable_conflict use_column
DECLARE
  s {{schema}}.{{name:sessions}}%ROWTYPE;
  db_now bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
  token bigint;
BEGIN
  SELECT * INTO s FROM {{schema}}.{{name:sessions}} WHERE id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'missing'::text, NULL::text, NULL::text, NULL::bigint, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  IF p_now >= s.idle_expires_at OR p_now >= s.absolute_expires_at THEN
    RETURN QUERY SELECT CASE WHEN p_now < s.expired_until THEN 'expired' ELSE 'missing' END,
      NULL::text, NULL::text, NULL::bigint, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  IF p_lease_ttl IS NOT NULL THEN
    -- The lease lives on the database clock, so app servers with skewed clocks agree on it.
    IF s.lease_token IS NOT NULL AND s.lease_expires_at > db_now THEN
      RETURN QUERY SELECT 'busy'::text, NULL::text, NULL::text, s.lease_expires_at - db_now, NULL::bigint, NULL::bigint;
      RETURN;
    END IF;
    token := nextval({{regclass:fence}});
  END IF;
  -- What a load writes (the idle slide, the lease) need not wait for the WAL flush: lost in a
  -- crash, the lease is free again and its token fenced out (the row no longer holds it), and the
  -- idle expiry is a little earlier. Only a commit's data is flushed before it answers.
  PERFORM set_config('synchronous_commit', 'off', true);
  UPDATE {{schema}}.{{name:sessions}} SET
    idle_expires_at = least(p_now + p_idle, s.absolute_expires_at),
    lease_token = CASE WHEN token IS NULL THEN lease_token ELSE token END,
    lease_expires_at = CASE WHEN token IS NULL THEN lease_expires_at ELSE db_now + p_lease_ttl END
  WHERE id = p_id;
  -- The session cache (LoadOptions.cached): a process holding this version reads no keys.
  IF p_cached IS NOT NULL AND s.version > 0 AND p_cached = s.version THEN
    RETURN QUERY SELECT 'same'::text, s.version::text, NULL::text, s.created_at, s.absolute_expires_at, token;
  ELSE
    RETURN QUERY SELECT 'found'::text, s.version::text, NULL::text, s.created_at, s.absolute_expires_at, token;
    RETURN QUERY SELECT 'k'::text, e.key, e.text, e.version, NULL::bigint, NULL::bigint
      FROM {{schema}}.{{name:entries}} e WHERE e.session_id = p_id;
  END IF;
  IF p_transcript IS NOT NULL THEN
    RETURN QUERY SELECT 'w'::text, NULL::text, NULL::text, s.transcript_last_seq,
      coalesce((SELECT min(t.seq) FROM {{schema}}.{{name:transcript}} t WHERE t.session_id = p_id), s.transcript_last_seq + 1),
      NULL::bigint;
    RETURN QUERY SELECT 't'::text, NULL::text, x.text, x.seq, NULL::bigint, NULL::bigint FROM (
      SELECT t.seq, t.text FROM {{schema}}.{{name:transcript}} t WHERE t.session_id = p_id ORDER BY t.seq DESC LIMIT p_transcript
    ) x ORDER BY x.seq;
  END IF;
END
$fn$;

-- commit: one round trip, all or nothing. Every check (lease, liveness, versions, transcript
-- seq) runs before the first write, under the session row's lock, which every writer of a
-- session's keys takes first: the version check reads the latest committed versions.
-- Returns one row: ('ok' | 'stale' | 'missing' | 'conflict', the conflicting key or NULL).
CREATE FUNCTION {{schema}}.{{name:commit}}(
  p_id text, p_now bigint, p_idle bigint, p_abs bigint, p_lease bigint, p_merge boolean,
  p_created_at bigint, p_expired_until bigint,
  p_set_keys text[], p_set_texts text[], p_set_expected bigint[],
  p_del_keys text[], p_del_expected bigint[],
  p_entries text[], p_expected_last_seq bigint, p_max_entries bigint, p_max_bytes bigint)
RETURNS TABLE (status text, detail text)
LANGUAGE plpgsql VOLATILE AS $fn$
#variable_conflict use_column
DECLARE
  s {{schema}}.{{name:sessions}}%ROWTYPE;
  db_now bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
  held boolean;
  live boolean;
  creating boolean := p_created_at IS NOT NULL;
  conflict_key text;
  last_seq bigint;
  old_version bigint;
  new_version bigint;
BEGIN
  SELECT * INTO s FROM {{schema}}.{{name:sessions}} WHERE id = p_id FOR UPDATE;
  held := FOUND;
  live := held AND p_now < s.idle_expires_at AND p_now < s.absolute_expires_at;
  IF p_lease IS NOT NULL AND (NOT held OR s.lease_token IS DISTINCT FROM p_lease OR s.lease_expires_at <= db_now) THEN
    RETURN QUERY SELECT 'stale'::text, NULL::text;
    RETURN;
  END IF;
  IF NOT live AND NOT creating THEN
    RETURN QUERY SELECT 'missing'::text, NULL::text;
    RETURN;
  END IF;
  IF p_merge THEN
    SELECT x.k INTO conflict_key
      FROM unnest(p_set_keys || p_del_keys, p_set_expected || p_del_expected) AS x(k, v)
      LEFT JOIN {{schema}}.{{name:entries}} e ON live AND e.session_id = p_id AND e.key = x.k
      WHERE coalesce(e.version, 0) <> x.v
      LIMIT 1;
    IF conflict_key IS NOT NULL THEN
      RETURN QUERY SELECT 'conflict'::text, conflict_key;
      RETURN;
    END IF;
  END IF;
  last_seq := CASE WHEN live THEN s.transcript_last_seq ELSE 0 END;
  IF p_expected_last_seq IS NOT NULL AND last_seq <> p_expected_last_seq THEN
    RETURN QUERY SELECT 'conflict'::text, NULL::text;
    RETURN;
  END IF;

  IF creating THEN
    -- An expired session's id is re-used: its old data and tombstone go first.
    IF held AND NOT live THEN
      DELETE FROM {{schema}}.{{name:sessions}} WHERE id = p_id;
    END IF;
    INSERT INTO {{schema}}.{{name:sessions}} AS t (id, created_at, absolute_expires_at, idle_expires_at, expired_until)
      VALUES (p_id, p_created_at, p_abs, least(p_now + p_idle, p_abs), coalesce(p_expired_until, p_abs))
      ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at,
        absolute_expires_at = excluded.absolute_expires_at, expired_until = excluded.expired_until;
  END IF;
  IF cardinality(p_set_keys) > 0 THEN
    INSERT INTO {{schema}}.{{name:entries}} AS e (session_id, key, text, version)
      SELECT p_id, x.k, x.t, CASE WHEN p_merge THEN 1 ELSE 0 END FROM unnest(p_set_keys, p_set_texts) AS x(k, t)
      ON CONFLICT (session_id, key) DO UPDATE
        SET text = excluded.text, version = e.version + CASE WHEN p_merge THEN 1 ELSE 0 END;
  END IF;
  IF cardinality(p_del_keys) > 0 THEN
    IF p_merge THEN
      INSERT INTO {{schema}}.{{name:entries}} AS e (session_id, key, text, version)
        SELECT p_id, x.k, NULL, 1 FROM unnest(p_del_keys) AS x(k)
        ON CONFLICT (session_id, key) DO UPDATE SET text = NULL, version = e.version + 1;
    ELSE
      DELETE FROM {{schema}}.{{name:entries}} WHERE session_id = p_id AND key = ANY (p_del_keys);
    END IF;
  END IF;
  IF cardinality(p_entries) > 0 THEN
    INSERT INTO {{schema}}.{{name:transcript}} (session_id, seq, text)
      SELECT p_id, last_seq + x.o, x.t FROM unnest(p_entries) WITH ORDINALITY AS x(t, o);
    last_seq := last_seq + cardinality(p_entries);
  END IF;
  IF p_max_entries IS NOT NULL THEN
    DELETE FROM {{schema}}.{{name:transcript}} WHERE session_id = p_id AND seq <= last_seq - p_max_entries;
  END IF;
  IF p_max_bytes IS NOT NULL THEN
    -- Keep the newest entries whose texts total at most p_max_bytes.
    DELETE FROM {{schema}}.{{name:transcript}} WHERE session_id = p_id AND seq <= (
      SELECT max(y.seq) FROM (
        SELECT t.seq, sum(octet_length(t.text)) OVER (ORDER BY t.seq DESC) AS tail
        FROM {{schema}}.{{name:transcript}} t WHERE t.session_id = p_id
      ) y WHERE y.tail > p_max_bytes);
  END IF;
  -- The session's version (the per-process cache's key): a new, never reused number whenever keys
  -- change; a commit that only appends to the transcript keeps it.
  old_version := CASE WHEN live THEN s.version ELSE 0 END;
  new_version := old_version;
  IF creating OR cardinality(p_set_keys) > 0 OR cardinality(p_del_keys) > 0 THEN
    new_version := nextval({{regclass:fence}});
  END IF;
  UPDATE {{schema}}.{{name:sessions}} SET
    idle_expires_at = least(p_now + p_idle, p_abs),
    transcript_last_seq = last_seq,
    version = new_version,
    lease_token = CASE WHEN p_lease IS NULL THEN lease_token ELSE NULL END,
    lease_expires_at = CASE WHEN p_lease IS NULL THEN lease_expires_at ELSE NULL END
  WHERE id = p_id;
  RETURN QUERY SELECT 'ok'::text, new_version::text || ':' || old_version::text;
END
$fn$;
