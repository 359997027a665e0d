package postmanotel_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"

	"github.com/postman-go/postman"
	postmanotel "github.com/postman-go/postman/otel"
	"github.com/postman-go/postman/postmantest"
)

const collectionDoc = `{"info":{"name":"Weather","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[]}`

// workspaceID returns the ID of the server's "Team Workspace".
func teamWorkspace(t *testing.T, c *postman.Client) string {
	t.Helper()
	list, _, err := c.Workspaces.List(t.Context(), nil)
	require.NoError(t, err)
	for _, ws := range list {
		if ws.Name == "Team Workspace" {
			return ws.ID
		}
	}
	t.Fatal("no Team Workspace")
	return ""
}

// TestSpansOfAJob: two calls that succeed at once are two call spans with
// one request span each, carrying the conventions' attributes, and the
// metrics count them.
func TestSpansOfAJob(t *testing.T) {
	srv := newServer(t)
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, srv, nil, postman.WithoutRateLimit())
		ws := teamWorkspace(t, r.client)
		colID := srv.AddCollection(ws, []byte(collectionDoc))
		col, _, err := r.client.Collections.Get(t.Context(), colID, nil)
		require.NoError(t, err)
		require.Equal(t, "Weather", col.Info.Name)

		calls, children := r.callSpans()
		require.Len(t, calls, 2)
		list, get := calls[0], calls[1]
		assert.Equal(t, "getWorkspaces", list.Name())
		assert.Equal(t, "getCollection", get.Name())
		host := strings.TrimPrefix(srv.URL, "http://")
		addr, port, _ := strings.Cut(host, ":")
		assert.Equal(t, map[string]string{
			"postman.operation":         "getCollection",
			"http.request.method":       "GET",
			"url.template":              "/collections/{collectionId}",
			"server.address":            addr,
			"server.port":               port,
			"http.response.status_code": "200",
			"postman.attempts":          "1",
			"postman.request_id":        "req-2",
			"postman.outcome":           "success",
		}, attrs(get.Attributes()))
		assert.Equal(t, codes.Unset, get.Status().Code)
		assert.False(t, get.Parent().IsValid(), "a call span is a root here")

		reqs := children[get.SpanContext().SpanID()]
		require.Len(t, reqs, 1)
		req := reqs[0]
		assert.Equal(t, "GET /collections/{collectionId}", req.Name())
		assert.Equal(t, trace.SpanKindClient, req.SpanKind())
		assert.Equal(t, get.SpanContext().TraceID(), req.SpanContext().TraceID())
		assert.Equal(t, map[string]string{
			"http.request.method":          "GET",
			"url.template":                 "/collections/{collectionId}",
			"server.address":               addr,
			"server.port":                  port,
			"http.response.status_code":    "200",
			"postman.request_id":           "req-2",
			"postman.rate_limit.remaining": "299",
			"postman.quota.remaining":      "989212",
		}, attrs(req.Attributes()))
		assert.Empty(t, get.Events())

		assert.Equal(t, uint64(1), r.find("postman.client.call.duration", map[string]string{
			"postman.operation": "getCollection", "http.request.method": "GET", "postman.outcome": "success", "server.address": addr}).count)
		assert.Equal(t, uint64(1), r.find("postman.client.call.duration", map[string]string{"postman.operation": "getWorkspaces"}).count)
		assert.Equal(t, uint64(1), r.find("http.client.request.duration", map[string]string{
			"url.template": "/collections/{collectionId}", "http.response.status_code": "200"}).count)
		assert.Equal(t, int64(989212), r.find("postman.quota.remaining", map[string]string{"server.address": addr}).value)
		assert.Equal(t, int64(1000000), r.find("postman.quota.limit", map[string]string{"server.address": addr}).value)
	})
}

