-- Migration 3: turn logs (resume) — per session the running (or last) turn's log and its events,
-- and the functions that open, append to, heartbeat, end, read and stop it. One call each (one
-- round trip, one implicit transaction). Times are on the database clock, as leases are, so the
-- processes writing and reading a log agree on its producer's liveness whatever their clocks.
--
-- Placeholders as in 001_init.sql: {{schema}} the schema, {{name:turn_logs}} a prefixed name.

-- One log per session id, replaced by the next turn's. Not tied to the session's row: a log may
-- outlive it until it expires (destroy deletes both). event_count is the newest event's seq.
CREATE TABLE {{schema}}.{{name:turn_logs}} (
  session_id text PRIMARY KEY,
  turn_id text NOT NULL,
  meta text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'ended', 'stopped')),
  stop boolean NOT NULL DEFAULT false,
  truncated boolean NOT NULL DEFAULT false,
  event_count integer NOT NULL DEFAULT 0,
  event_bytes bigint NOT NULL DEFAULT 0,
  alive_until bigint NOT NULL,
  expires_at bigint NOT NULL,
  ttl_ms bigint NOT NULL,
  max_events integer NOT NULL,
  max_bytes bigint NOT NULL
);

-- Expired logs are dropped a few at a time by each open (and read as absent before that).
CREATE INDEX {{name:turn_logs_expires}} ON {{schema}}.{{name:turn_logs}} (expires_at);

CREATE TABLE {{schema}}.{{name:turn_events}} (
  session_id text NOT NULL REFERENCES {{schema}}.{{name:turn_logs}} (session_id) ON DELETE CASCADE,
  seq integer NOT NULL,
  text text NOT NULL,
  PRIMARY KEY (session_id, seq)
);

-- The database clock in ms since the epoch.
CREATE FUNCTION {{schema}}.{{name:turn_log_now}}() RETURNS bigint
LANGUAGE sql VOLATILE AS $fn$
  SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint
$fn$;

