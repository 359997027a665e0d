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
	Status  int           // 0 when the attempt ended in a transport error
	Err     error         // the transport error, if any
	Wait    time.Duration // the wait before the next attempt, as computed
}

// Policy is the retry policy handed to go-retryablehttp: which answers
// are retried (CheckRetry), how long to wait (Backoff), and what the
// caller gets when retrying stops (ErrorHandler).
type Policy struct {
	// MaxRetries is the number of retries after the first attempt.
	MaxRetries int
	// WaitMin and WaitMax bound the exponential backoff: attempt n waits a
	// uniformly random time in [0, min(WaitMin·2ⁿ, WaitMax)) ("full jitter").
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
func (p *Policy) CheckRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	c := CallFrom(ctx)
	if c == nil {
		// Not built by the SDK: retry nothing rather than guess at idempotency.
		return false, nil
	}
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
	if retry {
		c.budgetCost += cost
		if err != nil && p.OnRetry != nil {
			// Backoff is not told about transport errors, so report them here.
			p.OnRetry(RetryEvent{Method: c.Method, Path: c.Path, Attempt: c.Attempts, Err: err})
		}
	}
	if err == nil {
		c.lastResp, c.lastRetry = resp, retry
	}
	return retry, nil
}

// decide applies the retry table of DESIGN.md §4 and returns the budget
// cost of a retry.
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
		if IsQuotaExhausted(PeekBody(resp, c.MaxErrorBody)) {
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

// Backoff implements retryablehttp.Backoff: the server's requested wait
// on 429 and 503 when it gives one (CheckRetry has already refused waits
// above the cap), else exponential backoff with full jitter.
func (p *Policy) Backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	wait, fromServer := time.Duration(0), false
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		wait, fromServer = ParseRetryAfter(resp.Header, p.now())
		wait = min(wait, p.MaxRetryAfter)
	}
	if !fromServer {
		wait = time.Duration(p.rand() * float64(ExponentialCeiling(minWait, maxWait, attempt)))
	}
	if p.OnRetry != nil && resp != nil {
		ev := RetryEvent{Method: resp.Request.Method, Path: resp.Request.URL.Path, Attempt: attempt + 1, Status: resp.StatusCode, Wait: wait}
		p.OnRetry(ev)
	}
	if p.Sleep != nil {
		return p.Sleep(wait)
	}
	return wait
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

// ErrorHandler implements retryablehttp.ErrorHandler. retryablehttp calls
// it only when an attempt ended in an error (CheckRetry itself stops
// retrying at MaxRetries, so a final response never gets here): the
// response, if any, is closed and the error is returned unchanged, never
// replaced by a "giving up" message that hides the cause.
func (p *Policy) ErrorHandler(resp *http.Response, err error, _ int) (*http.Response, error) {
	if resp != nil && resp.Body != nil {
		_ = resp.Body.Close()
	}
	return nil, err
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
// reading the rest; the buffer is sized from Content-Length when it is
// known, which halves the allocations for large bodies.
func readCapped(r io.Reader, limit, contentLength int64) ([]byte, error) {
	size := int64(512)
	if contentLength > 0 && contentLength <= limit {
		size = contentLength + 1
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	_, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	return buf.Bytes(), err
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
// certificate problems, our own size cap and limiter refusals, and a
// host that does not exist.
func retryableTransportError(err error) bool {
	if errors.Is(err, ErrTooLarge) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
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
		dnsErr           *net.DNSError
	)
	switch {
	case errors.As(err, &unknownAuthority), errors.As(err, &hostname), errors.As(err, &invalid),
		errors.As(err, &verify), errors.As(err, &recordHeader):
		return false
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return false
	}
	return true
}

// Settle tells the budget how call c ended: a success refunds what its
// retries cost (or adds a token for a first-try success).
func (p *Policy) Settle(c *Call, succeeded bool) {
	if succeeded {
		p.Budget.succeeded(c.budgetCost)
	}
}
