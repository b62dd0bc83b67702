-- release: ends a turn's lease without a commit. Fenced: only the live holder releases; wakes a
-- turn that waits for the lease (`m:w`) by publishing on `<hash>:wake`.
--
-- KEYS[1] hash        the session hash (`<prefix>s:{<id>}`)
--
-- ARGV[1] leaseToken  the fencing token of the lease to release (`m:f`)
--
-- Reply: 1, whether released or not (a lease already lapsed or taken over is not an error).

local m = redis.call('HMGET', KEYS[1], 'm:f', 'm:e', 'm:w')
if m[1] == ARGV[1] and m[2] and m[2] ~= '0' then
  if m[3] == '1' then
    redis.call('HSET', KEYS[1], 'm:e', '0', 'm:w', '0')
    redis.call('PUBLISH', KEYS[1] .. ':wake', '1')
  else
    redis.call('HSET', KEYS[1], 'm:e', '0')
  end
end
return 1
