-- turn-log-beat: the producer's heartbeat. Refreshes its liveness and slides the log's expiry, and
-- tells whether a stop was requested.
--
-- KEYS[1] turnLog     the turn log hash (`<prefix>r:{<id>}`)
-- KEYS[2] turnEvents  the turn log's event list (`<prefix>e:{<id>}`)
--
-- ARGV[1] now      ms since the epoch
-- ARGV[2] turnId   the beating turn
-- ARGV[3] aliveMs  the producer is alive this long from now
--
-- Reply: {current, stop} as 0/1; current 0 (nothing written) when the log is not this turn's
-- running one.

local m = redis.call('HMGET', KEYS[1], 'r:i', 'r:s', 'r:p', 'r:t')
if m[1] ~= ARGV[2] or m[2] ~= 'running' then return {0, 0} end
redis.call('HSET', KEYS[1], 'r:a', tonumber(ARGV[1]) + tonumber(ARGV[3]))
local ttl = tonumber(m[4])
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
return {1, tonumber(m[3])}
