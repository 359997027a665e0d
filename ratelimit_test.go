package postman

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// recordingLimiter is a Limiter that lets everything through and records
// what the client told it.
type recordingLimiter struct {
	mu     sync.Mutex
	waits  []string
	pauses []time.Time
}

func (l *recordingLimiter) Wait(_ context.Context, method, path string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.waits = append(l.waits, method+" "+path)
	return nil
}

func (l *recordingLimiter) PauseUntil(t time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pauses = append(l.pauses, t)
}

func TestLimiterWaitsBeforeEveryAttempt(t *testing.T) {
	t.Parallel()
	env := &faultEnv{}
	base, _ := failFirst(2, 503, nil, ``)(t, env)
	lim := &recordingLimiter{}
	c := newTestClient(t, base+"/base", WithLimiter(lim))
	resp, err := c.Do(t.Context(), "POST", "/collections?workspace=1", map[string]string{"a": "b"}, nil)
	require.NoError(t, err)
	assert.Equal(t, 3, resp.Attempts)
	assert.Equal(t, []string{"POST /collections", "POST /collections", "POST /collections"}, lim.waits,
		"one Wait per attempt, retries included, with the path relative to the base URL and no query")
	assert.Empty(t, lim.pauses, "503 without Retry-After pauses nobody")
}

func TestLimiterPausedByA429(t *testing.T) {
	t.Parallel()
	env := &faultEnv{}
	base, _ := failFirst(1, 429, http.Header{"Retry-After": {"7"}}, rateLimitedBody)(t, env)
	lim := &recordingLimiter{}
	c := newTestClient(t, base, WithLimiter(lim))
	before := time.Now()
	resp, err := c.Do(t.Context(), "GET", "/me", nil, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	assert.Len(t, lim.waits, 2)
	require.Len(t, lim.pauses, 1, "PauseUntil after the 429")
	assert.WithinDuration(t, before.Add(7*time.Second), lim.pauses[0], time.Second, "until the server's time")

	// A 429 asking for more than the cap pauses nobody: the call ends.
	env2 := &faultEnv{}
	base2, _ := always(429, http.Header{"Retry-After": {"3600"}}, rateLimitedBody)(t, env2)
	lim2 := &recordingLimiter{}
	c2 := newTestClient(t, base2, WithLimiter(lim2))
	_, err = c2.Do(t.Context(), "GET", "/me", nil, nil)
	assert.ErrorIs(t, err, ErrRateLimited)
	assert.Empty(t, lim2.pauses)
}

// TestLimiterSeesRedirectHops: a followed redirect is one attempt but two
// requests, and each request waits on the limiter.
func TestLimiterSeesRedirectHops(t *testing.T) {
	t.Parallel()
	env := &faultEnv{}
	base, _ := scripted(func(_ int, w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/new" {
			writeJSON(w, 200, okBody)
			return
		}
		http.Redirect(w, r, "/new", http.StatusFound)
	})(t, env)
	lim := &recordingLimiter{}
	c := newTestClient(t, base, WithLimiter(lim))
	resp, err := c.Do(t.Context(), "GET", "/old", nil, nil)
	require.NoError(t, err)
	assert.Equal(t, 1, resp.Attempts)
	assert.Equal(t, []string{"GET /old", "GET /new"}, lim.waits)
}

func TestDefaultLimiterIsSharedPerKey(t *testing.T) {
	t.Parallel()
	key := fmt.Sprintf("PMAK-shared-%d", time.Now().UnixNano())
	a, err := NewClient(key)
	require.NoError(t, err)
	b, err := NewClient(key, WithBaseURL("https://api.eu.postman.com"))
	require.NoError(t, err)
	other, err := NewClient(key + "-other")
	require.NoError(t, err)
	assert.Same(t, a.limiter, b.limiter, "same key, same limiter")
	assert.NotSame(t, a.limiter, other.limiter, "another key, another limiter")

	// The API key's buckets do not depend on the SCIM key, and the SCIM
	// key's buckets do not depend on the API key.
	withSCIM, err := NewClient(key, WithSCIMKey("scim-1-"+key))
	require.NoError(t, err)
	otherWithSCIM, err := NewClient(key+"-other", WithSCIMKey("scim-1-"+key))
	require.NoError(t, err)
	la, lw, lo := a.limiter.(*postmanLimiter), withSCIM.limiter.(*postmanLimiter), otherWithSCIM.limiter.(*postmanLimiter)
	assert.Same(t, la.api, lw.api, "adding a SCIM key keeps the API key's buckets")
	assert.Same(t, lw.scim, lo.scim, "one SCIM key, one set of SCIM buckets")
	assert.NotSame(t, la.scim, lw.scim)
	assert.NotSame(t, lw.api, lo.api)

	// Explicit choices are respected.
	own := NewLimiter(1)
	c, err := NewClient(key, WithLimiter(own))
	require.NoError(t, err)
	assert.Same(t, own, c.limiter)
	off, err := NewClient(key, WithoutRateLimit())
	require.NoError(t, err)
	assert.Nil(t, off.limiter)
	_, err = NewClient(key, WithLimiter(nil))
	assert.ErrorIs(t, err, ErrInvalidArgument)
}

