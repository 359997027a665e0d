package postman

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRetryWritesNeverReplaysAWrittenPost: WithRetryWrites lets 500, 502
// and 504 answers to a POST be retried, never a POST whose connection was
// cut after it was written: the server may have acted on it.
func TestRetryWritesNeverReplaysAWrittenPost(t *testing.T) {
	t.Parallel()
	runFault(t, fault{name: "post with WithRetryWrites, reset after writing", method: "POST", start: cutOnce(reset),
		opts: []Option{WithRetryWrites()}, check: func(t *testing.T, r *faultRun) {
			require.Error(t, r.err)
			assert.Equal(t, 1, r.hits(), "the written POST is not sent again")
			assert.Empty(t, r.events, "no retry")
		}}, false)
}

// TestDefaultRetryAfterCap: the client waits out a Retry-After of up to
// DefaultMaxRetryAfter (60 s) and retries; a longer one ends the call at
// once with a *RateLimitError carrying the server's wait.
func TestDefaultRetryAfterCap(t *testing.T) {
	t.Parallel()
	require.Equal(t, 60*time.Second, DefaultMaxRetryAfter)
	for _, tt := range []struct {
		seconds int
		retried bool
	}{{60, true}, {61, false}} {
		c, mock := newMockClient(t)
		waits := recordWaits(c)
		calls := 0
		mock.RegisterResponder("GET", postmanURL+"/me", func(*http.Request) (*http.Response, error) {
			if calls++; calls == 1 {
				r := httpmock.NewStringResponse(http.StatusTooManyRequests, `{"error":"rateLimited","message":"Rate limit exceeded."}`)
				r.Header.Set("Retry-After", strconv.Itoa(tt.seconds))
				return r, nil
			}
			return httpmock.NewStringResponse(200, `{"user":{"id":1}}`), nil
		})
		_, err := c.Do(t.Context(), "GET", "/me", nil, nil)
		if tt.retried {
			require.NoError(t, err)
			assert.Equal(t, []time.Duration{60 * time.Second}, *waits)
			continue
		}
		var rl *RateLimitError
		require.ErrorAs(t, err, &rl)
		assert.Equal(t, 61*time.Second, rl.RetryAfter)
		assert.Empty(t, *waits)
		assert.Equal(t, 1, calls)
	}
}

// TestLimiterRoutesSCIMCallsToTheirBuckets: through the limiter callers
// use, a SCIM write draws from the SCIM writes bucket (180 a minute: a
// burst of 1), a read from the reads bucket (300: a burst of 3), and
// neither from the API key's buckets. Time runs 1,000 times slower here,
// so that no token comes back during the test however slow the machine:
// a Wait that needs one more fails at once against the deadline.
func TestLimiterRoutesSCIMCallsToTheirBuckets(t *testing.T) {
	t.Parallel()
	l := NewLimiterSpeedup(1, 0.001)
	short := func() context.Context {
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		t.Cleanup(cancel)
		return ctx
	}
	require.NoError(t, l.Wait(short(), "POST", "/scim/v2/Users"))
	assert.ErrorIs(t, l.Wait(short(), "PATCH", "/scim/v2/Users/u1"), context.DeadlineExceeded, "the writes bucket held one")
	for range 3 {
		require.NoError(t, l.Wait(short(), "GET", "/scim/v2/Users"), "reads have a bucket of their own")
	}
	assert.ErrorIs(t, l.Wait(short(), "GET", "/scim/v2/Groups"), context.DeadlineExceeded, "the reads bucket held three")
	require.NoError(t, l.Wait(short(), "GET", "/me"), "the API key's budget is untouched")

	// A 429 on /scim pauses the SCIM key's calls only.
	paused := NewLimiter(1)
	paused.(interface {
		PausePathUntil(string, string, time.Time)
	}).PausePathUntil("GET", "/scim/v2/Users", time.Now().Add(time.Hour))
	require.NoError(t, paused.Wait(short(), "GET", "/me"))
	assert.ErrorIs(t, paused.Wait(short(), "GET", "/scim/v2/Users"), context.DeadlineExceeded)
}
