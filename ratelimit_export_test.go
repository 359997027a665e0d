package postman

import (
	"time"

	"golang.org/x/time/rate"
)

// NewLimiterSpeedup returns NewLimiter(scale) with time running speedup
// times faster: every bucket is built by the same arithmetic from the same
// limit with its window divided by speedup, so Postman's minute lasts
// 60 s/speedup. The rate-limiting benchmarks and tests use it to span
// several of Postman's windows in a few seconds. Tests only.
func NewLimiterSpeedup(scale, speedup float64) Limiter {
	l := NewLimiter(scale).(*postmanLimiter)
	if scale <= 0 {
		scale = 1
	}
	fast := func(b bucket) *rate.Limiter {
		b.window = time.Duration(float64(b.window) / speedup)
		return newRateLimiter(b, scale)
	}
	l.api.general = fast(general)
	l.scim.read = fast(scimReads)
	l.scim.write = fast(scimWrites)
	for i, b := range postmanLimits {
		l.api.endpoints[i] = fast(b)
	}
	return l
}

// GeneralRate returns the rate, in requests per second, of the general
// bucket of l, a limiter from NewLimiter or NewLimiterSpeedup.
func GeneralRate(l Limiter) float64 {
	return float64(l.(*postmanLimiter).api.general.Limit())
}
