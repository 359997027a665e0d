package transport

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// retryAfterHeaders are the headers Postman uses to say how long to wait
// after a 429 or 503, in the order they are trusted. Postman documents both
// Retry-After and X-RateLimit-RetryAfter, and its rate-limit page also
// spells it RetryAfter.
//
// The names are in canonical form, so that looking them up allocates nothing.
var retryAfterHeaders = []string{"Retry-After", "X-Ratelimit-Retryafter", "Retryafter"}

// ParseRetryAfter reads the server's requested wait from h: whole or
// fractional seconds, or an HTTP date (a date in the past means "now",
// which gives 0). The first header holding a usable value wins; a
// negative, non-finite or unparseable value is skipped. ok is false when
// no header gave a usable value.
func ParseRetryAfter(h http.Header, now time.Time) (wait time.Duration, ok bool) {
	for _, name := range retryAfterHeaders {
		v := strings.TrimSpace(h.Get(name))
		if v == "" {
			continue
		}
		if d, ok := parseRetryAfterValue(v, now); ok {
			return d, true
		}
	}
	return 0, false
}

// maxRetryAfterSeconds bounds parsed values so that the conversion to a
// time.Duration cannot overflow; anything near it is far beyond any cap.
const maxRetryAfterSeconds = 1 << 32

func parseRetryAfterValue(v string, now time.Time) (time.Duration, bool) {
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs < 0 || secs != secs || secs > maxRetryAfterSeconds { // NaN fails secs != secs
			return 0, false
		}
		return time.Duration(secs * float64(time.Second)), true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	d := t.Sub(now)
	if d < 0 {
		d = 0
	}
	return d, true
}
