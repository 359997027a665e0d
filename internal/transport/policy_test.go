package transport

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExponentialCeiling(t *testing.T) {
	t.Parallel()
	base, ceiling := 500*time.Millisecond, 30*time.Second
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second}
	for i, w := range want {
		assert.Equal(t, w, ExponentialCeiling(base, ceiling, i), "attempt %d", i)
	}
	assert.Equal(t, ceiling, ExponentialCeiling(base, ceiling, 1<<20), "no overflow for huge attempts")
	assert.Equal(t, time.Duration(0), ExponentialCeiling(0, ceiling, 3))
	assert.Equal(t, time.Second, ExponentialCeiling(2*time.Second, time.Second, 0), "the ceiling caps the base too")
}

// response returns a minimal answer with status and headers.
func response(status int, header http.Header, body string) *http.Response {
	if header == nil {
		header = http.Header{}
	}
	return &http.Response{StatusCode: status, Header: header, Body: io.NopCloser(strings.NewReader(body))}
}

func newCall(method string) *Call {
	return &Call{Method: method, Path: "/x", Idempotent: IsIdempotent(method), MaxBody: 1 << 20, MaxErrorBody: 1 << 20, Attempts: 1}
}

func testPolicy() *Policy {
	return &Policy{MaxRetries: 4, WaitMin: 500 * time.Millisecond, WaitMax: 30 * time.Second, MaxRetryAfter: time.Minute,
		Budget: NewBudget(0), Now: func() time.Time { return now }, Rand: func() float64 { return 0.5 }}
}

// TestCheckRetryTable is the retry table of README.md ("Retries and rate
// limits") as decided from the call (method, opt-in), the answer and the
// error. The socket-level tests in the postman package show the same rows
// end to end.
func TestCheckRetryTable(t *testing.T) {
	t.Parallel()
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	reset := &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	tlsErr := &tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}}
	quota := `{"error":{"name":"serviceLimitExhausted","message":"You've reached your monthly limit."}}`
	ra := func(v string) http.Header { return http.Header{"Retry-After": {v}} }

	type row struct {
		name        string
		resp        func() *http.Response
		err         error
		retryWrites bool
		idem, write bool // the verdict for GET/HEAD/PUT/DELETE and for POST/PATCH
	}
	rows := []row{
		{name: "dial refused", err: &url.Error{Op: "Get", URL: "http://x", Err: refused}, idem: true, write: true},
		{name: "DNS temporary failure", err: &net.DNSError{Err: "server misbehaving", IsTemporary: true}, idem: true, write: true},
		{name: "DNS no such host", err: &net.DNSError{Err: "no such host", IsNotFound: true}},
		{name: "reset after writing", err: reset, idem: true},
		{name: "EOF after writing", err: io.EOF, idem: true},
		{name: "unexpected EOF in the body", err: io.ErrUnexpectedEOF, idem: true},
		{name: "per-attempt timeout", err: fmt.Errorf("awaiting headers: %w", context.DeadlineExceeded), idem: true},
		{name: "429 rateLimited", resp: func() *http.Response { return response(429, ra("1"), `{"error":"rateLimited"}`) }, idem: true, write: true},
		{name: "429 without Retry-After", resp: func() *http.Response { return response(429, nil, ``) }, idem: true, write: true},
		{name: "429 over the cap", resp: func() *http.Response { return response(429, ra("3600"), ``) }},
		{name: "429 serviceLimitExhausted", resp: func() *http.Response { return response(429, ra("1"), quota) }},
		{name: "503", resp: func() *http.Response { return response(503, nil, ``) }, idem: true, write: true},
		{name: "503 over the cap", resp: func() *http.Response { return response(503, ra("600"), ``) }},
		{name: "500", resp: func() *http.Response { return response(500, nil, ``) }, idem: true},
		{name: "502", resp: func() *http.Response { return response(502, nil, ``) }, idem: true},
		{name: "504", resp: func() *http.Response { return response(504, nil, ``) }, idem: true},
		{name: "500 with WithRetryWrites", resp: func() *http.Response { return response(500, nil, ``) }, retryWrites: true, idem: true, write: true},
		{name: "502 with WithRetryWrites", resp: func() *http.Response { return response(502, nil, ``) }, retryWrites: true, idem: true, write: true},
		{name: "504 with WithRetryWrites", resp: func() *http.Response { return response(504, nil, ``) }, retryWrites: true, idem: true, write: true},
		{name: "TLS certificate", err: tlsErr},
		{name: "TLS hostname", err: x509.HostnameError{Host: "x"}},
		{name: "TLS record header", err: tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"}},
		{name: "TLS alert", err: &net.OpError{Op: "remote error", Err: tls.AlertError(40)}},
		{name: "body over the cap", err: ErrTooLarge},
		{name: "limiter refused", err: &LimitError{Err: errors.New("rate: Wait(n=1) would exceed context deadline")}},
		{name: "other origin", err: &OriginError{Host: "evil.example"}},
		{name: "context cancelled inside the transport", err: context.Canceled},
	}
	for _, status := range []int{200, 201, 204, 301, 302, 307, 308, 400, 401, 403, 404, 409, 422, 501} {
		rows = append(rows, row{name: fmt.Sprint(status), resp: func() *http.Response { return response(status, nil, ``) }})
	}
	for _, r := range rows {
		for _, method := range []string{"GET", "HEAD", "PUT", "DELETE", "POST", "PATCH"} {
			t.Run(r.name+"/"+method, func(t *testing.T) {
				t.Parallel()
				p := testPolicy()
				c := newCall(method)
				c.RetryWrites = r.retryWrites
				var resp *http.Response
				if r.resp != nil {
					resp = r.resp()
				}
				got, err := p.CheckRetry(WithCall(context.Background(), c), resp, r.err)
				require.NoError(t, err)
				want := r.write
				if IsIdempotent(method) {
					want = r.idem
				}
				assert.Equal(t, want, got)
			})
		}
	}
}

