package postman

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/postman-go/postman/internal/transport"
)

// Observer sees what a Client does, for tracing and metrics: each call's
// start and end, each attempt (the first request and every retry), each
// retry with its reason and wait, each wait on the client-side rate
// limiter, and each reading of the rate-limit and quota headers. The
// module github.com/postman-go/postman/otel implements it with
// OpenTelemetry; install one with WithObserver.
//
// Every method runs synchronously on the goroutine making the call, so it
// must return quickly and must not call the client. The contexts passed
// in derive from the one StartCall returned (StartAttempt's from the one
// it returned for EndAttempt), so that an Observer finds its own state
// (a span) with ctx.Value. Calls refused before any I/O (an empty ID, a
// nil context) are not observed.
//
// Nothing passed to an Observer holds a credential, a query string or a
// body. Embed NopObserver to implement only some methods.
type Observer interface {
	// StartCall is told that a call begins; the context it returns is the
	// call's from then on.
	StartCall(ctx context.Context, call CallInfo) context.Context
	// EndCall is told how the call ended, once, after every other event
	// of the call.
	EndCall(ctx context.Context, call CallInfo, result CallResult)
	// StartAttempt is told that a request is about to be sent, after the
	// rate limiter let it go; the context it returns is the request's.
	// Redirect hops of an attempt start again with the same number.
	StartAttempt(ctx context.Context, attempt AttemptInfo) context.Context
	// EndAttempt is told how the request ended: with an error, or once
	// its answer's body was read or closed.
	EndAttempt(ctx context.Context, attempt AttemptInfo, result AttemptResult)
	// Retry is told that the client will send the call again, why, and
	// how long it waits first.
	Retry(ctx context.Context, retry RetryInfo)
	// LimiterWait is told how long an attempt waited on the client-side
	// rate limiter (WithLimiter), and whether the limiter refused it.
	LimiterWait(ctx context.Context, wait LimiterWaitInfo)
	// RateLimit is told what an answer's rate-limit and monthly quota
	// headers say; answers without them are not reported.
	RateLimit(ctx context.Context, reading RateLimitInfo)
}

// CallInfo describes a call to an Observer.
type CallInfo struct {
	// Operation is the call's operation; the zero Operation for Client.Do
	// calls that named none.
	Operation Operation
	// Method is the HTTP method.
	Method string
	// Path is the escaped path of the request, relative to the base URL,
	// without its query: a concrete path with IDs, unlike Operation.Template.
	Path string
	// ServerAddress and ServerPort are the base URL's host and port (the
	// scheme's default port when the URL has none).
	ServerAddress string
	ServerPort    int
}

// CallResult is how a call ended.
type CallResult struct {
	// StatusCode is the final answer's status; 0 when no answer came.
	StatusCode int
	// Attempts is how many requests the call sent.
	Attempts int
	// RequestID is Postman's ID of the final request, when it sent one.
	RequestID string
	// Err is the error the call returned, nil on success.
	Err error
}

// AttemptInfo describes one request of a call.
type AttemptInfo struct {
	Call CallInfo
	// Attempt is the request's number in the call, from 1.
	Attempt int
	// Header adds headers to the request, in StartAttempt only (a
	// propagator's trace context); it is inert afterwards.
	Header RequestHeader
}

// AttemptResult is how one request ended.
type AttemptResult struct {
	// StatusCode is the answer's status; 0 when no answer came.
	StatusCode int
	// RequestID is Postman's ID of the request, when it sent one.
	RequestID string
	// Err is the transport's error: no answer, or its body could not be
	// read to the end.
	Err error
}

// RetryInfo describes a retry decision.
type RetryInfo struct {
	Call CallInfo
	// Attempt is the number of the request that failed, from 1.
	Attempt int
	// StatusCode is the status of its answer (429, 503 …), 0 when the
	// request failed without one; Err is then the transport's error.
	StatusCode int
	Err        error
	// Wait is the pause before the next attempt: the server's
	// Retry-After when it gave one, else the backoff.
	Wait time.Duration
}

// LimiterWaitInfo describes a wait on the client-side rate limiter.
type LimiterWaitInfo struct {
	Call CallInfo
	// Attempt is the number of the request that waited, from 1.
	Attempt int
	// Wait is how long it waited.
	Wait time.Duration
	// Err is the limiter's refusal (the context would end before the
	// next token), nil when the request went.
	Err error
}