// Test429WithRetryAfter: the server's 429 with Retry-After is one
// request span with error.type 429, a retry event with the server's
// wait, and the next request span starts exactly that wait later.
func Test429WithRetryAfter(t *testing.T) {
	srv := newServer(t, postmantest.WithRateLimit(2, 10*time.Second))
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, srv, nil, postman.WithoutRateLimit())
		for range 2 {
			_, _, err := r.client.Users.GetMe(t.Context())
			require.NoError(t, err)
		}
		start := time.Now()
		_, resp, err := r.client.Users.GetMe(t.Context())
		require.NoError(t, err)
		require.Equal(t, 2, resp.Attempts)
		require.Equal(t, 10*time.Second, time.Since(start), "virtual time: the server's wait, nothing else")

		calls, children := r.callSpans()
		require.Len(t, calls, 3)
		call := calls[2]
		a := attrs(call.Attributes())
		assert.Equal(t, "2", a["postman.attempts"])
		assert.Equal(t, "200", a["http.response.status_code"])
		assert.Equal(t, "success", a["postman.outcome"])
		assert.Equal(t, 10*time.Second, call.EndTime().Sub(call.StartTime()))

		reqs := children[call.SpanContext().SpanID()]
		require.Len(t, reqs, 2)
		first, second := attrs(reqs[0].Attributes()), attrs(reqs[1].Attributes())
		assert.Equal(t, "429", first["http.response.status_code"])
		assert.Equal(t, "429", first["error.type"])
		assert.Equal(t, "0", first["postman.rate_limit.remaining"])
		assert.Equal(t, codes.Error, reqs[0].Status().Code)
		assert.NotContains(t, first, "http.request.resend_count")
		assert.Equal(t, "1", second["http.request.resend_count"])
		assert.Equal(t, "200", second["http.response.status_code"])
		assert.NotContains(t, second, "error.type")

		retries := eventsOf(call, "postman.retry")
		require.Len(t, retries, 1)
		assert.Equal(t, map[string]string{"postman.attempt": "1", "http.response.status_code": "429", "postman.retry.wait": "10"},
			attrs(retries[0].Attributes))
		assert.Equal(t, 10*time.Second, reqs[1].StartTime().Sub(reqs[0].EndTime()), "the wait between the requests is the retry's")

		assert.Equal(t, int64(1), r.find("postman.client.rate_limited", map[string]string{"postman.operation": "getAuthenticatedUser"}).value)
		assert.Equal(t, int64(1), r.find("postman.client.retries", map[string]string{"postman.retry.reason": "429"}).value)
		d := r.find("postman.client.call.duration", map[string]string{"postman.operation": "getAuthenticatedUser"})
		assert.Equal(t, uint64(3), d.count)
		assert.Equal(t, 10.0, d.sum, "the three calls took 0 s, 0 s and 10 s")
	})
}

// Test503Storm: five 503 answers with Retry-After: 1 are five request
// spans, four retries a second apart, and a failed call.
func Test503Storm(t *testing.T) {
	srv := newServer(t)
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, srv, nil, postman.WithoutRateLimit())
		srv.FailNext(postman.DefaultMaxRetries+1, http.StatusServiceUnavailable)
		_, _, err := r.client.Users.GetMe(t.Context())
		var apiErr *postman.APIError
		require.ErrorAs(t, err, &apiErr)
		calls, children := r.callSpans()
		require.Len(t, calls, 1)
		call := calls[0]
		a := attrs(call.Attributes())
		assert.Equal(t, "5", a["postman.attempts"])
		assert.Equal(t, "503", a["http.response.status_code"])
		assert.Equal(t, "503", a["error.type"])
		assert.Equal(t, "server_error", a["postman.outcome"])
		assert.Equal(t, codes.Error, call.Status().Code)
		assert.Equal(t, "503 Service Unavailable", call.Status().Description)
		assert.Equal(t, 4*time.Second, call.EndTime().Sub(call.StartTime()))

		reqs := children[call.SpanContext().SpanID()]
		require.Len(t, reqs, 5)
		for i, s := range reqs {
			assert.Equal(t, "503", attrs(s.Attributes())["error.type"], "request %d", i+1)
		}
		retries := eventsOf(call, "postman.retry")
		require.Len(t, retries, 4)
		for i, ev := range retries {
			assert.Equal(t, map[string]string{"postman.attempt": string(rune('1' + i)), "http.response.status_code": "503", "postman.retry.wait": "1"},
				attrs(ev.Attributes))
		}
		assert.Equal(t, int64(4), r.find("postman.client.retries", map[string]string{"postman.retry.reason": "503"}).value)
		assert.Equal(t, uint64(5), r.find("http.client.request.duration", map[string]string{"error.type": "503"}).count)
		assert.Equal(t, uint64(1), r.find("postman.client.call.duration", map[string]string{"postman.outcome": "server_error", "error.type": "503"}).count)
	})
}

