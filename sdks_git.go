package postman

import (
	"context"
	"iter"
	"net/http"
)

// SDKGitConnection links one collection or specification and one SDK
// language to a git repository, into which Postman ships SDK updates as
// pull requests.
type SDKGitConnection struct {
	ID            string                 `json:"sdkGitConnectionId"`
	Source        SDKSource              `json:"source"`
	Language      SDKLanguage            `json:"language"`
	Status        SDKGitConnectionStatus `json:"status"`
	RepositoryURL string                 `json:"repositoryUrl"`
	// TargetBranch is the branch SDKs are published to ("main" by default).
	TargetBranch string `json:"targetBranch"`
	// AutoUpdatePullRequestsEnabled says whether Postman opens pull
	// requests by itself when the source or its generator changes; always
	// false on Team plans.
	AutoUpdatePullRequestsEnabled bool `json:"autoUpdatePullRequestsEnabled"`
	// SDK is the SDK currently on the target branch, if any.
	SDK *SDK `json:"sdk,omitempty"`
	// PullRequests are the connection's pull requests, newest first.
	PullRequests []SDKPullRequest `json:"pullRequests"`
	CreatedAt    Timestamp        `json:"createdAt,omitzero"`
	UpdatedAt    Timestamp        `json:"updatedAt,omitzero"`
}

// SDKGitConnectionStatus is the state of a git connection.
type SDKGitConnectionStatus string

// Git connection states. Inaccessible is set by Postman when it loses
// access to the repository; it cannot be set with UpdateGitConnection.
const (
	SDKGitActive       SDKGitConnectionStatus = "active"
	SDKGitDisconnected SDKGitConnectionStatus = "disconnected"
	SDKGitInaccessible SDKGitConnectionStatus = "inaccessible"
)

// SDKPullRequest is a pull request that shipped, or proposes, an SDK
// update. Inside an SDK or a connection Postman sends its URL, status and
// SDK ID; ListGitPullRequests also fills Number, SDK and the times.
type SDKPullRequest struct {
	Number int                  `json:"number,omitempty"`
	URL    string               `json:"url"`
	Status SDKPullRequestStatus `json:"status"`
	SDKID  string               `json:"sdkId,omitempty"`
	SDK    *SDK                 `json:"sdk,omitempty"`

	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
}

// SDKPullRequestStatus is the state of a pull request.
type SDKPullRequestStatus string

// Pull request states.
const (
	SDKPullRequestOpen   SDKPullRequestStatus = "open"
	SDKPullRequestMerged SDKPullRequestStatus = "merged"
	SDKPullRequestClosed SDKPullRequestStatus = "closed"
)

// SDKGitConnectionListOptions filters and pages ListGitConnections.
type SDKGitConnectionListOptions struct {
	SourceID      string                 `url:"sourceId,omitempty"`
	Language      SDKLanguage            `url:"language,omitempty"`
	Status        SDKGitConnectionStatus `url:"status,omitempty"`
	RepositoryURL string                 `url:"repositoryUrl,omitempty"`
	// Limit is at most 25.
	CursorOptions
}

// SDKPullRequestListOptions filters and pages ListGitPullRequests.
type SDKPullRequestListOptions struct {
	Status SDKPullRequestStatus `url:"status,omitempty"`
	// Limit is at most 25.
	CursorOptions
}

// SDKGitConnectionCreateParams describes a new git connection. Source,
// Language and RepositoryURL are required.
type SDKGitConnectionCreateParams struct {
	Source        SDKSource   `json:"source"`
	Language      SDKLanguage `json:"language"`
	RepositoryURL string      `json:"repositoryUrl"`
	// TargetBranch defaults to "main".
	TargetBranch string `json:"targetBranch,omitempty"`
	// AutoUpdatePullRequestsEnabled is only honoured on Enterprise plans.
	AutoUpdatePullRequestsEnabled *bool `json:"autoUpdatePullRequestsEnabled,omitempty"`
}

// SDKGitConnectionUpdateParams changes a git connection: Status active
// (re)connects the repository, disconnected stops new pull requests and
// keeps the history. Setting the current values is a no-op.
type SDKGitConnectionUpdateParams struct {
	Status SDKGitConnectionStatus `json:"status"`
	// AutoUpdatePullRequestsEnabled is only honoured on Enterprise plans.
	AutoUpdatePullRequestsEnabled *bool `json:"autoUpdatePullRequestsEnabled,omitempty"`
}

