package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Limiter is the client-side rate limiter the limiter round tripper waits
// on before every attempt (the public postman.Limiter has the same methods).
type Limiter interface {
	Wait(ctx context.Context, method, path string) error
	PauseUntil(t time.Time)
}

// PathPauser is implemented by limiters whose buckets differ by endpoint
// (the SCIM key's limits are not the API key's): the limiter round
// tripper then says which request the server paused, and the limiter
// pauses only the buckets that request draws from.
type PathPauser interface {
	PausePathUntil(method, path string, t time.Time)
}

// LimitError is returned when the limiter refuses to let an attempt go,
// usually because the context's deadline comes before the next token.
type LimitError struct{ Err error }

// Error describes the refusal with the limiter's reason.
func (e *LimitError) Error() string { return "rate limiter: " + e.Err.Error() }

// Unwrap returns the limiter's error.
func (e *LimitError) Unwrap() error { return e.Err }

// OriginError is returned when a request would carry credentials to a
// host other than the client's base URL.
type OriginError struct{ Host string }

// Error names the host that was refused.
func (e *OriginError) Error() string {
	return fmt.Sprintf("postman: refusing to send credentials to %q: not the client's base URL", e.Host)
}

// Credentials is the round tripper that stamps the user agent and the
// credential on a copy of each request, only for the client's own
// origin, and bounds each request with the per-attempt timeout.
type Credentials struct {
	Next      http.RoundTripper
	Origin    *url.URL
	APIKey    Secret
	SCIMKey   Secret
	UserAgent string
	// Timeout bounds each request, the reading of its body included (0:
	// no bound). It is applied here with a context deadline rather than
	// with http.Client.Timeout: for a round tripper it does not know,
	// net/http enforces that one with a goroutine, a timer and a channel
	// per request.
	Timeout time.Duration
	// HeaderTimeout bounds the wait for the response headers of each
	// request (0: no bound). It lives here rather than in
	// http.Transport.ResponseHeaderTimeout so that a call can ask for more
	// (Call.Timeout), which the transport's setting cannot allow.
	HeaderTimeout time.Duration

	uaOnce sync.Once
	ua     []string // UserAgent as a header value, shared by every request
}

// RoundTrip implements http.RoundTripper.
func (t *Credentials) RoundTrip(req *http.Request) (*http.Response, error) {
	if !SameOrigin(req.URL, t.Origin) {
		closeBody(req)
		return nil, &OriginError{Host: req.URL.Host}
	}
	auth := AuthAPIKey
	timeout, headerTimeout := t.Timeout, t.HeaderTimeout
	if c := CallFrom(req.Context()); c != nil {
		if req.Response == nil {
			// Go sets Response on the requests of redirect hops: they
			// belong to the attempt that was redirected.
			c.Attempts++
		}
		auth = c.Auth
		if c.Timeout > 0 {
			timeout, headerTimeout = c.Timeout, c.Timeout
		}
	}
	parent := req.Context()
	ctx, cancel := parent, context.CancelFunc(nil)
	if timeout > 0 {
		ctx, cancel = context.WithTimeout(parent, timeout)
	}
	var headerTimer *time.Timer
	if headerTimeout > 0 && headerTimeout < timeout {
		if cancel == nil {
			ctx, cancel = context.WithCancel(parent)
		}
		headerTimer = time.AfterFunc(headerTimeout, cancel)
	}
	// A shallow copy with its own header map: the request handed in is
	// never modified (it is what Response.Request shows the caller), and
	// the value slices, which the transport only reads, are shared.
	out := req.WithContext(ctx)
	h := make(http.Header, len(req.Header)+2)
	for k, v := range req.Header {
		h[k] = v
	}
	t.uaOnce.Do(func() { t.ua = []string{t.UserAgent} })
	h["User-Agent"] = t.ua
	if auth != AuthNone {
		// The path of the request actually sent decides, not the call
		// that built it: a redirect hop or a crafted path must not take
		// one key where the other belongs.
		if IsSCIMPath(req.URL, t.Origin.Path) {
			if t.SCIMKey.IsZero() {
				closeBody(req)
				if cancel != nil {
					cancel()
				}
				return nil, ErrNoSCIMKey
			}
			h["Authorization"] = []string{"Bearer " + t.SCIMKey.Reveal()}
		} else {
			h["X-Api-Key"] = []string{t.APIKey.Reveal()}
		}
	}
	out.Header = h
	resp, err := t.Next.RoundTrip(out)
	// A timer that can no longer be stopped has fired: the attempt's
	// context is cancelled, even when the headers came just in time, and
	// reading such an answer's body would fail with context.Canceled, an
	// error the caller never caused and the policy never retries.
	late := headerTimer != nil && !headerTimer.Stop()
	if err == nil && late {
		_ = resp.Body.Close()
		err = errNoHeaders
	}
	if err != nil {
		if late && parent.Err() == nil {
			// The transport reports the cancellation that stopped it; what
			// happened is a timeout, which is retried like one.
			err = &AttemptTimeoutError{After: headerTimeout, Err: errNoHeaders}
		} else if cancel != nil {
			err = attemptError(ctx, parent, timeout, err)
		}
		if cancel != nil {
			cancel()
		}
		return nil, err
	}
	// The caller sees the request it built, which never held the key.
	resp.Request = req
	if cancel != nil {
		resp.Body = &timeoutBody{ReadCloser: resp.Body, ctx: ctx, parent: parent, timeout: timeout, cancel: cancel}
	}
	return resp, nil
}

