package postman

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Response is the HTTP response of a call (its body already read and
// closed) with what its headers say about rate limits and monthly usage,
// and, for lists, where the page stands.
type Response struct {
	*http.Response

	// Rate is the per-minute rate-limit state the server reported.
	Rate Rate
	// Usage is the monthly API usage the server reported.
	Usage MonthlyUsage
	// RequestID is the server's ID for the request, for support tickets.
	RequestID string
	// Attempts is how many requests the call sent (1 without retries).
	Attempts int

	// NextCursor is the cursor of the next page ("" on the last page) for
	// cursor-paginated lists; PrevCursor the previous one where given.
	NextCursor string
	PrevCursor string
	// Offset, Limit and Total describe the page of an offset- or
	// index-paginated list: its first position, its size and the total
	// number of items (0 when the server did not say).
	Offset int
	Limit  int
	Total  int
}

// Rate is the per-minute rate-limit state of Postman's headers
// (RateLimit-* or X-RateLimit-*). Limit is 0 when the server sent none.
type Rate struct {
	Limit     int
	Remaining int
	// Reset is when the window resets (zero if not sent).
	Reset time.Time
	// RetryAfter is the wait the server asked for (Retry-After and
	// X-RateLimit-RetryAfter), on 429 and 503 answers.
	RetryAfter time.Duration
}

// MonthlyUsage is the monthly API call quota of the team, from the
// RateLimit-Limit-Month and RateLimit-Remaining-Month headers. Limit is 0
// when the server sent none.
type MonthlyUsage struct {
	Limit     int
	Remaining int
}

func newResponse(r *http.Response, attempts int) *Response {
	now := time.Now()
	resp := &Response{Response: r, Attempts: attempts}
	h := r.Header
	resp.Rate.Limit = headerInt(h, "RateLimit-Limit", "X-RateLimit-Limit")
	resp.Rate.Remaining = headerInt(h, "RateLimit-Remaining", "X-RateLimit-Remaining")
	resp.Rate.Reset = parseReset(firstHeader(h, "RateLimit-Reset", "X-RateLimit-Reset"), now)
	resp.Rate.RetryAfter = retryAfter(h, now)
	resp.Usage.Limit = headerInt(h, "RateLimit-Limit-Month", "X-RateLimit-Limit-Month")
	resp.Usage.Remaining = headerInt(h, "RateLimit-Remaining-Month", "X-RateLimit-Remaining-Month")
	resp.RequestID = firstHeader(h, "X-Request-Id", "X-Srv-Trace", "X-Amzn-Requestid")
	return resp
}

func firstHeader(h http.Header, names ...string) string {
	for _, n := range names {
		if v := strings.TrimSpace(h.Get(n)); v != "" {
			return v
		}
	}
	return ""
}

// headerInt reads the first of names that holds a non-negative integer;
// a malformed value is ignored rather than failing the call.
func headerInt(h http.Header, names ...string) int {
	for _, n := range names {
		v := strings.TrimSpace(h.Get(n))
		if v == "" {
			continue
		}
		if i, err := strconv.Atoi(v); err == nil && i >= 0 {
			return i
		}
	}
	return 0
}

// epochThreshold tells a reset given as Unix seconds from one given as
// seconds to wait: no window lasts 30 years.
const epochThreshold = 1e9

// parseReset reads a reset header: seconds until the reset, or the reset
// time in Unix seconds.
func parseReset(v string, now time.Time) time.Time {
	if v == "" {
		return time.Time{}
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f != f || f > 1e12 {
		return time.Time{}
	}
	if f >= epochThreshold {
		return time.Unix(int64(f), 0)
	}
	return now.Add(time.Duration(f * float64(time.Second)))
}
