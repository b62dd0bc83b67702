-- Migration 4: compaction — where the latest summary of the transcript stands, a load whose window
-- starts there, and a commit that checks and records a summary (TranscriptAppend.summary).
--
-- Placeholders as in 001_init.sql: {{schema}} the schema, {{name:sessions}} a prefixed name,
-- {{regclass:fence}} the fence sequence as a nextval() literal.

-- transcript_summary_seq: the seq of the latest summary entry (0: never compacted);
-- transcript_compacted_to: the last seq its range covers (summaries cover 1..compacted_to,
-- contiguously). Constant defaults: adding them rewrites no row.
ALTER TABLE {{schema}}.{{name:sessions}}
  ADD COLUMN transcript_summary_seq bigint NOT NULL DEFAULT 0,
  ADD COLUMN transcript_compacted_to bigint NOT NULL DEFAULT 0;

-- load: migration 1's load (same parameters and rows: load_owned calls it as before), whose
-- transcript window starts at the latest summary. The 'w' row carries the compacted-to seq (n3),
-- the 't' rows are the newest p_transcript entries after it, and an 's' row (text, seq) carries
-- the summary entry while it is still held (the limits may have dropped it).
CREATE OR REPLACE FUNCTION {{schema}}.{{name:load}}(p_id text, p_now bigint, p_idle bigint, p_lease_ttl bigint, p_transcript integer, p_cached bigint)
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
    IF s.lease_token IS NOT NULL AND s.lease_expires_at > db_now THEN
      RETURN QUERY SELECT 'busy'::text, NULL::text, NULL::text, s.lease_expires_at - db_now, NULL::bigint, NULL::bigint;
      RETURN;
    END IF;
    token := nextval({{regclass:fence}});
  END IF;
  -- As in migration 1: what a load writes need not wait for the WAL flush.
  PERFORM set_config('synchronous_commit', 'off', true);
  UPDATE {{schema}}.{{name:sessions}} SET
    idle_expires_at = least(p_now + p_idle, s.absolute_expires_at),
    lease_token = CASE WHEN token IS NULL THEN lease_token ELSE token END,
    lease_expires_at = CASE WHEN token IS NULL THEN lease_expires_at ELSE db_now + p_lease_ttl END
  WHERE id = p_id;
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
      s.transcript_compacted_to;
    -- One range scan of the primary key from the newest entry down to the summary's range.
    RETURN QUERY SELECT 't'::text, NULL::text, x.text, x.seq, NULL::bigint, NULL::bigint FROM (
      SELECT t.seq, t.text FROM {{schema}}.{{name:transcript}} t
      WHERE t.session_id = p_id AND t.seq > s.transcript_compacted_to ORDER BY t.seq DESC LIMIT p_transcript
    ) x ORDER BY x.seq;
    IF s.transcript_summary_seq > 0 THEN
      RETURN QUERY SELECT 's'::text, NULL::text, t.text, t.seq, NULL::bigint, NULL::bigint
        FROM {{schema}}.{{name:transcript}} t WHERE t.session_id = p_id AND t.seq = s.transcript_summary_seq;
    END IF;
  END IF;
END
$fn$;

-- commit_compacting: commit_owned (migration 2) plus a summary mark — p_summary_index (0-based,
-- in p_entries) is the summary of p_summary_from..p_summary_to. Without a mark it only forwards.
-- With one, the session row is locked first and the range checked where the transcript stands:
-- p_summary_from must be transcript_compacted_to + 1 and p_summary_to at most the last seq
-- before this commit. A range that does not fit is sent on as an impossible expected last seq,
-- so commit_owned answers exactly what it answers to a moved transcript ('conflict', NULL), after
-- its own checks (lease, liveness, keys) and before any write: nothing is written. On 'ok' the
-- mark is recorded in the same transaction.
CREATE FUNCTION {{schema}}.{{name:commit_compacting}}(
  p_id text, p_now bigint, p_idle bigint, p_abs bigint, p_lease bigint, p_merge boolean,
  p_created_at bigint, p_expired_until bigint,
  p_set_keys text[], p_set_texts text[], p_set_expected bigint[],
  p_del_keys text[], p_del_expected bigint[],
  p_entries text[], p_expected_last_seq bigint, p_max_entries bigint, p_max_bytes bigint,
  p_owner text, p_title text,
  p_summary_index bigint, p_summary_from bigint, p_summary_to bigint)
RETURNS TABLE (status text, detail text)
LANGUAGE plpgsql VOLATILE AS $fn$
#variable_conflict use_column
DECLARE
  s {{schema}}.{{name:sessions}}%ROWTYPE;
  live boolean;
  last_seq bigint := 0;
  compacted_to bigint := 0;
  expected bigint := p_expected_last_seq;
  r record;
BEGIN
  IF p_summary_index IS NULL THEN
    RETURN QUERY SELECT * FROM {{schema}}.{{name:commit_owned}}(p_id, p_now, p_idle, p_abs, p_lease, p_merge,
      p_created_at, p_expired_until, p_set_keys, p_set_texts, p_set_expected, p_del_keys, p_del_expected,
      p_entries, p_expected_last_seq, p_max_entries, p_max_bytes, p_owner, p_title);
    RETURN;
  END IF;
  -- The row commit_owned's commit locks too: taken here first, the check and the write see the
  -- same transcript.
  SELECT * INTO s FROM {{schema}}.{{name:sessions}} WHERE id = p_id FOR UPDATE;
  live := FOUND AND p_now < s.idle_expires_at AND p_now < s.absolute_expires_at;
  IF live THEN
    last_seq := s.transcript_last_seq;
    compacted_to := s.transcript_compacted_to;
  END IF;
  IF p_summary_from IS DISTINCT FROM compacted_to + 1 OR p_summary_to IS NULL
    OR p_summary_to < p_summary_from OR p_summary_to > last_seq
    OR p_summary_index < 0 OR p_summary_index >= coalesce(cardinality(p_entries), 0) THEN
    expected := -1;
  END IF;
  SELECT * INTO r FROM {{schema}}.{{name:commit_owned}}(p_id, p_now, p_idle, p_abs, p_lease, p_merge,
    p_created_at, p_expired_until, p_set_keys, p_set_texts, p_set_expected, p_del_keys, p_del_expected,
    p_entries, expected, p_max_entries, p_max_bytes, p_owner, p_title);
  IF r.status = 'ok' THEN
    UPDATE {{schema}}.{{name:sessions}} SET
      transcript_summary_seq = last_seq + p_summary_index + 1,
      transcript_compacted_to = p_summary_to
    WHERE id = p_id;
  END IF;
  RETURN QUERY SELECT r.status, r.detail;
END
$fn$;