// errNoHeaders is the cause of an attempt whose answer's headers did not
// come within the header timeout.
var errNoHeaders = errors.New("no response headers in time")

// AttemptTimeoutError is returned when one attempt outlived the
// per-attempt timeout while the call's own context was still alive. It
// matches context.DeadlineExceeded, and the retry policy retries it like
// a reset connection (for methods that are safe to replay).
type AttemptTimeoutError struct {
	// After is the per-attempt timeout that ran out.
	After time.Duration
	Err   error
}

// Error says how long the attempt was allowed and what stopped it.
func (e *AttemptTimeoutError) Error() string {
	return fmt.Sprintf("attempt timed out after %s: %v", e.After, e.Err)
}

// Unwrap returns the transport's error and context.DeadlineExceeded.
func (e *AttemptTimeoutError) Unwrap() []error { return []error{e.Err, context.DeadlineExceeded} }

// Timeout reports true, as net.Error timeouts do.
func (e *AttemptTimeoutError) Timeout() bool { return true }

// attemptError names err as an attempt timeout when the attempt's
// deadline, not the call's context, ended it.
func attemptError(ctx, parent context.Context, timeout time.Duration, err error) error {
	if err == nil || parent.Err() != nil || ctx.Err() != context.DeadlineExceeded {
		return err
	}
	return &AttemptTimeoutError{After: timeout, Err: err}
}

// timeoutBody ends the attempt's deadline when the body is closed.
type timeoutBody struct {
	io.ReadCloser
	ctx, parent context.Context
	timeout     time.Duration
	cancel      context.CancelFunc
}

func (b *timeoutBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		err = attemptError(b.ctx, b.parent, b.timeout, err)
	}
	return n, err
}

func (b *timeoutBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}

// Limit is the round tripper that waits on the limiter before every
// attempt, retries included, and tells it when the server asked for a pause.
type Limit struct {
	Next     http.RoundTripper
	Limiter  Limiter
	BasePath string // the base URL's path, cut from the path the limiter sees
	// MaxPause is the longest server-requested pause shared with other
	// goroutines; a longer one ends calls with an error rather than stall them.
	MaxPause time.Duration
	Now      func() time.Time
	// OnWait, if set, is told how long each wait took and the limiter's
	// refusal, if any.
	OnWait func(ctx context.Context, waited time.Duration, err error)
}

// RoundTrip implements http.RoundTripper.
func (t *Limit) RoundTrip(req *http.Request) (*http.Response, error) {
	path := LimiterPath(req.URL, t.BasePath)
	var start time.Time
	if t.OnWait != nil {
		start = t.now()
	}
	err := t.Limiter.Wait(req.Context(), req.Method, path)
	if t.OnWait != nil {
		t.OnWait(req.Context(), t.now().Sub(start), WaitError(req.Context(), err))
	}
	if err != nil {
		closeBody(req)
		return nil, &LimitError{Err: WaitError(req.Context(), err)}
	}
	resp, err := t.Next.RoundTrip(req)
	if err == nil && resp.StatusCode == http.StatusTooManyRequests {
		at := t.now()
		if d, ok := ParseRetryAfter(resp.Header, at); ok && d > 0 && d <= t.MaxPause {
			if pp, ok := t.Limiter.(PathPauser); ok {
				pp.PausePathUntil(req.Method, path, at.Add(d))
			} else {
				t.Limiter.PauseUntil(at.Add(d))
			}
		}
	}
	return resp, err
}

func (t *Limit) now() time.Time {
	if t.Now != nil {
		return t.Now()
	}
	return time.Now()
}

// deadlineWaitError keeps x/time/rate's message ("would exceed context
// deadline") but lets errors.Is match context.DeadlineExceeded, which the
// rate package's own error does not.
type deadlineWaitError struct{ err error }

func (e *deadlineWaitError) Error() string { return e.err.Error() }
func (e *deadlineWaitError) Unwrap() []error {
	return []error{e.err, context.DeadlineExceeded}
}

// WaitError makes a limiter's refusal to wait past ctx's deadline match
// context.DeadlineExceeded (x/time/rate returns "rate: Wait(n=1) would
// exceed context deadline" at once, an error errors.Is does not relate to
// the deadline). Other errors are returned unchanged.
func WaitError(ctx context.Context, err error) error {
	if err == nil || ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if _, ok := ctx.Deadline(); ok && strings.Contains(err.Error(), "deadline") {
		return &deadlineWaitError{err: err}
	}
	return err
}

// SameOrigin reports whether a and b have the same scheme, host and port
// (an absent port counts as the scheme's default).
func SameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) &&
		strings.EqualFold(a.Hostname(), b.Hostname()) &&
		port(a) == port(b)
}

func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}

// maxRedirects bounds the same-origin redirect chain Go follows.
const maxRedirects = 5

// CheckRedirect returns the http.Client redirect policy: follow a redirect
// only when it keeps the scheme, host and port of origin, stays on the
// same side of /scim (the SCIM API and the rest take different keys), and
// the request was a GET or HEAD. Go forwards custom headers such as
// X-Api-Key to other hosts, and turns a redirected POST into a body-less
// GET, so anything else stops at the 3xx, which the client reports as
// ErrRedirect; the other host or path receives nothing.
func CheckRedirect(origin *url.URL) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		first := via[0]
		if len(via) >= maxRedirects || !SameOrigin(req.URL, origin) ||
			IsSCIMPath(req.URL, origin.Path) != IsSCIMPath(first.URL, origin.Path) ||
			(first.Method != http.MethodGet && first.Method != http.MethodHead) {
			return http.ErrUseLastResponse
		}
		return nil
	}
}
