// Package postmanotel reports what a postman.Client does to OpenTelemetry:
// a span per call, a child span per attempt, events for retries and rate
// limiter waits, and metrics, following the OpenTelemetry semantic
// conventions for HTTP clients. Install it with postman.WithObserver:
//
//	obs, err := postmanotel.NewObserver() // the global providers, or WithTracerProvider …
//	client, err := postman.NewClient(key, postman.WithObserver(obs))
//
// It is a module of its own (github.com/postman-go/postman/otel), so that
// the SDK never depends on OpenTelemetry.
//
// # Spans
//
// A call is an INTERNAL span named by its operation ID ("getCollection";
// the method, "GET", for a Client.Do call that named none), with
// postman.operation, http.request.method, url.template, server.address,
// server.port, and at its end http.response.status_code, postman.attempts,
// postman.request_id, postman.outcome and, when it failed, error.type and
// an Error status. Each request the call sends (the first and every retry)
// is a CLIENT span below it, named "{method} {url.template}" as the
// conventions name HTTP client spans, with http.request.resend_count on
// retries, the answer's status, postman.request_id, the rate-limit and
// quota headers' readings, and error.type when it failed. The conventions
// want one CLIENT span per physical request, and the logical operation as
// their parent; the call span is that parent, which is why it is not a
// CLIENT span itself. Retries are "postman.retry" events on the call span
// (the attempt that failed, its status or error.type, the wait), and
// limiter waits of a millisecond or more, or refused, are
// "postman.limiter.wait" events.
//
// # Metrics
//
//   - postman.client.call.duration (s): each call, by postman.operation,
//     http.request.method, server.address and postman.outcome;
//   - http.client.request.duration (s): each request, as the conventions
//     define it, with url.template;
//   - postman.client.retries: retries, by operation and postman.retry.reason
//     (the status, "429", or the error.type, "connection_reset");
//   - postman.client.rate_limited: 429 answers, by operation;
//   - postman.client.limiter.wait.duration (s): each wait on the
//     client-side rate limiter, by operation;
//   - postman.quota.remaining and postman.quota.limit: observable gauges of
//     the team's monthly API quota from the latest answer's headers, by
//     server.address (0 remaining once Postman answered that it is used up).
//
// # What is never recorded
//
// No attribute, event, status or metric holds a credential, a query string
// (collection access keys travel there), a body, an error message (which
// may quote one) or a concrete path with IDs: calls are told apart by
// their operation and path template. Trace context goes into the requests'
// headers only with WithPropagators.
package postmanotel

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/propagation"
	semconv "go.opentelemetry.io/otel/semconv/v1.40.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/postman-go/postman"
)

// ScopeName is the instrumentation scope of the tracer and the meter.
const ScopeName = "github.com/postman-go/postman/otel"

// Attribute keys of this package; the others are the semantic
// conventions' (semconv v1.40.0).
const (
	// OperationKey is the call's operationId ("getCollection").
	OperationKey = attribute.Key("postman.operation")
	// AttemptsKey is how many requests a call sent.
	AttemptsKey = attribute.Key("postman.attempts")
	// AttemptKey is the number of a request in its call, from 1.
	AttemptKey = attribute.Key("postman.attempt")
	// RequestIDKey is Postman's ID of a request, for support tickets.
	RequestIDKey = attribute.Key("postman.request_id")
	// OutcomeKey is how a call ended: one of the Outcome… values.
	OutcomeKey = attribute.Key("postman.outcome")
	// RetryReasonKey is why a request was retried: its status ("429",
	// "503") or its error.type.
	RetryReasonKey = attribute.Key("postman.retry.reason")
	// RetryWaitKey is the wait before a retry, in seconds.
	RetryWaitKey = attribute.Key("postman.retry.wait")
	// LimiterWaitKey is a wait on the client-side rate limiter, in seconds.
	LimiterWaitKey = attribute.Key("postman.limiter.wait")
	// RateLimitRemainingKey is the per-minute rate limit's remaining
	// requests an answer reported.
	RateLimitRemainingKey = attribute.Key("postman.rate_limit.remaining")
	// QuotaRemainingKey is the monthly quota's remaining calls an answer
	// reported.
	QuotaRemainingKey = attribute.Key("postman.quota.remaining")
)