// TestSharedLimiterUnderConcurrency has 32 goroutines create clients with
// the same key and take tokens through them (run with -race): they all
// draw from one general bucket of burst 50, so 50 pass at once and the
// others, whose deadline is too close for the next token, are refused
// with context.DeadlineExceeded.
func TestSharedLimiterUnderConcurrency(t *testing.T) {
	t.Parallel()
	key := fmt.Sprintf("PMAK-concurrent-%d", time.Now().UnixNano())
	var passed, refused atomic.Int32
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range 32 {
		wg.Go(func() {
			c, err := NewClient(key)
			if !assert.NoError(t, err) {
				return
			}
			<-start
			for range 2 {
				ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
				err := c.limiter.Wait(ctx, "GET", "/me")
				cancel()
				switch {
				case err == nil:
					passed.Add(1)
				case assert.ErrorIs(t, err, context.DeadlineExceeded):
					refused.Add(1)
				}
			}
			c.limiter.PauseUntil(time.Now().Add(-time.Second)) // a pause in the past changes nothing
		})
	}
	close(start)
	wg.Wait()
	assert.Equal(t, int32(64), passed.Load()+refused.Load())
	// One bucket for the key lets its burst (and perhaps one new token)
	// through; a bucket per client would let all 64 through.
	burst := int32(newRateLimiter(general, 1).Burst())
	assert.GreaterOrEqual(t, passed.Load(), burst)
	assert.LessOrEqual(t, passed.Load(), burst+1, "one bucket for the key, not one per client")
}

func TestLimiterPauseHoldsEveryGoroutine(t *testing.T) {
	t.Parallel()
	l := NewLimiter(1)
	pause := 30 * time.Millisecond
	l.PauseUntil(time.Now().Add(pause))
	var wg sync.WaitGroup
	var early atomic.Int32
	start := time.Now()
	for range 4 {
		wg.Go(func() {
			require.NoError(t, l.Wait(context.Background(), "GET", "/me"))
			if time.Since(start) < pause-5*time.Millisecond {
				early.Add(1)
			}
		})
	}
	wg.Wait()
	assert.Zero(t, early.Load(), "no goroutine went before the pause ended")

	// A later pause extends, an earlier one does not shorten.
	l.PauseUntil(time.Now().Add(time.Hour))
	l.PauseUntil(time.Now().Add(time.Millisecond))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := l.Wait(ctx, "GET", "/me")
	assert.ErrorIs(t, err, context.DeadlineExceeded, "a pause past the deadline is refused at once")
}

func TestLimiterPausesOnlyTheKeyThatWasRefused(t *testing.T) {
	t.Parallel()
	l := NewLimiter(1).(*postmanLimiter)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	l.PausePathUntil("POST", "/scim/v2/Users", time.Now().Add(time.Hour))
	assert.NoError(t, l.Wait(ctx, "GET", "/me"), "a SCIM 429 does not hold the API key's calls")
	assert.ErrorIs(t, l.Wait(ctx, "GET", "/scim/v2/Users"), context.DeadlineExceeded)

	l = NewLimiter(1).(*postmanLimiter)
	l.PausePathUntil("GET", "/me", time.Now().Add(time.Hour))
	assert.NoError(t, l.Wait(ctx, "GET", "/scim/v2/Users"), "an API 429 does not hold SCIM calls")
	assert.ErrorIs(t, l.Wait(ctx, "GET", "/workspaces"), context.DeadlineExceeded)

	l = NewLimiter(1).(*postmanLimiter)
	l.PauseUntil(time.Now().Add(time.Hour))
	assert.ErrorIs(t, l.Wait(ctx, "GET", "/me"), context.DeadlineExceeded)
	assert.ErrorIs(t, l.Wait(ctx, "GET", "/scim/v2/Users"), context.DeadlineExceeded)

	cancelled, stop := context.WithCancel(context.Background())
	stop()
	assert.ErrorIs(t, NewLimiter(1).Wait(cancelled, "GET", "/me"), context.Canceled)
}

