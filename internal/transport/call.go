package transport

import (
	"context"
	"net/http"
	"time"
)

// Auth says which credential a request carries.
type Auth uint8

const (
	// AuthAPIKey sends the Postman API key as X-Api-Key (the default).
	AuthAPIKey Auth = iota
	// AuthSCIM sends the SCIM key as "Authorization: Bearer …" and never the API key.
	AuthSCIM
	// AuthNone sends no credential; the caller may have set its own
	// Authorization header (OAuth client credentials use HTTP Basic).
	AuthNone
)

// Call is the state of one logical SDK call across all of its attempts.
// The client stores it in the request context so that the retry policy
// decides from the request the SDK built (its method, whether the caller
// opted in to retrying writes) rather than from a response that may be nil.
// retryablehttp runs the attempts of a call one after another, so the
// fields need no lock.
type Call struct {
	Method string
	// Path is the request path without its query, for logs.
	Path string
	// Operation and Template are the call's operationId and path
	// template, "" for a Client.Do call that named none.
	Operation string
	Template  string
	// Idempotent is true for GET, HEAD, OPTIONS, PUT and DELETE: replaying
	// them cannot create a second resource.
	Idempotent bool
	// RetryWrites lets 500, 502 and 504 answers to POST and PATCH be retried.
	RetryWrites bool
	Auth        Auth

	// Timeout, when set, replaces the client's per-attempt timeout and its
	// wait for response headers, for the few endpoints that answer only
	// when their work is done (a synchronous monitor run: up to 300 s).
	Timeout time.Duration

	// MaxBody and MaxErrorBody cap what is read of success and error bodies.
	MaxBody      int64
	MaxErrorBody int64

	// Attempts counts the attempts of this call: the first request and
	// every retry (the hops of a followed redirect are not counted).
	Attempts int
	// Body is the response body the response handler read.
	Body []byte
	// BodyRead is true once Body holds the final response's body.
	BodyRead bool

	// retries counts the retries decided so far; it indexes the backoff.
	retries int
	// lastCost is what the retry budget charged for the latest retry,
	// refunded when that retry succeeds (AWS's standard retryer does the
	// same: retries that failed stay paid for, so an outage drains the
	// budget even when calls end up succeeding).
	lastCost int
	// wait is the pause before the next attempt, computed by CheckRetry
	// (which knows the call) and slept by PrepareRetry.
	wait time.Duration
	// lastResp and lastRetry remember the verdict on a response, because
	// retryablehttp asks CheckRetry twice about the final one.
	lastResp  *http.Response
	lastRetry bool
}

// IsIdempotent reports whether replaying method is harmless.
func IsIdempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

type callKey struct{}

// callCtx is a context carrying a Call: one allocation for both, where
// context.WithValue would need one for the context and one for the Call.
// Done, Err and Deadline are the parent's, so contexts derived from it
// still find the parent's cancellation without a goroutine.
type callCtx struct {
	context.Context
	call Call
}

func (c *callCtx) Value(key any) any {
	if key == (callKey{}) {
		return &c.call
	}
	return c.Context.Value(key)
}

// StartCall returns a context carrying a copy of c, and that copy, which
// the round trippers and the retry policy update.
func StartCall(ctx context.Context, c Call) (*Call, context.Context) {
	cc := &callCtx{Context: ctx, call: c}
	return &cc.call, cc
}

// WithCall returns ctx carrying c.
func WithCall(ctx context.Context, c *Call) context.Context {
	return context.WithValue(ctx, callKey{}, c)
}

// CallFrom returns the Call of ctx, or nil when the request did not come
// from the SDK's own request builder.
func CallFrom(ctx context.Context) *Call {
	c, _ := ctx.Value(callKey{}).(*Call)
	return c
}
