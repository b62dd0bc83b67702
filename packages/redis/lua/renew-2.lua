-- renew: the heartbeat of a turn. Fenced: the lease is extended only while its token is the live
-- one; the idle TTL of the hash and of the transcript slides as a load would slide it.
--
-- KEYS[1] hash        the session hash (`<prefix>s:{<id>}`)
-- KEYS[2] transcript  the transcript list (`<prefix>t:{<id>}`)
--
-- ARGV[1] now         ms since the epoch
-- ARGV[2] idleTtlMs   the idle timeout to slide to (never past `m:a`)
-- ARGV[3] leaseToken  the fencing token of the lease to extend; '' extends none (merge mode)
-- ARGV[4] leaseTtlMs  how long the lease holds from now (0 without a lease)
--
-- Reply: 1 renewed, 0 not (the lease lapsed or was taken over, or the session is gone).

local now = tonumber(ARGV[1])
local idleTtl = tonumber(ARGV[2])
local leaseToken = ARGV[3]
local m = redis.call('HMGET', KEYS[1], 'm:a', 'm:f', 'm:e', 't:l')
if leaseToken ~= '' then
  if m[2] ~= leaseToken or (tonumber(m[3] or '0') or 0) <= now then return 0 end
  redis.call('HSET', KEYS[1], 'm:e', now + tonumber(ARGV[4]))
end
local abs = tonumber(m[1])
local ttl = abs and math.min(idleTtl, abs - now) or 0
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
if ttl > 0 and m[4] then redis.call('PEXPIRE', KEYS[2], ttl) end
if leaseToken ~= '' or ttl > 0 then return 1 end
return 0
