package redislimit_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/redislimit"
)

// fakeClock is the outage bookkeeping's clock, moved by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// outageLimiter is a limiter bound to apiKey that reaches Redis through
// proxy with a command timeout, logs into logs, and keeps outage time by
// clock; it returns the limiter's key prefix too.
func outageLimiter(t *testing.T, proxy *redisProxy, timeout time.Duration, logs *logRecords, clock *fakeClock) (postman.Limiter, string) {
	t.Helper()
	prefix := testPrefix(t)
	l := newLimiter(t, proxy.client(t), redislimit.WithPrefix(prefix), redislimit.WithLogger(logs.logger()),
		redislimit.WithTimeout(timeout), redislimit.WithRecheck(10*time.Second), redislimit.WithClock(clock.Now))
	return l.ForKeys(postman.Fingerprint(apiKey), ""), prefix
}

// assertLocalPacing shows that l paces with the in-process limiter: GET
// /collections lets one call go at once, and the next one is a second
// away, past a 200 ms deadline; both return before timeout, the command
// timeout a call that asked a stalled Redis would have waited.
func assertLocalPacing(t *testing.T, l postman.Limiter, timeout time.Duration) {
	t.Helper()
	start := time.Now()
	require.NoError(t, l.Wait(t.Context(), "GET", "/collections"))
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, l.Wait(ctx, "GET", "/collections"), context.DeadlineExceeded, "the local bucket is empty")
	assert.Less(t, time.Since(start), timeout, "without asking Redis: no command timeout")
}

// TestRedisDownFallsBackAndLogsOnce: with Redis refusing connections,
// calls go on at once, paced by the in-process limiter, and the outage is
// logged once however many calls meet it.
func TestRedisDownFallsBackAndLogsOnce(t *testing.T) {
	t.Parallel()
	logs := &logRecords{}
	proxy := newProxy(t, "") // nothing behind it
	l, _ := outageLimiter(t, proxy, time.Second, logs, &fakeClock{now: time.Now()})

	start := time.Now()
	// Two calls, then assertLocalPacing's first: the local limiter's
	// general bucket lets three go at once.
	for range 2 {
		require.NoError(t, l.Wait(t.Context(), "GET", "/me"))
	}
	assert.Less(t, time.Since(start), 500*time.Millisecond, "a refused connection fails well before the 1 s timeout")
	assertLocalPacing(t, l, 500*time.Millisecond)
	l.PauseUntil(time.Now().Add(time.Hour)) // during an outage: kept locally, not sent

	require.Len(t, logs.lines(), 1, "logged once: %q", logs.lines())
	assert.Contains(t, logs.lines()[0], "level=WARN")
	assert.Contains(t, logs.lines()[0], "Redis is unavailable")
	assert.NotContains(t, logs.lines()[0], apiKey[:12])

	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, l.Wait(ctx, "GET", "/me"), context.DeadlineExceeded, "the local limiter keeps the pause")
}

// TestSlowRedisCostsOneTimeout: a Redis that takes connections and never
// answers costs the first call the command timeout (100 ms here); the
// calls after it pace locally at once, and the outage is logged once.
func TestSlowRedisCostsOneTimeout(t *testing.T) {
	t.Parallel()
	logs := &logRecords{}
	proxy := proxyToRedis(t)
	proxy.setMode(stall)
	l, _ := outageLimiter(t, proxy, 100*time.Millisecond, logs, &fakeClock{now: time.Now()})

	start := time.Now()
	require.NoError(t, l.Wait(t.Context(), "GET", "/me"))
	first := time.Since(start)
	assert.GreaterOrEqual(t, first, 100*time.Millisecond, "waited for the command's timeout")
	assert.Less(t, first, 500*time.Millisecond, "and not the client's own read timeout and retry (600 ms)")
	assertLocalPacing(t, l, 90*time.Millisecond)
	require.Len(t, logs.lines(), 1, "%q", logs.lines())
	assert.Contains(t, logs.lines()[0], "no answer within 100ms")
}

// TestRedisComesBack: after an outage the limiter asks Redis again only
// once the recheck interval has passed, then shares the budget through it
// again and says so, once.
func TestRedisComesBack(t *testing.T) {
	t.Parallel()
	logs := &logRecords{}
	clock := &fakeClock{now: time.Now()}
	proxy := proxyToRedis(t)
	rdb := newRedis(t)
	// A long command timeout: a loaded machine must not look like an outage.
	l, prefix := outageLimiter(t, proxy, 2*time.Second, logs, clock)

	require.NoError(t, l.Wait(t.Context(), "GET", "/me"))
	general := keysWith(t, rdb, prefix+"{"+string(postman.Fingerprint(apiKey))+"}:general")
	require.NotEmpty(t, general, "the budget is in Redis")
	require.Empty(t, logs.lines())

	proxy.setMode(refuse)
	require.NoError(t, l.Wait(t.Context(), "GET", "/me"))
	require.Len(t, logs.lines(), 1)

	proxy.setMode(forward)
	before, err := rdb.Get(t.Context(), general[0]).Result()
	require.NoError(t, err)
	clock.advance(9 * time.Second)
	require.NoError(t, l.Wait(t.Context(), "GET", "/me"))
	after, err := rdb.Get(t.Context(), general[0]).Result()
	require.NoError(t, err)
	assert.Equal(t, before, after, "within the recheck interval, Redis is not asked")

	clock.advance(2 * time.Second)
	require.NoError(t, l.Wait(t.Context(), "GET", "/me"))
	after, err = rdb.Get(t.Context(), general[0]).Result()
	require.NoError(t, err)
	assert.NotEqual(t, before, after, "after it, the token comes from Redis")
	require.Len(t, logs.lines(), 2, "%q", logs.lines())
	assert.True(t, strings.Contains(logs.lines()[1], "level=INFO") && strings.Contains(logs.lines()[1], "answers again"), logs.lines()[1])
}
