package redislimit

import (
	"context"
	"errors"
	"time"

	"github.com/go-redis/redis_rate/v10"

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

// take waits for a token of limit in sc, asking Redis again when the
// GCRA says the next one is due; with pauseFirst, it first waits out the
// pause of sc.
func (k *keyLimiter) take(ctx context.Context, sc *scope, limit postman.RateLimit, pauseFirst bool) error {
	turn := sc.turn(limit.Name)
	select {
	case turn <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-turn }()
	if pauseFirst {
		if err := k.waitPause(ctx, sc); err != nil {
			return err
		}
	}

	key := sc.bucketKey(limit.Name)
	gcra := k.l.gcraLimit(limit)
	for {
		var res *redis_rate.Result
		err := k.l.redis(ctx, func(ctx context.Context) error {
			var err error
			res, err = k.l.gcra.Allow(ctx, key, gcra)
			return err
		})
		if err != nil {
			return err
		}
		if res.Allowed > 0 {
			return nil
		}
		if err := sleep(ctx, res.RetryAfter, "the wait for a "+limit.Name+" token"); err != nil {
			return err
		}
	}
}

// gcraLimit is the GCRA of limit: the default limiter's token bucket,
// as burst tokens and one emission interval (Rate 1 per Period).
func (l *Limiter) gcraLimit(limit postman.RateLimit) redis_rate.Limit {
	limit.Window = time.Duration(float64(limit.Window) / l.cfg.speedup)
	burst, interval := limit.TokenBucket(l.cfg.scale)
	return redis_rate.Limit{Rate: 1, Burst: burst, Period: interval}
}