// TestLimiterDeadlineMatchesDeadlineExceeded: x/time/rate refuses a wait
// it cannot finish before the deadline with an error that errors.Is does
// not relate to context.DeadlineExceeded; the SDK's does.
func TestLimiterDeadlineMatchesDeadlineExceeded(t *testing.T) {
	t.Parallel()
	l := NewLimiter(1)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	require.NoError(t, l.Wait(ctx, "GET", "/collections"))
	err := l.Wait(ctx, "GET", "/collections")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	// x/time/rate says so only when it refuses at once; a wait that ran
	// into the deadline would end with the context's own error.
	assert.Contains(t, err.Error(), "would exceed context deadline", "refused at once")

	raw := rate.NewLimiter(rate.Every(time.Hour), 1)
	raw.Allow()
	rawErr := raw.Wait(ctx)
	assert.NotErrorIs(t, rawErr, context.DeadlineExceeded, "x/time/rate itself does not match (M9)")
}

// bucketFor names the endpoint bucket a request draws from ("" for the
// general bucket only).
func bucketFor(method, path string) string {
	for _, b := range postmanLimits {
		if b.match(method, path) {
			return b.name
		}
	}
	return ""
}

func TestLimiterBuckets(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ method, path, bucket string }{
		{"GET", "/collections", "GET /collections"},
		{"POST", "/collections", ""},
		{"GET", "/collections/123", ""},
		{"GET", "/workspaces", "GET /workspaces"},
		{"GET", "/workspaces/ws-1", "GET /workspaces/{id}"},
		{"PUT", "/workspaces/ws-1", ""},
		{"GET", "/workspaces/ws-1/roles", ""},
		{"GET", "/workspaces/ws-1/updates", "workspace updates"},
		{"POST", "/workspaces/ws-1/updates", "workspace updates"},
		{"PATCH", "/workspaces/ws-1/updates/u-1", "workspace updates"},
		{"GET", "/workspaces/ws-1/updatesx", ""},
		{"GET", "/monitors", "monitors"},
		{"POST", "/monitors/m-1/run", "monitors"},
		{"GET", "/monitorsx", ""},
		{"POST", "/service-account-tokens", "POST /service-account-tokens"},
		{"POST", "/import/openapi", "POST /import/openapi"},
		{"POST", "/postbot/generations/tool", "POST /postbot/generations/tool"},
		{"GET", "/me", ""},
	} {
		assert.Equal(t, tt.bucket, bucketFor(tt.method, tt.path), "%s %s", tt.method, tt.path)
	}

	// Every bucket stays under its Postman limit whatever the window's
	// alignment: at most burst + rate·window requests in any window, which
	// is under the limit (or 1, when the scale leaves less than that);
	// TestBucketsStayUnderPostmanLimits checks the slack on a simulated clock.
	for _, b := range append([]bucket{general, scimReads, scimWrites}, postmanLimits...) {
		for _, scale := range []float64{1, 0.5, 0.1} {
			l := newRateLimiter(b, scale)
			worst := math.Floor(float64(l.Burst()) + float64(l.Limit())*b.window.Seconds() + 1e-9)
			assert.LessOrEqual(t, worst, max(1, math.Floor(b.n*scale+1e-9)), "%s at scale %v", b.name, scale)
			assert.GreaterOrEqual(t, l.Burst(), 1)
			assert.Positive(t, float64(l.Limit()))
		}
	}
}

// TestDefaultLimiterPacesRequests runs 12 GET /collections through a
// fresh default limiter: it lets the burst of one through, and the next
// call would wait about 1.2 s for a token, which the test observes as an
// immediate refusal under a short deadline rather than by waiting.
func TestDefaultLimiterPacesRequests(t *testing.T) {
	t.Parallel()
	env := &faultEnv{}
	base, _ := always(200, nil, okBody)(t, env)
	c := newTestClient(t, base, WithLimiter(NewLimiter(1)))
	ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	var errs int
	for range 12 {
		if _, err := c.Do(ctx, "GET", "/collections", nil, nil); err != nil {
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			errs++
		}
	}
	assert.Equal(t, 1, int(env.hits.Load()), "GET /collections: a burst of one, then 10 per 10 s")
	assert.Equal(t, 11, errs)
	// Other endpoints are not held back by the /collections bucket.
	_, err := c.Do(ctx, "GET", "/me", nil, nil)
	require.NoError(t, err)
}
