package transport

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// ErrTooLarge is returned when a response body is larger than the cap. It
// is the value behind postman.ErrResponseTooLarge.
var ErrTooLarge = errors.New("postman: response body too large")

// RetryEvent describes one retry decision, for logging and for tests.
type RetryEvent struct {
	Method  string
	Path    string
	Attempt int           // the attempt that failed, from 1
	Status  int           // the answer's status; 0 when no answer came
	Err     error         // the transport or body-read error, if any
	Wait    time.Duration // the wait before the next attempt, as computed

	// Operation is the call's operationId.
	Operation string
}

// Policy is the retry policy handed to go-retryablehttp: which answers
// are retried and how long to wait (CheckRetry), the wait itself
// (PrepareRetry), and what the caller gets when retrying stops
// (ErrorHandler).
//
// retryablehttp's loop is: send; CheckRetry(resp, err); if the verdict is
// "stop" and an answer came, run the response handler and ask
// CheckRetry again with the handler's error; if "retry": drain the body,
// Backoff, sleep, PrepareRetry, send again. Backoff is not told about
// transport errors (resp is nil) and cannot see the call, so the wait is
// computed in CheckRetry, which sees the call through the context, and
// slept in PrepareRetry; Backoff returns 0.
type Policy struct {
	// MaxRetries is the number of retries after the first attempt.
	MaxRetries int
	// WaitMin and WaitMax bound the exponential backoff: retry n (from 0)
	// waits a uniformly random time in [0, min(WaitMin·2ⁿ, WaitMax))
	// ("full jitter").
	WaitMin, WaitMax time.Duration
	// MaxRetryAfter caps the server's requested wait that is honoured;
	// longer asks end the call at once with the server's answer.
	MaxRetryAfter time.Duration
	// Budget limits retries across all calls of a client.
	Budget *Budget

	// Now and Rand make the policy deterministic in tests.
	Now  func() time.Time
	Rand func() float64
	// OnRetry, if set, sees every retry before its wait.
	OnRetry func(RetryEvent)
	// Observe, if set, sees every retry before its wait with the
	// request's context.
	Observe func(context.Context, RetryEvent)
	// Sleep, if set, maps the computed wait to the one actually slept;
	// tests use it to keep the computed value observable but not wait for it.
	Sleep func(time.Duration) time.Duration
}

func (p *Policy) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Policy) rand() float64 {
	if p.Rand != nil {
		return p.Rand()
	}
	return rand.Float64()
}

// CheckRetry implements retryablehttp.CheckRetry. It returns a non-nil
// error only for a finished context, so that every other outcome reaches
// the caller as the server's own answer or the transport's own error.
// When it decides to retry, it charges the budget and computes the wait.
func (p *Policy) CheckRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	c := CallFrom(ctx)
	if c == nil {
		// Not built by the SDK: retry nothing rather than guess at idempotency.
		return false, nil
	}
	// retryablehttp asks twice about a final answer: once as it arrives,
	// once after the response handler read its body without error. The
	// second question must not charge the budget again.
	if err == nil && resp != nil && resp == c.lastResp {
		return c.lastRetry, nil
	}
	retry, cost := p.decide(c, resp, err)
	if retry && c.Attempts > p.MaxRetries {
		retry = false
	}
	if retry && !p.Budget.take(cost) {
		retry = false
	}
	if err == nil {
		c.lastResp, c.lastRetry = resp, retry
	}
	if !retry {
		return false, nil
	}
	c.lastCost = cost
	c.wait = p.wait(c.retries, resp)
	c.retries++
	if p.OnRetry != nil || p.Observe != nil {
		ev := RetryEvent{Method: c.Method, Path: c.Path, Operation: c.Operation, Attempt: c.Attempts, Err: StripURL(err), Wait: c.wait}
		if resp != nil {
			ev.Status = resp.StatusCode
		}
		if p.OnRetry != nil {
			p.OnRetry(ev)
		}
		if p.Observe != nil {
			p.Observe(ctx, ev)
		}
	}
	return true, nil
}