func TestCheckRetryStopsForAFinishedContext(t *testing.T) {
	t.Parallel()
	p := testPolicy()
	c := newCall("GET")
	ctx, cancel := context.WithCancel(WithCall(context.Background(), c))
	cancel()
	retry, err := p.CheckRetry(ctx, response(503, nil, ""), nil)
	assert.False(t, retry)
	assert.ErrorIs(t, err, context.Canceled)

	ctx, cancel = context.WithDeadline(WithCall(context.Background(), c), time.Now().Add(-time.Second))
	defer cancel()
	retry, err = p.CheckRetry(ctx, nil, io.EOF)
	assert.False(t, retry)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestCheckRetryLeavesForeignRequestsAlone(t *testing.T) {
	t.Parallel()
	retry, err := testPolicy().CheckRetry(context.Background(), response(503, nil, ""), nil)
	assert.False(t, retry)
	assert.NoError(t, err)
}

func TestCheckRetryStopsAtMaxRetries(t *testing.T) {
	t.Parallel()
	p := testPolicy()
	p.MaxRetries = 2
	c := newCall("GET")
	ctx := WithCall(context.Background(), c)
	var verdicts []bool
	for c.Attempts = 1; c.Attempts <= 4; c.Attempts++ {
		retry, _ := p.CheckRetry(ctx, response(503, nil, ""), nil)
		verdicts = append(verdicts, retry)
	}
	assert.Equal(t, []bool{true, true, false, false}, verdicts)
}

// retryablehttp asks CheckRetry twice about a final answer (before and
// after the response handler). The second question must give the same
// verdict without charging the budget again.
func TestCheckRetryCachesTheVerdictOnAFinalAnswer(t *testing.T) {
	t.Parallel()
	p := testPolicy()
	p.Budget = NewBudget(100)
	p.MaxRetries = 1
	c := newCall("GET")
	ctx := WithCall(context.Background(), c)

	first := response(503, nil, "")
	retry, _ := p.CheckRetry(ctx, first, nil)
	require.True(t, retry)
	assert.Equal(t, 100-retryCost, p.Budget.Available())

	c.Attempts = 2
	final := response(503, nil, "")
	retry, _ = p.CheckRetry(ctx, final, nil)
	require.False(t, retry, "the attempt limit is reached")
	retry, _ = p.CheckRetry(ctx, final, nil)
	assert.False(t, retry, "asked again after the handler: same verdict")
	assert.Equal(t, 100-retryCost, p.Budget.Available(), "no second charge")

	// A handler error on the final answer is a new question.
	c.Attempts = 1
	ok := response(200, nil, "")
	retry, _ = p.CheckRetry(ctx, ok, nil)
	require.False(t, retry)
	retry, _ = p.CheckRetry(ctx, ok, io.ErrUnexpectedEOF)
	assert.True(t, retry, "a GET cut in the middle of its body is retried")
}

func TestCheckRetryComputesWaitsAndReportsThem(t *testing.T) {
	t.Parallel()
	p := testPolicy()
	p.MaxRetries = 10
	p.Rand = func() float64 { return 0.999 }
	var events []RetryEvent
	p.OnRetry = func(ev RetryEvent) { events = append(events, ev) }
	c := newCall("GET")
	ctx := WithCall(context.Background(), c)
	for c.Attempts = 1; c.Attempts <= 8; c.Attempts++ {
		retry, _ := p.CheckRetry(ctx, response(502, nil, ""), nil)
		require.True(t, retry)
	}
	require.Len(t, events, 8)
	for i, ev := range events {
		ceiling := ExponentialCeiling(p.WaitMin, p.WaitMax, i)
		assert.Equal(t, time.Duration(0.999*float64(ceiling)), ev.Wait, "retry %d: full jitter below the ceiling", i)
		assert.Equal(t, i+1, ev.Attempt)
		assert.Equal(t, 502, ev.Status)
		assert.Equal(t, "GET", ev.Method)
		if i > 0 {
			assert.GreaterOrEqual(t, ev.Wait, events[i-1].Wait, "non-decreasing ceilings")
		}
	}

	// The server's wait wins on 429 and 503; a wait of 0 or a past date
	// falls back to the backoff.
	for _, tt := range []struct {
		status int
		header http.Header
		want   time.Duration
	}{
		{429, http.Header{"Retry-After": {"7"}}, 7 * time.Second},
		{503, http.Header{"Retry-After": {now.Add(20 * time.Second).Format(http.TimeFormat)}}, 20 * time.Second},
		{429, http.Header{"X-Ratelimit-Retryafter": {"2.5"}}, 2500 * time.Millisecond},
		{429, http.Header{"Retry-After": {"0"}}, time.Duration(0.999 * float64(p.WaitMin))},
		{503, http.Header{"Retry-After": {now.Add(-time.Minute).Format(http.TimeFormat)}}, time.Duration(0.999 * float64(p.WaitMin))},
		{429, http.Header{"Retry-After": {"60"}}, time.Minute},
		{502, http.Header{"Retry-After": {"7"}}, time.Duration(0.999 * float64(p.WaitMin))},
	} {
		events = nil
		c := newCall("POST")
		c.RetryWrites = true
		retry, _ := p.CheckRetry(WithCall(context.Background(), c), response(tt.status, tt.header, ""), nil)
		require.True(t, retry, "%d %v", tt.status, tt.header)
		require.Len(t, events, 1)
		assert.Equal(t, tt.want, events[0].Wait, "%d %v", tt.status, tt.header)
		assert.Equal(t, tt.want, c.wait)
	}

	// Transport errors are reported with the error, its URL stripped.
	events = nil
	c = newCall("GET")
	urlErr := &url.Error{Op: "Get", URL: "https://api.postman.com/x?access_key=SECRET", Err: io.EOF}
	retry, _ := p.CheckRetry(WithCall(context.Background(), c), nil, urlErr)
	require.True(t, retry)
	require.Len(t, events, 1)
	assert.Equal(t, io.EOF, events[0].Err)
	assert.Equal(t, 0, events[0].Status)
	assert.Positive(t, events[0].Wait)
}

func TestPrepareRetrySleepsTheComputedWait(t *testing.T) {
	t.Parallel()
	p := testPolicy()
	var slept []time.Duration
	p.Sleep = func(d time.Duration) time.Duration { slept = append(slept, d); return 0 }
	c := newCall("GET")
	c.wait = 42 * time.Second
	req, _ := http.NewRequestWithContext(WithCall(context.Background(), c), "GET", "http://127.0.0.1/", nil)
	require.NoError(t, p.PrepareRetry(req))
	assert.Equal(t, []time.Duration{42 * time.Second}, slept)
	assert.Zero(t, c.wait, "a wait is slept once")

	// A real wait ends with the context.
	p.Sleep = nil
	c.wait = time.Hour
	ctx, cancel := context.WithCancel(WithCall(context.Background(), c))
	req = req.WithContext(ctx)
	go func() { time.Sleep(5 * time.Millisecond); cancel() }()
	start := time.Now()
	err := p.PrepareRetry(req)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), time.Second)

	// Requests the SDK did not build are not delayed.
	plain, _ := http.NewRequest("GET", "http://127.0.0.1/", nil)
	assert.NoError(t, p.PrepareRetry(plain))
	assert.Zero(t, p.Backoff(time.Second, time.Minute, 3, nil), "Backoff leaves the wait to PrepareRetry")
}