// TestConnectionReset: a reset connection is a request span with
// error.type connection_reset and no status, then a retry after the
// backoff the event says.
func TestConnectionReset(t *testing.T) {
	srv := newServer(t)
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, srv, nil, postman.WithoutRateLimit())
		r.rt.setScript(func(n int, _ *http.Request) (*http.Response, error) {
			if n == 1 {
				return nil, &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
			}
			return nil, nil
		})
		_, resp, err := r.client.Users.GetMe(t.Context())
		require.NoError(t, err)
		require.Equal(t, 2, resp.Attempts)

		calls, children := r.callSpans()
		require.Len(t, calls, 1)
		reqs := children[calls[0].SpanContext().SpanID()]
		require.Len(t, reqs, 2)
		first := attrs(reqs[0].Attributes())
		assert.Equal(t, "connection_reset", first["error.type"])
		assert.NotContains(t, first, "http.response.status_code")
		assert.Equal(t, codes.Error, reqs[0].Status().Code)
		retries := eventsOf(calls[0], "postman.retry")
		require.Len(t, retries, 1)
		ev := attrs(retries[0].Attributes)
		assert.Equal(t, "connection_reset", ev["error.type"])
		assert.NotContains(t, ev, "http.response.status_code")
		gap := reqs[1].StartTime().Sub(reqs[0].EndTime())
		assert.Equal(t, seconds(gap), ev["postman.retry.wait"], "the event's wait is the one the client slept")
		assert.Less(t, gap, postman.DefaultRetryWaitMin, "the first backoff is under WaitMin")
		assert.Equal(t, int64(1), r.find("postman.client.retries", map[string]string{"postman.retry.reason": "connection_reset"}).value)
		assert.Equal(t, uint64(1), r.find("http.client.request.duration", map[string]string{"error.type": "connection_reset"}).count)
	})
}

// TestQuotaExhausted: the monthly quota answer is not retried; the call
// says so, the 429 is counted, and the gauge drops to 0.
func TestQuotaExhausted(t *testing.T) {
	srv := newServer(t)
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, srv, nil, postman.WithoutRateLimit())
		_, _, err := r.client.Users.GetMe(t.Context())
		require.NoError(t, err)
		host, _, _ := strings.Cut(strings.TrimPrefix(srv.URL, "http://"), ":")
		assert.Equal(t, int64(989212), r.find("postman.quota.remaining", map[string]string{"server.address": host}).value)

		srv.ExhaustQuota()
		_, _, err = r.client.Users.GetMe(t.Context())
		require.ErrorIs(t, err, postman.ErrQuotaExhausted)
		calls, children := r.callSpans()
		require.Len(t, calls, 2)
		call := calls[1]
		a := attrs(call.Attributes())
		assert.Equal(t, "1", a["postman.attempts"], "not retried")
		assert.Equal(t, "quota_exhausted", a["postman.outcome"])
		assert.Equal(t, "429", a["error.type"])
		assert.Equal(t, "429 Too Many Requests: serviceLimitExhausted", call.Status().Description)
		assert.Empty(t, eventsOf(call, "postman.retry"))
		require.Len(t, children[call.SpanContext().SpanID()], 1)

		assert.Equal(t, int64(1), r.find("postman.client.rate_limited", nil).value)
		assert.Equal(t, int64(0), r.find("postman.quota.remaining", map[string]string{"server.address": host}).value)
		assert.Equal(t, int64(1000000), r.find("postman.quota.limit", map[string]string{"server.address": host}).value)
		assert.Equal(t, uint64(1), r.find("postman.client.call.duration", map[string]string{"postman.outcome": "quota_exhausted"}).count)
	})
}