// decide applies the retry table (README.md, "Retries and rate limits")
// and returns the budget cost of a retry.
func (p *Policy) decide(c *Call, resp *http.Response, err error) (bool, int) {
	if err != nil {
		if !retryableTransportError(err) {
			return false, 0
		}
		if BeforeWrite(err) || c.Idempotent {
			return true, retryCost
		}
		return false, 0
	}
	if resp == nil {
		return false, 0
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		if body := PeekBody(resp, c.MaxErrorBody); IsQuotaExhausted(body) || IsPlanLimit(body) {
			return false, 0
		}
		if d, ok := ParseRetryAfter(resp.Header, p.now()); ok && d > p.MaxRetryAfter {
			return false, 0
		}
		return true, throttleCost
	case http.StatusServiceUnavailable:
		if d, ok := ParseRetryAfter(resp.Header, p.now()); ok && d > p.MaxRetryAfter {
			return false, 0
		}
		return true, retryCost
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
		return c.Idempotent || c.RetryWrites, retryCost
	}
	return false, 0
}

// wait returns the pause before retry n (from 0): the server's requested
// wait on 429 and 503 when it gives a positive one (decide has already
// refused waits above the cap), else exponential backoff with full jitter.
// A Retry-After of 0 or a date in the past falls back to the backoff, so
// that a crowd of clients told "now" does not come back at the same instant.
func (p *Policy) wait(n int, resp *http.Response) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if d, ok := ParseRetryAfter(resp.Header, p.now()); ok && d > 0 {
			return min(d, p.MaxRetryAfter)
		}
	}
	return time.Duration(p.rand() * float64(ExponentialCeiling(p.WaitMin, p.WaitMax, n)))
}

// Backoff implements retryablehttp.Backoff. It returns 0: the wait of a
// retry is computed by CheckRetry and slept by PrepareRetry, both of which
// know the call (Backoff is told nothing about transport errors).
func (p *Policy) Backoff(_, _ time.Duration, _ int, _ *http.Response) time.Duration {
	return 0
}

// PrepareRetry implements retryablehttp.PrepareRetry: it sleeps the wait
// CheckRetry computed for the call, and returns the context's error at
// once when the context ends first.
func (p *Policy) PrepareRetry(req *http.Request) error {
	ctx := req.Context()
	c := CallFrom(ctx)
	if c == nil {
		return nil
	}
	d := c.wait
	c.wait = 0
	if p.Sleep != nil {
		d = p.Sleep(d)
	}
	return Sleep(ctx, d)
}

// Sleep waits d or until ctx ends, and returns ctx's error in that case.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// ExponentialCeiling returns min(base·2^attempt, ceiling) without overflowing.
func ExponentialCeiling(base, ceiling time.Duration, attempt int) time.Duration {
	if base <= 0 {
		return 0
	}
	d := base
	for range attempt {
		if d >= ceiling/2 {
			return ceiling
		}
		d *= 2
	}
	return min(d, ceiling)
}

// ErrorHandler implements retryablehttp.ErrorHandler, which retryablehttp
// calls instead of returning when the last attempt did not end cleanly.
// With an error, the response (if any) is closed and the error is returned
// unchanged, never replaced by a "giving up" message that hides the cause.
// Without one (retryablehttp's own attempt limit was reached while the
// policy still wanted to retry), the final answer is passed through, so
// that the client builds its *APIError from the server's status and body
// rather than losing both, as retryablehttp's default handler does.
func (p *Policy) ErrorHandler(resp *http.Response, err error, _ int) (*http.Response, error) {
	if err == nil && resp != nil {
		return resp, nil
	}
	if resp != nil && resp.Body != nil {
		_ = resp.Body.Close()
	}
	if err == nil {
		err = errors.New("postman: the request ended without an answer")
	}
	return nil, err
}

// StripURL returns the error inside a *url.Error, whose message holds the
// whole request URL, query included (collection access keys travel in
// queries), so that neither errors nor logs repeat it.
func StripURL(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}

// ReadResponse is the retryablehttp response handler of a call: it reads
// the body within the call's caps while the attempt is still retryable,
// so that a connection cut in the middle of a body is retried like one
// cut before it (for idempotent calls).
func (c *Call) ReadResponse(resp *http.Response) error {
	defer resp.Body.Close()
	limit := c.MaxErrorBody
	ok := resp.StatusCode >= 200 && resp.StatusCode < 300
	if ok {
		limit = c.MaxBody
	}
	if ok && resp.ContentLength > limit {
		return ErrTooLarge
	}
	data, err := readCapped(resp.Body, limit, resp.ContentLength)
	if err != nil {
		return err
	}
	if ok && int64(len(data)) > limit {
		return ErrTooLarge
	}
	if int64(len(data)) > limit {
		// An error body is only an excerpt: keep what fits.
		data = data[:limit]
	}
	c.Body, c.BodyRead = data, true
	return nil
}

