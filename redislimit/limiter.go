package redislimit

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

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
