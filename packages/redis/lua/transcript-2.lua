-- transcript: reads a page of a session's transcript (conversation memory). Reads only: the idle
-- timeout does not slide.
--
-- KEYS[1] hash        the session hash (`<prefix>s:{<id>}`)
-- KEYS[2] transcript  the transcript list (`<prefix>t:{<id>}`)
--
-- ARGV[1] now         ms since the epoch
-- ARGV[2] before      the page ends before this seq (exclusive); '' for the newest entries
-- ARGV[3] limit       at most this many entries
-- ARGV[4] owner       who asks (owners); '' for an anonymous caller. Another owner's session is 'missing'.
--
-- Reply: {'missing'} | {'ok', lastSeq, firstSeq, oldestSeq, texts}. Item i (0-based) of the list
-- has seq firstSeq + i, where firstSeq = `t:l` - LLEN + 1: trimming the oldest renumbers nothing.

local now = tonumber(ARGV[1])
local meta = redis.call('HMGET', KEYS[1], 'm:a', 'm:o')
local abs = tonumber(meta[1])
if abs == nil or abs <= now then return {'missing'} end
if meta[2] and meta[2] ~= ARGV[4] then return {'missing'} end
local last = tonumber(redis.call('HGET', KEYS[1], 't:l') or '0')
local first = last - redis.call('LLEN', KEYS[2]) + 1
local newest = math.min(tonumber(ARGV[2]) or (last + 1), last + 1) - 1
local oldest = math.max(first, newest - tonumber(ARGV[3]) + 1)
if newest < oldest then return {'ok', last, first, oldest, {}} end
return {'ok', last, first, oldest, redis.call('LRANGE', KEYS[2], oldest - first, newest - first)}
