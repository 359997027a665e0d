package postman

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/transport"
)

// TestTransportErrorsCarryNoURL: url.Error prints the whole URL with its
// query, where collection access keys travel; the client's errors keep
// the method and path only, also when the context's error is added.
func TestTransportErrorsCarryNoURL(t *testing.T) {
	t.Parallel()
	const query = "/me?access_key=QUERY-SECRET"
	for _, f := range []fault{
		{name: "reset", method: "POST", start: cutOnce(reset)},
		{name: "refused", start: refusedThen(false)},
		{name: "cancelled in flight", start: scripted(func(_ int, _ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }),
			call: func(ctx context.Context, c *Client, env *faultEnv) (*Response, error) {
				time.AfterFunc(20*time.Millisecond, env.cancel)
				return c.Do(ctx, "GET", query, nil, nil)
			}},
		{name: "attempt timeout", method: "POST", opts: []Option{WithAttemptTimeout(50 * time.Millisecond)},
			start: scripted(func(_ int, _ http.ResponseWriter, r *http.Request) { <-r.Context().Done() })},
	} {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			f.path = query
			f.check = func(t *testing.T, r *faultRun) {
				require.Error(t, r.err)
				assert.NotContains(t, r.err.Error(), "QUERY-SECRET")
				assert.NotContains(t, r.err.Error(), "http://")
				method := f.method
				if method == "" {
					method = "GET"
				}
				assert.True(t, strings.HasPrefix(r.err.Error(), "postman: "+method+" /me: "), r.err.Error())
				var urlErr *url.Error
				assert.False(t, errors.As(r.err, &urlErr), "no *url.Error in the chain")
			}
			runFault(t, f, true)
		})
	}
}

// TestRetryablehttpCannotEmptyThePool: go-retryablehttp calls
// CloseIdleConnections on its http.Client after every failed call, which
// would empty the pool shared by every goroutine. The transport it sees
// has no such method; Client.CloseIdleConnections closes the real one.
func TestRetryablehttpCannotEmptyThePool(t *testing.T) {
	t.Parallel()
	c, err := NewClient(canaryKey)
	require.NoError(t, err)
	_, closable := c.http.HTTPClient.Transport.(interface{ CloseIdleConnections() })
	assert.False(t, closable)
	_, closable = c.base.(interface{ CloseIdleConnections() })
	assert.True(t, closable)

	// A failing call leaves the idle connection of an earlier call alone.
	env := &faultEnv{}
	var mu sync.Mutex
	pooled := map[string]bool{} // client addresses of the connections made first
	var meFrom string
	var arrived sync.WaitGroup
	arrived.Add(2)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		env.hit(r)
		mu.Lock()
		switch r.URL.Path {
		case "/hold":
			pooled[r.RemoteAddr] = true
		case "/me":
			meFrom = r.RemoteAddr
		}
		mu.Unlock()
		if r.URL.Path == "/hold" {
			// Both requests are in flight at once: two connections.
			arrived.Done()
			arrived.Wait()
		}
		if r.URL.Path == "/big" {
			w.Header().Set("Content-Length", "2000")
			w.WriteHeader(200)
			_, _ = w.Write(make([]byte, 2000))
			return
		}
		writeJSON(w, 200, okBody)
	}))
	srv.Start()
	t.Cleanup(srv.Close)
	c2 := newTestClient(t, srv.URL, WithMaxResponseSize(1000, 1000))
	// Two connections in the pool: two calls held at the server together.
	done := make(chan error, 2)
	for range 2 {
		go func() { _, err := c2.Do(context.Background(), "GET", "/hold", nil, nil); done <- err }()
	}
	require.NoError(t, <-done)
	require.NoError(t, <-done)
	_, err = c2.Do(t.Context(), "GET", "/big", nil, nil)
	require.ErrorIs(t, err, ErrResponseTooLarge, "a failed call: retryablehttp asks to close idle connections")
	_, err = c2.Do(t.Context(), "GET", "/me", nil, nil)
	require.NoError(t, err)
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, pooled, 2)
	assert.True(t, pooled[meFrom], "the next call reused a pooled connection (%s, pool %v)", meFrom, pooled)
}

func TestOptions(t *testing.T) {
	t.Parallel()
	bad := map[string]Option{
		"empty SCIM key":          WithSCIMKey(""),
		"nil HTTP client":         WithHTTPClient(nil),
		"negative retries":        WithMaxRetries(-1),
		"inverted waits":          WithRetryWait(time.Second, time.Millisecond),
		"negative wait":           WithRetryWait(-time.Second, time.Second),
		"negative Retry-After":    WithMaxRetryAfter(-time.Second),
		"negative budget":         WithRetryBudget(-1),
		"zero body cap":           WithMaxResponseSize(0, 1),
		"zero error cap":          WithMaxResponseSize(1, 0),
		"zero attempt timeout":    WithAttemptTimeout(0),
		"user agent line break":   WithUserAgent("tool/1\r\nX-Evil: 1"),
		"nil limiter":             WithLimiter(nil),
		"unknown region":          WithRegion("mars"),
		"task polling zero":       WithTaskPolling(0, time.Second),
		"plain http to a remote":  WithBaseURL("http://api.postman.com"),
		"credentials in base URL": WithBaseURL("https://u:p@api.postman.com"),
	}
	for name, opt := range bad {
		_, err := NewClient(canaryKey, opt)
		assert.ErrorIs(t, err, ErrInvalidArgument, name)
	}
	_, err := NewClient("")
	assert.ErrorIs(t, err, ErrInvalidArgument, "empty key")

	c, err := NewClient(canaryKey, nil, WithUserAgent(" my-ci-tool/1.2 "), WithMaxRetries(2), WithRetryWait(time.Millisecond, time.Second),
		WithMaxRetryAfter(5*time.Second), WithRetryBudget(0), WithMaxResponseSize(10, 20), WithRetryWrites())
	require.NoError(t, err, "a nil option is skipped")
	assert.Equal(t, "my-ci-tool/1.2 postman-go/"+Version, c.userAgent)
	assert.Equal(t, 2, c.policy.MaxRetries)
	assert.Equal(t, time.Millisecond, c.policy.WaitMin)
	assert.Equal(t, time.Second, c.policy.WaitMax)
	assert.Equal(t, 5*time.Second, c.policy.MaxRetryAfter)
	assert.Equal(t, int64(10), c.maxBody)
	assert.Equal(t, int64(20), c.maxErrors)
	assert.True(t, c.retryWrites)
	assert.Equal(t, DefaultAttemptTimeout, attemptTimeout(c))
	assert.Equal(t, defaultHeaderTimeout, c.http.HTTPClient.Transport.(*transport.Credentials).HeaderTimeout)
	c, err = NewClient(canaryKey, WithAttemptTimeout(3*time.Second))
	require.NoError(t, err)
	assert.Equal(t, 3*time.Second, attemptTimeout(c))
}

