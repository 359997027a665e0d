package redislimit_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
	"github.com/postman-go/postman/redislimit"
)

const (
	apiKey  = "PMAK-0123456789abcdef01234567-89abcdef0123456789abcdef0123456789"
	scimKey = "SCIM-fedcba9876543210fedcba9876543210"
)

// newLimiter is a Limiter on rdb whose Redis commands may take as long as
// a busy machine makes them (fleetTimeout) unless opts set a timeout.
func newLimiter(t testing.TB, rdb redis.UniversalClient, opts ...redislimit.Option) *redislimit.Limiter {
	t.Helper()
	l, err := redislimit.New(rdb, append([]redislimit.Option{redislimit.WithTimeout(fleetTimeout)}, opts...)...)
	require.NoError(t, err)
	return l
}

// TestRedisHoldsFingerprintsNeverKeys makes API and SCIM calls and a
// pause through a client, then reads every key and value in Redis: the
// budgets are under the keys' fingerprints, and neither key, nor a piece
// of one, is anywhere.
func TestRedisHoldsFingerprintsNeverKeys(t *testing.T) {
	rdb := newRedis(t)
	t.Parallel()
	prefix := testPrefix(t)
	srv := postmantest.NewServer(postmantest.WithAPIKey(apiKey), postmantest.WithSCIMKey(scimKey))
	defer srv.Close()
	c, err := postman.NewClient(apiKey, postman.WithSCIMKey(scimKey), postman.WithBaseURL(srv.URL),
		postman.WithLimiter(newLimiter(t, rdb, redislimit.WithPrefix(prefix))))
	require.NoError(t, err)
	defer c.CloseIdleConnections()
	ctx := t.Context()
	_, _, err = c.Users.GetMe(ctx)
	require.NoError(t, err)
	_, _, err = c.Collections.List(ctx, nil)
	require.NoError(t, err)
	_, _, err = c.SCIM.ListUsers(ctx, nil)
	require.NoError(t, err)

	api, scim := string(postman.Fingerprint(apiKey)), string(postman.Fingerprint(scimKey))
	assert.ElementsMatch(t, []string{
		"rate:" + prefix + "{" + api + "}:general",
		"rate:" + prefix + "{" + api + "}:GET_/collections",
		"rate:" + prefix + "{" + scim + "}:SCIM_reads",
	}, keysWith(t, rdb, prefix))

	assertNoKeyInRedis(t, rdb, apiKey)
	assertNoKeyInRedis(t, rdb, scimKey)
}

// assertNoKeyInRedis reads every key and value of the test Redis: neither
// secret nor a piece of it may be anywhere.
func assertNoKeyInRedis(t *testing.T, rdb *redis.Client, secret string) {
	t.Helper()
	for _, key := range keysWith(t, rdb, "") {
		val, _ := rdb.Get(t.Context(), key).Result() // every key the package writes is a string
		for _, piece := range []string{secret, secret[:12], secret[len(secret)-12:]} {
			assert.NotContains(t, key, piece)
			assert.NotContains(t, val, piece, "the value of %s", key)
		}
	}
}

// TestPauseIsSharedAcrossProcesses: a pause set through one limiter holds
// back another one (another process) with the same key, only for that
// key's budget, is never shortened, and is refused at once by a call
// whose deadline comes first.
func TestPauseIsSharedAcrossProcesses(t *testing.T) {
	requireRedis(t)
	t.Parallel()
	prefix := redislimit.WithPrefix(testPrefix(t))
	fp := postman.Fingerprint(apiKey)
	a := newLimiter(t, newRedis(t), prefix).ForKeys(fp, "")
	b := newLimiter(t, newRedis(t), prefix).ForKeys(fp, "")
	other := newLimiter(t, newRedis(t), prefix).ForKeys(postman.Fingerprint("PMAK-another-key"), "")

	pp := a.(interface {
		PausePathUntil(string, string, time.Time)
	})
	paused := time.Now()
	pp.PausePathUntil("GET", "/me", paused.Add(time.Second))
	pp.PausePathUntil("GET", "/me", time.Now().Add(50*time.Millisecond)) // shorter: ignored

	start := time.Now()
	require.NoError(t, other.Wait(t.Context(), "GET", "/me"))
	require.NoError(t, b.Wait(t.Context(), "GET", "/scim/v2/Users"))
	assert.Less(t, time.Since(start), 500*time.Millisecond, "another key and the SCIM budget are not paused")

	short, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
	defer cancel()
	start = time.Now()
	err := b.Wait(short, "GET", "/me")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "pause")
	assert.Less(t, time.Since(start), 400*time.Millisecond, "refused at once, not at the deadline")

	require.NoError(t, b.Wait(t.Context(), "GET", "/me"))
	assert.GreaterOrEqual(t, time.Since(paused), 950*time.Millisecond, "waited out the longer pause")
}

