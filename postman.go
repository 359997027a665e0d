// Package postman is a Go client for the Postman API (api.postman.com):
// workspaces, collections, environments, APIs and specs, mock servers,
// monitors, comments, forks, users, roles, billing, the Private API
// Network, tags, the Secret Scanner, SCIM, API security and audit logs.
//
// Create a client with an API key and call a service:
//
//	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
//	if err != nil { … }
//	me, _, err := client.Users.Me(ctx)
//
// The client is safe under Postman's limits and faults: it waits on
// client-side rate limiters shared per API key before every attempt,
// retries only what is safe to replay (a POST is never sent twice after
// the server may have seen it), honours the server's Retry-After within a
// cap, and turns every error body Postman sends into an *APIError. The API
// key never reaches a log, an error string, another host or plain HTTP.
//
// Every list has an iterator (ListIter and friends) that fetches one page
// at a time. Package postmantest serves an in-memory Postman API for tests.
package postman

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/postman-go/postman/internal/transport"
)

// Version is the version of this SDK, sent in the User-Agent header.
const Version = "0.1.0"

// Client talks to the Postman API. Create it with NewClient; it is safe for
// concurrent use by many goroutines.
type Client struct {
	baseURL   *url.URL
	apiKey    transport.Secret
	scimKey   transport.Secret
	userAgent string
	logger    *slog.Logger

	http      *retryablehttp.Client
	policy    *transport.Policy
	base      http.RoundTripper // closed by CloseIdleConnections
	limiter   Limiter
	maxBody   int64
	maxErrors int64
	// retryWrites lets 500/502/504 answers to POST and PATCH be retried.
	retryWrites bool
	waits       waitConfig

	common service

	// Users is the Users area: /me and the team's users.
	Users *UsersService
	// Workspaces is the Workspaces area.
	Workspaces *WorkspacesService
}

// service is what every service type is made of: a back pointer to the
// client. Services are converted from the one value in Client.common, so
// creating a client allocates no service objects.
type service struct {
	client *Client
}

// NewClient returns a client that authenticates with apiKey (sent as
// X-Api-Key). It performs no I/O and reads no environment variables; an
// empty key or an invalid option is an error.
func NewClient(apiKey string, opts ...Option) (*Client, error) {
	if apiKey == "" {
		return nil, fmt.Errorf("postman: NewClient: %w: the API key is empty", ErrInvalidArgument)
	}
	cfg := defaultConfig()
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(cfg); err != nil {
			return nil, fmt.Errorf("postman: NewClient: %w", err)
		}
	}
	c := &Client{
		baseURL:     cfg.baseURL,
		apiKey:      transport.NewSecret(apiKey),
		scimKey:     cfg.scimKey,
		userAgent:   cfg.userAgent(),
		logger:      cfg.logger,
		maxBody:     cfg.maxBody,
		maxErrors:   cfg.maxErrorBody,
		waits:       cfg.waits,
		retryWrites: cfg.retryWrites,
	}
	c.limiter = cfg.limiter
	if c.limiter == nil && !cfg.noLimit {
		c.limiter = sharedLimiter(c.apiKey, c.scimKey)
	}
	c.http, c.policy, c.base = buildHTTP(c, cfg)
	c.common.client = c
	c.Users = (*UsersService)(&c.common)
	c.Workspaces = (*WorkspacesService)(&c.common)
	return c, nil
}

// BaseURL returns a copy of the URL every request path is joined to.
func (c *Client) BaseURL() *url.URL {
	u := *c.baseURL
	return &u
}

// CloseIdleConnections closes the idle keep-alive connections of the
// client's transport. Call it when a client is no longer needed.
func (c *Client) CloseIdleConnections() {
	if ci, ok := c.base.(interface{ CloseIdleConnections() }); ok {
		ci.CloseIdleConnections()
	}
}

// String describes the client without its credentials.
func (c *Client) String() string {
	return fmt.Sprintf("postman.Client{baseURL: %s}", c.baseURL)
}

// GoString is String, so that %#v cannot print the credentials either.
func (c *Client) GoString() string { return c.String() }

// Format prints String for every verb, so that %+v and %v of a client or
// of a struct holding one never show its fields.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }
