package postman

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/postman-go/postman/internal/transport"
)

// Region selects the Postman data region the client talks to.
type Region string

// The Postman API regions.
const (
	// RegionUS is https://api.postman.com, the default.
	RegionUS Region = "us"
	// RegionEU is https://api.eu.postman.com, for teams whose data lives in the EU.
	RegionEU Region = "eu"
)

// Default base URLs of the regions.
const (
	DefaultBaseURL   = "https://api.postman.com"
	EUBaseURL        = "https://api.eu.postman.com"
	defaultUserAgent = "postman-go/" + Version
)

// Defaults of the transport policy, tuned to Postman's documented limits.
const (
	DefaultMaxRetries     = 4
	DefaultRetryWaitMin   = 500 * time.Millisecond
	DefaultRetryWaitMax   = 30 * time.Second
	DefaultMaxRetryAfter  = 60 * time.Second
	DefaultMaxBodySize    = 64 << 20
	DefaultMaxErrorSize   = 1 << 20
	DefaultAttemptTimeout = 2 * time.Minute
)

// Option configures a Client. Options validate their arguments: NewClient
// returns the first option error.
type Option func(*config) error

type config struct {
	baseURL        *url.URL
	httpClient     *http.Client
	scimKey        transport.Secret
	logger         *slog.Logger
	observer       Observer
	userAgentExtra string
	limiter        Limiter
	noLimit        bool
	maxRetries     int
	waitMin        time.Duration
	waitMax        time.Duration
	maxRetryAfter  time.Duration
	retryWrites    bool
	budget         int
	maxBody        int64
	maxErrorBody   int64
	attemptTimeout time.Duration
	waits          waitConfig
}

func defaultConfig() *config {
	u, _ := url.Parse(DefaultBaseURL)
	return &config{
		baseURL:        u,
		maxRetries:     DefaultMaxRetries,
		waitMin:        DefaultRetryWaitMin,
		waitMax:        DefaultRetryWaitMax,
		maxRetryAfter:  DefaultMaxRetryAfter,
		budget:         transport.DefaultBudget,
		maxBody:        DefaultMaxBodySize,
		maxErrorBody:   DefaultMaxErrorSize,
		attemptTimeout: DefaultAttemptTimeout,
		waits:          defaultWaits(),
	}
}

func (c *config) userAgent() string {
	if c.userAgentExtra == "" {
		return defaultUserAgent
	}
	return c.userAgentExtra + " " + defaultUserAgent
}

// WithBaseURL sets the URL that request paths are joined to. It must be
// https, except for loopback hosts (127.0.0.1, ::1, localhost), which may
// use http so that tests can run against a local server such as
// postmantest. A path prefix is kept ("https://proxy.example/postman").
func WithBaseURL(rawURL string) Option {
	return func(c *config) error {
		u, err := parseBaseURL(rawURL)
		if err != nil {
			return err
		}
		c.baseURL = u
		return nil
	}
}

func parseBaseURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("%w: base URL: %v", ErrInvalidArgument, err)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%w: base URL %q has no host", ErrInvalidArgument, rawURL)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%w: base URL must not hold credentials, a query or a fragment", ErrInvalidArgument)
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !isLoopback(u.Hostname()) {
			return nil, fmt.Errorf("%w: base URL %s: plain http is only allowed for loopback hosts; the API key must not travel in clear text", ErrInvalidArgument, u.Redacted())
		}
	default:
		return nil, fmt.Errorf("%w: base URL scheme %q is not https", ErrInvalidArgument, u.Scheme)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// WithRegion selects the region's base URL (RegionUS or RegionEU).
func WithRegion(r Region) Option {
	return func(c *config) error {
		switch r {
		case RegionUS:
			return WithBaseURL(DefaultBaseURL)(c)
		case RegionEU:
			return WithBaseURL(EUBaseURL)(c)
		}
		return fmt.Errorf("%w: unknown region %q", ErrInvalidArgument, r)
	}
}

// WithHTTPClient makes the client send requests through hc's transport,
// with hc's timeout per attempt. hc is copied, never mutated; its redirect
// policy is replaced by the SDK's same-origin policy.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return fmt.Errorf("%w: nil *http.Client", ErrInvalidArgument)
		}
		cp := *hc
		c.httpClient = &cp
		return nil
	}
}

