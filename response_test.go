package postman

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var rateNow = time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)

func TestParseRate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		header http.Header
		want   Rate
	}{
		{"RateLimit-*", http.Header{"Ratelimit-Limit": {"300"}, "Ratelimit-Remaining": {"299"}, "Ratelimit-Reset": {"42"}},
			Rate{Limit: 300, Remaining: 299, Reset: rateNow.Add(42 * time.Second)}},
		{"X-RateLimit-*", http.Header{"X-Ratelimit-Limit": {"10"}, "X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"1773501000"}},
			Rate{Limit: 10, Remaining: 0, Reset: time.Unix(1773501000, 0)}},
		{"RateLimit-* wins over X-RateLimit-*", http.Header{"Ratelimit-Limit": {"300"}, "X-Ratelimit-Limit": {"10"}, "Ratelimit-Remaining": {"5"}, "X-Ratelimit-Remaining": {"1"}},
			Rate{Limit: 300, Remaining: 5}},
		{"fractional reset", http.Header{"Ratelimit-Reset": {"1.5"}}, Rate{Reset: rateNow.Add(1500 * time.Millisecond)}},
		{"structured RateLimit", http.Header{"Ratelimit": {"limit=300, remaining=12, reset=20"}},
			Rate{Limit: 300, Remaining: 12, Reset: rateNow.Add(20 * time.Second)}},
		{"structured RateLimit, newer draft", http.Header{"Ratelimit": {`"default";r=50;t=30`}},
			Rate{Remaining: 50, Reset: rateNow.Add(30 * time.Second)}},
		{"separate headers win over the structured one", http.Header{"Ratelimit": {"limit=1, remaining=1, reset=1"}, "Ratelimit-Limit": {"300"}, "Ratelimit-Remaining": {"7"}, "Ratelimit-Reset": {"9"}},
			Rate{Limit: 300, Remaining: 7, Reset: rateNow.Add(9 * time.Second)}},
		{"Retry-After", http.Header{"Retry-After": {"12"}}, Rate{RetryAfter: 12 * time.Second}},
		{"X-RateLimit-RetryAfter", http.Header{"X-Ratelimit-Retryafter": {"3"}}, Rate{RetryAfter: 3 * time.Second}},
		{"malformed values are ignored", http.Header{"Ratelimit-Limit": {"lots"}, "Ratelimit-Remaining": {"-1"}, "Ratelimit-Reset": {"soon"}, "Retry-After": {"-3"}, "Ratelimit": {"limit=x;;=;remaining"}},
			Rate{}},
		{"malformed first, valid second", http.Header{"Ratelimit-Limit": {"lots"}, "X-Ratelimit-Limit": {"300"}}, Rate{Limit: 300}},
		{"none", http.Header{}, Rate{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := parseRate(tt.header, rateNow)
			assert.Equal(t, tt.want.Limit, got.Limit)
			assert.Equal(t, tt.want.Remaining, got.Remaining)
			assert.True(t, tt.want.Reset.Equal(got.Reset), "reset %v, want %v", got.Reset, tt.want.Reset)
			assert.Equal(t, tt.want.RetryAfter, got.RetryAfter)
		})
	}
}

func TestParseUsage(t *testing.T) {
	t.Parallel()
	assert.Equal(t, MonthlyUsage{Limit: 1000000, Remaining: 989212},
		parseUsage(http.Header{"Ratelimit-Limit-Month": {"1000000"}, "Ratelimit-Remaining-Month": {"989212"}}))
	assert.Equal(t, MonthlyUsage{Limit: 10000, Remaining: 0},
		parseUsage(http.Header{"X-Ratelimit-Limit-Month": {"10000"}, "X-Ratelimit-Remaining-Month": {"0"}}))
	assert.Equal(t, MonthlyUsage{}, parseUsage(http.Header{"Ratelimit-Limit-Month": {"1e6"}}))
}