// The values of OutcomeKey.
const (
	OutcomeSuccess        = "success"
	OutcomeRateLimited    = "rate_limited"    // 429 rateLimited, retries exhausted or the wait too long
	OutcomeQuotaExhausted = "quota_exhausted" // 429 serviceLimitExhausted: the monthly quota is used up
	OutcomeClientError    = "client_error"    // another 3xx or 4xx answer
	OutcomeServerError    = "server_error"    // a 5xx answer
	OutcomeDecodeError    = "decode_error"    // a success answer that could not be decoded
	OutcomeCanceled       = "canceled"        // the caller's context was cancelled
	OutcomeTimeout        = "timeout"         // a deadline ran out
	OutcomeTransportError = "transport_error" // no answer: refused, reset, TLS …
)

// limiterEventMin is the shortest limiter wait recorded as a span event:
// a shorter one is the limiter letting the request through at once.
const limiterEventMin = time.Millisecond

// Option configures an Observer.
type Option func(*config)

type config struct {
	tp         trace.TracerProvider
	mp         metric.MeterProvider
	propagator propagation.TextMapPropagator
}

// WithTracerProvider sets the tracer provider (default: the global one).
func WithTracerProvider(tp trace.TracerProvider) Option {
	return func(c *config) { c.tp = tp }
}

// WithMeterProvider sets the meter provider (default: the global one).
func WithMeterProvider(mp metric.MeterProvider) Option {
	return func(c *config) { c.mp = mp }
}

// WithPropagators makes every request carry the trace context of its
// attempt span in its headers, as p writes it (for instance
// otel.GetTextMapPropagator(), or propagation.TraceContext{}). Postman
// ignores it; a proxy of yours may log it. Without this option no header
// is added.
func WithPropagators(p propagation.TextMapPropagator) Option {
	return func(c *config) { c.propagator = p }
}

// Observer is a postman.Observer that records spans and metrics. Create
// it with NewObserver; it is safe for concurrent use by many clients.
type Observer struct {
	tracer     trace.Tracer
	propagator propagation.TextMapPropagator

	callDuration    metric.Float64Histogram
	requestDuration metric.Float64Histogram
	retries         metric.Int64Counter
	rateLimited     metric.Int64Counter
	limiterWait     metric.Float64Histogram

	mu    sync.Mutex
	quota map[string]postman.MonthlyUsage // by server.address
}

var _ postman.Observer = (*Observer)(nil)

// Bucket boundaries, in seconds: the conventions' for HTTP requests, and
// for calls up to the minutes that retries after Retry-After can take.
var (
	requestBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10}
	callBuckets    = []float64{0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120, 300}
	waitBuckets    = []float64{0, 0.001, 0.01, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60}
)

