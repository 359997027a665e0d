package postman

import (
	"context"
	"crypto/sha256"
	"fmt"
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
// to share a budget beyond one process, e.g. across CI runners (the module
// github.com/postman-go/postman/redislimit does, through Redis; see also
// KeyedLimiter and RateLimitsFor).
//
// A Limiter whose budgets differ by endpoint may also have a method
// PausePathUntil(method, path string, t time.Time); the client then calls
// it instead of PauseUntil, with the request the server paused (the
// default limiter pauses the SCIM key's calls for a 429 on /scim, and the
// API key's for the others).
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
// 300 requests per minute per user.
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
	burst, perSecond := bucketShape(b.n*scale, b.window)
	return rate.NewLimiter(rate.Limit(perSecond), burst)
}

// bucketShape is the burst and steady rate (per second) of the token
// bucket for n requests per window (see burstDiv).
func bucketShape(n float64, window time.Duration) (burst int, perSecond float64) {
	burst = max(1, int(n/burstDiv))
	span := (window + window/slackDiv).Seconds()
	perSecond = (n - float64(burst)) / span
	if perSecond <= 0 {
		// At most one request per window: the burst's one request fills
		// it, so tokens come at half the allowed rate, two windows or more apart.
		perSecond = n / span / 2
	}
	return burst, perSecond
}

// postmanLimiter is the default Limiter: Postman's general and
// per-endpoint limits of an API key, and the SCIM limits of a SCIM key,
// as token buckets, each side with the pause a 429 sets.
type postmanLimiter struct {
	api  *apiBuckets
	scim *scimBuckets
}

// apiBuckets are the limits of one API key: the general 300 per minute
// and the per-endpoint limits.
type apiBuckets struct {
	general   *rate.Limiter
	endpoints []*rate.Limiter // parallel to postmanLimits
	pause     pause
}

// scimBuckets are the team-wide limits of one SCIM key.
type scimBuckets struct {
	read, write *rate.Limiter
	pause       pause
}

func newAPIBuckets(scale float64) *apiBuckets {
	a := &apiBuckets{general: newRateLimiter(general, scale)}
	for _, b := range postmanLimits {
		a.endpoints = append(a.endpoints, newRateLimiter(b, scale))
	}
	return a
}

func newSCIMBuckets(scale float64) *scimBuckets {
	return &scimBuckets{read: newRateLimiter(scimReads, scale), write: newRateLimiter(scimWrites, scale)}
}

// NewLimiter returns a Limiter with Postman's documented limits multiplied
// by scale: 1 for one client per API key; 1/n to share a key's budget
// between n processes. The client's default limiter is this at scale 1,
// shared by every client using the same API key in the process (and, for
// SCIM calls, the same SCIM key).
func NewLimiter(scale float64) Limiter {
	if scale <= 0 || scale != scale {
		scale = 1
	}
	return &postmanLimiter{api: newAPIBuckets(scale), scim: newSCIMBuckets(scale)}
}

// Wait implements Limiter. It waits out a pause the server asked for,
// then the request's endpoint bucket, then the general one. A wait that
// cannot end before ctx's deadline fails at once with an error matching
// context.DeadlineExceeded.
func (l *postmanLimiter) Wait(ctx context.Context, method, path string) error {
	return transport.WaitError(ctx, l.wait(ctx, method, path))
}

func (l *postmanLimiter) wait(ctx context.Context, method, path string) error {
	if isSCIMPath(path) {
		if err := l.scim.pause.wait(ctx); err != nil {
			return err
		}
		if method == "GET" || method == "HEAD" {
			return l.scim.read.Wait(ctx)
		}
		return l.scim.write.Wait(ctx)
	}
	if err := l.api.pause.wait(ctx); err != nil {
		return err
	}
	for i, b := range postmanLimits {
		if b.match(method, path) {
			if err := l.api.endpoints[i].Wait(ctx); err != nil {
				return err
			}
			break
		}
	}
	return l.api.general.Wait(ctx)
}

// PauseUntil implements Limiter: every request waits until t.
func (l *postmanLimiter) PauseUntil(t time.Time) {
	l.api.pause.until(t)
	l.scim.pause.until(t)
}

// PausePathUntil pauses the requests that draw from the same key as a
// request to path: the SCIM key's for /scim, the API key's otherwise.
func (l *postmanLimiter) PausePathUntil(_, path string, t time.Time) {
	if isSCIMPath(path) {
		l.scim.pause.until(t)
		return
	}
	l.api.pause.until(t)
}

// pause holds back every request of a key until the time a 429 named.
type pause struct {
	mu sync.Mutex
	at time.Time
}

func (p *pause) until(t time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if t.After(p.at) {
		p.at = t
	}
}

// errPauseDeadline is returned when a pause lasts past ctx's deadline.
var errPauseDeadline = fmt.Errorf("the server's pause would exceed the context deadline: %w", context.DeadlineExceeded)

func (p *pause) wait(ctx context.Context) error {
	p.mu.Lock()
	until := p.at
	p.mu.Unlock()
	d := time.Until(until)
	if d <= 0 {
		return ctx.Err()
	}
	if deadline, ok := ctx.Deadline(); ok && deadline.Before(until) {
		if err := ctx.Err(); err != nil {
			return err
		}
		return errPauseDeadline
	}
	return transport.Sleep(ctx, d)
}

// The default limiters, shared by every client of the process: the API
// key's buckets by key, the SCIM key's buckets by key, and the limiter
// combining them by the pair, so that two clients with the same API key
// draw from the same buckets whatever their SCIM keys. Keys are stored
// only as SHA-256 digests.
var (
	sharedAPI      sync.Map // [32]byte → *apiBuckets
	sharedSCIM     sync.Map // [32]byte → *scimBuckets
	sharedLimiters sync.Map // [2][32]byte → *postmanLimiter
)

func sharedLimiter(apiKey, scimKey transport.Secret) Limiter {
	id := [2][32]byte{sha256.Sum256([]byte(apiKey.Reveal())), sha256.Sum256([]byte(scimKey.Reveal()))}
	if l, ok := sharedLimiters.Load(id); ok {
		return l.(*postmanLimiter)
	}
	api, ok := sharedAPI.Load(id[0])
	if !ok {
		api, _ = sharedAPI.LoadOrStore(id[0], newAPIBuckets(1))
	}
	scim, ok := sharedSCIM.Load(id[1])
	if !ok {
		scim, _ = sharedSCIM.LoadOrStore(id[1], newSCIMBuckets(1))
	}
	l, _ := sharedLimiters.LoadOrStore(id, &postmanLimiter{api: api.(*apiBuckets), scim: scim.(*scimBuckets)})
	return l.(*postmanLimiter)
}
