package postman

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/postmantest"
)

// obsEvent is one event an observer was told of.
type obsEvent struct {
	Kind    string // StartCall, EndCall, StartAttempt, EndAttempt, Retry, LimiterWait, RateLimit
	Call    CallInfo
	Attempt int
	// Data is the event's own value: CallResult, AttemptResult,
	// RetryInfo, LimiterWaitInfo or RateLimitInfo.
	Data any
	// Scope says which context the event came with: "call", "attempt" or
	// "none" (neither StartCall's nor StartAttempt's context).
	Scope string
}

type obsScopeKey struct{}

// recordingObserver records every event, checks that each comes with the
// context its Start method returned, and sets header on every attempt.
type recordingObserver struct {
	header map[string]string

	mu     sync.Mutex
	events []obsEvent
}

func (o *recordingObserver) add(ctx context.Context, ev obsEvent) {
	ev.Scope = "none"
	if s, ok := ctx.Value(obsScopeKey{}).(string); ok {
		ev.Scope = s
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.events = append(o.events, ev)
}

func (o *recordingObserver) StartCall(ctx context.Context, call CallInfo) context.Context {
	o.add(ctx, obsEvent{Kind: "StartCall", Call: call})
	return context.WithValue(ctx, obsScopeKey{}, "call")
}

func (o *recordingObserver) EndCall(ctx context.Context, call CallInfo, r CallResult) {
	o.add(ctx, obsEvent{Kind: "EndCall", Call: call, Data: r})
}

func (o *recordingObserver) StartAttempt(ctx context.Context, a AttemptInfo) context.Context {
	for k, v := range o.header {
		a.Header.Set(k, v)
	}
	o.add(ctx, obsEvent{Kind: "StartAttempt", Call: a.Call, Attempt: a.Attempt})
	return context.WithValue(ctx, obsScopeKey{}, "attempt")
}

func (o *recordingObserver) EndAttempt(ctx context.Context, a AttemptInfo, r AttemptResult) {
	o.add(ctx, obsEvent{Kind: "EndAttempt", Call: a.Call, Attempt: a.Attempt, Data: r})
}

func (o *recordingObserver) Retry(ctx context.Context, r RetryInfo) {
	o.add(ctx, obsEvent{Kind: "Retry", Call: r.Call, Attempt: r.Attempt, Data: r})
}

func (o *recordingObserver) LimiterWait(ctx context.Context, w LimiterWaitInfo) {
	o.add(ctx, obsEvent{Kind: "LimiterWait", Call: w.Call, Attempt: w.Attempt, Data: w})
}

func (o *recordingObserver) RateLimit(ctx context.Context, r RateLimitInfo) {
	o.add(ctx, obsEvent{Kind: "RateLimit", Call: r.Call, Attempt: r.Attempt, Data: r})
}

func (o *recordingObserver) all() []obsEvent {
	o.mu.Lock()
	defer o.mu.Unlock()
	return slices.Clone(o.events)
}

// kinds lists the events' kinds with their attempt numbers.
func (o *recordingObserver) kinds() []string {
	var out []string
	for _, ev := range o.all() {
		if ev.Attempt > 0 {
			out = append(out, fmt.Sprintf("%s %d", ev.Kind, ev.Attempt))
		} else {
			out = append(out, ev.Kind)
		}
	}
	return out
}

func (o *recordingObserver) only(kind string) []obsEvent {
	var out []obsEvent
	for _, ev := range o.all() {
		if ev.Kind == kind {
			out = append(out, ev)
		}
	}
	return out
}

// dump renders every event with every fmt verb and every error's text.
func (o *recordingObserver) dump() string {
	var b strings.Builder
	for _, ev := range o.all() {
		for _, verb := range []string{"%v", "%+v", "%#v"} {
			fmt.Fprintf(&b, verb+"\n", ev)
		}
		var err error
		switch d := ev.Data.(type) {
		case CallResult:
			err = d.Err
		case AttemptResult:
			err = d.Err
		case RetryInfo:
			err = d.Err
		case LimiterWaitInfo:
			err = d.Err
		}
		if err != nil {
			b.WriteString(err.Error() + "\n")
		}
	}
	return b.String()
}

// checkInvariants checks what holds for every observed call: one
// StartCall first and one EndCall last, every event with the context of
// its scope, every StartAttempt ended once, and the attempt count.
func (o *recordingObserver) checkInvariants(t *testing.T) {
	t.Helper()
	// Calls one after another: each from its StartCall to its EndCall.
	evs := o.all()
	for len(evs) > 0 {
		n := slices.IndexFunc(evs, func(ev obsEvent) bool { return ev.Kind == "EndCall" }) + 1
		if n == 0 {
			n = len(evs)
		}
		checkCallEvents(t, evs[:n])
		evs = evs[n:]
	}
}

func checkCallEvents(t *testing.T, evs []obsEvent) {
	t.Helper()
	kinds := func(kind string) int {
		n := 0
		for _, ev := range evs {
			if ev.Kind == kind {
				n++
			}
		}
		return n
	}
	require.Equal(t, "StartCall", evs[0].Kind)
	require.Equal(t, "EndCall", evs[len(evs)-1].Kind, "EndCall comes last: %v", evs)
	assert.Equal(t, 1, kinds("StartCall"))
	open := map[int]int{}
	maxAttempt := 0
	for _, ev := range evs {
		assert.Equal(t, evs[0].Call, ev.Call, "every event describes the same call")
		switch ev.Kind {
		case "StartCall":
			assert.Equal(t, "none", ev.Scope)
		case "StartAttempt":
			open[ev.Attempt]++
			maxAttempt = max(maxAttempt, ev.Attempt)
			assert.Equal(t, "call", ev.Scope)
		case "EndAttempt", "RateLimit":
			open[ev.Attempt]--
			if ev.Kind == "RateLimit" {
				open[ev.Attempt]++
			}
			assert.Equal(t, "attempt", ev.Scope, ev.Kind)
		case "Retry":
			assert.Zero(t, open[ev.Attempt], "attempt %d ended before its retry", ev.Attempt)
			assert.Equal(t, "call", ev.Scope)
		default:
			assert.Equal(t, "call", ev.Scope, ev.Kind)
		}
	}
	for n, c := range open {
		assert.Zero(t, c, "attempt %d started and ended as often", n)
	}
	res := evs[len(evs)-1].Data.(CallResult)
	if maxAttempt > 0 {
		// An attempt the limiter refused counts but never starts.
		assert.Contains(t, []int{maxAttempt, maxAttempt + 1}, res.Attempts)
	}
	retries := kinds("Retry")
	assert.Contains(t, []int{res.Attempts - 1, res.Attempts}, retries,
		"a retry precedes every attempt after the first (and may be cut short by the context)")
}

func newObservedMockClient(t *testing.T, opts ...Option) (*Client, *httpmock.MockTransport, *recordingObserver) {
	t.Helper()
	obs := &recordingObserver{}
	c, mock := newMockClient(t, append([]Option{WithObserver(obs)}, opts...)...)
	return c, mock, obs
}

func TestObserverSeesACall(t *testing.T) {
	c, mock, obs := newObservedMockClient(t)
	mock.RegisterResponder("GET", postmanURL+"/me", func(*http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(200, `{"user":{"id":1}}`)
		resp.Header.Set("RateLimit-Limit", "300")
		resp.Header.Set("RateLimit-Remaining", "299")
		resp.Header.Set("RateLimit-Limit-Month", "1000000")
		resp.Header.Set("RateLimit-Remaining-Month", "989212")
		resp.Header.Set("X-Request-Id", "req-1")
		return resp, nil
	})
	_, _, err := c.Users.GetMe(t.Context())
	require.NoError(t, err)
	assert.Equal(t, []string{"StartCall", "StartAttempt 1", "RateLimit 1", "EndAttempt 1", "EndCall"}, obs.kinds())
	obs.checkInvariants(t)
	evs := obs.all()
	assert.Equal(t, CallInfo{Operation: Operation{ID: "getAuthenticatedUser", Template: "/me"}, Method: "GET", Path: "/me",
		ServerAddress: "api.postman.com", ServerPort: 443}, evs[0].Call)
	rate := evs[2].Data.(RateLimitInfo)
	assert.Equal(t, 200, rate.StatusCode)
	assert.Equal(t, 299, rate.Rate.Remaining)
	assert.Equal(t, MonthlyUsage{Limit: 1000000, Remaining: 989212}, rate.Usage)
	assert.Equal(t, AttemptResult{StatusCode: 200, RequestID: "req-1"}, evs[3].Data)
	assert.Equal(t, CallResult{StatusCode: 200, Attempts: 1, RequestID: "req-1"}, evs[4].Data)
}

func TestObserverSeesRetries(t *testing.T) {
	c, mock, obs := newObservedMockClient(t)
	n := 0
	mock.RegisterResponder("GET", `=~^`+postmanURL+`/collections/`, func(*http.Request) (*http.Response, error) {
		n++
		switch n {
		case 1:
			resp := httpmock.NewStringResponse(429, `{"error":{"name":"rateLimited","message":"Rate limit exceeded."}}`)
			resp.Header.Set("Retry-After", "7")
			resp.Header.Set("RateLimit-Limit", "300")
			resp.Header.Set("RateLimit-Remaining", "0")
			return resp, nil
		case 2:
			return httpmock.NewStringResponse(503, `{}`), nil
		}
		return httpmock.NewStringResponse(200, `{"collection":{"info":{"name":"c"},"item":[]}}`), nil
	})
	_, _, err := c.Collections.Get(t.Context(), "12345678-c1", nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"StartCall",
		"StartAttempt 1", "RateLimit 1", "EndAttempt 1", "Retry 1",
		"StartAttempt 2", "EndAttempt 2", "Retry 2",
		"StartAttempt 3", "EndAttempt 3", "EndCall"}, obs.kinds())
	obs.checkInvariants(t)
	retries := obs.only("Retry")
	first := retries[0].Data.(RetryInfo)
	assert.Equal(t, 429, first.StatusCode)
	assert.Equal(t, 7*time.Second, first.Wait, "the server's Retry-After")
	assert.Equal(t, 503, retries[1].Data.(RetryInfo).StatusCode)
	assert.Equal(t, Operation{ID: "getCollection", Template: "/collections/{collectionId}"}, first.Call.Operation)
	assert.Equal(t, "/collections/12345678-c1", first.Call.Path)
	end := obs.only("EndCall")[0].Data.(CallResult)
	assert.Equal(t, 3, end.Attempts)
	assert.Equal(t, 200, end.StatusCode)
}