// sleepingLimiter makes every request wait d, and refuses one whose
// context ends sooner, as x/time/rate does.
type sleepingLimiter struct{ d time.Duration }

func (l sleepingLimiter) Wait(ctx context.Context, _, _ string) error {
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < l.d {
		return errors.New("rate: Wait(n=1) would exceed context deadline")
	}
	time.Sleep(l.d)
	return nil
}

func (sleepingLimiter) PauseUntil(time.Time) {}

// TestLimiterWaits: a wait on the limiter is an event of the call span
// and a point of the wait histogram; a refused wait ends the call.
func TestLimiterWaits(t *testing.T) {
	srv := newServer(t)
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, srv, nil, postman.WithLimiter(sleepingLimiter{d: 1500 * time.Millisecond}))
		_, _, err := r.client.Users.GetMe(t.Context())
		require.NoError(t, err)
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		_, _, err = r.client.Users.GetMe(ctx)
		require.ErrorIs(t, err, context.DeadlineExceeded)

		calls, children := r.callSpans()
		require.Len(t, calls, 2)
		waits := eventsOf(calls[0], "postman.limiter.wait")
		require.Len(t, waits, 1)
		assert.Equal(t, map[string]string{"postman.attempt": "1", "postman.limiter.wait": "1.5"}, attrs(waits[0].Attributes))
		reqs := children[calls[0].SpanContext().SpanID()]
		require.Len(t, reqs, 1)
		assert.Equal(t, 1500*time.Millisecond, reqs[0].StartTime().Sub(calls[0].StartTime()), "the request went when the limiter let it")

		refused := eventsOf(calls[1], "postman.limiter.wait")
		require.Len(t, refused, 1)
		assert.Equal(t, "timeout", attrs(refused[0].Attributes)["error.type"])
		assert.Empty(t, children[calls[1].SpanContext().SpanID()], "nothing was sent")
		a := attrs(calls[1].Attributes())
		assert.Equal(t, "timeout", a["postman.outcome"])
		assert.Equal(t, "timeout", a["error.type"])
		assert.NotContains(t, a, "http.response.status_code")

		p := r.find("postman.client.limiter.wait.duration", map[string]string{"postman.operation": "getAuthenticatedUser", "error.type": ""})
		assert.Equal(t, uint64(1), p.count)
		assert.Equal(t, 1.5, p.sum)
		assert.Equal(t, uint64(1), r.find("postman.client.limiter.wait.duration", map[string]string{"error.type": "timeout"}).count)
	})
}

