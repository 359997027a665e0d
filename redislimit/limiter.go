package redislimit

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"

	"github.com/postman-go/postman"
)

// Limiter is a postman.Limiter whose budgets live in Redis, shared by
// every process that uses the same Redis and the same API key. Give it to
// postman.NewClient with postman.WithLimiter: the client binds it to its
// keys' fingerprints (ForKeys). Used directly, its Wait and PauseUntil
// draw from one budget shared by every such direct user. It is safe for
// concurrent use.
type Limiter struct {
	rdb    redis.UniversalClient
	gcra   *redis_rate.Limiter
	cfg    config
	health *health

	mu    sync.Mutex
	bound map[[2]postman.KeyFingerprint]*keyLimiter
}

var _ postman.KeyedLimiter = (*Limiter)(nil)

// New returns a Limiter keeping Postman's rate limits in rdb (a
// *redis.Client, *redis.ClusterClient or *redis.Ring).
func New(rdb redis.UniversalClient, opts ...Option) (*Limiter, error) {
	if rdb == nil {
		return nil, errors.New("redislimit: nil Redis client")
	}
	cfg := defaultConfig()
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.logger == nil {
		cfg.logger = slog.Default()
	}
	return &Limiter{
		rdb:    rdb,
		gcra:   redis_rate.NewLimiter(rdb),
		cfg:    cfg,
		health: &health{logger: cfg.logger, now: cfg.now, recheck: cfg.recheck},
		bound:  map[[2]postman.KeyFingerprint]*keyLimiter{},
	}, nil
}

// sharedScope names the budget of direct users of a Limiter, who give no key.
const sharedScope = "shared"

// ForKeys implements postman.KeyedLimiter: the limiter of the API key and
// the SCIM key with these fingerprints. Clients of the same keys get the
// same one, and share its in-process fallback.
func (l *Limiter) ForKeys(apiKey, scimKey postman.KeyFingerprint) postman.Limiter {
	return l.forKeys(apiKey, scimKey)
}

func (l *Limiter) forKeys(apiKey, scimKey postman.KeyFingerprint) *keyLimiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	id := [2]postman.KeyFingerprint{apiKey, scimKey}
	if k, ok := l.bound[id]; ok {
		return k
	}
	api := string(apiKey)
	if api == "" {
		api = sharedScope
	}
	scim := string(scimKey)
	if scim == "" {
		// Without a SCIM key the client makes no SCIM call; a direct user's
		// SCIM budget stays apart from its API budget all the same.
		scim = api + "-scim"
	}
	k := &keyLimiter{
		l:     l,
		api:   newScope(l.cfg.prefix, api),
		scim:  newScope(l.cfg.prefix, scim),
		local: l.cfg.newLocal(),
	}
	l.bound[id] = k
	return k
}

// Wait implements postman.Limiter for direct use (see Limiter).
func (l *Limiter) Wait(ctx context.Context, method, path string) error {
	return l.forKeys("", "").Wait(ctx, method, path)
}

// PauseUntil implements postman.Limiter for direct use (see Limiter).
func (l *Limiter) PauseUntil(t time.Time) { l.forKeys("", "").PauseUntil(t) }

// PausePathUntil pauses, for direct users, the budget path draws from.
func (l *Limiter) PausePathUntil(method, path string, t time.Time) {
	l.forKeys("", "").PausePathUntil(method, path, t)
}

// scope is the Redis keys of one key's budgets.
type scope struct {
	bucketPrefix string // "<prefix>{<fingerprint>}:"; redis_rate adds "rate:"
	pauseKey     string
	mu           sync.Mutex
	polling      map[string]chan struct{} // by limit name: one poller per process
}

func newScope(prefix, id string) *scope {
	base := prefix + "{" + id + "}:"
	return &scope{bucketPrefix: base, pauseKey: base + "pause", polling: map[string]chan struct{}{}}
}

// turn is the semaphore of limit name: the goroutines of a process take
// turns asking Redis for a token, rather than all asking at every token.
func (s *scope) turn(name string) chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, ok := s.polling[name]
	if !ok {
		ch = make(chan struct{}, 1)
		s.polling[name] = ch
	}
	return ch
}

// bucketKey is the name of limit name's bucket in s, without the braces
// and spaces a Redis key is better without.
func (s *scope) bucketKey(name string) string {
	return s.bucketPrefix + keySafe.Replace(name)
}

var keySafe = strings.NewReplacer(" ", "_", "{", "", "}", "")

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

func (k *keyLimiter) waitShared(ctx context.Context, method, path string) error {
	limits := postman.RateLimitsFor(method, path)
	sc := k.api
	if limits[0].SCIM {
		sc = k.scim
	}
	if err := k.waitPause(ctx, sc); err != nil {
		return err
	}
	for _, limit := range limits {
		if err := k.take(ctx, sc, limit); err != nil {
			return err
		}
	}
	return nil
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
// GCRA says the next one is due.
func (k *keyLimiter) take(ctx context.Context, sc *scope, limit postman.RateLimit) error {
	turn := sc.turn(limit.Name)
	select {
	case turn <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-turn }()

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
	sc := k.api
	if postman.RateLimitsFor(method, path)[0].SCIM {
		sc = k.scim
	}
	k.pause(sc, t)
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