func TestObserverSeesFailures(t *testing.T) {
	c, mock, obs := newObservedMockClient(t)
	mock.RegisterResponder("GET", postmanURL+"/workspaces/w1", httpmock.NewStringResponder(404,
		`{"error":{"name":"instanceNotFoundError","message":"We could not find the workspace you are looking for"}}`))
	_, _, err := c.Workspaces.Get(t.Context(), "w1", nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "getWorkspace", apiErr.Operation, "the error names the operation")
	obs.checkInvariants(t)
	end := obs.only("EndCall")[0].Data.(CallResult)
	assert.Equal(t, 404, end.StatusCode)
	assert.Same(t, err, end.Err, "the observer sees the error the caller gets")

	// No answer at all.
	obs2 := &recordingObserver{}
	c2, mock2 := newMockClient(t, WithObserver(obs2), WithMaxRetries(0))
	mock2.RegisterResponder("GET", postmanURL+"/me", httpmock.NewErrorResponder(errors.New("connection refused")))
	_, _, err = c2.Users.GetMe(t.Context())
	require.Error(t, err)
	obs2.checkInvariants(t)
	assert.Equal(t, []string{"StartCall", "StartAttempt 1", "EndAttempt 1", "EndCall"}, obs2.kinds())
	assert.ErrorContains(t, obs2.only("EndAttempt")[0].Data.(AttemptResult).Err, "connection refused")
	end = obs2.only("EndCall")[0].Data.(CallResult)
	assert.Zero(t, end.StatusCode)
	assert.Equal(t, 1, end.Attempts)
}

