package redislimit

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/postman-go/postman"
)

// keyLimiter is the Limiter of one pair of keys.
type keyLimiter struct {
	l         *Limiter
	api, scim *scope
	// local paces while Redis is unavailable; it learns every pause too,
	// so that an outage does not forget one.
	local postman.Limiter
}

// Wait implements postman.Limiter: it waits out the pause a 429 set in
// any process, then takes a token from each of the request's buckets. A
// wait that cannot end before ctx's deadline fails at once, with an error
// matching context.DeadlineExceeded. While Redis is unavailable, it
// waits on the in-process limiter instead.
func (k *keyLimiter) Wait(ctx context.Context, method, path string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !k.l.health.useRedis() {
		return k.local.Wait(ctx, method, path)
	}
	err := k.waitShared(ctx, method, path)
	var down *unavailableError
	if errors.As(err, &down) {
		k.l.health.failed(down.err)
		return k.local.Wait(ctx, method, path)
	}
	if err == nil {
		k.l.health.succeeded()
	}
	return err
}

// waitShared asks Redis for the pause and the tokens. The pause is asked
// in the turn of the request's first limit, with its token: a process
// with many calls waiting sends one command per limit at a time, so that
// its calls never queue for the Redis client's connections and a busy
// pool is never mistaken for a Redis that does not answer.
func (k *keyLimiter) waitShared(ctx context.Context, method, path string) error {
	limits := postman.RateLimitsFor(method, path)
	sc := k.scopeOf(limits)
	for i, limit := range limits {
		if err := k.take(ctx, sc, limit, i == 0); err != nil {
			return err
		}
	}
	return nil
}

// scopeOf is the key whose budget limits draw from: the SCIM key's for
// SCIM requests, the API key's otherwise.
func (k *keyLimiter) scopeOf(limits []postman.RateLimit) *scope {
	if limits[0].SCIM {
		return k.scim
	}
	return k.api
}

// waitPause waits until no pause is set for sc. It asks again after
// sleeping: another process may have lengthened the pause meanwhile.
func (k *keyLimiter) waitPause(ctx context.Context, sc *scope) error {
	for {
		var left time.Duration
		err := k.l.redis(ctx, func(ctx context.Context) error {
			ttl, err := k.l.rdb.PTTL(ctx, sc.pauseKey).Result()
			left = ttl
			return err
		})
		if err != nil {
			return err
		}
		if left <= 0 { // -2: no pause; -1 cannot happen (pauses always expire)
			return nil
		}
		if err := sleep(ctx, left, "the server's pause"); err != nil {
			return err
		}
	}
}

// take reserves a slot of limit in sc and waits for it; with pauseFirst,
// it first waits out the pause of sc. The process's goroutines take turns
// to ask Redis (one command per limit at a time, so that they never queue
// for the client's connections), but wait for their slots side by side.
func (k *keyLimiter) take(ctx context.Context, sc *scope, limit postman.RateLimit, pauseFirst bool) error {
	turn := sc.turn(limit.Name)
	select {
	case turn <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	wait, err := k.reserve(ctx, sc, limit, pauseFirst)
	<-turn
	if err != nil {
		return err
	}
	return sleep(ctx, wait, "the wait for a "+limit.Name+" token")
}

// reserve waits out sc's pause when asked to, then reserves a slot of
// limit and returns the wait until it.
func (k *keyLimiter) reserve(ctx context.Context, sc *scope, limit postman.RateLimit, pauseFirst bool) (time.Duration, error) {
	if pauseFirst {
		if err := k.waitPause(ctx, sc); err != nil {
			return 0, err
		}
	}
	burst, interval := k.l.bucket(limit)
	most := noDeadline
	if deadline, ok := ctx.Deadline(); ok {
		most = int64(time.Until(deadline) / time.Microsecond)
	}
	var res []int64
	err := k.l.redis(ctx, func(ctx context.Context) error {
		var err error
		res, err = reserveScript.Run(ctx, k.l.rdb, []string{sc.bucketKey(limit.Name)},
			int64(interval/time.Microsecond), burst, most).Int64Slice()
		return err
	})
	if err != nil {
		return 0, err
	}
	if len(res) != 2 {
		return 0, &unavailableError{fmt.Errorf("unexpected reservation answer %v", res)}
	}
	wait := time.Duration(res[1]) * time.Microsecond
	if res[0] < 0 {
		return 0, fmt.Errorf("redislimit: the wait for a %s token (%v) would outlast the context deadline: %w",
			limit.Name, wait.Round(time.Millisecond), context.DeadlineExceeded)
	}
	return wait, nil
}

// bucket is the default limiter's token bucket for limit: burst tokens
// and one emission interval, at the configured scale and speedup.
func (l *Limiter) bucket(limit postman.RateLimit) (burst int, interval time.Duration) {
	limit.Window = time.Duration(float64(limit.Window) / l.cfg.speedup)
	return limit.TokenBucket(l.cfg.scale)
}