func TestErrorHandler(t *testing.T) {
	t.Parallel()
	p := testPolicy()
	body := &closeRecorder{Reader: strings.NewReader("x")}
	resp := &http.Response{StatusCode: 503, Body: body}

	got, err := p.ErrorHandler(resp, nil, 5)
	assert.NoError(t, err)
	assert.Same(t, resp, got, "a final answer without error is passed through, not thrown away")
	assert.False(t, body.closed)

	got, err = p.ErrorHandler(resp, io.ErrUnexpectedEOF, 1)
	assert.Nil(t, got)
	assert.Equal(t, io.ErrUnexpectedEOF, err, "the cause is returned unchanged")
	assert.True(t, body.closed)

	got, err = p.ErrorHandler(nil, nil, 1)
	assert.Nil(t, got)
	assert.Error(t, err)
}

type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

func TestBudget(t *testing.T) {
	t.Parallel()
	b := NewBudget(30)
	assert.True(t, b.take(retryCost))
	assert.True(t, b.take(retryCost))
	assert.False(t, b.take(retryCost), "2 tokens left")
	assert.True(t, b.take(1))
	assert.Equal(t, 1, b.Available())
	b.succeeded(retryCost)
	assert.Equal(t, 1+retryCost, b.Available(), "a successful retry refunds its cost")
	b.succeeded(0)
	assert.Equal(t, 2+retryCost, b.Available(), "a first-try success adds one token")
	for range 100 {
		b.succeeded(retryCost)
	}
	assert.Equal(t, 30, b.Available(), "never above capacity")

	unlimited := NewBudget(0)
	for range 1000 {
		assert.True(t, unlimited.take(retryCost))
	}
	// A retry is granted with exactly its cost left, not with one less.
	exact := NewBudget(2 * retryCost)
	assert.True(t, exact.take(retryCost))
	assert.True(t, exact.take(retryCost), "exactly the cost left")
	assert.False(t, exact.take(1))
	short := NewBudget(throttleCost - 1)
	assert.False(t, short.take(throttleCost), "one token short")

	// The costs are AWS's standard retryer's, scaled to a budget of 500:
	// 35 fault retries or 100 throttle retries in a row empty it.
	assert.Equal(t, 500, DefaultBudget)
	assert.Equal(t, 14, retryCost)
	assert.Equal(t, 5, throttleCost)
	assert.Equal(t, 1, firstTrySuccess)

	var nilBudget *Budget
	assert.True(t, nilBudget.take(retryCost))
	nilBudget.succeeded(1)
	assert.Zero(t, nilBudget.Available())
}