func TestDoCarriesNoOperationUnlessNamed(t *testing.T) {
	c, mock, obs := newObservedMockClient(t)
	mock.RegisterResponder("GET", `=~^`+postmanURL+`/collections/`, httpmock.NewStringResponder(404, `{"error":{"name":"instanceNotFoundError"}}`))
	ctx := t.Context()

	_, err := c.Do(ctx, "GET", "/collections/12345678-c1?access_key=PMAT-1", nil, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Empty(t, apiErr.Operation)
	assert.Zero(t, obs.all()[0].Call.Operation, "Do names no operation")

	obs.events = nil
	_, err = c.DoOperation(ctx, Operation{ID: "getCollection"}, "GET", "/collections/12345678-c1", nil, nil)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "getCollection", apiErr.Operation)
	assert.Equal(t, Operation{ID: "getCollection", Template: "/collections/{collectionId}"}, obs.all()[0].Call.Operation,
		"the description's template for a known ID")

	obs.events = nil
	mine := Operation{ID: "getFutureThing", Template: "/collections/{collectionId}/future"}
	_, err = c.DoOperation(ctx, mine, "GET", "/collections/12345678-c1", nil, nil)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "getFutureThing", apiErr.Operation)
	assert.Equal(t, mine, obs.all()[0].Call.Operation, "the caller's name as given")

	op, ok := LookupOperation("GET", "/collections/12345678-c1?access_key=PMAT-1")
	require.True(t, ok)
	obs.events = nil
	_, _ = c.DoOperation(ctx, op, "GET", "/collections/12345678-c1", nil, nil)
	assert.Equal(t, op, obs.all()[0].Call.Operation)
}

