package redislimit_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/redislimit"
)

// hugeScale makes every bucket so large that no Wait ever waits: the
// benchmarks measure the limiters' own cost, not Postman's limits.
const hugeScale = 1e6

// BenchmarkWait is one Wait for GET /collections (an endpoint limit and
// the general one): on Redis (a pause check and two GCRA scripts, three
// round trips to the local Redis) and on the in-process default.
func BenchmarkWait(b *testing.B) {
	rdb := newRedis(b)
	limiters := []struct {
		name string
		l    postman.Limiter
	}{
		{"redis", newLimiter(b, rdb, redislimit.WithPrefix(testPrefix(b)), redislimit.WithScale(hugeScale)).ForKeys(postman.Fingerprint(apiKey), "")},
		{"in-process", postman.NewLimiter(hugeScale)},
	}
	for _, lim := range limiters {
		b.Run(lim.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := lim.l.Wait(b.Context(), "GET", "/collections"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCall is a whole Users.GetMe call against a local server with no
// limiter, the in-process default, and the Redis limiter: the difference
// is the latency the Redis limiter adds to a call.
func BenchmarkCall(b *testing.B) {
	rdb := newRedis(b)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"user":{"id":1,"username":"ada"}}`))
	}))
	defer srv.Close()
	for _, side := range []struct {
		name string
		opt  postman.Option
	}{
		{"none", postman.WithoutRateLimit()},
		{"in-process", postman.WithLimiter(postman.NewLimiter(hugeScale))},
		{"redis", postman.WithLimiter(newLimiter(b, rdb, redislimit.WithPrefix(testPrefix(b)), redislimit.WithScale(hugeScale)))},
	} {
		b.Run("limiter="+side.name, func(b *testing.B) {
			c, err := postman.NewClient(apiKey, postman.WithBaseURL(srv.URL), side.opt)
			if err != nil {
				b.Fatal(err)
			}
			defer c.CloseIdleConnections()
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := c.Users.GetMe(b.Context()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFleet is TestFleetSharesOneBudget (four processes, one
// Redis, one key) at several scales and speedups, including Postman's
// own pace 30 times faster, whose 40 ms of window slack a busy machine's
// delays can exceed (hence the tests' slower pace). Each Wait reserves
// its slot ahead, so a process that wakes late loses none. One op is one
// run.
func BenchmarkFleet(b *testing.B) {
	for _, f := range []fleet{
		postmanFleet,
		{processes: 4, calls: 600, scale: 1, speedup: 10},
		{processes: 4, calls: 300, scale: 0.5, speedup: 30},
		{processes: 4, calls: 300, scale: 0.5, speedup: 5},
		{processes: 4, calls: 80, scale: 1, speedup: 30, collections: true},
	} {
		name := fmt.Sprintf("scale=%v/speedup=%v", f.scale, f.speedup)
		if f.collections {
			name = "GET_collections/" + name
		}
		b.Run(name, func(b *testing.B) {
			var rejected int
			var steady, wall float64
			runs := 0
			for b.Loop() {
				r := f.run(b, f.redisLimiters(testPrefix(b)))
				runs++
				rejected += r.rejected
				steady += r.steady
				wall += r.wall.Seconds()
			}
			b.ReportMetric(float64(rejected)/float64(runs), "429s/op")
			b.ReportMetric(steady/float64(runs), "steady-fraction")
			b.ReportMetric(wall/float64(runs), "wall-s/op")
		})
	}
}