// readCapped reads at most limit+1 bytes, so an overflow is seen without
// reading the rest. When Content-Length is known and within the cap, the
// body is read into one buffer of that size plus one byte (net/http
// returns EOF with the last bytes, so the loop ends there); otherwise
// io.ReadAll reads it in growing chunks and copies them once into a
// slice of the final size. (bytes.Buffer.ReadFrom would double a buffer
// sized exactly from Content-Length once fewer than 512 bytes are free,
// and double all the way for unknown lengths, as for the gzip answers
// net/http decompresses.)
func readCapped(r io.Reader, limit, contentLength int64) ([]byte, error) {
	if contentLength < 0 || contentLength > limit {
		return io.ReadAll(io.LimitReader(r, limit+1))
	}
	lr := io.LimitedReader{R: r, N: limit + 1} // on the stack
	buf := make([]byte, 0, contentLength+1)
	for {
		if len(buf) == cap(buf) {
			// Longer than announced (not for net/http bodies): grow.
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// PeekBody reads up to limit bytes of an error body and puts them back,
// so that the body can be read again later.
func PeekBody(resp *http.Response, limit int64) []byte {
	if resp.Body == nil {
		return nil
	}
	if rb, ok := resp.Body.(*replayBody); ok {
		return rb.data
	}
	data, _ := io.ReadAll(io.LimitReader(resp.Body, limit))
	_ = resp.Body.Close()
	resp.Body = &replayBody{Reader: bytes.NewReader(data), data: data}
	return data
}

type replayBody struct {
	*bytes.Reader
	data []byte
}

func (*replayBody) Close() error { return nil }

// IsPlanLimit reports whether a 429 body says the team holds as many
// elements (packages) as its plan allows: no wait cures that either.
func IsPlanLimit(body []byte) bool {
	return bytes.Contains(body, []byte("limit for your plan")) || bytes.Contains(body, []byte("limit for number of"))
}

// IsQuotaExhausted reports whether a 429 body is Postman's monthly quota
// answer, which no wait short of a new month will cure.
func IsQuotaExhausted(body []byte) bool {
	return bytes.Contains(body, []byte("serviceLimitExhausted"))
}

// BeforeWrite reports whether err happened before any byte of the request
// reached the server (dial, DNS, refused connection), so that even a POST
// can be sent again safely.
func BeforeWrite(err error) bool {
	if errors.Is(err, syscall.ECONNREFUSED) {
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return !dnsErr.IsNotFound
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return opErr.Op == "dial"
	}
	return false
}

// retryableTransportError rules out the errors that a retry cannot cure:
// certificate problems and TLS alerts (a server refusing the handshake),
// our own size cap and limiter refusals, and a host that does not exist. A context.DeadlineExceeded that gets here is
// the per-attempt timeout (CheckRetry has already stopped for the call's
// own context): a hung attempt is retried like a reset one.
func retryableTransportError(err error) bool {
	if errors.Is(err, ErrTooLarge) || errors.Is(err, context.Canceled) {
		return false
	}
	var limErr *LimitError
	if errors.As(err, &limErr) {
		return false
	}
	var originErr *OriginError
	if errors.As(err, &originErr) {
		return false
	}
	var (
		unknownAuthority x509.UnknownAuthorityError
		hostname         x509.HostnameError
		invalid          x509.CertificateInvalidError
		verify           *tls.CertificateVerificationError
		recordHeader     tls.RecordHeaderError
		alert            tls.AlertError
		dnsErr           *net.DNSError
	)
	switch {
	case errors.As(err, &unknownAuthority), errors.As(err, &hostname), errors.As(err, &invalid),
		errors.As(err, &verify), errors.As(err, &recordHeader), errors.As(err, &alert):
		return false
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return false
	}
	return !unsendable(err)
}

// unsendableErrors start the messages of net/http's checks of a request
// before anything is written (it exports no type for them): a request it
// refused once it refuses again, so a retry only spends time and budget.
var unsendableErrors = []string{
	"net/http: invalid header field",
	"net/http: invalid method",
	"net/http: invalid trailer",
	"net/http: nil Request",
	"unsupported protocol scheme",
}

// unsendable reports whether err is net/http refusing to write the request.
func unsendable(err error) bool {
	msg := StripURL(err).Error()
	for _, prefix := range unsendableErrors {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// Settle tells the budget how call c ended: a success refunds the cost of
// the retry that succeeded (or adds a token for a first-try success);
// retries that failed stay paid for.
func (p *Policy) Settle(c *Call, succeeded bool) {
	if succeeded {
		p.Budget.succeeded(c.lastCost)
	}
}