// RateLimitInfo is what an answer's headers say about the rate limit and
// the team's monthly quota.
type RateLimitInfo struct {
	Call CallInfo
	// Attempt is the number of the request answered, from 1.
	Attempt int
	// StatusCode is the answer's status.
	StatusCode int
	// Rate is the per-minute state; Rate.Limit is 0 when not sent.
	Rate Rate
	// Usage is the monthly quota; Usage.Limit is 0 when not sent.
	Usage MonthlyUsage
}

// RequestHeader adds headers to the request of an attempt. It cannot read
// the request's headers (they hold the API key), replace one the request
// already has, or set a credential header (X-Api-Key, Authorization,
// Proxy-Authorization, Cookie); a value with a line break is dropped.
type RequestHeader struct {
	h http.Header
}

// Set adds the header key with value, unless the rules of RequestHeader
// refuse it.
func (r RequestHeader) Set(key, value string) {
	if r.h == nil || strings.ContainsAny(value, "\r\n\x00") {
		return
	}
	k := http.CanonicalHeaderKey(key)
	switch k {
	case "X-Api-Key", "Authorization", "Proxy-Authorization", "Cookie", "Host", "":
		return
	}
	if _, ok := r.h[k]; ok {
		return
	}
	r.h[k] = []string{value}
}

// NopObserver is an Observer that does nothing. Embed it in an Observer
// that implements only some methods.
type NopObserver struct{}

// StartCall returns ctx.
func (NopObserver) StartCall(ctx context.Context, _ CallInfo) context.Context { return ctx }

// EndCall does nothing.
func (NopObserver) EndCall(context.Context, CallInfo, CallResult) {}

// StartAttempt returns ctx.
func (NopObserver) StartAttempt(ctx context.Context, _ AttemptInfo) context.Context { return ctx }

// EndAttempt does nothing.
func (NopObserver) EndAttempt(context.Context, AttemptInfo, AttemptResult) {}

// Retry does nothing.
func (NopObserver) Retry(context.Context, RetryInfo) {}

// LimiterWait does nothing.
func (NopObserver) LimiterWait(context.Context, LimiterWaitInfo) {}

// RateLimit does nothing.
func (NopObserver) RateLimit(context.Context, RateLimitInfo) {}

// WithObserver makes the client report what it does to o (see Observer).
// Without one, the client spends nothing on it.
func WithObserver(o Observer) Option {
	return func(c *config) error {
		if o == nil {
			return fmt.Errorf("%w: nil Observer", ErrInvalidArgument)
		}
		c.observer = o
		return nil
	}
}

// DoOperation is Do for a caller that names the operation it calls, for
// errors, logs and the Observer: op.ID is the operationId of Postman's
// description ("getCollection") and op.Template its path template; a
// Template left empty is the description's for that ID. Do calls carry
// the zero Operation.
func (c *Client) DoOperation(ctx context.Context, op Operation, method, path string, body, out any) (*Response, error) {
	return c.doRaw(ctx, op, method, path, body, out)
}

// callInfo describes call to the observer.
func (c *Client) callInfo(call *transport.Call) CallInfo {
	info := CallInfo{
		Operation:     Operation{ID: call.Operation, Template: call.Template},
		Method:        call.Method,
		Path:          call.Path,
		ServerAddress: c.baseURL.Hostname(),
	}
	if p := c.baseURL.Port(); p != "" {
		info.ServerPort, _ = strconv.Atoi(p)
	} else if c.baseURL.Scheme == "http" {
		info.ServerPort = 80
	} else {
		info.ServerPort = 443
	}
	return info
}

// observedCall is the context of an observed call: the observer's
// context, the call's description, and the attempt whose answer is being
// read, if any.
type observedCall struct {
	context.Context
	info CallInfo
	// open is the body of the latest attempt's answer until it ends.
	open atomic.Pointer[observedBody]
}

type observedCallKey struct{}

// Value returns the observed call for observedCallKey, and what the
// observer's context holds for any other key.
func (oc *observedCall) Value(key any) any {
	if key == (observedCallKey{}) {
		return oc
	}
	return oc.Context.Value(key)
}

func observedCallFrom(ctx context.Context) *observedCall {
	oc, _ := ctx.Value(observedCallKey{}).(*observedCall)
	return oc
}

// endOpenAttempt ends the attempt whose answer is still being read: a
// retry is decided before the answer's body is drained, and an observer
// should hear that the attempt ended before it hears about the retry.
func (oc *observedCall) endOpenAttempt() {
	if b := oc.open.Swap(nil); b != nil {
		b.end(nil)
	}
}

