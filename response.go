package postman

import (
	"encoding/json"
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

	// Raw is the answer's body as read (decompressed, capped by
	// WithMaxResponseSize), success or error: Postman adds members over
	// time, and one the SDK does not type yet is never out of reach. It
	// is the buffer the SDK decoded, not a copy; nil for a Do call whose
	// out was nil and for answers without a body.
	Raw json.RawMessage
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
	resp := &Response{Response: r, Attempts: attempts}
	h := r.Header
	resp.Rate = parseRate(h, time.Now())
	resp.Usage = parseUsage(h)
	resp.RequestID = firstHeader(h, "X-Request-Id", "X-Srv-Trace", "X-Amzn-Requestid")
	return resp
}

// parseRate reads the per-minute rate-limit state from Postman's headers:
// RateLimit-Limit/-Remaining/-Reset, their X-RateLimit- spellings, or the
// structured RateLimit header of the IETF draft ("limit=300, remaining=12,
// reset=20", or the newer "r=12;t=20"). The wait comes from Retry-After,
// X-RateLimit-RetryAfter or RetryAfter. Malformed values are ignored.
func parseRate(h http.Header, now time.Time) Rate {
	var r Rate
	r.Limit = headerInt(h, "Ratelimit-Limit", "X-Ratelimit-Limit")
	r.Remaining = headerInt(h, "Ratelimit-Remaining", "X-Ratelimit-Remaining")
	reset := firstHeader(h, "Ratelimit-Reset", "X-Ratelimit-Reset")
	if s := h.Get("Ratelimit"); s != "" && (r.Limit == 0 || reset == "") {
		limit, remaining, sreset, ok := parseStructuredRate(s)
		if ok {
			if r.Limit == 0 {
				r.Limit, r.Remaining = limit, remaining
			}
			if reset == "" {
				reset = sreset
			}
		}
	}
	r.Reset = parseReset(reset, now)
	r.RetryAfter = retryAfter(h, now)
	return r
}

// parseStructuredRate reads a RateLimit header of either draft form:
// "limit=300, remaining=12, reset=20" or `"default";r=12;t=20`.
func parseStructuredRate(v string) (limit, remaining int, reset string, ok bool) {
	for field := range strings.FieldsFuncSeq(v, func(r rune) bool { return r == ',' || r == ';' }) {
		k, val, found := strings.Cut(strings.TrimSpace(field), "=")
		if !found {
			continue
		}
		val = strings.Trim(strings.TrimSpace(val), `"`)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "limit", "l", "q":
			if n, err := strconv.Atoi(val); err == nil && n >= 0 {
				limit, ok = n, true
			}
		case "remaining", "r":
			if n, err := strconv.Atoi(val); err == nil && n >= 0 {
				remaining, ok = n, true
			}
		case "reset", "t":
			reset, ok = val, true
		}
	}
	return limit, remaining, reset, ok
}

// parseUsage reads the team's monthly quota headers.
func parseUsage(h http.Header) MonthlyUsage {
	return MonthlyUsage{
		Limit:     headerInt(h, "Ratelimit-Limit-Month", "X-Ratelimit-Limit-Month"),
		Remaining: headerInt(h, "Ratelimit-Remaining-Month", "X-Ratelimit-Remaining-Month"),
	}
}

// firstHeader returns the first of names that holds a value. Names are
// written in canonical form ("Ratelimit-Limit"): http.Header.Get would
// otherwise allocate a canonical copy of each on every response.
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
