-- turn-log-read: a session's turn log with its events after a seq.
--
-- KEYS[1] turnLog     the turn log hash (`<prefix>r:{<id>}`)
-- KEYS[2] turnEvents  the turn log's event list (`<prefix>e:{<id>}`)
--
-- ARGV[1] now    ms since the epoch
-- ARGV[2] after  the seq of the last event the reader has (0: from the first)
-- ARGV[3] limit  most events returned
--
-- Reply: {} when there is no log, else {turnId, meta, status, alive, stop, truncated, lastSeq,
-- texts}: alive 0/1 (running and its heartbeat fresh), stop and truncated 0/1, texts the events
-- after `after` (event seq s is list index s - 1). Reads only.

local m = redis.call('HMGET', KEYS[1], 'r:i', 'r:m', 'r:s', 'r:a', 'r:p', 'r:x', 'r:n')
if not m[1] then return {} end
local alive = 0
if m[3] == 'running' and tonumber(m[4]) > tonumber(ARGV[1]) then alive = 1 end
local from = math.max(0, tonumber(ARGV[2]))
local limit = tonumber(ARGV[3])
local count = tonumber(m[7])
local texts = {}
-- Past the newest event there is nothing to read (and no index so large reaches LRANGE).
if limit > 0 and from < count then texts = redis.call('LRANGE', KEYS[2], from, math.min(from + limit, count) - 1) end
return {m[1], m[2], m[3], alive, tonumber(m[5]), tonumber(m[6]), tonumber(m[7]), texts}