// NewObserver returns an Observer recording to the providers of opts.
func NewObserver(opts ...Option) (*Observer, error) {
	cfg := config{}
	for _, opt := range opts {
		if opt != nil {
			opt(&cfg)
		}
	}
	if cfg.tp == nil {
		cfg.tp = otel.GetTracerProvider()
	}
	if cfg.mp == nil {
		cfg.mp = otel.GetMeterProvider()
	}
	o := &Observer{
		tracer:     cfg.tp.Tracer(ScopeName, trace.WithInstrumentationVersion(postman.Version), trace.WithSchemaURL(semconv.SchemaURL)),
		propagator: cfg.propagator,
		quota:      map[string]postman.MonthlyUsage{},
	}
	meter := cfg.mp.Meter(ScopeName, metric.WithInstrumentationVersion(postman.Version), metric.WithSchemaURL(semconv.SchemaURL))
	var err, e error
	o.callDuration, e = meter.Float64Histogram("postman.client.call.duration", metric.WithUnit("s"),
		metric.WithDescription("Duration of Postman API calls, retries and waits included."),
		metric.WithExplicitBucketBoundaries(callBuckets...))
	err = errors.Join(err, e)
	o.requestDuration, e = meter.Float64Histogram("http.client.request.duration", metric.WithUnit("s"),
		metric.WithDescription("Duration of HTTP client requests."),
		metric.WithExplicitBucketBoundaries(requestBuckets...))
	err = errors.Join(err, e)
	o.retries, e = meter.Int64Counter("postman.client.retries", metric.WithUnit("{retry}"),
		metric.WithDescription("Requests the client sent again, by reason."))
	err = errors.Join(err, e)
	o.rateLimited, e = meter.Int64Counter("postman.client.rate_limited", metric.WithUnit("{response}"),
		metric.WithDescription("429 answers received."))
	err = errors.Join(err, e)
	o.limiterWait, e = meter.Float64Histogram("postman.client.limiter.wait.duration", metric.WithUnit("s"),
		metric.WithDescription("Time requests waited on the client-side rate limiter."),
		metric.WithExplicitBucketBoundaries(waitBuckets...))
	err = errors.Join(err, e)
	remaining, e := meter.Int64ObservableGauge("postman.quota.remaining", metric.WithUnit("{call}"),
		metric.WithDescription("API calls left in the team's monthly quota, as the latest answer reported."))
	err = errors.Join(err, e)
	limit, e := meter.Int64ObservableGauge("postman.quota.limit", metric.WithUnit("{call}"),
		metric.WithDescription("The team's monthly API call quota, as the latest answer reported."))
	err = errors.Join(err, e)
	if err != nil {
		return nil, err
	}
	_, err = meter.RegisterCallback(func(_ context.Context, m metric.Observer) error {
		o.mu.Lock()
		defer o.mu.Unlock()
		for server, u := range o.quota {
			attrs := metric.WithAttributes(semconv.ServerAddress(server))
			m.ObserveInt64(remaining, int64(u.Remaining), attrs)
			if u.Limit > 0 {
				m.ObserveInt64(limit, int64(u.Limit), attrs)
			}
		}
		return nil
	}, remaining, limit)
	if err != nil {
		return nil, err
	}
	return o, nil
}

type callKey struct{}
type attemptKey struct{}

// callState is what the observer keeps of a call in its context.
type callState struct{ start time.Time }

// attemptState is what the observer keeps of a request in its context.
type attemptState struct{ start time.Time }

// StartCall starts the call's span.
func (o *Observer) StartCall(ctx context.Context, call postman.CallInfo) context.Context {
	name := call.Operation.ID
	if name == "" {
		name = call.Method
	}
	attrs := make([]attribute.KeyValue, 0, 5)
	if call.Operation.ID != "" {
		attrs = append(attrs, OperationKey.String(call.Operation.ID))
	}
	attrs = append(attrs, semconv.HTTPRequestMethodKey.String(call.Method))
	if call.Operation.Template != "" {
		attrs = append(attrs, semconv.URLTemplate(call.Operation.Template))
	}
	attrs = append(attrs, semconv.ServerAddress(call.ServerAddress), semconv.ServerPort(call.ServerPort))
	ctx, _ = o.tracer.Start(ctx, name, trace.WithSpanKind(trace.SpanKindInternal), trace.WithAttributes(attrs...))
	return context.WithValue(ctx, callKey{}, &callState{start: time.Now()})
}

// EndCall ends the call's span and records its duration.
func (o *Observer) EndCall(ctx context.Context, call postman.CallInfo, res postman.CallResult) {
	span := trace.SpanFromContext(ctx)
	outcome := Outcome(res.Err)
	attrs := make([]attribute.KeyValue, 0, 5)
	if res.StatusCode > 0 {
		attrs = append(attrs, semconv.HTTPResponseStatusCode(res.StatusCode))
	}
	attrs = append(attrs, AttemptsKey.Int(res.Attempts), OutcomeKey.String(outcome))
	if isToken(res.RequestID) {
		attrs = append(attrs, RequestIDKey.String(res.RequestID))
	}
	errType := ErrorType(res.Err, 0)
	if errType != "" {
		attrs = append(attrs, semconv.ErrorTypeKey.String(errType))
		span.SetStatus(codes.Error, statusDescription(res.Err, errType))
	}
	span.SetAttributes(attrs...)
	span.End()

	if errors.Is(res.Err, postman.ErrQuotaExhausted) {
		o.setQuota(call.ServerAddress, postman.MonthlyUsage{Remaining: 0}, true)
	}
	if st, ok := ctx.Value(callKey{}).(*callState); ok {
		mattrs := make([]attribute.KeyValue, 0, 5)
		mattrs = appendOperation(mattrs, call)
		mattrs = append(mattrs, semconv.ServerAddress(call.ServerAddress), OutcomeKey.String(outcome))
		if errType != "" {
			mattrs = append(mattrs, semconv.ErrorTypeKey.String(errType))
		}
		o.callDuration.Record(ctx, time.Since(st.start).Seconds(), metric.WithAttributes(mattrs...))
	}
}

