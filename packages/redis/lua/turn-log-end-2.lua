-- turn-log-end: appends a turn's last events (never refused by the bounds) and ends its log; both
-- keys expire `r:t` ms later.
--
-- KEYS[1] turnLog     the turn log hash (`<prefix>r:{<id>}`)
-- KEYS[2] turnEvents  the turn log's event list (`<prefix>e:{<id>}`)
--
-- ARGV[1] turnId  the ending turn
-- ARGV[2] status  'ended' or 'stopped'
-- ARGV[3...] the last event texts, oldest first
--
-- Reply: 1 ended | 0 the log is not this turn's running one (nothing written).

local m = redis.call('HMGET', KEYS[1], 'r:i', 'r:s', 'r:n', 'r:t')
if m[1] ~= ARGV[1] or m[2] ~= 'running' then return 0 end
local i = 3
while i <= #ARGV do
  local last = math.min(i + 3999, #ARGV)
  redis.call('RPUSH', KEYS[2], unpack(ARGV, i, last))
  i = last + 1
end
redis.call('HSET', KEYS[1], 'r:s', ARGV[2], 'r:n', tonumber(m[3]) + #ARGV - 2)
local ttl = tonumber(m[4])
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
return 1
