package redislimit

import (
	"time"

	"github.com/redis/go-redis/v9"
)

// reserveScript reserves the next slot of a GCRA bucket (the token bucket
// the default limiter enforces, as burst slots one interval apart) on
// Redis's clock, the way x/time/rate reserves a token in one process: the
// bucket's theoretical arrival time (TAT) moves one interval ahead, and
// the caller is told how long to wait for its slot. A slot is reserved
// ahead of time, so a caller that wakes late on a busy machine loses
// nothing: the next slot is counted from the TAT, not from when anyone
// asked. A wait longer than ARGV[3] reserves nothing (-1): the caller's
// deadline comes first.
//
// KEYS[1]: the bucket. ARGV: interval and the longest acceptable wait in
// microseconds, burst. Returns {1, wait µs} or {-1, wait µs}.
var reserveScript = redis.NewScript(`
local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call("GET", KEYS[1]) or "0")
if tat < now then tat = now end
local wait = tat - (burst - 1) * interval - now
if wait < 0 then wait = 0 end
if wait > tonumber(ARGV[3]) then return {-1, wait} end
tat = tat + interval
redis.call("SET", KEYS[1], tostring(tat), "PX", math.ceil((tat - now) / 1000) + 1000)
return {1, wait}
`)

// noDeadline is the longest acceptable wait of a caller without a
// deadline (a day, in microseconds).
const noDeadline = int64(24 * time.Hour / time.Microsecond)