// StartAttempt starts the request's span and, with WithPropagators,
// writes its trace context into the request's headers.
func (o *Observer) StartAttempt(ctx context.Context, a postman.AttemptInfo) context.Context {
	name := a.Call.Method
	if a.Call.Operation.Template != "" {
		name += " " + a.Call.Operation.Template
	}
	attrs := requestAttrs(a.Call, make([]attribute.KeyValue, 0, 7))
	if a.Attempt > 1 {
		attrs = append(attrs, semconv.HTTPRequestResendCount(a.Attempt-1))
	}
	ctx, _ = o.tracer.Start(ctx, name, trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(attrs...))
	if o.propagator != nil {
		o.propagator.Inject(ctx, headerCarrier{a.Header})
	}
	return context.WithValue(ctx, attemptKey{}, &attemptState{start: time.Now()})
}

// EndAttempt ends the request's span and records its duration and a 429.
func (o *Observer) EndAttempt(ctx context.Context, a postman.AttemptInfo, res postman.AttemptResult) {
	span := trace.SpanFromContext(ctx)
	attrs := make([]attribute.KeyValue, 0, 3)
	if res.StatusCode > 0 {
		attrs = append(attrs, semconv.HTTPResponseStatusCode(res.StatusCode))
	}
	if isToken(res.RequestID) {
		attrs = append(attrs, RequestIDKey.String(res.RequestID))
	}
	errType := ErrorType(res.Err, res.StatusCode)
	if errType != "" {
		attrs = append(attrs, semconv.ErrorTypeKey.String(errType))
		span.SetStatus(codes.Error, errType)
	}
	span.SetAttributes(attrs...)
	span.End()

	if st, ok := ctx.Value(attemptKey{}).(*attemptState); ok {
		mattrs := requestAttrs(a.Call, make([]attribute.KeyValue, 0, 7))
		if res.StatusCode > 0 {
			mattrs = append(mattrs, semconv.HTTPResponseStatusCode(res.StatusCode))
		}
		if errType != "" {
			mattrs = append(mattrs, semconv.ErrorTypeKey.String(errType))
		}
		o.requestDuration.Record(ctx, time.Since(st.start).Seconds(), metric.WithAttributes(mattrs...))
	}
	if res.StatusCode == http.StatusTooManyRequests {
		o.rateLimited.Add(ctx, 1, metric.WithAttributes(callAttrs(a.Call)...))
	}
}

// Retry adds a postman.retry event to the call's span and counts it.
func (o *Observer) Retry(ctx context.Context, r postman.RetryInfo) {
	reason := ErrorType(r.Err, r.StatusCode)
	attrs := []attribute.KeyValue{AttemptKey.Int(r.Attempt), RetryWaitKey.Float64(r.Wait.Seconds())}
	if r.StatusCode > 0 {
		attrs = append(attrs, semconv.HTTPResponseStatusCode(r.StatusCode))
	}
	if r.Err != nil {
		attrs = append(attrs, semconv.ErrorTypeKey.String(reason))
	}
	trace.SpanFromContext(ctx).AddEvent("postman.retry", trace.WithAttributes(attrs...))
	o.retries.Add(ctx, 1, metric.WithAttributes(append(callAttrs(r.Call), RetryReasonKey.String(reason))...))
}