// TestA429InOneProcessPausesTheOthers, end to end: the server answers
// one client's first call 429 with Retry-After: 1; a second client, with
// a limiter of its own, calling right after, reaches the server only once
// the second has passed.
func TestA429InOneProcessPausesTheOthers(t *testing.T) {
	requireRedis(t)
	t.Parallel()
	var hits atomic.Int32
	arrivals := make(chan time.Time, 4)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrivals <- time.Now()
		w.Header().Set("Content-Type", "application/json")
		if hits.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = w.Write([]byte(`{"error":"rateLimited","message":"Rate limit exceeded."}`))
			return
		}
		_, _ = w.Write([]byte(`{"user":{"id":1,"username":"ada"}}`))
	}))
	defer srv.Close()
	keyPrefix := testPrefix(t)
	prefix := redislimit.WithPrefix(keyPrefix)
	client := func() *postman.Client {
		c, err := postman.NewClient(apiKey, postman.WithBaseURL(srv.URL), postman.WithLimiter(newLimiter(t, newRedis(t), prefix)))
		require.NoError(t, err)
		t.Cleanup(c.CloseIdleConnections)
		return c
	}
	first, second := client(), client()

	done := make(chan error, 1)
	go func() { _, _, err := first.Users.GetMe(t.Context()); done <- err }()
	refused := <-arrivals
	// The first client records the pause as it reads the 429; once it is
	// in Redis, call from the second process.
	rdb := newRedis(t)
	pauseKey := keyPrefix + "{" + string(postman.Fingerprint(apiKey)) + "}:pause"
	require.Eventually(t, func() bool { return rdb.PTTL(t.Context(), pauseKey).Val() > 0 }, time.Second, time.Millisecond)
	_, _, err := second.Users.GetMe(t.Context())
	require.NoError(t, err)
	require.NoError(t, <-done)
	for range 2 {
		assert.GreaterOrEqual(t, (<-arrivals).Sub(refused), 950*time.Millisecond, "a call reached the server during the pause")
	}
}

// TestWaitEndsWithTheContext: a call waiting for a token of an empty
// bucket stops when its context is cancelled, and one whose deadline
// comes before the token fails at once.
func TestWaitEndsWithTheContext(t *testing.T) {
	rdb := newRedis(t)
	t.Parallel()
	l := newLimiter(t, rdb, redislimit.WithPrefix(testPrefix(t))).ForKeys(postman.Fingerprint(apiKey), "")
	// GET /collections allows 10 per 10 s: one at once, then one a second.
	require.NoError(t, l.Wait(t.Context(), "GET", "/collections"))

	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(30*time.Millisecond, cancel)
	start := time.Now()
	assert.ErrorIs(t, l.Wait(ctx, "GET", "/collections"), context.Canceled)
	assert.Less(t, time.Since(start), 500*time.Millisecond)

	ctx, cancel = context.WithTimeout(t.Context(), 600*time.Millisecond)
	defer cancel()
	start = time.Now()
	err := l.Wait(ctx, "GET", "/collections")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "GET /collections token")
	assert.Less(t, time.Since(start), 500*time.Millisecond, "refused at once, not at the deadline")
}

func TestForKeysGivesOneLimiterPerKeyPair(t *testing.T) {
	t.Parallel()
	l := newLimiter(t, clientFor(t, &redis.Options{Addr: "127.0.0.1:1"}))
	a, scim := postman.Fingerprint(apiKey), postman.Fingerprint(scimKey)
	assert.Same(t, l.ForKeys(a, scim), l.ForKeys(a, scim))
	assert.NotSame(t, l.ForKeys(a, scim), l.ForKeys(a, ""))
	assert.NotSame(t, l.ForKeys(a, ""), l.ForKeys(postman.Fingerprint("PMAK-other"), ""))
}

func TestNewRefusesBadSettings(t *testing.T) {
	t.Parallel()
	rdb := clientFor(t, &redis.Options{Addr: "127.0.0.1:1"})
	_, err := redislimit.New(nil)
	assert.ErrorContains(t, err, "nil Redis client")
	for _, opt := range []redislimit.Option{
		redislimit.WithPrefix(""), redislimit.WithScale(0), redislimit.WithScale(-1),
		redislimit.WithTimeout(0), redislimit.WithRecheck(-time.Second),
		redislimit.WithFallbackScale(0), redislimit.WithLogger(nil),
	} {
		_, err := redislimit.New(rdb, opt)
		assert.Error(t, err)
		assert.True(t, strings.HasPrefix(err.Error(), "redislimit: "), err.Error())
	}
}