// TestPropagation: trace context goes into the requests only with
// WithPropagators, and then names each request's own span.
func TestPropagation(t *testing.T) {
	srv := newServer(t)
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, srv, nil, postman.WithoutRateLimit())
		_, _, err := r.client.Users.GetMe(t.Context())
		require.NoError(t, err)
		reqs := srv.Requests()
		assert.Empty(t, reqs[len(reqs)-1].Header.Get("Traceparent"), "no propagation unless asked")

		r = newRig(t, srv, []postmanotel.Option{postmanotel.WithPropagators(propagation.TraceContext{})}, postman.WithoutRateLimit())
		srv.FailNext(1, http.StatusServiceUnavailable)
		_, _, err = r.client.Users.GetMe(t.Context())
		require.NoError(t, err)
		calls, children := r.callSpans()
		spans := children[calls[0].SpanContext().SpanID()]
		require.Len(t, spans, 2)
		reqs = srv.Requests()
		for i, s := range spans {
			sent := reqs[len(reqs)-2+i].Header.Get("Traceparent")
			assert.Equal(t, "00-"+s.SpanContext().TraceID().String()+"-"+s.SpanContext().SpanID().String()+"-01", sent,
				"request %d carries its own span", i+1)
		}
		assert.Equal(t, canaryKey, reqs[len(reqs)-1].Header.Get("X-Api-Key"), "the key still goes")
	})
}

// TestDoCalls: a Do call is named by its method; DoOperation by the
// operation its caller names.
func TestDoCalls(t *testing.T) {
	srv := newServer(t)
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, srv, nil, postman.WithoutRateLimit())
		_, err := r.client.Do(t.Context(), "GET", "/me", nil, nil)
		require.NoError(t, err)
		_, err = r.client.DoOperation(t.Context(), postman.Operation{ID: "getAuthenticatedUser"}, "GET", "/me", nil, nil)
		require.NoError(t, err)
		calls, children := r.callSpans()
		require.Len(t, calls, 2)
		assert.Equal(t, "GET", calls[0].Name())
		assert.NotContains(t, attrs(calls[0].Attributes()), "postman.operation")
		assert.NotContains(t, attrs(calls[0].Attributes()), "url.template")
		assert.Equal(t, "GET", children[calls[0].SpanContext().SpanID()][0].Name())
		assert.Equal(t, "getAuthenticatedUser", calls[1].Name())
		assert.Equal(t, "/me", attrs(calls[1].Attributes())["url.template"])
		assert.Equal(t, "GET /me", children[calls[1].SpanContext().SpanID()][0].Name())
	})
}

func TestErrorTypeAndOutcome(t *testing.T) {
	for _, c := range []struct {
		err     error
		status  int
		errType string
		outcome string
	}{
		{nil, 200, "", "success"},
		{nil, 404, "404", "success"},
		{&postman.APIError{StatusCode: 404}, 0, "404", "client_error"},
		{&postman.APIError{StatusCode: 502}, 0, "502", "server_error"},
		{&postman.RateLimitError{APIError: &postman.APIError{StatusCode: 429}}, 0, "429", "rate_limited"},
		{&postman.DecodeError{Err: errors.New("x")}, 0, "decode", "decode_error"},
		{postman.ErrResponseTooLarge, 0, "response_too_large", "transport_error"},
		{context.Canceled, 0, "canceled", "canceled"},
		{context.DeadlineExceeded, 0, "timeout", "timeout"},
		{&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}, 0, "connection_refused", "transport_error"},
		{io.ErrUnexpectedEOF, 0, "connection_reset", "transport_error"},
		{&net.DNSError{Err: "no such host", Name: "x", IsNotFound: true}, 0, "dns", "transport_error"},
		{errors.New("something else"), 0, "_OTHER", "transport_error"},
	} {
		assert.Equal(t, c.errType, postmanotel.ErrorType(c.err, c.status), "%v", c.err)
		assert.Equal(t, c.outcome, postmanotel.Outcome(c.err), "%v", c.err)
	}
}

func TestNewObserverUsesTheGlobalProviders(t *testing.T) {
	obs, err := postmanotel.NewObserver()
	require.NoError(t, err)
	c, err := postman.NewClient(canaryKey, postman.WithObserver(obs), postman.WithBaseURL("http://127.0.0.1:1"), postman.WithMaxRetries(0))
	require.NoError(t, err)
	_, _, err = c.Users.GetMe(t.Context())
	assert.Error(t, err, "no server there; the no-op providers record nothing, and nothing breaks")
}
