-- Migration 2: owners — a session's owner and title, its last activity, the per-owner index, and
-- the owner-checking load and commit (wrappers of migration 1's functions, which stay as they are).
--
-- Placeholders as in 001_init.sql: {{schema}} the schema, {{name:sessions}} a prefixed name.

-- owner NULL: created anonymously (answers anyone, as before owners). updated_at: the last commit
-- that wrote (the list's order); NULL for anonymous sessions, which are never listed.
ALTER TABLE {{schema}}.{{name:sessions}}
  ADD COLUMN owner text,
  ADD COLUMN title text,
  ADD COLUMN updated_at bigint;

-- An owner's page: newest activity first, ties by id — one index range scan from the cursor.
CREATE INDEX {{name:sessions_owner}} ON {{schema}}.{{name:sessions}} (owner, updated_at DESC, id DESC)
  WHERE owner IS NOT NULL;

-- load_owned: migration 1's load, for a caller p_owner (NULL: anonymous). A session owned by
-- someone else answers 'missing' before anything is locked, leased or slid: exactly what an id
-- never held answers. An owner never changes once recorded, so the check needs no lock. After the
-- load's rows, an 'o' row carries the owner (name) and title (body) of an owned session.
CREATE FUNCTION {{schema}}.{{name:load_owned}}(p_id text, p_now bigint, p_idle bigint, p_lease_ttl bigint, p_transcript integer, p_cached bigint, p_owner text)
RETURNS TABLE (kind text, name text, body text, n1 bigint, n2 bigint, n3 bigint)
LANGUAGE plpgsql VOLATILE AS $fn$
#variable_conflict use_column
DECLARE
  o text;
  t text;
BEGIN
  SELECT s.owner, s.title INTO o, t FROM {{schema}}.{{name:sessions}} s WHERE s.id = p_id;
  IF o IS NOT NULL AND o IS DISTINCT FROM p_owner THEN
    RETURN QUERY SELECT 'missing'::text, NULL::text, NULL::text, NULL::bigint, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  RETURN QUERY SELECT * FROM {{schema}}.{{name:load}}(p_id, p_now, p_idle, p_lease_ttl, p_transcript, p_cached);
  IF o IS NOT NULL THEN
    RETURN QUERY SELECT 'o'::text, o, coalesce(t, ''), NULL::bigint, NULL::bigint, NULL::bigint;
  END IF;
END
$fn$;

-- commit_owned: migration 1's commit, in the same transaction as the owner's bookkeeping. A
-- session owned by someone else than p_owner answers 'missing' and nothing is written. A creating
-- commit with p_owner records the owner and title; every write of an owned session stamps
-- updated_at (its place in the owner's list).
CREATE FUNCTION {{schema}}.{{name:commit_owned}}(
  p_id text, p_now bigint, p_idle bigint, p_abs bigint, p_lease bigint, p_merge boolean,
  p_created_at bigint, p_expired_until bigint,
  p_set_keys text[], p_set_texts text[], p_set_expected bigint[],
  p_del_keys text[], p_del_expected bigint[],
  p_entries text[], p_expected_last_seq bigint, p_max_entries bigint, p_max_bytes bigint,
  p_owner text, p_title text)
RETURNS TABLE (status text, detail text)
LANGUAGE plpgsql VOLATILE AS $fn$
#variable_conflict use_column
DECLARE
  o text;
  r record;
BEGIN
  SELECT s.owner INTO o FROM {{schema}}.{{name:sessions}} s WHERE s.id = p_id;
  IF FOUND AND p_created_at IS NULL AND o IS DISTINCT FROM p_owner THEN
    RETURN QUERY SELECT 'missing'::text, NULL::text;
    RETURN;
  END IF;
  SELECT * INTO r FROM {{schema}}.{{name:commit}}(p_id, p_now, p_idle, p_abs, p_lease, p_merge, p_created_at,
    p_expired_until, p_set_keys, p_set_texts, p_set_expected, p_del_keys, p_del_expected, p_entries,
    p_expected_last_seq, p_max_entries, p_max_bytes);
  IF r.status = 'ok' AND p_owner IS NOT NULL THEN
    UPDATE {{schema}}.{{name:sessions}} SET
      owner = CASE WHEN p_created_at IS NULL THEN owner ELSE p_owner END,
      title = CASE WHEN p_created_at IS NULL THEN title ELSE coalesce(p_title, '') END,
      updated_at = p_now
    WHERE id = p_id;
  ELSIF r.status = 'ok' AND p_created_at IS NOT NULL THEN
    -- A re-created id (an expired one re-used) starts anonymous.
    UPDATE {{schema}}.{{name:sessions}} SET owner = NULL, title = NULL, updated_at = NULL
    WHERE id = p_id AND owner IS NOT NULL;
  END IF;
  RETURN QUERY SELECT r.status, r.detail;
END
$fn$;
