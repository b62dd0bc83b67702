-- turn-log-stop: requests a stop of a session's running turn (a flag its producer reads back).
--
-- KEYS[1] turnLog  the turn log hash (`<prefix>r:{<id>}`)
--
-- Reply: the running turn's id, or false (nil) when no turn runs. Does not slide the log's expiry.

local m = redis.call('HMGET', KEYS[1], 'r:i', 'r:s')
if not m[1] or m[2] ~= 'running' then return false end
redis.call('HSET', KEYS[1], 'r:p', '1')
return m[1]
