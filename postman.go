// Package postman is a Go client for the Postman API (api.postman.com).
//
// Create a client with an API key and call a service:
//
//	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
//	if err != nil { … }
//	me, _, err := client.Users.GetMe(ctx)
//
// Each area of the API is a service, a field of Client: Users, Workspaces,
// Collections, PullRequests, Forks, Comments, Environments, Tags, Teams,
// Groups, Roles, Billing, AuditLogs, Analytics, APIs (the deprecated API
// Builder), Specs (Spec Hub), Components, Packages, Security, Search,
// Mocks, Monitors, Webhooks, SDKs, OAuth, ServiceAccounts, Postbot,
// Network (the Private API Network), SecretScanner and SCIM. Client.Do
// reaches endpoints no service wraps yet.
//
// The client is safe under Postman's limits and faults: it waits on
// client-side rate limiters shared per API key before every attempt,
// retries only what is safe to replay (a POST is never sent twice after
// the server may have seen it), honours the server's Retry-After within a
// cap, and turns every error body Postman sends into an *APIError. The API
// key never reaches a log, an error string, another host or plain HTTP.
//
// Every list has an iterator (ListIter and friends) that fetches one page
// at a time.
//
// Package postmantest serves an in-memory Postman API for testing tools
// offline; most examples run against it. Package collection reads and
// writes Postman Collection files (v2.0 and v2.1) without losing anything,
// with the standard library only.
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
const Version = "0.2.0"

// Client talks to the Postman API. Create it with NewClient; it is safe for
// concurrent use by many goroutines.
type Client struct {
	baseURL   *url.URL
	apiKey    transport.Secret
	scimKey   transport.Secret
	userAgent string
	logger    *slog.Logger
	observer  Observer

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
	// Collections is the Collections area: collections, their folders, requests and responses, access keys, pull requests, transfers and the OpenAPI import.
	Collections *CollectionsService
	// PullRequests is the Pull Requests area: reviewing and updating the pull requests of forked collections.
	PullRequests *PullRequestsService
	// Forks is the Forks area: forks of collections and environments, pulling source changes and merging forks back.
	Forks *ForksService
	// Comments is the Comments area: comment threads on APIs, collections, folders, requests and responses.
	Comments *CommentsService
	// Environments is the Environments area: environments and their variables.
	Environments *EnvironmentsService
	// Tags is the Tags area: the tags of workspaces, collections and APIs, and the elements carrying a tag.
	Tags *TagsService
	// Teams is the Teams area: the teams of an organization, their settings, access requests and members.
	Teams *TeamsService
	// Groups is the Groups area: the team's user groups.
	Groups *GroupsService
	// Roles is the Roles area: who may do what in a workspace or a collection.
	Roles *RolesService
	// Billing is the Billing area: the team's billing account and invoices.
	Billing *BillingService
	// AuditLogs is the Audit Logs area: the team's audit events.
	AuditLogs *AuditLogsService
	// Analytics is the Analytics area: usage analytics of the team's APIs.
	Analytics *AnalyticsService
	// APIs is the API Builder (v10) area: APIs, versions, schemas and their collections.
	APIs *APIsService
	// Specs is the Spec Hub area: API specifications, their files, and generation and synchronisation of collections.
	Specs *SpecsService
	// Components is the Components area: reusable specification components.
	Components *ComponentsService
	// Packages is the Packages area: the team's Package Library.
	Packages *PackagesService
	// Security is the API Security area: validation of API definitions against security rules.
	Security *SecurityService
	// Search is the Search area: searching the Postman elements the user can access.
	Search *SearchService
	// Mocks is the Mocks area: mock servers, their call logs and server responses.
	Mocks *MocksService
	// Monitors is the Monitors area: scheduled collection runs and their results.
	Monitors *MonitorsService
	// Webhooks is the Webhooks area: webhooks that run a collection when called.
	Webhooks *WebhooksService
	// SDKs is the SDK generation area: generated client SDKs and their git connections.
	SDKs *SDKsService
	// OAuth is the OAuth 2.0 area: access tokens for the Postman API from client credentials.
	OAuth *OAuthService
	// ServiceAccounts is the Service Accounts area: short-lived tokens for service accounts.
	ServiceAccounts *ServiceAccountsService
	// Postbot is the Postbot area: AI generation tools.
	Postbot *PostbotService
	// Network is the Private API Network area: the workspaces and elements published to the team's network, and requests to add them.
	Network *NetworkService
	// SecretScanner is the Secret Scanner area: secrets detected in the team's workspaces and their resolution.
	SecretScanner *SecretScannerService
	// SCIM is the SCIM 2.0 provisioning area: users and groups. It authenticates with the SCIM API key of WithSCIMKey, never with the Postman API key.
	SCIM *SCIMService
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
	if err := checkKey("API key", apiKey); err != nil {
		return nil, fmt.Errorf("postman: NewClient: %w", err)
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
		observer:    cfg.observer,
		maxBody:     cfg.maxBody,
		maxErrors:   cfg.maxErrorBody,
		waits:       cfg.waits,
		retryWrites: cfg.retryWrites,
	}
	c.limiter = cfg.limiter
	if c.limiter == nil && !cfg.noLimit {
		c.limiter = sharedLimiter(c.apiKey, c.scimKey)
	}
	if keyed, ok := c.limiter.(KeyedLimiter); ok {
		c.limiter = keyed.ForKeys(Fingerprint(apiKey), Fingerprint(c.scimKey.Reveal()))
		if c.limiter == nil {
			return nil, fmt.Errorf("postman: NewClient: %w: the KeyedLimiter's ForKeys returned nil", ErrInvalidArgument)
		}
	}
	c.http, c.policy, c.base = buildHTTP(c, cfg)
	c.common.client = c
	c.Users = (*UsersService)(&c.common)
	c.Workspaces = (*WorkspacesService)(&c.common)
	c.Collections = (*CollectionsService)(&c.common)
	c.PullRequests = (*PullRequestsService)(&c.common)
	c.Forks = (*ForksService)(&c.common)
	c.Comments = (*CommentsService)(&c.common)
	c.Environments = (*EnvironmentsService)(&c.common)
	c.Tags = (*TagsService)(&c.common)
	c.Teams = (*TeamsService)(&c.common)
	c.Groups = (*GroupsService)(&c.common)
	c.Roles = (*RolesService)(&c.common)
	c.Billing = (*BillingService)(&c.common)
	c.AuditLogs = (*AuditLogsService)(&c.common)
	c.Analytics = (*AnalyticsService)(&c.common)
	c.APIs = (*APIsService)(&c.common)
	c.Specs = (*SpecsService)(&c.common)
	c.Components = (*ComponentsService)(&c.common)
	c.Packages = (*PackagesService)(&c.common)
	c.Security = (*SecurityService)(&c.common)
	c.Search = (*SearchService)(&c.common)
	c.Mocks = (*MocksService)(&c.common)
	c.Monitors = (*MonitorsService)(&c.common)
	c.Webhooks = (*WebhooksService)(&c.common)
	c.SDKs = (*SDKsService)(&c.common)
	c.OAuth = (*OAuthService)(&c.common)
	c.ServiceAccounts = (*ServiceAccountsService)(&c.common)
	c.Postbot = (*PostbotService)(&c.common)
	c.Network = (*NetworkService)(&c.common)
	c.SecretScanner = (*SecretScannerService)(&c.common)
	c.SCIM = (*SCIMService)(&c.common)
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
