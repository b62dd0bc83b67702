-- turn-log-append: appends a turn's events to its log, all or nothing within the log's bounds, and
-- refreshes the producer's liveness.
--
-- KEYS[1] turnLog     the turn log hash (`<prefix>r:{<id>}`)
-- KEYS[2] turnEvents  the turn log's event list (`<prefix>e:{<id>}`)
--
-- ARGV[1] now      ms since the epoch
-- ARGV[2] turnId   the appending turn
-- ARGV[3] aliveMs  the producer is alive this long from now
-- ARGV[4...] the event texts, oldest first
--
-- Reply: {current, stop, written} as 0/1: current 0 when the log is not this turn's running one
-- (replaced, ended, expired; nothing written). An append past `r:e` events or `r:y` bytes is
-- refused whole and marks the log truncated (`r:x`); once truncated, every later append is refused.
-- The RPUSH is cut in chunks of 4000 to stay under Lua's unpack limit.

local m = redis.call('HMGET', KEYS[1], 'r:i', 'r:s', 'r:p', 'r:x', 'r:n', 'r:b', 'r:e', 'r:y', 'r:t')
if m[1] ~= ARGV[2] or m[2] ~= 'running' then return {0, 0, 0} end
local now = tonumber(ARGV[1])
local count = #ARGV - 3
local bytes = 0
for i = 4, #ARGV do bytes = bytes + #ARGV[i] end
local n = tonumber(m[5])
local b = tonumber(m[6])
local written = 0
if m[4] == '0' and n + count <= tonumber(m[7]) and b + bytes <= tonumber(m[8]) then
  written = 1
  local i = 4
  while i <= #ARGV do
    local last = math.min(i + 3999, #ARGV)
    redis.call('RPUSH', KEYS[2], unpack(ARGV, i, last))
    i = last + 1
  end
  redis.call('HSET', KEYS[1], 'r:n', n + count, 'r:b', b + bytes, 'r:a', now + tonumber(ARGV[3]))
else
  redis.call('HSET', KEYS[1], 'r:x', '1', 'r:a', now + tonumber(ARGV[3]))
end
local ttl = tonumber(m[9])
redis.call('PEXPIRE', KEYS[1], ttl)
if n + written * count > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return {1, tonumber(m[3]), written}
