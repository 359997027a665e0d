package postmantest

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// Postman's documented limit: 300 requests per minute per user.
const (
	PostmanRateLimit  = 300
	PostmanRateWindow = time.Minute
)

// faults is the state of the failures the server injects on demand.
type faults struct {
	mu sync.Mutex
	// failNext answers the next len(failNext) requests with these statuses.
	failNext []int
	// rate limiting: at most limit requests per window per key, and the
	// endpoint limits (WithPostmanLimits); used holds the windows.
	limit          int
	window         time.Duration
	endpointLimits []endpointLimit
	used           map[string]*window
	// quotaExhausted answers every request with 429 serviceLimitExhausted.
	quotaExhausted bool
	// gated path prefixes answer 403 "feature isn't available".
	gated []string
	now   func() time.Time
}

// WithRateLimit makes the server enforce limit requests per window for
// each API key, answering 429 rateLimited with Retry-After and
// X-RateLimit-RetryAfter beyond it, like Postman (PostmanRateLimit per
// PostmanRateWindow; scale it down for fast tests).
func WithRateLimit(limit int, window time.Duration) Option {
	return func(c *config) { c.rateLimit, c.rateWindow = limit, window }
}

// FailNext makes the next n requests fail with status (500, 502, 503 …)
// and Postman's error body for it; 503 answers carry Retry-After: 1.
func (s *Server) FailNext(n, status int) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	for range n {
		s.faults.failNext = append(s.faults.failNext, status)
	}
}

// ExhaustQuota makes every request fail with Postman's monthly quota
// answer (429 serviceLimitExhausted) until RestoreQuota.
func (s *Server) ExhaustQuota() {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.quotaExhausted = true
}

// RestoreQuota ends ExhaustQuota.
func (s *Server) RestoreQuota() {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.quotaExhausted = false
}

// GateFeature makes every request whose path starts with pathPrefix (e.g.
// "/network" or "/scim") fail with Postman's 403 "This feature isn't
// available in your region.", as for a region or plan without the feature.
func (s *Server) GateFeature(pathPrefix string) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.gated = append(s.faults.gated, pathPrefix)
}

// inject answers r with a fault if one applies, and reports whether it did.
func (s *Server) inject(w http.ResponseWriter, r *http.Request) bool {
	f := &s.faults
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.failNext) > 0 {
		status := f.failNext[0]
		f.failNext = f.failNext[1:]
		if status == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", "1")
		}
		writeProblem(w, status, map[string]any{"type": "https://api.postman.com/problems/" + strings.ReplaceAll(strings.ToLower(http.StatusText(status)), " ", "-"),
			"title": http.StatusText(status), "detail": "Injected by postmantest.", "status": status})
		return true
	}
	if f.quotaExhausted {
		writeProblem(w, http.StatusTooManyRequests, errorEnvelope("serviceLimitExhausted",
			"You've reached the limit for the Postman API usage in your plan. Contact your Postman Team Admin for assistance."))
		return true
	}
	for _, p := range f.gated {
		if strings.HasPrefix(r.URL.Path, p) {
			writeProblem(w, http.StatusForbidden, map[string]any{"type": "https://api.postman.com/problems/forbidden",
				"title": "Forbidden", "detail": "This feature isn't available in your region.", "status": 403})
			return true
		}
	}
	return f.limitRate(w, r)
}

// RateLimited returns how many requests the server refused with 429
// rateLimited so far.
func (s *Server) RateLimited() int {
	n := 0
	for _, r := range s.Requests() {
		if r.Status == http.StatusTooManyRequests {
			n++
		}
	}
	return n
}
