package postman

import (
	"fmt"
	"testing"
	"time"
)

// TestBucketsStayUnderPostmanLimits drives every default bucket with a
// greedy client on a simulated clock (each request reserved as early as
// the bucket allows) and checks what the server would count: no n+1
// requests within one window plus the latency slack, at any alignment;
// and, for the general 300 per minute from half of it up, a steady rate
// of at least 95 % of Postman's (smaller budgets give up more to the
// burst's one request: 0.95 of 30 per minute is 28.5).
func TestBucketsStayUnderPostmanLimits(t *testing.T) {
	t.Parallel()
	all := append([]bucket{general, scimReads, scimWrites}, postmanLimits...)
	for _, scale := range []float64{0.1, 0.5, 1, 10} {
		for _, b := range all {
			t.Run(fmt.Sprintf("%s/scale=%g", b.name, scale), func(t *testing.T) {
				n := int(b.n * scale)
				lim := newRateLimiter(b, scale)
				t0 := time.Unix(0, 0)
				at := make([]time.Time, 4*n+1)
				for i := range at {
					at[i] = t0.Add(lim.ReserveN(t0, 1).DelayFrom(t0))
				}
				span := b.window + b.window/slackDiv
				for i := 0; i+n < len(at); i++ {
					if got := at[i+n].Sub(at[i]); got < span {
						t.Fatalf("requests %d to %d go within %v; the server allows %d per %v (plus %v slack)", i, i+n, got, n, b.window, b.window/slackDiv)
					}
				}
				burst := lim.Burst()
				steady := float64(len(at)-1-burst) / at[len(at)-1].Sub(at[burst]).Seconds()
				allowed := float64(n) / b.window.Seconds()
				if b.name == general.name && scale >= 0.5 && steady < 0.95*allowed {
					t.Errorf("steady rate %.3f/s is %.3f of the allowed %.3f/s; want ≥ 0.95", steady, steady/allowed, allowed)
				}
			})
		}
	}
}