// ListGitConnections returns a page of the git connections of a workspace's
// collections and specifications; Response.NextCursor points to the next
// page and Response.Total counts them all. ListGitConnectionsIter pages for
// you.
//
// Available on Team and Enterprise plans.
//
//postman:operation GET /sdk-git-connections
func (s *SDKsService) ListGitConnections(ctx context.Context, workspaceID string, opts *SDKGitConnectionListOptions) ([]*SDKGitConnection, *Response, error) {
	path, err := sdkPathWithWorkspace("SDKs.GitConnections", "/sdk-git-connections", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	return getPage[SDKGitConnection](ctx, s.client, path, opts)
}

// ListGitConnectionsIter iterates over the git connections of a workspace,
// one page of 25 in memory at a time.
//
// Available on Team and Enterprise plans.
func (s *SDKsService) ListGitConnectionsIter(ctx context.Context, workspaceID string, opts *SDKGitConnectionListOptions) iter.Seq2[*SDKGitConnection, error] {
	return cursorIter(ctx, opts, sdkPageLimit, func(ctx context.Context, o *SDKGitConnectionListOptions) ([]*SDKGitConnection, *Response, error) {
		return s.ListGitConnections(ctx, workspaceID, o)
	})
}

// CreateGitConnection connects a collection or specification to a git
// repository for one SDK language; the connection starts active. A source
// and language pair has one connection: a second is a conflict
// (ErrConflict); change the existing one with UpdateGitConnection.
//
// Available on Team and Enterprise plans; automatic pull requests on
// Enterprise plans only.
//
//postman:operation POST /sdk-git-connections
func (s *SDKsService) CreateGitConnection(ctx context.Context, req SDKGitConnectionCreateParams) (*SDKGitConnection, *Response, error) {
	conn := new(SDKGitConnection)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: "/sdk-git-connections", body: req}, conn)
	if err != nil {
		return nil, resp, err
	}
	return conn, resp, nil
}

// GetGitConnection returns a git connection with the SDK on its target
// branch and its latest pull request.
//
// Available on Team and Enterprise plans.
//
//postman:operation GET /sdk-git-connections/{sdkGitConnectionId}
func (s *SDKsService) GetGitConnection(ctx context.Context, connectionID string) (*SDKGitConnection, *Response, error) {
	return s.gitConnectionCall(ctx, http.MethodGet, connectionID, nil)
}

// UpdateGitConnection connects or disconnects a git connection's
// repository, and turns automatic pull requests on or off.
//
// Available on Team and Enterprise plans; automatic pull requests on
// Enterprise plans only.
//
//postman:operation PUT /sdk-git-connections/{sdkGitConnectionId}
func (s *SDKsService) UpdateGitConnection(ctx context.Context, connectionID string, req SDKGitConnectionUpdateParams) (*SDKGitConnection, *Response, error) {
	return s.gitConnectionCall(ctx, http.MethodPut, connectionID, req)
}

// ListGitPullRequests returns a page of a git connection's SDK update pull
// requests, newest first; direct pushes to the base branch are not
// listed. Response.NextCursor points to the next page and
// ListGitPullRequestsIter pages for you.
//
// Available on Team and Enterprise plans.
//
//postman:operation GET /sdk-git-connections/{sdkGitConnectionId}/pull-requests
func (s *SDKsService) ListGitPullRequests(ctx context.Context, connectionID string, opts *SDKPullRequestListOptions) ([]*SDKPullRequest, *Response, error) {
	path, err := pathf("/sdk-git-connections/{connectionID}/pull-requests", connectionID)
	if err != nil {
		return nil, nil, err
	}
	return getPage[SDKPullRequest](ctx, s.client, path, opts)
}

// ListGitPullRequestsIter iterates over a git connection's pull requests, one
// page of 25 in memory at a time.
//
// Available on Team and Enterprise plans.
func (s *SDKsService) ListGitPullRequestsIter(ctx context.Context, connectionID string, opts *SDKPullRequestListOptions) iter.Seq2[*SDKPullRequest, error] {
	return cursorIter(ctx, opts, sdkPageLimit, func(ctx context.Context, o *SDKPullRequestListOptions) ([]*SDKPullRequest, *Response, error) {
		return s.ListGitPullRequests(ctx, connectionID, o)
	})
}

// gitConnectionCall sends method to /sdk-git-connections/{connectionID}.
func (s *SDKsService) gitConnectionCall(ctx context.Context, method, connectionID string, body any) (*SDKGitConnection, *Response, error) {
	path, err := pathf("/sdk-git-connections/{connectionID}", connectionID)
	if err != nil {
		return nil, nil, err
	}
	conn := new(SDKGitConnection)
	resp, err := s.client.do(ctx, &request{method: method, path: path, body: body}, conn)
	if err != nil {
		return nil, resp, err
	}
	return conn, resp, nil
}
