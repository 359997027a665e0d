package postman

import (
	"context"
	"crypto/sha256"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/postman-go/postman/internal/transport"
)

// Limiter is a client-side rate limiter. The client calls Wait before
// every attempt of every request, retries included, with the request's
// method and its path relative to the base URL (no query), and PauseUntil
// when the server answers 429 with a wait, so that every goroutine sharing
// the limiter holds back, not only the one that was refused. Implement it
// to share a budget beyond one process, e.g. across CI runners.
type Limiter interface {
	Wait(ctx context.Context, method, path string) error
	PauseUntil(t time.Time)
}

// bucket is a limit of Postman's: n requests per window, applying to the
// requests match accepts.
type bucket struct {
	name   string
	n      float64
	window time.Duration
	match  func(method, path string) bool
}

// postmanLimits are Postman's documented limits beyond the general
// 300 requests per minute per user (DESIGN.md §4).
var postmanLimits = []bucket{
	{"GET /collections", 10, 10 * time.Second, exact("GET", "/collections")},
	{"GET /workspaces", 10, 10 * time.Second, exact("GET", "/workspaces")},
	{"GET /workspaces/{id}", 10, 10 * time.Second, func(m, p string) bool {
		return m == "GET" && strings.HasPrefix(p, "/workspaces/") && !strings.Contains(p[len("/workspaces/"):], "/")
	}},
	{"workspace updates", 20, time.Minute, func(_, p string) bool {
		rest, ok := strings.CutPrefix(p, "/workspaces/")
		_, sub, _ := strings.Cut(rest, "/")
		return ok && (sub == "updates" || strings.HasPrefix(sub, "updates/"))
	}},
	{"monitors", 10, 10 * time.Second, func(_, p string) bool {
		return p == "/monitors" || strings.HasPrefix(p, "/monitors/")
	}},
	{"POST /service-account-tokens", 10, 10 * time.Second, exact("POST", "/service-account-tokens")},
	{"POST /import/openapi", 10, 10 * time.Second, exact("POST", "/import/openapi")},
	{"POST /postbot/generations/tool", 300, 3 * time.Hour, exact("POST", "/postbot/generations/tool")},
}

// Postman's SCIM limits are team-wide and separate from the API key's.
var (
	scimReads  = bucket{"SCIM reads", 300, time.Minute, nil}
	scimWrites = bucket{"SCIM writes", 180, time.Minute, nil}
	general    = bucket{"general", 300, time.Minute, nil}
)

func exact(method, path string) func(string, string) bool {
	return func(m, p string) bool { return m == method && p == path }
}

// Bucket arithmetic. A token bucket of burst B and rate r lets at most
// B + r·s requests go in any span s. Postman counts requests as they
// arrive, in any window (however aligned), and their delays on the way
// vary, so one window of the server's can hold requests the client let go
// over the window plus that variation: the bucket allows for a slack of
// window/slackDiv (1.2 s for a minute, 0.2 s for 10 s) and keeps
//
//	B + r·(window + slack) ≤ n.
//
// Every token of burst is then a token per window the steady rate gives
// up, and the steady rate is what long and concurrent runs get: the burst
// is 1 % of n (at least 1) and r = (n − B) / (window + slack). For 300 per
// minute: B = 3 and r = 297/61.2 s = 4.85/s, 97 % of Postman's 5/s.
const (
	burstDiv = 100
	slackDiv = 50
)

// newRateLimiter turns a Postman limit into a token bucket that lets no
// more than n requests reach the server in one window while their delays
// vary by less than the slack, and otherwise goes as fast as that allows
// (see burstDiv).
func newRateLimiter(b bucket, scale float64) *rate.Limiter {
	n := b.n * scale
	burst := max(1, int(n/burstDiv))
	span := (b.window + b.window/slackDiv).Seconds()
	perSecond := (n - float64(burst)) / span
	if perSecond <= 0 {
		// At most one request per window: the burst's one request fills
		// it, so tokens come at half the allowed rate, two windows or more apart.
		perSecond = n / span / 2
	}
	return rate.NewLimiter(rate.Limit(perSecond), burst)
}

// postmanLimiter is the default Limiter: Postman's general and
// per-endpoint limits as token buckets, plus a pause that a 429 sets.
type postmanLimiter struct {
	general   *rate.Limiter
	endpoints []*rate.Limiter // parallel to postmanLimits
	scimRead  *rate.Limiter
	scimWrite *rate.Limiter

	mu          sync.Mutex
	pausedUntil time.Time
}

// NewLimiter returns a Limiter with Postman's documented limits multiplied
// by scale: 1 for one client per API key; 1/n to share a key's budget
// between n processes. The client's default limiter is this at scale 1,
// shared by every client using the same API key in the process.
func NewLimiter(scale float64) Limiter {
	if scale <= 0 {
		scale = 1
	}
	l := &postmanLimiter{
		general:   newRateLimiter(general, scale),
		scimRead:  newRateLimiter(scimReads, scale),
		scimWrite: newRateLimiter(scimWrites, scale),
	}
	for _, b := range postmanLimits {
		l.endpoints = append(l.endpoints, newRateLimiter(b, scale))
	}
	return l
}

// Wait implements Limiter.
func (l *postmanLimiter) Wait(ctx context.Context, method, path string) error {
	if err := l.waitPause(ctx); err != nil {
		return err
	}
	if isSCIMPath(path) {
		if method == "GET" || method == "HEAD" {
			return l.scimRead.Wait(ctx)
		}
		return l.scimWrite.Wait(ctx)
	}
	for i, b := range postmanLimits {
		if b.match(method, path) {
			if err := l.endpoints[i].Wait(ctx); err != nil {
				return err
			}
			break
		}
	}
	return l.general.Wait(ctx)
}

func (l *postmanLimiter) waitPause(ctx context.Context) error {
	l.mu.Lock()
	until := l.pausedUntil
	l.mu.Unlock()
	d := time.Until(until)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// PauseUntil implements Limiter.
func (l *postmanLimiter) PauseUntil(t time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if t.After(l.pausedUntil) {
		l.pausedUntil = t
	}
}

// sharedLimiters holds one default limiter per credential pair, so that
// every client of a process using the same key draws from the same
// buckets. Keys are stored only as SHA-256 digests.
var sharedLimiters sync.Map // [2][32]byte → Limiter

func sharedLimiter(apiKey, scimKey transport.Secret) Limiter {
	id := [2][32]byte{sha256.Sum256([]byte(apiKey.Reveal())), sha256.Sum256([]byte(scimKey.Reveal()))}
	if l, ok := sharedLimiters.Load(id); ok {
		return l.(Limiter)
	}
	l, _ := sharedLimiters.LoadOrStore(id, NewLimiter(1))
	return l.(Limiter)
}
