-- load: reads a session for a turn; in lease mode takes its lease first; slides its idle timeout.
--
-- KEYS[1] hash           the session hash (`<prefix>s:{<id>}`)
-- KEYS[2] transcript     the transcript list (`<prefix>t:{<id>}`)
-- KEYS[3] tombstone      present while the session reads `expired` (`<prefix>x:{<id>}`)
--
-- ARGV[1] now            ms since the epoch
-- ARGV[2] idleTtlMs      the idle timeout to slide to (never past `m:a`)
-- ARGV[3] leaseTtlMs     how long the lease taken holds; '' takes no lease
-- ARGV[4] cachedVersion  the version the caller holds (`m:s`); '' for none
-- ARGV[5] transcriptLast how many newest transcript entries to return; '' for none
-- ARGV[6] owner          who asks (owners); '' for an anonymous caller
--
-- Replies: {'missing'} | {'expired'} | {'busy', heldForMs}
--   | {status, token, createdAt, absoluteExpiresAt, version, window, owner, title, ...} with status
--   'same' (nothing follows), 'delta' (then key, text|nil, version|nil per changed key) or
--   'found' (then the HGETALL of the hash). `window` is {lastSeq, firstSeq, texts, compactedTo,
--   summarySeq, summaryText|false} when ARGV[5] asked for it, else {}; after a compaction the texts
--   are only entries after the latest summary's range (`t:c`), whose text comes apart (`t:s`). `token` is the lease's fencing token (0 without a lease). `owner` and
--   `title` are '' for an anonymous session. A session owned by someone else than ARGV[6] (or
--   its tombstone, which holds the owner) answers {'missing'} before anything is taken or slid.
--
-- Commands: one HMGET, one HSET (lease mode), one PEXPIRE (plus the transcript's PEXPIRE and
-- LRANGE with conversation memory). The lease lives in the hash (`m:f`, `m:e`) rather than in
-- a key of its own because checking and releasing a separate key would cost commands per turn.

local now = tonumber(ARGV[1])
local idleTtl = tonumber(ARGV[2])
local leaseTtl = ARGV[3]
local cached = ARGV[4] or ''
local transcriptLast = ARGV[5] or ''

local owner = ARGV[6] or ''
local m = redis.call('HMGET', KEYS[1], 'm:a', 'm:c', 'm:s', 'm:h', 'm:f', 'm:e', 'm:w', 't:l', 'm:o', 'm:t', 't:s', 't:c')
if m[9] and m[9] ~= owner then return {'missing'} end
local abs = tonumber(m[1])
if abs == nil then
  -- Redis deletes an expired hash by itself: only the tombstone tells expired from never created.
  -- An owned session's tombstone holds its owner ('1' for an anonymous one).
  local tomb = redis.call('GET', KEYS[3])
  if tomb and (tomb == '1' or tomb == owner) then return {'expired'} end
  return {'missing'}
end
if abs <= now then return {'expired'} end
local token = 0
if leaseTtl ~= '' then
  local until_ = tonumber(m[6] or '0') or 0
  if until_ > now then
    -- Mark the session as waited for: the commit or release that frees the lease publishes.
    if m[7] ~= '1' then redis.call('HSET', KEYS[1], 'm:w', '1') end
    return {'busy', until_ - now}
  end
  token = (tonumber(m[5] or '0') or 0) + 1
  redis.call('HSET', KEYS[1], 'm:f', token, 'm:e', now + tonumber(leaseTtl))
end
redis.call('PEXPIRE', KEYS[1], math.min(idleTtl, abs - now))
-- Conversation memory: the list lives as long as the hash; only the window is read.
local transcript = {}
if m[8] then redis.call('PEXPIRE', KEYS[2], math.min(idleTtl, abs - now)) end
if transcriptLast ~= '' then
  local last = tonumber(m[8] or '0')
  local held = 0
  local window = {}
  -- Compaction: only entries after the latest summary's range (`t:c`), and that summary (`t:s`).
  local compactedTo = tonumber(m[12] or '0') or 0
  local summarySeq = tonumber(m[11] or '0') or 0
  local summary = false
  if m[8] then
    held = redis.call('LLEN', KEYS[2])
    local first = last - held + 1
    local want = math.min(tonumber(transcriptLast), held, last - math.max(compactedTo, first - 1))
    if want > 0 then window = redis.call('LRANGE', KEYS[2], -want, -1) end
    if summarySeq >= first then summary = redis.call('LINDEX', KEYS[2], summarySeq - first) end
  end
  transcript = {last, last - held + 1, window, compactedTo, summarySeq, summary}
end
local version = m[3] or ''
if cached ~= '' and version ~= '' then
  if cached == version then return {'same', token, m[2], m[1], version, transcript, m[9] or '', m[10] or ''} end
  -- `m:h` lists the last versions with the keys each changed: from a listed version, only the
  -- keys changed since are read. A '*' entry (too many keys) ends the walk: read everything.
  local ok, history = pcall(cjson.decode, m[4] or '[]')
  if ok and type(history) == 'table' then
    local seen, changed, keys = false, {}, {}
    for _, entry in ipairs(history) do
      if seen then
        if type(entry[2]) ~= 'table' then seen = false break end
        for _, key in ipairs(entry[2]) do
          if not changed[key] then
            changed[key] = true
            keys[#keys + 1] = key
          end
        end
      elseif entry[1] == cached then
        seen = true
      end
    end
    if seen and #keys <= 256 then
      local out = {'delta', token, m[2], m[1], version, transcript, m[9] or '', m[10] or ''}
      if #keys > 0 then
        local fields = {}
        for i, key in ipairs(keys) do
          fields[2 * i - 1] = 'd:' .. key
          fields[2 * i] = 'v:' .. key
        end
        local values = redis.call('HMGET', KEYS[1], unpack(fields))
        for i, key in ipairs(keys) do
          out[#out + 1] = key
          out[#out + 1] = values[2 * i - 1]
          out[#out + 1] = values[2 * i]
        end
      end
      return out
    end
  end
end
return {'found', token, m[2], m[1], version, transcript, m[9] or '', m[10] or '', redis.call('HGETALL', KEYS[1])}