// A call that succeeds after several retries gets back only the cost of
// the retry that worked: an outage where calls end up succeeding still
// drains the budget (AWS's standard retryer does the same).
func TestBudgetRefundsOnlyTheRetryThatSucceeded(t *testing.T) {
	t.Parallel()
	p := testPolicy()
	p.Budget = NewBudget(100)
	c := newCall("GET")
	ctx := WithCall(context.Background(), c)
	for c.Attempts = 1; c.Attempts <= 3; c.Attempts++ {
		retry, _ := p.CheckRetry(ctx, response(503, nil, ""), nil)
		require.True(t, retry)
	}
	assert.Equal(t, 100-3*retryCost, p.Budget.Available())
	p.Settle(c, true)
	assert.Equal(t, 100-2*retryCost, p.Budget.Available())

	throttled := newCall("POST")
	retry, _ := p.CheckRetry(WithCall(context.Background(), throttled), response(429, nil, ""), nil)
	require.True(t, retry)
	assert.Equal(t, 100-2*retryCost-throttleCost, p.Budget.Available(), "a throttle costs less")
	p.Settle(throttled, false)
	assert.Equal(t, 100-2*retryCost-throttleCost, p.Budget.Available(), "a failure refunds nothing")

	first := newCall("GET")
	p.Settle(first, true)
	assert.Equal(t, 100-2*retryCost-throttleCost+1, p.Budget.Available())
}