func TestLogRecordsCarryTheOperation(t *testing.T) {
	var buf lockedBuffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, mock := newMockClient(t, WithLogger(logger))
	n := 0
	mock.RegisterResponder("GET", postmanURL+"/workspaces/w1", func(*http.Request) (*http.Response, error) {
		n++
		if n == 1 {
			return httpmock.NewStringResponse(503, `{}`), nil
		}
		return httpmock.NewStringResponse(200, `{"workspace":{"id":"w1"}}`), nil
	})
	_, _, err := c.Workspaces.Get(t.Context(), "w1", nil)
	require.NoError(t, err)
	mock.RegisterResponder("GET", postmanURL+"/me", httpmock.NewErrorResponder(errors.New("boom")))
	_, _, err = c.Users.GetMe(t.Context())
	require.Error(t, err)
	logs := buf.String()
	assert.Contains(t, logs, `"msg":"postman: retrying","operation":"getWorkspace"`)
	assert.Contains(t, logs, `"msg":"postman: call","operation":"getWorkspace"`)
	assert.Contains(t, logs, `"msg":"postman: call failed","operation":"getAuthenticatedUser"`)
}

func TestObserverHeadersAreAddOnly(t *testing.T) {
	obs := &recordingObserver{header: map[string]string{
		"traceparent":   "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
		"X-Api-Key":     "stolen",
		"Authorization": "Bearer stolen",
		"Accept":        "text/plain",
		"X-Broken":      "a\r\nX-Injected: 1",
	}}
	var got http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		writeJSON(w, 200, `{"user":{"id":1}}`)
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv.URL, WithObserver(obs))
	_, _, err := c.Users.GetMe(t.Context())
	require.NoError(t, err)
	assert.Equal(t, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", got.Get("Traceparent"))
	assert.Equal(t, canaryKey, got.Get("X-Api-Key"), "the key is not replaced")
	assert.Empty(t, got.Get("Authorization"), "no credential header is added")
	assert.Equal(t, "application/json", got.Get("Accept"), "a header the request has is not replaced")
	assert.Empty(t, got.Get("X-Broken"))
	assert.Empty(t, got.Get("X-Injected"))

	var zero RequestHeader
	zero.Set("Traceparent", "x") // inert, no panic
}

// sleepingLimiter makes every attempt wait d.
type sleepingLimiter struct{ d time.Duration }

func (l sleepingLimiter) Wait(ctx context.Context, _, _ string) error {
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < l.d {
		return errors.New("rate: Wait(n=1) would exceed context deadline")
	}
	time.Sleep(l.d)
	return nil
}

func (sleepingLimiter) PauseUntil(time.Time) {}

