package redislimit

import (
	"context"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/postman-go/postman"
)

// PauseUntil implements postman.Limiter: every request of both keys, in
// every process, waits until t.
func (k *keyLimiter) PauseUntil(t time.Time) {
	k.local.PauseUntil(t)
	k.pause(k.api, t)
	k.pause(k.scim, t)
}

// PausePathUntil pauses, in every process, the budget path draws from:
// the SCIM key's for /scim, the API key's otherwise.
func (k *keyLimiter) PausePathUntil(method, path string, t time.Time) {
	if pp, ok := k.local.(interface {
		PausePathUntil(string, string, time.Time)
	}); ok {
		pp.PausePathUntil(method, path, t)
	} else {
		k.local.PauseUntil(t)
	}
	k.pause(k.scopeOf(postman.RateLimitsFor(method, path)), t)
}

// pauseScript lengthens a pause, never shortens it: the key expires when
// the pause ends, so its remaining time to live is the pause.
var pauseScript = redis.NewScript(`
if redis.call("PTTL", KEYS[1]) < tonumber(ARGV[1]) then
  redis.call("SET", KEYS[1], "1", "PX", ARGV[1])
  return 1
end
return 0
`)

func (k *keyLimiter) pause(sc *scope, t time.Time) {
	ms := time.Until(t).Milliseconds()
	if ms <= 0 || !k.l.health.useRedis() {
		return
	}
	err := k.l.redis(context.Background(), func(ctx context.Context) error {
		return pauseScript.Run(ctx, k.l.rdb, []string{sc.pauseKey}, ms).Err()
	})
	if err != nil {
		var down *unavailableError
		if errors.As(err, &down) {
			k.l.health.failed(down.err)
		}
		return
	}
	k.l.health.succeeded()
}
