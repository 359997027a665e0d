// Package redislimit keeps the Postman API's rate limits in Redis, so
// that every process using one API key — CI jobs, services, cron tasks —
// draws from one budget instead of each overshooting it on its own.
//
// Postman limits each user (300 requests a minute, tighter limits on some
// endpoints, and team-wide SCIM limits), not each process. The client's
// default limiter paces one process; ten CI jobs with the same key then
// send ten times the allowed rate and get 429s. A Limiter from New paces
// the whole fleet instead:
//
//	rdb := redis.NewClient(&redis.Options{Addr: "redis.internal:6379"})
//	limiter, err := redislimit.New(rdb)
//	client, err := postman.NewClient(apiKey, postman.WithLimiter(limiter))
//
// It enforces the same buckets as the default limiter (postman.RateLimitsFor
// names them, postman.RateLimit.TokenBucket shapes them) as GCRA buckets
// on Redis's clock, each Wait reserving the next slot in one script run
// (as x/time/rate reserves a token in one process, so that a process
// that wakes late on a busy machine loses no slot), and shares the pause
// a 429 asks for:
// after one process is told to wait, every process waits the server's
// time. Budgets are keyed by postman.Fingerprint of the key: the key
// itself never reaches Redis (nor this package, which a client binds by
// fingerprint; see postman.KeyedLimiter).
//
// # When Redis is down or slow
//
// Pacing must not stop the calls it paces. Every Redis command has a
// deadline (WithTimeout, 250 ms by default); when one fails or misses it,
// the Limiter logs one warning and paces with an in-process limiter
// (postman.NewLimiter at WithFallbackScale) until Redis answers again. It
// asks Redis again once every WithRecheck (10 s by default), from one
// call while the others keep to the local limiter, and logs once more
// when Redis is back. During an outage each process paces on its own:
// set WithFallbackScale to 1/n for a fleet of about n processes, or the
// fleet may draw 429s, which the client then waits out as the server says.
//
// Redis keys are "rate:<prefix>{<fingerprint>}:<limit>" for the buckets
// (their next slot, in microseconds of Redis's clock) and
// "<prefix>{<fingerprint>}:pause" for the
// pause, with prefix "postman:" by default; each expires when its state
// no longer matters. The braces keep a key's entries in one Redis Cluster
// slot.
package redislimit