// LimiterWait records the wait, and adds a postman.limiter.wait event to
// the call's span when it was long enough to matter or refused.
func (o *Observer) LimiterWait(ctx context.Context, w postman.LimiterWaitInfo) {
	attrs := callAttrs(w.Call)
	errType := ""
	if w.Err != nil {
		errType = ErrorType(w.Err, 0)
		attrs = append(attrs, semconv.ErrorTypeKey.String(errType))
	}
	o.limiterWait.Record(ctx, w.Wait.Seconds(), metric.WithAttributes(attrs...))
	if w.Wait < limiterEventMin && w.Err == nil {
		return
	}
	eattrs := []attribute.KeyValue{AttemptKey.Int(w.Attempt), LimiterWaitKey.Float64(w.Wait.Seconds())}
	if errType != "" {
		eattrs = append(eattrs, semconv.ErrorTypeKey.String(errType))
	}
	trace.SpanFromContext(ctx).AddEvent("postman.limiter.wait", trace.WithAttributes(eattrs...))
}

// RateLimit puts the readings on the request's span and keeps the
// monthly quota for the gauges.
func (o *Observer) RateLimit(ctx context.Context, r postman.RateLimitInfo) {
	span := trace.SpanFromContext(ctx)
	if r.Rate.Limit > 0 {
		span.SetAttributes(RateLimitRemainingKey.Int(r.Rate.Remaining))
	}
	if r.Usage.Limit > 0 {
		span.SetAttributes(QuotaRemainingKey.Int(r.Usage.Remaining))
		o.setQuota(r.Call.ServerAddress, r.Usage, false)
	}
}

// setQuota keeps the latest quota reading of server; exhausted keeps the
// limit last read and sets what remains to 0.
func (o *Observer) setQuota(server string, u postman.MonthlyUsage, exhausted bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if exhausted {
		u.Limit = o.quota[server].Limit
	}
	o.quota[server] = u
}

// callAttrs are the metric attributes that say which call it was.
func callAttrs(call postman.CallInfo) []attribute.KeyValue {
	attrs := make([]attribute.KeyValue, 0, 5)
	attrs = appendOperation(attrs, call)
	return append(attrs, semconv.ServerAddress(call.ServerAddress))
}

func appendOperation(attrs []attribute.KeyValue, call postman.CallInfo) []attribute.KeyValue {
	if call.Operation.ID != "" {
		attrs = append(attrs, OperationKey.String(call.Operation.ID))
	}
	return append(attrs, semconv.HTTPRequestMethodKey.String(call.Method))
}

// requestAttrs are the conventions' attributes of an HTTP client request.
func requestAttrs(call postman.CallInfo, attrs []attribute.KeyValue) []attribute.KeyValue {
	attrs = append(attrs, semconv.HTTPRequestMethodKey.String(call.Method),
		semconv.ServerAddress(call.ServerAddress), semconv.ServerPort(call.ServerPort))
	if call.Operation.Template != "" {
		attrs = append(attrs, semconv.URLTemplate(call.Operation.Template))
	}
	return attrs
}

// statusDescription describes a failed call without its message: the
// status and Postman's error name for an answer, the error type otherwise.
func statusDescription(err error, errType string) string {
	var apiErr *postman.APIError
	if errors.As(err, &apiErr) {
		d := strconv.Itoa(apiErr.StatusCode)
		if t := http.StatusText(apiErr.StatusCode); t != "" {
			d += " " + t
		}
		if name := apiErr.Name; isToken(name) {
			d += ": " + name
		}
		return d
	}
	return errType
}

// isToken reports whether s looks like one of Postman's request IDs (a
// UUID) or error names ("instanceNotFoundError"), not text that might
// quote a request, as a server that echoes one would send.
func isToken(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// headerCarrier is the propagation carrier of a request's headers: it
// can only add headers.
type headerCarrier struct{ h postman.RequestHeader }

func (c headerCarrier) Get(string) string     { return "" }
func (c headerCarrier) Set(key, value string) { c.h.Set(key, value) }
func (c headerCarrier) Keys() []string        { return nil }
