package transport

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// now is the fixed clock of the Retry-After tests.
var now = time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		header http.Header
		want   time.Duration
		ok     bool
	}{
		{"seconds", http.Header{"Retry-After": {"20"}}, 20 * time.Second, true},
		{"zero", http.Header{"Retry-After": {"0"}}, 0, true},
		{"fractional seconds", http.Header{"Retry-After": {"1.5"}}, 1500 * time.Millisecond, true},
		{"spaces around", http.Header{"Retry-After": {"  3 "}}, 3 * time.Second, true},
		{"HTTP date", http.Header{"Retry-After": {now.Add(90 * time.Second).Format(http.TimeFormat)}}, 90 * time.Second, true},
		{"RFC 850 date", http.Header{"Retry-After": {now.Add(time.Minute).Format("Monday, 02-Jan-06 15:04:05 GMT")}}, time.Minute, true},
		{"past date means now", http.Header{"Retry-After": {now.Add(-time.Hour).Format(http.TimeFormat)}}, 0, true},
		{"over any cap", http.Header{"Retry-After": {"3600"}}, time.Hour, true},
		{"garbage", http.Header{"Retry-After": {"soon"}}, 0, false},
		{"negative", http.Header{"Retry-After": {"-5"}}, 0, false},
		{"NaN", http.Header{"Retry-After": {"NaN"}}, 0, false},
		{"infinite", http.Header{"Retry-After": {"+Inf"}}, 0, false},
		{"absurdly large", http.Header{"Retry-After": {"1e300"}}, 0, false},
		{"empty", http.Header{"Retry-After": {""}}, 0, false},
		{"none", http.Header{}, 0, false},
		{"X-RateLimit-RetryAfter only", http.Header{"X-Ratelimit-Retryafter": {"7"}}, 7 * time.Second, true},
		{"RetryAfter only", http.Header{"Retryafter": {"4"}}, 4 * time.Second, true},
		{"Retry-After wins", http.Header{"Retry-After": {"2"}, "X-Ratelimit-Retryafter": {"9"}, "Retryafter": {"11"}}, 2 * time.Second, true},
		{"X-RateLimit-RetryAfter before RetryAfter", http.Header{"X-Ratelimit-Retryafter": {"9"}, "Retryafter": {"11"}}, 9 * time.Second, true},
		{"garbage falls through to the next header", http.Header{"Retry-After": {"later"}, "X-Ratelimit-Retryafter": {"5"}}, 5 * time.Second, true},
		{"negative falls through to the next header", http.Header{"Retry-After": {"-1"}, "Retryafter": {"6"}}, 6 * time.Second, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := ParseRetryAfter(tt.header, now)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseRetryAfterHeaderNamesAreCaseInsensitive(t *testing.T) {
	t.Parallel()
	h := http.Header{}
	h.Set("x-ratelimit-retryafter", "3")
	got, ok := ParseRetryAfter(h, now)
	assert.True(t, ok)
	assert.Equal(t, 3*time.Second, got)
}

// FuzzParseRetryAfter checks that no header value makes the parser panic
// or return a negative wait, and that "not ok" always comes with 0.
func FuzzParseRetryAfter(f *testing.F) {
	for _, seed := range []string{
		"0", "1", "1.5", "-5", "3600", "1e300", "NaN", "-Inf", "0x10", " 7 ", "",
		"Sat, 14 Mar 2026 15:10:26 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
		"Mon, 01 Jan 0001 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "4294967296", "4294967297",
		"9223372036.854775807", "١٢", "1_000",
	} {
		f.Add(seed, "")
		f.Add("", seed)
	}
	f.Fuzz(func(t *testing.T, retryAfter, xRetryAfter string) {
		h := http.Header{}
		h.Set("Retry-After", retryAfter)
		h.Set("X-RateLimit-RetryAfter", xRetryAfter)
		d, ok := ParseRetryAfter(h, now)
		if d < 0 {
			t.Fatalf("negative wait %v for %q / %q", d, retryAfter, xRetryAfter)
		}
		if !ok && d != 0 {
			t.Fatalf("wait %v without ok for %q / %q", d, retryAfter, xRetryAfter)
		}
	})
}
