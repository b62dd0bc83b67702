-- index: puts a session at the top of its owner's list (owners), before the session is written.
--
-- KEYS[1] index              the owner's sorted set (`<prefix>o:{<owner>}`): id -> updatedAt
--
-- ARGV[1] now                ms since the epoch: the session's score (its last activity)
-- ARGV[2] id                 the session id
-- ARGV[3] absoluteExpiresAt  the session's absolute expiry: the set lives at least that long
--
-- Reply: 1. On Redis Cluster the set and the session hash are in different slots, so they cannot
-- change in one script: this runs first, then the commit. A crash in between leaves an entry
-- whose session is not written (or not yet newer): listing reads each entry's session, drops
-- what is dead, so a dead session is never listed and a live one is never hidden.

redis.call('ZADD', KEYS[1], tonumber(ARGV[1]), ARGV[2])
local ttl = tonumber(ARGV[3]) - tonumber(ARGV[1])
if ttl > 0 and redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1