// startCall tells the observer that call begins; the context it returns
// carries call too.
func (c *Client) startCall(ctx context.Context, call *transport.Call) (context.Context, CallInfo) {
	info := c.callInfo(call)
	return &observedCall{Context: c.observer.StartCall(ctx, info), info: info}, info
}

// endCall tells the observer how call ended.
func (c *Client) endCall(ctx context.Context, info CallInfo, call *transport.Call, resp *Response, err error) {
	if oc := observedCallFrom(ctx); oc != nil {
		oc.endOpenAttempt()
		ctx = oc.Context
	}
	res := CallResult{Attempts: call.Attempts, Err: err}
	if resp != nil && resp.Response != nil {
		res.StatusCode = resp.StatusCode
		res.RequestID = resp.RequestID
	}
	c.observer.EndCall(ctx, info, res)
}

// observeRetry is the policy's hook for retries, nil without an observer.
func (c *Client) observeRetry() func(context.Context, transport.RetryEvent) {
	if c.observer == nil {
		return nil
	}
	return func(ctx context.Context, ev transport.RetryEvent) {
		oc := observedCallFrom(ctx)
		if oc == nil {
			return
		}
		oc.endOpenAttempt()
		c.observer.Retry(ctx, RetryInfo{Call: oc.info, Attempt: ev.Attempt, StatusCode: ev.Status, Err: ev.Err, Wait: ev.Wait})
	}
}

// observeLimiterWait is the limiter round tripper's hook, nil without an
// observer.
func (c *Client) observeLimiterWait() func(context.Context, time.Duration, error) {
	if c.observer == nil {
		return nil
	}
	return func(ctx context.Context, d time.Duration, err error) {
		oc, call := observedCallFrom(ctx), transport.CallFrom(ctx)
		if oc == nil || call == nil {
			return
		}
		c.observer.LimiterWait(ctx, LimiterWaitInfo{Call: oc.info, Attempt: call.Attempts, Wait: d, Err: err})
	}
}

// observeTransport is the round tripper, below the limiter, that tells the
// observer about each request sent and each answer's rate-limit headers.
// It is in the chain only when the client has an observer.
type observeTransport struct {
	next http.RoundTripper
	c    *Client
}

// RoundTrip implements http.RoundTripper. The request it gets is the
// credential round tripper's copy, with a header map of its own, so the
// headers an observer adds go to this request only.
func (t *observeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	oc, call := observedCallFrom(req.Context()), transport.CallFrom(req.Context())
	if oc == nil || call == nil {
		return t.next.RoundTrip(req)
	}
	obs := t.c.observer
	info := AttemptInfo{Call: oc.info, Attempt: call.Attempts, Header: RequestHeader{h: req.Header}}
	ctx := obs.StartAttempt(req.Context(), info)
	info.Header = RequestHeader{}
	if ctx != req.Context() {
		req = req.WithContext(ctx)
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		obs.EndAttempt(ctx, info, AttemptResult{Err: transport.StripURL(err)})
		return nil, err
	}
	result := AttemptResult{StatusCode: resp.StatusCode, RequestID: t.c.scrub(firstHeader(resp.Header, "X-Request-Id", "X-Srv-Trace", "X-Amzn-Requestid"))}
	rate, usage := parseRate(resp.Header, time.Now()), parseUsage(resp.Header)
	if rate.Limit > 0 || rate.RetryAfter > 0 || usage.Limit > 0 {
		obs.RateLimit(ctx, RateLimitInfo{Call: info.Call, Attempt: info.Attempt, StatusCode: resp.StatusCode, Rate: rate, Usage: usage})
	}
	if resp.Body == nil || resp.Body == http.NoBody {
		obs.EndAttempt(ctx, info, result)
		return resp, nil
	}
	body := &observedBody{ReadCloser: resp.Body, obs: obs, ctx: ctx, info: info, result: result}
	oc.open.Store(body)
	resp.Body = body
	return resp, nil
}

// observedBody ends its attempt for the observer at the end of the body,
// at a read error, or when it is closed, whichever comes first.
type observedBody struct {
	io.ReadCloser
	obs    Observer
	ctx    context.Context
	info   AttemptInfo
	result AttemptResult
	done   atomic.Bool
}

func (b *observedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil {
		b.end(err)
	}
	return n, err
}

func (b *observedBody) Close() error {
	err := b.ReadCloser.Close()
	b.end(nil)
	return err
}

func (b *observedBody) end(err error) {
	if !b.done.CompareAndSwap(false, true) {
		return
	}
	if err != io.EOF {
		b.result.Err = transport.StripURL(err)
	}
	b.obs.EndAttempt(b.ctx, b.info, b.result)
}
