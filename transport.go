package postman

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/postman-go/postman/internal/transport"
)

// buildHTTP assembles the transport:
// retryablehttp → http.Client → credentials → limiter → base transport.
// retryablehttp is built as a struct literal so that its stderr logger
// stays off and its default error handler, which throws the last response
// away, is never used.
func buildHTTP(c *Client, cfg *config) (*retryablehttp.Client, *transport.Policy, http.RoundTripper) {
	base := http.RoundTripper(newBaseTransport())
	timeout := cfg.attemptTimeout
	var jar http.CookieJar
	if cfg.httpClient != nil {
		if cfg.httpClient.Transport != nil {
			base = cfg.httpClient.Transport
		}
		if cfg.httpClient.Timeout > 0 {
			timeout = cfg.httpClient.Timeout
		}
		jar = cfg.httpClient.Jar
	}
	rt := base
	if c.observer != nil {
		rt = &observeTransport{next: rt, c: c}
	}
	if c.limiter != nil {
		rt = &transport.Limit{Next: rt, Limiter: c.limiter, BasePath: c.baseURL.Path, MaxPause: cfg.maxRetryAfter, OnWait: c.observeLimiterWait()}
	}
	rt = &transport.Credentials{Next: rt, Origin: c.baseURL, APIKey: c.apiKey, SCIMKey: c.scimKey, UserAgent: c.userAgent, Timeout: timeout,
		HeaderTimeout: defaultHeaderTimeout}

	policy := &transport.Policy{
		MaxRetries:    cfg.maxRetries,
		WaitMin:       cfg.waitMin,
		WaitMax:       cfg.waitMax,
		MaxRetryAfter: cfg.maxRetryAfter,
		Budget:        transport.NewBudget(cfg.budget),
		Observe:       c.observeRetry(),
	}
	if c.logger != nil {
		logger := c.logger
		policy.OnRetry = func(ev transport.RetryEvent) {
			attrs := []slog.Attr{slog.String("operation", ev.Operation), slog.String("method", ev.Method), slog.String("path", ev.Path),
				slog.Int("attempt", ev.Attempt), slog.Int("status", ev.Status), slog.Duration("wait", ev.Wait)}
			if ev.Err != nil {
				attrs = append(attrs, slog.String("error", ev.Err.Error()))
			}
			logger.LogAttrs(context.Background(), slog.LevelWarn, "postman: retrying", attrs...)
		}
	}
	rc := &retryablehttp.Client{
		// The Credentials wrapper has no CloseIdleConnections method, so the
		// pool survives retryablehttp's habit of emptying it after every
		// failed call; Client.CloseIdleConnections closes the base instead.
		// No http.Client.Timeout: the Credentials round tripper bounds
		// each attempt (see its Timeout).
		HTTPClient: &http.Client{
			Transport:     rt,
			CheckRedirect: transport.CheckRedirect(c.baseURL),
			Jar:           jar,
		},
		RetryWaitMin: cfg.waitMin,
		RetryWaitMax: cfg.waitMax,
		// CheckRetry enforces the attempt limit itself (before charging the
		// retry budget); this is only a backstop one above it.
		RetryMax:   cfg.maxRetries + 1,
		CheckRetry: policy.CheckRetry,
		// Backoff returns 0: CheckRetry computes the wait, which needs the
		// call (Backoff is told nothing about transport errors), and
		// PrepareRetry sleeps it, ending early with the context.
		Backoff:      policy.Backoff,
		PrepareRetry: policy.PrepareRetry,
		ErrorHandler: policy.ErrorHandler,
	}
	return rc, policy, base
}

// defaultHeaderTimeout bounds the wait for an answer's headers.
const defaultHeaderTimeout = 30 * time.Second

// newBaseTransport is http.DefaultTransport tuned for an API client: a
// pool large enough for concurrent callers (Go's default of 2 idle
// connections per host makes 32 goroutines open thousands of connections),
// bounded dial, TLS and header waits, and a cap on response headers.
func newBaseTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	t.TLSHandshakeTimeout = 10 * time.Second
	// The wait for response headers is bounded per call by the
	// Credentials round tripper (defaultHeaderTimeout), so that the few
	// slow endpoints can ask for more.
	t.IdleConnTimeout = 90 * time.Second
	t.MaxIdleConns = 128
	t.MaxIdleConnsPerHost = 64
	t.MaxResponseHeaderBytes = 1 << 20
	return t
}
