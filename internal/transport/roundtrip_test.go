package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// stubTransport answers every request with status and records what it got.
type stubTransport struct {
	mu     sync.Mutex
	status int
	header http.Header
	got    []*http.Request
}

func (s *stubTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got = append(s.got, req)
	h := s.header
	if h == nil {
		h = http.Header{}
	}
	return &http.Response{StatusCode: s.status, Header: h, Body: http.NoBody, Request: req}, nil
}

func TestCredentials(t *testing.T) {
	t.Parallel()
	origin, _ := url.Parse("https://api.postman.com")
	stub := &stubTransport{status: 200}
	rt := &Credentials{Next: stub, Origin: origin, APIKey: NewSecret("PMAK-k"), SCIMKey: NewSecret("scim-k"), UserAgent: "ua/1"}

	// The path sent decides which key goes, whatever the call said; a
	// call that takes none gets none.
	for _, tt := range []struct {
		auth                 Auth
		path, apiKey, bearer string
	}{
		{AuthAPIKey, "/me", "PMAK-k", ""},
		{AuthSCIM, "/scim/v2/Users", "", "Bearer scim-k"},
		{AuthAPIKey, "/scim/v2/Users", "", "Bearer scim-k"},
		{AuthSCIM, "/me", "PMAK-k", ""},
		{AuthAPIKey, "/%73cim/v2/Users", "", "Bearer scim-k"},
		{AuthAPIKey, "/SCIM/v2/Users", "", "Bearer scim-k"},
		{AuthAPIKey, "/scimitar", "PMAK-k", ""},
		{AuthNone, "/me", "", ""},
		{AuthNone, "/scim/v2/Users", "", ""},
	} {
		c := &Call{Auth: tt.auth}
		req, _ := http.NewRequestWithContext(WithCall(context.Background(), c), "GET", "https://api.postman.com"+tt.path, nil)
		resp, err := rt.RoundTrip(req)
		require.NoError(t, err)
		sent := stub.got[len(stub.got)-1]
		assert.Equal(t, tt.apiKey, sent.Header.Get("X-Api-Key"))
		assert.Equal(t, tt.bearer, sent.Header.Get("Authorization"))
		assert.Equal(t, "ua/1", sent.Header.Get("User-Agent"))
		assert.Same(t, req, resp.Request, "the caller gets back its own request")
		assert.Empty(t, req.Header.Get("X-Api-Key"), "the caller's request is never stamped")
		assert.Empty(t, req.Header.Get("Authorization"))
		assert.Equal(t, 1, c.Attempts)
	}

	// The hop of a followed redirect belongs to the attempt it came from.
	c := &Call{}
	ctx := WithCall(context.Background(), c)
	first, _ := http.NewRequestWithContext(ctx, "GET", "https://api.postman.com/a", nil)
	_, _ = rt.RoundTrip(first)
	hop, _ := http.NewRequestWithContext(ctx, "GET", "https://api.postman.com/b", nil)
	hop.Response = &http.Response{StatusCode: 302}
	_, _ = rt.RoundTrip(hop)
	assert.Equal(t, 1, c.Attempts)

	// Another origin gets nothing.
	n := len(stub.got)
	for _, target := range []string{"https://evil.example/me", "http://api.postman.com/me", "https://api.postman.com:8443/me"} {
		req, _ := http.NewRequest("GET", target, nil)
		resp, err := rt.RoundTrip(req)
		assert.Nil(t, resp)
		var originErr *OriginError
		require.ErrorAs(t, err, &originErr, target)
		assert.NotContains(t, err.Error(), "PMAK-k")
	}
	assert.Len(t, stub.got, n)
}

// pauseRecorder is a Limiter that records what it is told.
type pauseRecorder struct {
	mu     sync.Mutex
	waits  []string
	pauses []time.Time
	paths  []string
	err    error
}

func (p *pauseRecorder) Wait(_ context.Context, method, path string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.waits = append(p.waits, method+" "+path)
	return p.err
}

func (p *pauseRecorder) PauseUntil(t time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pauses = append(p.pauses, t)
}

type pathPauseRecorder struct{ pauseRecorder }

func (p *pathPauseRecorder) PausePathUntil(_, path string, t time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.paths = append(p.paths, path)
	p.pauses = append(p.pauses, t)
}

