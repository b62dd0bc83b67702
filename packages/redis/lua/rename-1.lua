-- rename: sets the title of an owned, live session, for its owner only.
--
-- KEYS[1] hash   the session hash (`<prefix>s:{<id>}`)
--
-- ARGV[1] now    ms since the epoch
-- ARGV[2] owner  who asks
-- ARGV[3] title  the new title
--
-- Reply: 1 renamed | 0 no such live session of this owner (nothing written). Does not slide the
-- idle timeout and does not move the session in its owner's list (a rename is not activity).

local m = redis.call('HMGET', KEYS[1], 'm:a', 'm:o')
local abs = tonumber(m[1])
if abs == nil or abs <= tonumber(ARGV[1]) or m[2] ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], 'm:t', ARGV[3])
return 1