-- turn_log_open: replaces the session's log with a new running one of turn p_turn (no events),
-- and drops up to 16 expired logs of any session.
CREATE FUNCTION {{schema}}.{{name:turn_log_open}}(p_id text, p_turn text, p_meta text, p_alive bigint,
  p_ttl bigint, p_max_events integer, p_max_bytes bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_now bigint := {{schema}}.{{name:turn_log_now}}();
BEGIN
  DELETE FROM {{schema}}.{{name:turn_logs}} WHERE session_id IN (
    SELECT l.session_id FROM {{schema}}.{{name:turn_logs}} l
    WHERE l.expires_at <= v_now AND l.session_id <> p_id LIMIT 16 FOR UPDATE SKIP LOCKED);
  DELETE FROM {{schema}}.{{name:turn_events}} WHERE session_id = p_id;
  INSERT INTO {{schema}}.{{name:turn_logs}} AS l (session_id, turn_id, meta, status, alive_until, expires_at,
    ttl_ms, max_events, max_bytes)
  VALUES (p_id, p_turn, p_meta, 'running', v_now + p_alive, v_now + p_ttl, p_ttl, p_max_events, p_max_bytes)
  ON CONFLICT (session_id) DO UPDATE SET turn_id = excluded.turn_id, meta = excluded.meta, status = 'running',
    stop = false, truncated = false, event_count = 0, event_bytes = 0, alive_until = excluded.alive_until,
    expires_at = excluded.expires_at, ttl_ms = excluded.ttl_ms, max_events = excluded.max_events,
    max_bytes = excluded.max_bytes;
END
$fn$;

-- turn_log_append: appends p_events (all or nothing, within the log's bounds) to turn p_turn's
-- running log and refreshes its producer's liveness. An append past a bound is refused whole and
-- marks the log truncated; once truncated, every later append is refused. ok is false (and
-- nothing written) when the log is not p_turn's running one.
CREATE FUNCTION {{schema}}.{{name:turn_log_append}}(p_id text, p_turn text, p_events text[], p_alive bigint)
RETURNS TABLE (ok boolean, stopping boolean, written boolean)
LANGUAGE plpgsql VOLATILE AS $fn$
#variable_conflict use_column
DECLARE
  v_now bigint := {{schema}}.{{name:turn_log_now}}();
  l record;
  v_count integer := coalesce(cardinality(p_events), 0);
  v_bytes bigint;
BEGIN
  SELECT * INTO l FROM {{schema}}.{{name:turn_logs}} t
  WHERE t.session_id = p_id AND t.turn_id = p_turn AND t.status = 'running' AND t.expires_at > v_now
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT false, false, false;
    RETURN;
  END IF;
  SELECT coalesce(sum(octet_length(e)), 0) INTO v_bytes FROM unnest(p_events) e;
  IF NOT l.truncated AND l.event_count + v_count <= l.max_events AND l.event_bytes + v_bytes <= l.max_bytes THEN
    INSERT INTO {{schema}}.{{name:turn_events}} (session_id, seq, text)
    SELECT p_id, l.event_count + e.n, e.text FROM unnest(p_events) WITH ORDINALITY AS e(text, n);
    UPDATE {{schema}}.{{name:turn_logs}} SET event_count = event_count + v_count, event_bytes = event_bytes + v_bytes,
      alive_until = v_now + p_alive, expires_at = v_now + ttl_ms
    WHERE session_id = p_id;
    RETURN QUERY SELECT true, l.stop, true;
  ELSE
    UPDATE {{schema}}.{{name:turn_logs}} SET truncated = true, alive_until = v_now + p_alive,
      expires_at = v_now + ttl_ms
    WHERE session_id = p_id;
    RETURN QUERY SELECT true, l.stop, false;
  END IF;
END
$fn$;

-- turn_log_beat: the producer's heartbeat: refreshes its liveness, slides the log's expiry, and
-- tells whether a stop was requested. No row when the log is not p_turn's running one.
CREATE FUNCTION {{schema}}.{{name:turn_log_beat}}(p_id text, p_turn text, p_alive bigint)
RETURNS TABLE (stopping boolean)
LANGUAGE sql VOLATILE AS $fn$
  UPDATE {{schema}}.{{name:turn_logs}}
  SET alive_until = {{schema}}.{{name:turn_log_now}}() + p_alive,
    expires_at = {{schema}}.{{name:turn_log_now}}() + ttl_ms
  WHERE session_id = p_id AND turn_id = p_turn AND status = 'running'
    AND expires_at > {{schema}}.{{name:turn_log_now}}()
  RETURNING stop
$fn$;

-- turn_log_end: appends turn p_turn's last events (never refused by the bounds) and ends its
-- running log with p_status ('ended' or 'stopped'); it expires ttl_ms later. Nothing is written
-- when the log is not p_turn's running one.
CREATE FUNCTION {{schema}}.{{name:turn_log_end}}(p_id text, p_turn text, p_status text, p_events text[])
RETURNS void
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_now bigint := {{schema}}.{{name:turn_log_now}}();
  v_last integer;
  v_count integer := coalesce(cardinality(p_events), 0);
BEGIN
  SELECT t.event_count INTO v_last FROM {{schema}}.{{name:turn_logs}} t
  WHERE t.session_id = p_id AND t.turn_id = p_turn AND t.status = 'running' AND t.expires_at > v_now
  FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  INSERT INTO {{schema}}.{{name:turn_events}} (session_id, seq, text)
  SELECT p_id, v_last + e.n, e.text FROM unnest(p_events) WITH ORDINALITY AS e(text, n);
  UPDATE {{schema}}.{{name:turn_logs}} SET status = p_status, event_count = v_last + v_count,
    expires_at = v_now + ttl_ms
  WHERE session_id = p_id;
END
$fn$;

-- turn_log_read: the session's live log, first a row without seq (its turn, meta, status, whether
-- its producer is alive, stop, truncated, the newest seq), then its events after p_after (at most
-- p_limit, by seq). No row when there is no live log. Reads only.
CREATE FUNCTION {{schema}}.{{name:turn_log_read}}(p_id text, p_after bigint, p_limit bigint)
RETURNS TABLE (seq integer, text text, turn_id text, meta text, status text, alive boolean, stop boolean,
  truncated boolean, last_seq integer)
LANGUAGE plpgsql VOLATILE AS $fn$
#variable_conflict use_column
DECLARE
  v_now bigint := {{schema}}.{{name:turn_log_now}}();
  l record;
BEGIN
  SELECT * INTO l FROM {{schema}}.{{name:turn_logs}} t WHERE t.session_id = p_id AND t.expires_at > v_now;
  IF NOT FOUND THEN RETURN; END IF;
  RETURN QUERY SELECT NULL::integer, NULL::text, l.turn_id, l.meta, l.status,
    l.status = 'running' AND l.alive_until > v_now, l.stop, l.truncated, l.event_count;
  RETURN QUERY SELECT e.seq, e.text, NULL::text, NULL::text, NULL::text, NULL::boolean, NULL::boolean,
    NULL::boolean, NULL::integer
  FROM {{schema}}.{{name:turn_events}} e
  WHERE e.session_id = p_id AND e.seq > p_after
  ORDER BY e.seq LIMIT p_limit;
END
$fn$;

-- turn_log_stop: requests a stop of the session's running turn (a flag its producer reads back);
-- its turn id, or no row when no turn runs. Does not slide the log's expiry.
CREATE FUNCTION {{schema}}.{{name:turn_log_stop}}(p_id text)
RETURNS TABLE (turn_id text)
LANGUAGE sql VOLATILE AS $fn$
  UPDATE {{schema}}.{{name:turn_logs}} SET stop = true
  WHERE session_id = p_id AND status = 'running' AND expires_at > {{schema}}.{{name:turn_log_now}}()
  RETURNING turn_id
$fn$;