// WithSCIMKey sets the SCIM API key that the SCIM service sends as
// "Authorization: Bearer <key>". The Postman API key is never sent to /scim.
func WithSCIMKey(key string) Option {
	return func(c *config) error {
		if err := checkKey("SCIM key", key); err != nil {
			return err
		}
		c.scimKey = transport.NewSecret(key)
		return nil
	}
}

// WithLogger makes the client log each attempt (method, path without
// query, status, duration) at Debug and each retry at Warn. By default the
// library logs nothing. Credentials never appear in records.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		c.logger = l
		return nil
	}
}

// WithUserAgent prefixes the User-Agent header with product, e.g.
// "my-ci-tool/1.2"; the SDK's own token follows it.
func WithUserAgent(product string) Option {
	return func(c *config) error {
		if strings.ContainsAny(product, "\r\n") {
			return fmt.Errorf("%w: user agent contains a line break", ErrInvalidArgument)
		}
		c.userAgentExtra = strings.TrimSpace(product)
		return nil
	}
}

// WithLimiter replaces the default client-side rate limiter, e.g. with
// one shared by a fleet of CI runners (the module
// github.com/postman-go/postman/redislimit keeps Postman's budgets in
// Redis). A KeyedLimiter is first bound to the client's keys with ForKeys.
func WithLimiter(l Limiter) Option {
	return func(c *config) error {
		if l == nil {
			return fmt.Errorf("%w: nil Limiter (use WithoutRateLimit)", ErrInvalidArgument)
		}
		c.limiter, c.noLimit = l, false
		return nil
	}
}

// WithoutRateLimit turns client-side rate limiting off, for a client behind
// a limiter of its own or for benchmarks. The server's 429 answers are
// still honoured.
func WithoutRateLimit() Option {
	return func(c *config) error {
		c.limiter, c.noLimit = nil, true
		return nil
	}
}

// WithMaxRetries sets how many times a failed attempt is retried (default
// 4); 0 disables retries.
func WithMaxRetries(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("%w: negative max retries %d", ErrInvalidArgument, n)
		}
		c.maxRetries = n
		return nil
	}
}

// WithRetryWait sets the bounds of the exponential backoff between
// retries when the server gives no Retry-After (defaults 500ms and 30s).
func WithRetryWait(minWait, maxWait time.Duration) Option {
	return func(c *config) error {
		if minWait < 0 || maxWait < minWait {
			return fmt.Errorf("%w: retry wait bounds %v, %v", ErrInvalidArgument, minWait, maxWait)
		}
		c.waitMin, c.waitMax = minWait, maxWait
		return nil
	}
}

// WithMaxRetryAfter caps the wait the client accepts from a server's
// Retry-After (default 60s). When the server asks for longer, the call
// returns a *RateLimitError at once with the requested wait.
func WithMaxRetryAfter(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("%w: negative max Retry-After %v", ErrInvalidArgument, d)
		}
		c.maxRetryAfter = d
		return nil
	}
}

// WithRetryWrites lets POST and PATCH calls be retried after 500, 502 and
// 504 answers, which Postman may have acted on already. Only opt in for
// writes that are safe to repeat. (429, 503 and connection failures before
// the request was sent are retried for every method regardless.)
func WithRetryWrites() Option {
	return func(c *config) error {
		c.retryWrites = true
		return nil
	}
}

// WithRetryBudget sets the size of the client-wide retry budget (default
// 500 tokens; a retry costs 5 after a 429, 14 otherwise; a success refunds
// them). 0 disables the budget.
func WithRetryBudget(tokens int) Option {
	return func(c *config) error {
		if tokens < 0 {
			return fmt.Errorf("%w: negative retry budget", ErrInvalidArgument)
		}
		c.budget = tokens
		return nil
	}
}

// WithMaxResponseSize caps the bytes read of a successful response body
// (default 64 MiB) and of an error body (default 1 MiB). A larger success
// body fails with ErrResponseTooLarge; an error body is cut to its excerpt.
func WithMaxResponseSize(success, errorBody int64) Option {
	return func(c *config) error {
		if success <= 0 || errorBody <= 0 {
			return fmt.Errorf("%w: response size caps must be positive", ErrInvalidArgument)
		}
		c.maxBody, c.maxErrorBody = success, errorBody
		return nil
	}
}

// WithAttemptTimeout bounds each attempt (default 2 minutes); the context
// passed to a call bounds the whole call, retries and waits included.
func WithAttemptTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("%w: attempt timeout must be positive", ErrInvalidArgument)
		}
		c.attemptTimeout = d
		return nil
	}
}
