package redislimit_test

import (
	"context"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
	"github.com/postman-go/postman/redislimit"
)

// Scaling of the fleet runs, as in postman's own rate tests: the fake
// enforces Postman's 300 a minute times fleetScale over a minute divided
// by fleetSpeedup, and every limiter is built for the same, so that the
// server's limit binds within seconds: 150 requests per 4 s here, and 300
// calls span two windows (8 s).
const (
	fleetScale   = 0.5
	fleetSpeedup = 15.0
	fleetCalls   = 300
	fleetSize    = 4
)

// fleetRun is the outcome of one fleet run.
type fleetRun struct {
	limit    int
	window   time.Duration
	rejected int // the fake's 429s
	// steady is the rate after the first tenth of the answers (the
	// buckets' bursts), as a fraction of the allowed limit/window.
	steady float64
	wall   time.Duration
}

// runFleet makes calls concurrent Users.Me calls spread over size
// "processes" — clients with separate Redis clients and separate
// limiters from newLimiter, all with one API key — against a fake
// enforcing Postman's general limit at fleetScale and fleetSpeedup.
func runFleet(tb testing.TB, size, calls int, newLimiter func(tb testing.TB) postman.Limiter) fleetRun {
	return runFleetWith(tb, size, calls, fleetSpeedup, newLimiter)
}

// runFleetAt is runFleet with Redis limiters at speedup.
func runFleetAt(tb testing.TB, size, calls int, speedup float64) fleetRun {
	return runFleetWith(tb, size, calls, speedup, redisFleetLimiter(testPrefix(tb), speedup))
}

func runFleetWith(tb testing.TB, size, calls int, speedup float64, newLimiter func(tb testing.TB) postman.Limiter) fleetRun {
	tb.Helper()
	run := fleetRun{
		limit:  int(math.Round(postmantest.PostmanRateLimit * fleetScale)),
		window: time.Duration(float64(postmantest.PostmanRateWindow) / speedup),
	}
	srv := postmantest.NewServer(postmantest.WithRateLimit(run.limit, run.window))
	defer srv.Close()
	clients := make([]*postman.Client, size)
	for i := range clients {
		c, err := postman.NewClient("PMAK-fleet-shared-key", postman.WithBaseURL(srv.URL), postman.WithLimiter(newLimiter(tb)))
		require.NoError(tb, err)
		defer c.CloseIdleConnections()
		clients[i] = c
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	answered := make([]time.Time, calls)
	var failed atomic.Pointer[error]
	var wg sync.WaitGroup
	start := time.Now()
	for i := range calls {
		wg.Go(func() {
			if _, _, err := clients[i%size].Users.Me(ctx); err != nil {
				failed.CompareAndSwap(nil, &err)
			}
			answered[i] = time.Now()
		})
	}
	wg.Wait()
	if err := failed.Load(); err != nil {
		tb.Fatalf("Users.Me: %v", *err)
	}
	slices.SortFunc(answered, func(a, b time.Time) int { return a.Compare(b) })
	run.wall = answered[calls-1].Sub(start)
	run.rejected = srv.RateLimited()
	steady := answered[calls/10:]
	achieved := float64(len(steady)-1) / steady[len(steady)-1].Sub(steady[0]).Seconds()
	run.steady = achieved / (float64(run.limit) / run.window.Seconds())
	return run
}

// redisFleetLimiter returns, for each process of a fleet, a limiter of
// its own on a Redis client of its own, all with one key prefix.
func redisFleetLimiter(prefix string, speedup float64) func(tb testing.TB) postman.Limiter {
	return func(tb testing.TB) postman.Limiter {
		l, err := redislimit.New(newRedis(tb), redislimit.WithPrefix(prefix),
			redislimit.WithScale(fleetScale), redislimit.WithSpeedup(speedup))
		require.NoError(tb, err)
		return l
	}
}

// TestFleetSharesOneBudget: four processes with one key, each with its
// own limiter on one Redis, make 300 concurrent calls against a server
// enforcing Postman's limit; not one 429, and the fleet gets at least
// 90 % of the allowed rate.
func TestFleetSharesOneBudget(t *testing.T) {
	requireRedis(t)
	t.Parallel()
	r := runFleet(t, fleetSize, fleetCalls, redisFleetLimiter(testPrefix(t), fleetSpeedup))
	t.Logf("%d processes, %d calls, %d per %v: %d 429s, steady rate %.3f of allowed, %v",
		fleetSize, fleetCalls, r.limit, r.window, r.rejected, r.steady, r.wall)
	assert.Zero(t, r.rejected, "429s")
	assert.GreaterOrEqual(t, r.steady, 0.90, "fraction of the allowed rate")
	assert.LessOrEqual(t, r.steady, 1.0, "no faster than allowed")
}

// TestFleetWithoutSharingOvershoots is the problem the package solves:
// the same fleet where each process keeps a budget of its own (the same
// limiter, each under its own prefix, as each process's in-memory
// limiter would) sends four times the allowed rate and draws 429s.
func TestFleetWithoutSharingOvershoots(t *testing.T) {
	requireRedis(t)
	t.Parallel()
	window := time.Duration(float64(postmantest.PostmanRateWindow) / fleetSpeedup)
	limit := int(math.Round(postmantest.PostmanRateLimit * fleetScale))
	srv := postmantest.NewServer(postmantest.WithRateLimit(limit, window))
	defer srv.Close()
	var wg sync.WaitGroup
	for range fleetSize {
		c, err := postman.NewClient("PMAK-fleet-shared-key", postman.WithBaseURL(srv.URL),
			postman.WithLimiter(redisFleetLimiter(testPrefix(t), fleetSpeedup)(t)), postman.WithMaxRetries(0))
		require.NoError(t, err)
		defer c.CloseIdleConnections()
		for range limit / 2 {
			wg.Go(func() { _, _, _ = c.Users.Me(t.Context()) })
		}
	}
	wg.Wait()
	assert.Positive(t, srv.RateLimited(), "processes pacing alone overshoot the shared limit")
}
