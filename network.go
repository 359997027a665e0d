package postman

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"time"
)

// NetworkService is the Private API Network area: the workspaces and elements published to the team's network, and requests to add them.
//
// The Private API Network is available on Enterprise plans; other teams
// get errors matching ErrFeatureUnavailable or ErrForbidden.
type NetworkService service

// NetworkElementType is the type of a Private API Network element. Only
// workspaces can be published now.
type NetworkElementType string

// Private API Network element types.
const (
	NetworkWorkspaceElement NetworkElementType = "workspace"
)

// NetworkWorkspace is a workspace published to the team's Private API
// Network.
type NetworkWorkspace struct {
	ID          string             `json:"id"`
	Type        NetworkElementType `json:"type"`
	Name        string             `json:"name"`
	Summary     string             `json:"summary,omitempty"`
	Description string             `json:"description,omitempty"`
	// Href is the workspace's Postman API URL.
	Href string `json:"href,omitempty"`
	// AddedAt and AddedBy say when and by which user the workspace was
	// published.
	AddedAt   Timestamp `json:"addedAt,omitzero"`
	AddedBy   int64     `json:"addedBy,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	CreatedBy int64     `json:"createdBy,omitempty"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
	UpdatedBy int64     `json:"updatedBy,omitempty"`
	// ParentFolderID is always 0 or absent: network folders are gone.
	//
	// Deprecated: Postman no longer has folders in the Private API Network.
	ParentFolderID *int64 `json:"parentFolderId,omitempty"`
}

// NetworkSort is what network lists can be sorted by.
type NetworkSort string

// Sort keys of network lists.
const (
	NetworkSortCreatedAt NetworkSort = "createdAt"
	NetworkSortUpdatedAt NetworkSort = "updatedAt"
)

// NetworkDirection is a sort order of network lists.
type NetworkDirection string

// Sort orders of network lists.
const (
	NetworkAscending  NetworkDirection = "asc"
	NetworkDescending NetworkDirection = "desc"
)

// NetworkListOptions filters, sorts and pages List.
type NetworkListOptions struct {
	Type NetworkElementType `url:"type,omitempty"`
	// Name, Summary and Description keep workspaces whose field contains
	// the text, ignoring case.
	Name        string `url:"name,omitempty"`
	Summary     string `url:"summary,omitempty"`
	Description string `url:"description,omitempty"`
	// Since and Until keep workspaces created in that time range.
	Since time.Time `url:"since,omitempty"`
	Until time.Time `url:"until,omitempty"`
	// AddedBy keeps workspaces published by this user ID, CreatedBy those
	// created by it.
	AddedBy   int64 `url:"addedBy,omitempty"`
	CreatedBy int64 `url:"createdBy,omitempty"`
	// Sort and Direction must be set together.
	Sort      NetworkSort      `url:"sort,omitempty"`
	Direction NetworkDirection `url:"direction,omitempty"`
	// OffsetOptions pages the list; Postman serves at most 1000 a page,
	// its default.
	OffsetOptions
}

// networkMeta is the page information of network lists.
type networkMeta struct {
	Limit      int `json:"limit"`
	Offset     int `json:"offset"`
	TotalCount int `json:"totalCount"`
}

func (m networkMeta) fill(resp *Response) {
	resp.Offset, resp.Limit, resp.Total = m.Offset, m.Limit, m.TotalCount
}

// networkTimes sends Since and Until in UTC, as Postman's examples write
// them.
func networkTimes(since, until *time.Time) {
	for _, t := range []*time.Time{since, until} {
		if !t.IsZero() {
			*t = t.UTC()
		}
	}
}

// List returns the workspaces published to the team's Private API
// Network, one page at a time: Response.Offset, Limit and Total say where
// it stands. ListIter pages for you.
//
// Available on Enterprise plans.
//
//postman:operation GET /network/private
func (s *NetworkService) List(ctx context.Context, opts *NetworkListOptions) ([]*NetworkWorkspace, *Response, error) {
	var q *NetworkListOptions
	if opts != nil {
		o := *opts
		networkTimes(&o.Since, &o.Until)
		q = &o
	}
	var root struct {
		Elements []*NetworkWorkspace `json:"elements"`
		Meta     networkMeta         `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/network/private", query: q}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.fill(resp)
	return root.Elements, resp, nil
}

// ListIter iterates over the workspaces published to the team's Private
// API Network, one page in memory at a time (1000 per page unless
// opts.Limit says otherwise).
//
// Available on Enterprise plans.
func (s *NetworkService) ListIter(ctx context.Context, opts *NetworkListOptions) iter.Seq2[*NetworkWorkspace, error] {
	return offsetIter(ctx, opts, networkMaxLimit, s.List)
}

// networkMaxLimit is the largest page of network lists.
const networkMaxLimit = 1000

// AddWorkspace publishes a workspace to the team's Private API Network.
//
// Available on Enterprise plans.
//
//postman:operation POST /network/private
func (s *NetworkService) AddWorkspace(ctx context.Context, workspaceID string) (*NetworkWorkspace, *Response, error) {
	if workspaceID == "" {
		return nil, nil, fmt.Errorf("postman: %w: empty workspace ID", ErrInvalidArgument)
	}
	body := struct {
		Workspace struct {
			ID string `json:"id"`
		} `json:"workspace"`
	}{}
	body.Workspace.ID = workspaceID
	ws := new(NetworkWorkspace)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: "/network/private", body: body}, ws)
	if err != nil {
		return nil, resp, err
	}
	return ws, resp, nil
}

// RemoveWorkspace removes a workspace from the team's Private API
// Network. The workspace itself is not deleted.
//
// Available on Enterprise plans.
//
//postman:operation DELETE /network/private/workspace/{workspaceId}
func (s *NetworkService) RemoveWorkspace(ctx context.Context, workspaceID string) (*Response, error) {
	path, err := pathf("/network/private/workspace/{workspaceID}", workspaceID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
}

// NetworkWorkspaceUpdateParams is the body of UpdateWorkspace.
type NetworkWorkspaceUpdateParams struct {
	// ParentFolderID is the workspace's new folder; only 0 exists now.
	ParentFolderID int64 `json:"parentFolderId"`
}

// UpdateWorkspace moves a published workspace to another folder of the
// Private API Network.
//
// Available on Enterprise plans.
//
// Deprecated: the Private API Network has no folders any more, so there
// is nothing to move; publish and unpublish workspaces with AddWorkspace
// and RemoveWorkspace instead.
//
//postman:operation PUT /network/private/workspace/{workspaceId}
func (s *NetworkService) UpdateWorkspace(ctx context.Context, workspaceID string, req NetworkWorkspaceUpdateParams) (*Response, error) {
	path, err := pathf("/network/private/workspace/{workspaceID}", workspaceID)
	if err != nil {
		return nil, err
	}
	body := struct {
		Workspace NetworkWorkspaceUpdateParams `json:"workspace"`
	}{req}
	return s.client.do(ctx, &request{method: http.MethodPut, path: path, body: body}, nil)
}