// TestResponseCarriesHeaders checks the Response of a real call: rate,
// monthly usage, request ID and attempts, on success and on error.
func TestResponseCarriesHeaders(t *testing.T) {
	t.Parallel()
	env := &faultEnv{}
	base, _ := scripted(func(n int, w http.ResponseWriter, _ *http.Request) {
		h := w.Header()
		h.Set("RateLimit-Limit", "300")
		h.Set("RateLimit-Remaining", strconv.Itoa(300-n))
		h.Set("RateLimit-Reset", "60")
		h.Set("RateLimit-Limit-Month", "1000000")
		h.Set("RateLimit-Remaining-Month", "12345")
		h.Set("X-Request-Id", "req-"+strconv.Itoa(n))
		if n == 3 {
			h.Set("Retry-After", "30")
			writeJSON(w, 429, rateLimitedBody)
			return
		}
		writeJSON(w, 200, okBody)
	})(t, env)
	c := newTestClient(t, base, WithMaxRetryAfter(time.Second))
	before := time.Now()
	resp, err := c.Do(t.Context(), "GET", "/me", nil, nil)
	require.NoError(t, err)
	assert.Equal(t, Rate{Limit: 300, Remaining: 299, Reset: resp.Rate.Reset}, resp.Rate)
	assert.WithinDuration(t, before.Add(time.Minute), resp.Rate.Reset, 5*time.Second)
	assert.Equal(t, MonthlyUsage{Limit: 1000000, Remaining: 12345}, resp.Usage)
	assert.Equal(t, "req-1", resp.RequestID)
	assert.Equal(t, 1, resp.Attempts)
	assert.Equal(t, 200, resp.StatusCode, "the embedded *http.Response")

	resp, err = c.Do(t.Context(), "GET", "/me", nil, nil)
	require.NoError(t, err)
	assert.Equal(t, 298, resp.Rate.Remaining)

	resp, err = c.Do(t.Context(), "GET", "/me", nil, nil)
	var rl *RateLimitError
	require.ErrorAs(t, err, &rl)
	assert.Equal(t, 30*time.Second, rl.RetryAfter)
	assert.Equal(t, "req-3", rl.RequestID)
	require.NotNil(t, resp, "an error answer comes with its Response")
	assert.Equal(t, 30*time.Second, resp.Rate.RetryAfter)
	assert.Equal(t, 297, resp.Rate.Remaining)
	assert.Equal(t, "req-3", resp.RequestID)
	assert.Equal(t, 429, resp.StatusCode)
	assert.Nil(t, resp.Request.Header["X-Api-Key"])
}

// FuzzParseRateHeaders checks that no header value makes the rate and
// usage parsers panic or report negative numbers.
func FuzzParseRateHeaders(f *testing.F) {
	for _, seed := range [][5]string{
		{"300", "299", "42", "", ""},
		{"10", "0", "1773501000", "", "12"},
		{"", "", "", "limit=300, remaining=12, reset=20", ""},
		{"", "", "", `"default";r=50;t=30`, ""},
		{"-1", "x", "1e308", "limit=-5;remaining=9999999999999999999", "NaN"},
		{"9223372036854775808", "", "-0", "=;=,,;", "Inf"},
		{"", "", "1e12", "reset=1e30", "Fri, 31 Dec 9999 23:59:59 GMT"},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3], seed[4])
	}
	f.Fuzz(func(t *testing.T, limit, remaining, reset, structured, retryAfter string) {
		h := http.Header{}
		h.Set("RateLimit-Limit", limit)
		h.Set("X-RateLimit-Remaining", remaining)
		h.Set("RateLimit-Reset", reset)
		h.Set("RateLimit", structured)
		h.Set("Retry-After", retryAfter)
		h.Set("RateLimit-Limit-Month", limit)
		h.Set("RateLimit-Remaining-Month", remaining)
		r := parseRate(h, rateNow)
		if r.Limit < 0 || r.Remaining < 0 || r.RetryAfter < 0 {
			t.Fatalf("negative values %+v", r)
		}
		u := parseUsage(h)
		if u.Limit < 0 || u.Remaining < 0 {
			t.Fatalf("negative usage %+v", u)
		}
	})
}