func TestLimit(t *testing.T) {
	t.Parallel()
	clock := func() time.Time { return now }
	stub := &stubTransport{status: 429, header: http.Header{"Retry-After": {"5"}}}
	lim := &pauseRecorder{}
	rt := &Limit{Next: stub, Limiter: lim, BasePath: "/proxy", MaxPause: time.Minute, Now: clock}
	req, _ := http.NewRequest("GET", "https://api.postman.com/proxy/collections?x=1", nil)
	_, err := rt.RoundTrip(req)
	require.NoError(t, err)
	assert.Equal(t, []string{"GET /collections"}, lim.waits, "the limiter sees the path relative to the base URL, no query")
	assert.Equal(t, []time.Time{now.Add(5 * time.Second)}, lim.pauses)

	// A limiter that knows paths is told which request was paused.
	plim := &pathPauseRecorder{}
	rt.Limiter = plim
	req, _ = http.NewRequest("POST", "https://api.postman.com/proxy/scim/v2/Users", nil)
	_, err = rt.RoundTrip(req)
	require.NoError(t, err)
	assert.Equal(t, []string{"/scim/v2/Users"}, plim.paths)

	// Waits beyond the cap, or none at all, pause nobody.
	for _, v := range []string{"3600", "0", "soon"} {
		lim := &pauseRecorder{}
		stub := &stubTransport{status: 429, header: http.Header{"Retry-After": {v}}}
		rt := &Limit{Next: stub, Limiter: lim, MaxPause: time.Minute, Now: clock}
		req, _ := http.NewRequest("GET", "https://api.postman.com/me", nil)
		_, err := rt.RoundTrip(req)
		require.NoError(t, err)
		assert.Empty(t, lim.pauses, v)
	}

	// A refusal is a *LimitError; nothing is sent.
	stub = &stubTransport{status: 200}
	refusing := &pauseRecorder{err: errors.New("rate: Wait(n=1) would exceed context deadline")}
	rt = &Limit{Next: stub, Limiter: refusing}
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	req, _ = http.NewRequestWithContext(ctx, "GET", "https://api.postman.com/me", nil)
	_, err = rt.RoundTrip(req)
	var limErr *LimitError
	require.ErrorAs(t, err, &limErr)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Empty(t, stub.got)
}

func TestRoundTripThroughARealServer(t *testing.T) {
	t.Parallel()
	var gotKey string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotKey = r.Header.Get("X-Api-Key")
		w.WriteHeader(204)
	}))
	defer srv.Close()
	origin, _ := url.Parse(srv.URL)
	base := &http.Transport{}
	defer base.CloseIdleConnections()
	hc := &http.Client{Transport: &Credentials{Next: base, Origin: origin, APIKey: NewSecret("PMAK-k")}}
	resp, err := hc.Get(srv.URL + "/me")
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	assert.Equal(t, 204, resp.StatusCode)
	assert.Equal(t, "PMAK-k", gotKey)
	assert.Empty(t, resp.Request.Header.Get("X-Api-Key"))
}

// lateHeaders answers just as the header timeout fires: it waits for the
// attempt's context to end, then answers all the same, with a body that
// fails once that context has ended, as net/http's bodies do.
type lateHeaders struct{}

func (lateHeaders) RoundTrip(req *http.Request) (*http.Response, error) {
	<-req.Context().Done()
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(ctxReader{req.Context()}), Request: req}, nil
}

// ctxReader fails with its context's error.
type ctxReader struct{ ctx context.Context }

func (r ctxReader) Read([]byte) (int, error) { return 0, r.ctx.Err() }

// TestHeadersAtTheHeaderTimeout: headers that come as the header timeout
// fires are a header timeout, which the policy retries like one, not an
// answer whose body then fails with context.Canceled, an error the caller
// never caused and the policy never retries.
func TestHeadersAtTheHeaderTimeout(t *testing.T) {
	t.Parallel()
	origin, _ := url.Parse("https://api.postman.com")
	rt := &Credentials{Next: lateHeaders{}, Origin: origin, APIKey: NewSecret("PMAK-k"), Timeout: time.Minute, HeaderTimeout: 10 * time.Millisecond}
	req, _ := http.NewRequestWithContext(t.Context(), "GET", "https://api.postman.com/me", nil)
	resp, err := rt.RoundTrip(req)
	if resp != nil {
		_, readErr := resp.Body.Read(make([]byte, 1))
		t.Fatalf("an answer whose body fails with %v", readErr)
	}
	var late *AttemptTimeoutError
	require.ErrorAs(t, err, &late)
	assert.Equal(t, 10*time.Millisecond, late.After)
	assert.ErrorIs(t, err, errNoHeaders)
	assert.NotErrorIs(t, err, context.Canceled)
	assert.True(t, retryableTransportError(err))
}
