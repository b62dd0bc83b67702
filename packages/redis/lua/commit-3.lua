-- commit: writes a turn's changes to a session (creating it, or fenced by its lease, or merged
-- per key), appends its transcript entries, and releases the lease.
--
-- KEYS[1] hash               the session hash (`<prefix>s:{<id>}`)
-- KEYS[2] transcript         the transcript list (`<prefix>t:{<id>}`)
-- KEYS[3] tombstone          written when the session is created (`<prefix>x:{<id>}`)
--
-- ARGV[1] now                ms since the epoch
-- ARGV[2] idleTtlMs          the idle timeout to slide to (never past the absolute expiry)
-- ARGV[3] absoluteExpiresAt  ms since the epoch; stored (`m:a`) only when creating
-- ARGV[4] leaseToken         the fencing token of the lease held; '' without a lease
-- ARGV[5] merge              '1': check and bump per-key versions (`v:<key>`), '0': do not
-- ARGV[6] createdAt          ms since the epoch; '' unless this commit creates the session
-- ARGV[7] setCount           how many keys are written
-- ARGV[8] expiredUntil       until when the id reads `expired` (the tombstone); '' unless creating
-- ARGV[9] owner              the session's owner (owners); '' for an anonymous session
-- ARGV[10] title             an owned session's title; '' unless creating
-- ARGV[11] keepLeaseTtlMs    lease mode: keep the lease (its lapse moves to now + this) instead of
--                            releasing it, for the next turn of this process; '' releases it
-- ARGV[12] expectedVersion   write only if the session is at this version (`m:s`); '' for no check
-- ARGV[13] version           the version this commit gives the session; '' digests one
-- ARGV[14...] then, in order:
--   setCount x (key, text, expectedVersion)       the keys written
--   per deleted key (key, expectedVersion)        the keys deleted
--   entryCount x entry text                       the transcript entries appended, oldest first
--   expectedLastSeq|'', maxEntries|'', maxBytes|'',
--   summaryIndex|'', summaryFrom|'', summaryTo|'', entryCount      (always the last seven)
--   summaryIndex (0-based) marks an entry as the summary of summaryFrom..summaryTo (compaction):
--   summaryFrom must be `t:c` + 1 and summaryTo at most `t:l`, else {'tconflict', lastSeq}.
--
-- Replies: {'ok', version, previousVersion, waited} | {'stale'} (the lease lapsed or was taken over)
--   | {'missing'} | {'conflict', key} | {'tconflict', lastSeq} | {'version', currentVersion} (not
--   at ARGV[12]). Nothing is written unless 'ok'. `waited` is 1 when a turn (of another process)
--   waits for the lease (`m:w`), else 0.
--   A session whose owner is not ARGV[9] answers {'missing'}, as one that is gone.
--
-- Commands: one HMGET, one HSET, one PEXPIRE, plus one HDEL when keys are deleted (and the
-- transcript's RPUSH / LPOP / PEXPIRE with conversation memory). Field lists are cut in chunks of
-- 4000 to stay under Lua's unpack limit.

local HISTORY = 8
local now = tonumber(ARGV[1])
local idleTtl = tonumber(ARGV[2])
local abs = tonumber(ARGV[3])
local leaseToken = ARGV[4]
local merge = ARGV[5] == '1'
local create = ARGV[6] ~= ''
local owner = ARGV[9]
local keepLease = tonumber(ARGV[11])
local expectedVersion = ARGV[12]
local SET_FROM = 14
local DELETED_FROM = SET_FROM + tonumber(ARGV[7]) * 3
local entryCount = tonumber(ARGV[#ARGV])
local ENTRIES_FROM = #ARGV - 6 - entryCount
local DELETED_END = ENTRIES_FROM - 1
local ENTRIES_END = ENTRIES_FROM + entryCount - 1
local expectedLastSeq = tonumber(ARGV[ENTRIES_END + 1])
local maxEntries = tonumber(ARGV[ENTRIES_END + 2])
local maxBytes = tonumber(ARGV[ENTRIES_END + 3])
local summaryIndex = tonumber(ARGV[ENTRIES_END + 4])
local summaryFrom = tonumber(ARGV[ENTRIES_END + 5])
local summaryTo = tonumber(ARGV[ENTRIES_END + 6])

-- The metadata first (positions 1..META of `m`), then with merge the version of each changed key.
local fields = {'m:a', 'm:f', 'm:e', 'm:s', 'm:h', 'm:w', 't:l', 't:b', 'm:o', 't:c'}
local META = #fields
local changedKeys = {}
local expected = {}
for i = SET_FROM, DELETED_FROM - 1, 3 do
  changedKeys[#changedKeys + 1] = ARGV[i]
  expected[#expected + 1] = ARGV[i + 2]
end
for i = DELETED_FROM, DELETED_END, 2 do
  changedKeys[#changedKeys + 1] = ARGV[i]
  expected[#expected + 1] = ARGV[i + 1]
end
if merge then
  for _, key in ipairs(changedKeys) do fields[#fields + 1] = 'v:' .. key end
end
local m = {}
for i = 1, #fields, 4000 do
  local part = redis.call('HMGET', KEYS[1], unpack(fields, i, math.min(i + 3999, #fields)))
  for j = 1, #part do m[i + j - 1] = part[j] end
end
local exists = m[1] ~= false
if leaseToken ~= '' and (not exists or m[2] ~= leaseToken or (tonumber(m[3] or '0') or 0) <= now) then
  return {'stale'}
end
if not create and not exists then return {'missing'} end
if exists and (m[9] or '') ~= owner then return {'missing'} end
-- A chained turn's commit: it ran on the state the previous commit of this process wrote, so it
-- applies only on top of that version (a failed previous commit fails this one too).
if expectedVersion ~= '' and (m[4] or '') ~= expectedVersion then return {'version', m[4] or ''} end
if merge then
  for j, key in ipairs(changedKeys) do
    if (tonumber(m[META + j] or '0') or 0) ~= tonumber(expected[j]) then return {'conflict', key} end
  end
end
local tLast = tonumber(m[7] or '0') or 0
if create then tLast = 0 end
if expectedLastSeq ~= nil and expectedLastSeq ~= tLast then return {'tconflict', tLast} end
-- Compaction: summaries cover contiguous ranges, so a range is never summarized twice.
if summaryIndex ~= nil then
  local compactedTo = 0
  if not create then compactedTo = tonumber(m[10] or '0') or 0 end
  if summaryFrom ~= compactedTo + 1 or summaryTo < summaryFrom or summaryTo > tLast
    or summaryIndex < 0 or summaryIndex >= entryCount then
    return {'tconflict', tLast}
  end
end

local writes = {}
local function put(field, value)
  writes[#writes + 1] = field
  writes[#writes + 1] = value
end
for i = SET_FROM, DELETED_FROM - 1, 3 do put('d:' .. ARGV[i], ARGV[i + 1]) end
if merge then
  for j, key in ipairs(changedKeys) do put('v:' .. key, (tonumber(m[META + j] or '0') or 0) + 1) end
end
-- Conversation memory: append, then drop the oldest entries while over maxEntries / maxBytes.
-- `t:l` is the seq of the newest entry ever appended, `t:b` the bytes held.
local hasTranscript = m[7] and not create
if create and m[7] then
  redis.call('DEL', KEYS[2])
  redis.call('HDEL', KEYS[1], 't:s', 't:c')
end
if entryCount > 0 then
  local held = 0
  for i = ENTRIES_FROM, ENTRIES_END, 4000 do
    held = redis.call('RPUSH', KEYS[2], unpack(ARGV, i, math.min(i + 3999, ENTRIES_END)))
  end
  local bytes = 0
  if held > entryCount then bytes = tonumber(m[8] or '0') or 0 end
  for i = ENTRIES_FROM, ENTRIES_END do bytes = bytes + #ARGV[i] end
  while held > 0 and ((maxEntries and held > maxEntries) or (maxBytes and bytes > maxBytes)) do
    bytes = bytes - #redis.call('LPOP', KEYS[2])
    held = held - 1
  end
  put('t:l', tLast + entryCount)
  put('t:b', bytes)
  if summaryIndex ~= nil then
    put('t:s', tLast + summaryIndex + 1)
    put('t:c', summaryTo)
  end
  hasTranscript = true
end
-- The new version digests the previous one and every argument, so two histories that diverged
-- (a failover that lost a commit) never share a version.
local previous = m[4] or ''
local version = previous
if create or #changedKeys > 0 then
  local digest = {previous}
  for i = 1, #ARGV do digest[#digest + 1] = #ARGV[i] .. ':' .. ARGV[i] end
  version = string.sub(redis.sha1hex(table.concat(digest, '|')), 1, 16)
  if ARGV[13] ~= '' then version = ARGV[13] end
  local history = {}
  if not create and m[5] then
    local ok, decoded = pcall(cjson.decode, m[5])
    if ok and type(decoded) == 'table' then history = decoded end
  end
  local listed = '*'
  if #changedKeys <= 64 then listed = changedKeys end
  history[#history + 1] = {version, listed}
  while #history > HISTORY do table.remove(history, 1) end
  put('m:s', version)
  put('m:h', cjson.encode(history))
end
if create then
  put('m:c', ARGV[6])
  put('m:a', ARGV[3])
  if owner ~= '' then
    put('m:o', owner)
    put('m:t', ARGV[10])
  end
end
local wake = false
if leaseToken ~= '' then
  if keepLease then
    -- Kept for this process's next turn: nobody is woken, a waiter stays marked (`m:w`).
    put('m:e', now + keepLease)
  else
    put('m:e', '0')
    if m[6] == '1' then
      put('m:w', '0')
      wake = true
    end
  end
end
for i = 1, #writes, 4000 do
  redis.call('HSET', KEYS[1], unpack(writes, i, math.min(i + 3999, #writes)))
end
local deleted = {}
for i = DELETED_FROM, DELETED_END, 2 do deleted[#deleted + 1] = 'd:' .. ARGV[i] end
for i = 1, #deleted, 4000 do
  redis.call('HDEL', KEYS[1], unpack(deleted, i, math.min(i + 3999, #deleted)))
end
if create then
  -- The tombstone is written once, at creation: the absolute expiry never moves afterwards.
  local tombstone = tonumber(ARGV[8]) - now
  -- It holds the owner, so an expired owned id reads `expired` to its owner only.
  local mark = '1'
  if owner ~= '' then mark = owner end
  if tombstone > 0 then redis.call('SET', KEYS[3], mark, 'PX', tombstone) else redis.call('DEL', KEYS[3]) end
end
local ttl = math.min(idleTtl, abs - now)
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) else redis.call('DEL', KEYS[1]) end
if hasTranscript then
  if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) else redis.call('DEL', KEYS[2]) end
end
if wake then redis.call('PUBLISH', KEYS[1] .. ':wake', '1') end
local waited = 0
if m[6] == '1' then waited = 1 end
return {'ok', version, previous, waited}
