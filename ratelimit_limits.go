package postman

import (
	"math"
	"time"
)

// RateLimit is one of Postman's documented rate limits, as the default
// Limiter enforces it: Requests per Window, drawn from the API key's
// budget, or from the SCIM key's when SCIM is true. A Limiter that keeps
// its budgets elsewhere (in Redis, for a fleet of processes sharing a
// key) asks RateLimitsFor which limits a request draws from and
// TokenBucket how to pace them, and so enforces what the default does.
type RateLimit struct {
	// Name identifies the limit ("general", "GET /collections",
	// "workspace updates", "SCIM writes", …). It is stable across
	// versions, so it can name a bucket in a shared store.
	Name     string
	Requests int
	Window   time.Duration
	SCIM     bool
}

// RateLimitsFor returns the limits a request draws from, in the order a
// limiter waits on them: the endpoint's own limit, if it has one, then
// the key's general limit; for a SCIM request, the SCIM key's read or
// write limit. method and path are those Limiter.Wait receives (the path
// relative to the base URL, without its query).
func RateLimitsFor(method, path string) []RateLimit {
	if isSCIMPath(path) {
		if method == "GET" || method == "HEAD" {
			return []RateLimit{scimReads.public(true)}
		}
		return []RateLimit{scimWrites.public(true)}
	}
	for _, b := range postmanLimits {
		if b.match(method, path) {
			return []RateLimit{b.public(false), general.public(false)}
		}
	}
	return []RateLimit{general.public(false)}
}

// TokenBucket returns the token bucket the default Limiter enforces l
// with, at scale (1/n to share the limit among n processes): at most
// burst requests at once, then one every interval. Its rate stays
// slightly below Requests/Window, so that no window of Postman's, however
// aligned, holds more than Requests even when network delays vary; a
// scale that is not positive counts as 1.
func (l RateLimit) TokenBucket(scale float64) (burst int, interval time.Duration) {
	if scale <= 0 || math.IsNaN(scale) || math.IsInf(scale, 0) {
		scale = 1
	}
	burst, perSecond := bucketShape(float64(l.Requests)*scale, l.Window)
	return burst, time.Duration(float64(time.Second) / perSecond)
}

// public describes b as a RateLimit.
func (b bucket) public(scim bool) RateLimit {
	return RateLimit{Name: b.name, Requests: int(b.n), Window: b.window, SCIM: scim}
}
