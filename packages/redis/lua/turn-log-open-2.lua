-- turn-log-open: opens a session's turn log for a new turn, replacing the previous turn's log.
--
-- KEYS[1] turnLog     the turn log hash (`<prefix>r:{<id>}`)
-- KEYS[2] turnEvents  the turn log's event list (`<prefix>e:{<id>}`)
--
-- ARGV[1] now        ms since the epoch
-- ARGV[2] turnId     the turn's id: appends, heartbeats and the end name it
-- ARGV[3] meta       an opaque JSON text readers get back
-- ARGV[4] aliveMs    the producer is alive this long from now
-- ARGV[5] ttlMs      both keys expire this long after the log's last write
-- ARGV[6] maxEvents  most events the turn records (the end excepted)
-- ARGV[7] maxBytes   most bytes of events the turn records (the end excepted)
--
-- Reply: 1. The session's hash is not read: a log may outlive (or precede) its session.

redis.call('DEL', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[1], 'r:i', ARGV[2], 'r:m', ARGV[3], 'r:s', 'running', 'r:p', '0', 'r:x', '0',
  'r:n', 0, 'r:b', 0, 'r:a', tonumber(ARGV[1]) + tonumber(ARGV[4]), 'r:t', ARGV[5], 'r:e', ARGV[6],
  'r:y', ARGV[7])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[5]))
return 1