func TestObserverSeesLimiterWaits(t *testing.T) {
	// The fake's listener starts outside the bubble: a goroutine blocked
	// on a socket would keep the virtual clock from moving.
	srv := postmantest.NewServer()
	defer srv.Close()
	synctest.Test(t, func(t *testing.T) {
		obs := &recordingObserver{}
		c, err := NewClient(canaryKey, WithBaseURL(srv.URL), WithHTTPClient(&http.Client{Transport: srv.Transport()}),
			WithLimiter(sleepingLimiter{d: 1500 * time.Millisecond}), WithObserver(obs))
		require.NoError(t, err)
		_, _, err = c.Users.GetMe(t.Context())
		require.NoError(t, err)
		waits := obs.only("LimiterWait")
		require.Len(t, waits, 1)
		assert.Equal(t, 1500*time.Millisecond, waits[0].Data.(LimiterWaitInfo).Wait, "virtual time: exactly the limiter's wait")
		assert.Equal(t, []string{"StartCall", "LimiterWait 1", "StartAttempt 1", "RateLimit 1", "EndAttempt 1", "EndCall"}, obs.kinds())

		// A refusal: the deadline comes before the wait would end.
		obs.events = nil
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		_, _, err = c.Users.GetMe(ctx)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		obs.checkInvariants(t)
		assert.Equal(t, []string{"StartCall", "LimiterWait 1", "EndCall"}, obs.kinds())
		assert.Error(t, obs.only("LimiterWait")[0].Data.(LimiterWaitInfo).Err)
	})
}

func TestWithObserverRefusesNil(t *testing.T) {
	_, err := NewClient(canaryKey, WithObserver(nil))
	assert.ErrorIs(t, err, ErrInvalidArgument)
	var o Observer = NopObserver{}
	ctx := t.Context()
	assert.Equal(t, ctx, o.StartCall(ctx, CallInfo{}))
	assert.Equal(t, ctx, o.StartAttempt(ctx, AttemptInfo{}))
	o.EndAttempt(ctx, AttemptInfo{}, AttemptResult{})
	o.Retry(ctx, RetryInfo{})
	o.LimiterWait(ctx, LimiterWaitInfo{})
	o.RateLimit(ctx, RateLimitInfo{})
	o.EndCall(ctx, CallInfo{}, CallResult{})
}

// TestObserverCanaryFaultSuite runs the whole fault suite, the canary
// checks included, with a recording observer, and fails if either key
// appears in any event or any error an event holds; every call's events
// keep the invariants of checkInvariants.
func TestObserverCanaryFaultSuite(t *testing.T) {
	t.Parallel()
	for _, f := range append(faultSuite(), echoFaults()...) {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			obs := &recordingObserver{}
			f.opts = append(slices.Clip(f.opts), WithObserver(obs))
			runFault(t, f, true)
			dump := obs.dump()
			for _, key := range []string{canaryKey, scimCanaryKey} {
				assert.NotContains(t, dump, key[:16], "a credential reached the observer")
			}
			assert.NotContains(t, dump, "?", "no query string reaches the observer")
			obs.checkInvariants(t)
		})
	}
}

// BenchmarkObserverOverhead is BenchmarkOverhead's GetMe through the SDK
// without an observer, with NopObserver, and with the recording one.
//
//	go test -run '^$' -bench ObserverOverhead -benchmem .
func BenchmarkObserverOverhead(b *testing.B) {
	srv := benchServer(b)
	for _, cs := range []struct {
		name string
		opts []Option
	}{
		{"none", nil},
		{"nop", []Option{WithObserver(NopObserver{})}},
	} {
		b.Run("observer="+cs.name, func(b *testing.B) {
			c, err := NewClient(canaryKey, append([]Option{WithBaseURL(srv.URL), WithoutRateLimit()}, cs.opts...)...)
			require.NoError(b, err)
			b.Cleanup(c.CloseIdleConnections)
			ctx := context.Background()
			if _, _, err := c.Users.GetMe(ctx); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := c.Users.GetMe(ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// assertObservedOperations checks, for a conformance scenario, that the
// operations the client's calls carried are the ones the harness served:
// the table and the matcher name every service call as the description
// does.
func assertObservedOperations(t *testing.T, obs *recordingObserver, ran []string) {
	t.Helper()
	var carried []string
	for _, ev := range obs.only("StartCall") {
		require.NotEmpty(t, ev.Call.Operation.ID, "%s %s carries no operation", ev.Call.Method, ev.Call.Path)
		carried = append(carried, ev.Call.Operation.ID)
	}
	slices.Sort(carried)
	ran = slices.Clone(ran)
	slices.Sort(ran)
	assert.Equal(t, slices.Compact(ran), slices.Compact(carried), "the operations the calls carried are those the harness served")
}
