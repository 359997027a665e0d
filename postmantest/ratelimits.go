package postmantest

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// endpointLimit is one of Postman's documented limits beyond the general
// one: n requests per window, per key, for the requests match accepts.
// The fake keeps its own statement of them, as documented, rather than
// the SDK's: it is the oracle the SDK's limiters are tested against.
type endpointLimit struct {
	name   string
	n      int
	window time.Duration
	match  func(method, path string) bool
}

// postmanEndpointLimits are the limits WithPostmanLimits enforces.
var postmanEndpointLimits = []endpointLimit{
	{"GET /collections", 10, 10 * time.Second, route("GET", "/collections")},
	{"GET /workspaces", 10, 10 * time.Second, route("GET", "/workspaces")},
	{"GET /workspaces/{id}", 10, 10 * time.Second, func(m, p string) bool {
		id, ok := strings.CutPrefix(p, "/workspaces/")
		return m == "GET" && ok && id != "" && !strings.Contains(id, "/")
	}},
	{"workspace updates", 20, time.Minute, func(_, p string) bool {
		rest, ok := strings.CutPrefix(p, "/workspaces/")
		_, sub, _ := strings.Cut(rest, "/")
		return ok && (sub == "updates" || strings.HasPrefix(sub, "updates/"))
	}},
	{"monitors", 10, 10 * time.Second, func(_, p string) bool { return p == "/monitors" || strings.HasPrefix(p, "/monitors/") }},
	{"POST /service-account-tokens", 10, 10 * time.Second, route("POST", "/service-account-tokens")},
	{"POST /import/openapi", 10, 10 * time.Second, route("POST", "/import/openapi")},
	{"POST /postbot/generations/tool", 300, 3 * time.Hour, route("POST", "/postbot/generations/tool")},
	{"SCIM reads", 300, time.Minute, func(m, p string) bool { return strings.HasPrefix(p, "/scim/") && (m == "GET" || m == "HEAD") }},
	{"SCIM writes", 180, time.Minute, func(m, p string) bool { return strings.HasPrefix(p, "/scim/") && m != "GET" && m != "HEAD" }},
}

func route(method, path string) func(string, string) bool {
	return func(m, p string) bool { return m == method && p == path }
}

// WithPostmanLimits makes the server enforce, besides WithRateLimit's
// general limit, Postman's documented per-endpoint limits — 10 per 10 s
// for GET /collections, GET /workspaces, GET /workspaces/{id}, monitors,
// POST /service-account-tokens and POST /import/openapi; 20 a minute for
// workspace updates; 300 per 3 h for Postbot's tool generations; and the
// SCIM key's 300 reads and 180 writes a minute — each per key, with every
// window divided by speedup (1 for Postman's own pace; more to span
// several windows in a fast test). Beyond a limit the server answers 429
// rateLimited with Retry-After, as for the general one.
func WithPostmanLimits(speedup float64) Option {
	return func(c *config) {
		if speedup <= 0 {
			speedup = 1
		}
		c.endpointLimits = nil
		for _, l := range postmanEndpointLimits {
			l.window = time.Duration(float64(l.window) / speedup)
			c.endpointLimits = append(c.endpointLimits, l)
		}
	}
}

// window is a sliding window of one limit and one key: the times of the
// requests it admitted.
type window struct{ times []time.Time }

// full drops the times older than d before now and reports whether n
// remain, with the wait until the oldest leaves the window.
func (w *window) full(now time.Time, n int, d time.Duration) (wait time.Duration, full bool) {
	recent := w.times[:0]
	for _, t := range w.times {
		if now.Sub(t) < d {
			recent = append(recent, t)
		}
	}
	w.times = recent
	if len(recent) < n {
		return 0, false
	}
	return d - now.Sub(recent[0]), true
}

func (w *window) add(now time.Time) { w.times = append(w.times, now) }

// windowOf is the window of limit name for key.
func (f *faults) windowOf(name, key string) *window {
	id := name + "\x00" + key
	w, ok := f.used[id]
	if !ok {
		w = &window{}
		f.used[id] = w
	}
	return w
}

// refuseRate answers 429 rateLimited with the wait in Postman's headers.
func refuseRate(w http.ResponseWriter, wait time.Duration) {
	secs := strconv.Itoa(int(wait.Seconds() + 0.999))
	w.Header().Set("Retry-After", secs)
	w.Header().Set("X-RateLimit-RetryAfter", secs)
	w.Header().Set("RateLimit-Remaining", "0")
	w.Header().Set("X-RateLimit-Remaining", "0")
	writeProblem(w, http.StatusTooManyRequests, errorEnvelope("rateLimited", "Rate limit exceeded. Please retry after "+secs+" seconds."))
}

// limitRate applies the request's endpoint limit and the general limit
// to r, and reports whether it refused it. A refused request counts
// against neither.
func (f *faults) limitRate(w http.ResponseWriter, r *http.Request) bool {
	now := f.now()
	key := r.Header.Get("X-Api-Key") + r.Header.Get("Authorization")
	var endpoint *window
	for _, l := range f.endpointLimits {
		if l.match(r.Method, r.URL.Path) {
			endpoint = f.windowOf(l.name, key)
			if wait, full := endpoint.full(now, l.n, l.window); full {
				refuseRate(w, wait)
				return true
			}
			break
		}
	}
	if f.limit > 0 {
		general := f.windowOf("general", key)
		w.Header().Set("RateLimit-Limit", strconv.Itoa(f.limit))
		w.Header().Set("X-RateLimit-Limit", strconv.Itoa(f.limit))
		if wait, full := general.full(now, f.limit, f.window); full {
			refuseRate(w, wait)
			return true
		}
		general.add(now)
		remaining := strconv.Itoa(f.limit - len(general.times))
		w.Header().Set("RateLimit-Remaining", remaining)
		w.Header().Set("X-RateLimit-Remaining", remaining)
	}
	if endpoint != nil {
		endpoint.add(now)
	}
	return false
}