// attemptTimeout is the per-attempt timeout c applies.
func attemptTimeout(c *Client) time.Duration {
	return c.http.HTTPClient.Transport.(*transport.Credentials).Timeout
}

// TestWithHTTPClientIsCopied: the caller's client is never mutated, its
// transport and timeout are used, and its redirect policy is replaced by
// the same-origin one.
func TestWithHTTPClientIsCopied(t *testing.T) {
	t.Parallel()
	called := false
	hc := &http.Client{
		Transport:     http.DefaultTransport,
		Timeout:       7 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { called = true; return nil },
	}
	orig := *hc
	c, err := NewClient(canaryKey, WithHTTPClient(hc))
	require.NoError(t, err)
	assert.Equal(t, orig.Timeout, hc.Timeout)
	assert.Equal(t, orig.Transport, hc.Transport)
	assert.NotNil(t, hc.CheckRedirect)
	assert.Same(t, http.DefaultTransport, c.base)
	assert.Equal(t, 7*time.Second, attemptTimeout(c), "the caller's timeout bounds each attempt")
	assert.Zero(t, c.http.HTTPClient.Timeout, "not through http.Client.Timeout, which costs a goroutine per request")
	assert.NotSame(t, hc, c.http.HTTPClient)

	env := &faultEnv{}
	base, opts := redirecting(302, false, func(_, o *url.URL) string { return "http://127.0.0.1:" + o.Port() + "/x" })(t, env)
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	hc2 := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { called = true; return nil }}
	c2 := newTestClient(t, base, append(opts, WithHTTPClient(hc2))...)
	_, err = c2.Do(t.Context(), "GET", "/me", nil, nil)
	assert.ErrorIs(t, err, ErrRedirect)
	assert.False(t, called, "the caller's redirect policy is not used")
	assert.Zero(t, env.otherHits.Load())
}

func TestDefaultTransportSettings(t *testing.T) {
	t.Parallel()
	tr := newBaseTransport()
	assert.GreaterOrEqual(t, tr.MaxIdleConnsPerHost, 32, "M10: 2 per host makes 32 goroutines open thousands of connections")
	assert.Equal(t, int64(1<<20), tr.MaxResponseHeaderBytes)
	assert.Positive(t, tr.TLSHandshakeTimeout)
	if cfg := tr.TLSClientConfig; cfg != nil {
		assert.False(t, cfg.InsecureSkipVerify, "certificates are always verified")
		assert.Zero(t, cfg.MinVersion, "Go's default minimum (TLS 1.2) is never lowered")
	}
	c, err := NewClient(canaryKey)
	require.NoError(t, err)
	assert.Equal(t, DefaultAttemptTimeout, attemptTimeout(c))
	assert.Equal(t, defaultHeaderTimeout, c.http.HTTPClient.Transport.(*transport.Credentials).HeaderTimeout)
	assert.Zero(t, c.http.HTTPClient.Timeout)
	assert.NotNil(t, c.http.HTTPClient.CheckRedirect)
	assert.Equal(t, DefaultMaxRetries+1, c.http.RetryMax, "a backstop one above the policy's own limit")
	assert.NotNil(t, c.http.PrepareRetry)
}

// TestHeaderTimeoutAndLongCalls: the wait for headers is bounded (and a
// GET that outwaits it is retried), while a call that declares itself
// long (request.timeout, as a synchronous monitor run does) waits longer.
func TestHeaderTimeoutAndLongCalls(t *testing.T) {
	t.Parallel()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		select {
		case <-time.After(150 * time.Millisecond):
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{}`))
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv.URL, WithMaxRetries(1))
	c.http.HTTPClient.Transport.(*transport.Credentials).HeaderTimeout = 30 * time.Millisecond
	var retries atomic.Int32
	c.policy.OnRetry = func(transport.RetryEvent) { retries.Add(1) }

	_, err := c.Do(t.Context(), "GET", "/me", nil, nil)
	var late *transport.AttemptTimeoutError
	require.ErrorAs(t, err, &late)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	// The policy's decision, not the server's count: on a busy machine
	// the retry's 30 ms may run out before the server even sees it.
	assert.Equal(t, int32(1), retries.Load(), "a GET whose headers came late is retried once")

	hits.Store(0)
	_, err = c.do(t.Context(), &request{method: http.MethodPost, path: "/monitors/m-1/run", timeout: time.Second}, nil)
	require.NoError(t, err, "a long call waits past the default header timeout")
	assert.Equal(t, int32(1), hits.Load())
}