func TestBudgetIsSafeForConcurrentUse(t *testing.T) {
	t.Parallel()
	b := NewBudget(500)
	var wg sync.WaitGroup
	for range 32 {
		wg.Go(func() {
			for range 100 {
				if b.take(retryCost) {
					b.succeeded(retryCost)
				}
				_ = b.Available()
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 500, b.Available())
}

func TestReadCapped(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789"), 1000)
	for _, tt := range []struct {
		name          string
		contentLength int64
	}{{"known length", int64(len(data))}, {"unknown length", -1}, {"zero claimed", 0}} {
		got, err := readCapped(bytes.NewReader(data), 1<<20, tt.contentLength)
		require.NoError(t, err, tt.name)
		assert.Equal(t, data, got, tt.name)
	}

	got, err := readCapped(bytes.NewReader(data), 100, -1)
	require.NoError(t, err)
	assert.Len(t, got, 101, "one byte past the cap shows the overflow, no more is read")

	got, err = readCapped(io.LimitReader(iotest.HalfReader(bytes.NewReader(data)), 10), 1<<20, -1)
	require.NoError(t, err)
	assert.Len(t, got, 10)

	_, err = readCapped(iotest.TimeoutReader(bytes.NewReader(data)), 1<<20, -1)
	assert.ErrorIs(t, err, iotest.ErrTimeout)

	// A body of known length is read into one buffer of that size: no
	// doubling near the end (bytes.Buffer.ReadFrom would reallocate).
	r := bytes.NewReader(data)
	allocs := testing.AllocsPerRun(100, func() {
		r.Reset(data)
		_, _ = readCapped(r, 1<<20, int64(len(data)))
	})
	assert.LessOrEqual(t, allocs, 2.0, "the buffer (and the LimitedReader)")
}

func TestReadResponse(t *testing.T) {
	t.Parallel()
	c := &Call{MaxBody: 10, MaxErrorBody: 5}
	resp := response(200, nil, "0123456789")
	resp.ContentLength = 10
	require.NoError(t, c.ReadResponse(resp))
	assert.Equal(t, "0123456789", string(c.Body))
	assert.True(t, c.BodyRead)

	c = &Call{MaxBody: 10, MaxErrorBody: 5}
	resp = response(200, nil, "")
	resp.ContentLength = 11
	assert.ErrorIs(t, c.ReadResponse(resp), ErrTooLarge, "Content-Length over the cap fails before reading")

	c = &Call{MaxBody: 10, MaxErrorBody: 5}
	resp = response(200, nil, "0123456789A")
	resp.ContentLength = -1
	assert.ErrorIs(t, c.ReadResponse(resp), ErrTooLarge, "a stream over the cap fails at cap+1")

	c = &Call{MaxBody: 10, MaxErrorBody: 5}
	resp = response(500, nil, "0123456789")
	resp.ContentLength = -1
	require.NoError(t, c.ReadResponse(resp), "an error body over its cap is cut, not refused")
	assert.Equal(t, "01234", string(c.Body))
}

func TestPeekBodyPutsTheBodyBack(t *testing.T) {
	t.Parallel()
	resp := response(429, nil, `{"error":{"name":"serviceLimitExhausted"}}`)
	assert.True(t, IsQuotaExhausted(PeekBody(resp, 1<<10)))
	assert.True(t, IsQuotaExhausted(PeekBody(resp, 1<<10)), "peeking twice reads the same bytes")
	rest, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.JSONEq(t, `{"error":{"name":"serviceLimitExhausted"}}`, string(rest))
	assert.Nil(t, PeekBody(&http.Response{}, 10))
}

func TestBeforeWrite(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	_, dialErr := net.Dial("tcp", addr)
	require.Error(t, dialErr)
	assert.True(t, BeforeWrite(dialErr), "a refused dial sent nothing: %v", dialErr)
	assert.True(t, BeforeWrite(&url.Error{Op: "Post", URL: "http://" + addr, Err: dialErr}))
	assert.True(t, BeforeWrite(&net.DNSError{Err: "server misbehaving", IsTemporary: true}))
	assert.False(t, BeforeWrite(&net.DNSError{Err: "no such host", IsNotFound: true}))
	assert.False(t, BeforeWrite(&net.OpError{Op: "read", Err: syscall.ECONNRESET}))
	assert.False(t, BeforeWrite(&net.OpError{Op: "write", Err: syscall.EPIPE}))
	assert.False(t, BeforeWrite(io.EOF))
	assert.False(t, BeforeWrite(io.ErrUnexpectedEOF))
}

func TestSameOriginAndCheckRedirect(t *testing.T) {
	t.Parallel()
	origin, _ := url.Parse("https://api.postman.com")
	for _, tt := range []struct {
		target string
		same   bool
	}{
		{"https://api.postman.com/x", true},
		{"https://API.postman.com:443/x", true},
		{"http://api.postman.com/x", false},
		{"https://api.postman.com:8443/x", false},
		{"https://evil.postman.com/x", false},
		{"https://api.postman.com.evil.example/x", false},
	} {
		u, _ := url.Parse(tt.target)
		assert.Equal(t, tt.same, SameOrigin(u, origin), tt.target)
	}

	check := CheckRedirect(origin)
	get, _ := http.NewRequest("GET", "https://api.postman.com/a", nil)
	post, _ := http.NewRequest("POST", "https://api.postman.com/a", nil)
	next := func(target string) *http.Request {
		r, _ := http.NewRequest("GET", target, nil)
		return r
	}
	assert.NoError(t, check(next("https://api.postman.com/b"), []*http.Request{get}), "same-origin GET redirect is followed")
	assert.Equal(t, http.ErrUseLastResponse, check(next("https://api.postman.com/b"), []*http.Request{post}), "a POST is never redirected")
	assert.Equal(t, http.ErrUseLastResponse, check(next("https://other.example/b"), []*http.Request{get}))
	assert.Equal(t, http.ErrUseLastResponse, check(next("http://api.postman.com/b"), []*http.Request{get}))
	assert.Equal(t, http.ErrUseLastResponse, check(next("https://api.postman.com:444/b"), []*http.Request{get}))
	chain := []*http.Request{get, get, get, get, get}
	assert.Equal(t, http.ErrUseLastResponse, check(next("https://api.postman.com/b"), chain), "the chain is bounded")
}

func TestSecretNeverPrints(t *testing.T) {
	const key = "PMAK-secret-value"
	s := NewSecret(key)
	type holder struct {
		Key  Secret
		Ptr  *Secret
		List []Secret
	}
	h := holder{Key: s, Ptr: &s, List: []Secret{s}}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%T %v"} {
		assert.NotContains(t, fmt.Sprintf(verb, s), key, verb)
		assert.NotContains(t, fmt.Sprintf(verb, h), key, verb)
		assert.NotContains(t, fmt.Sprintf(verb, &h), key, verb)
	}
	// fmt cannot call Format on unexported fields, and falls back to
	// printing a pointer's struct for a wrong verb: the value is sealed.
	type hidden struct{ key Secret }
	type outer struct{ h *hidden }
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		assert.NotContains(t, fmt.Sprintf(verb, hidden{s}), key, verb)
		assert.NotContains(t, fmt.Sprintf(verb, outer{&hidden{s}}), key, verb)
		assert.NotContains(t, fmt.Sprintf(verb, &hidden{s}), key, verb)
	}
	assert.Equal(t, Redacted, s.String())
	assert.Equal(t, Redacted, s.GoString())
	assert.Equal(t, Redacted, s.LogValue().String())
	j, _ := s.MarshalJSON()
	assert.Equal(t, `"[REDACTED]"`, string(j))
	txt, _ := s.MarshalText()
	assert.Equal(t, Redacted, string(txt))
	assert.Equal(t, key, s.Reveal())
	assert.False(t, s.IsZero())
	assert.True(t, Secret{}.IsZero())
	assert.True(t, NewSecret("").IsZero())
	assert.Empty(t, Secret{}.Reveal())

	for text, want := range map[string]bool{
		key: true, "x" + key + "y": true, "PPMAK-secret-value": true, "PMAK-secret-valu": false, "": false, "PMAK-secret-valueX": true,
		"PMAK-secret-vaLue": false,
	} {
		assert.Equal(t, want, s.In(text), text)
	}
	assert.False(t, Secret{}.In(key))
	allocs := testing.AllocsPerRun(100, func() { _ = s.In("req-1234567890-abcdef") })
	assert.Zero(t, allocs)
}

func TestWaitError(t *testing.T) {
	t.Parallel()
	rateErr := errors.New("rate: Wait(n=1) would exceed context deadline")
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	err := WaitError(ctx, rateErr)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.ErrorIs(t, err, rateErr)
	assert.Equal(t, rateErr.Error(), err.Error())

	assert.Equal(t, rateErr, WaitError(context.Background(), rateErr), "no deadline, no rewrite")
	other := errors.New("redis down")
	assert.Equal(t, other, WaitError(ctx, other))
	assert.NoError(t, WaitError(ctx, nil))
	cancelled, stop := context.WithCancel(context.Background())
	stop()
	assert.Equal(t, context.Canceled, WaitError(cancelled, context.Canceled))
}
