package postman

import (
	"context"
	"iter"
	"net/http"
)

// WorkspacesService is the Workspaces area.
//
// Beyond the workspaces themselves it covers their activity feed, global
// variables, element transfers, transfers between teams of an
// organization, workspace updates (announcements to watchers) and Partner
// Workspace invitations. CreateTemporary creates a throwaway workspace
// for a test or a CI job.
//
// Postman allows 10 calls per 10 seconds to List and Get, and 20 calls a
// minute per user to the workspace update endpoints (ListUpdates,
// CreateUpdate …), on top of the general 300 a minute; the default limiter
// has a bucket for each and keeps under them, so a loop of calls slows
// down rather than failing with 429.
type WorkspacesService service

// WorkspaceType is the type, and the visibility, of a workspace. Postman
// may add values; compare with the constants.
type WorkspaceType string

// Workspace types and visibilities.
const (
	WorkspacePersonal WorkspaceType = "personal"
	WorkspaceTeam     WorkspaceType = "team"
	WorkspacePrivate  WorkspaceType = "private" // Team and Enterprise plans
	WorkspacePublic   WorkspaceType = "public"
	WorkspacePartner  WorkspaceType = "partner" // Team and Enterprise plans
)

// Workspace is a Postman workspace. The lists of elements are only filled
// by Get.
type Workspace struct {
	ID          string        `json:"id"`
	Name        string        `json:"name"`
	Type        WorkspaceType `json:"type"`
	Description string        `json:"description,omitempty"`
	// Visibility says who can access the workspace.
	Visibility WorkspaceType `json:"visibility,omitempty"`
	CreatedBy  string        `json:"createdBy,omitempty"`
	UpdatedBy  string        `json:"updatedBy,omitempty"`
	CreatedAt  Timestamp     `json:"createdAt,omitzero"`
	UpdatedAt  Timestamp     `json:"updatedAt,omitzero"`
	About      string        `json:"about,omitempty"`
	// Team is the workspace's team ID, with include=team; null when the
	// workspace belongs to no team.
	Team         *string            `json:"team,omitempty"`
	Collections  []WorkspaceElement `json:"collections,omitempty"`
	Environments []WorkspaceElement `json:"environments,omitempty"`
	Mocks        []WorkspaceElement `json:"mocks,omitempty"`
	Monitors     []WorkspaceElement `json:"monitors,omitempty"`
	APIs         []WorkspaceElement `json:"apis,omitempty"`
	Specs        []WorkspaceElement `json:"specs,omitempty"`
	// SCIM holds the SCIM IDs of the creator and last editor, with include=scim.
	SCIM *WorkspaceSCIM `json:"scim,omitempty"`
}

// WorkspaceElement is a collection, environment, mock, monitor, API or
// spec listed in a workspace.
type WorkspaceElement struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	UID  string `json:"uid,omitempty"`
	// Deactivated is set for mocks and monitors that no longer run.
	Deactivated bool `json:"deactivated,omitempty"`
}

// WorkspaceSCIM holds SCIM user IDs of a workspace's creator and last editor.
type WorkspaceSCIM struct {
	CreatedBy string `json:"createdBy,omitempty"`
	UpdatedBy string `json:"updatedBy,omitempty"`
}

// WorkspaceListOptions filters and pages List.
type WorkspaceListOptions struct {
	// Type keeps only workspaces of this type.
	Type WorkspaceType `url:"type,omitempty"`
	// CreatedBy keeps only workspaces created by these user IDs.
	CreatedBy []string `url:"createdBy,omitempty,comma"`
	// Include asks for more: "scim" (SCIM IDs), "mocks:deactivated".
	Include string `url:"include,omitempty"`
	// ElementType ("collection" or "specification") and ElementID find the
	// workspace holding one element; for collections, ElementID is the UID.
	ElementType string `url:"elementType,omitempty"`
	ElementID   string `url:"elementId,omitempty"`
	CursorOptions
}

// WorkspaceGetOptions asks Get for more.
type WorkspaceGetOptions struct {
	// Include lists extras: "team", "scim", "mocks:deactivated".
	Include []string `url:"include,omitempty,comma"`
}

// List returns the workspaces the user can access. Postman returns every
// workspace at once unless Limit is set; then Response.NextCursor points
// to the next page. ListIter pages for you.
//
//postman:operation GET /workspaces
func (s *WorkspacesService) List(ctx context.Context, opts *WorkspaceListOptions) ([]*Workspace, *Response, error) {
	var root struct {
		Workspaces []*Workspace `json:"workspaces"`
		Meta       pageMeta     `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/workspaces", query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return root.Workspaces, resp, nil
}

// ListIter iterates over the workspaces the user can access, one page in
// memory at a time (100 per page unless opts.Limit says otherwise).
func (s *WorkspacesService) ListIter(ctx context.Context, opts *WorkspaceListOptions) iter.Seq2[*Workspace, error] {
	return cursorIter(ctx, opts, defaultIterLimit, s.List)
}

// Get returns a workspace with the lists of its elements.
//
//postman:operation GET /workspaces/{workspaceId}
func (s *WorkspacesService) Get(ctx context.Context, workspaceID string, opts *WorkspaceGetOptions) (*Workspace, *Response, error) {
	path, err := pathf("/workspaces/{workspaceID}", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Workspace *Workspace `json:"workspace"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path, query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Workspace, resp, nil
}

// WorkspaceCreateParams describes a new workspace.
type WorkspaceCreateParams struct {
	// Name is required. Public team workspace names must be unique.
	Name string `json:"name"`
	// Type is required. Private and partner workspaces need a Team or
	// Enterprise plan.
	Type        WorkspaceType `json:"type"`
	Description string        `json:"description,omitempty"`
	About       string        `json:"about,omitempty"`
	// TeamID must be set when Postman Organizations is enabled, to say
	// which team of the organization owns the workspace.
	TeamID string `json:"teamId,omitempty"`
}

// WorkspaceUpdateParams changes the properties that are set; nil fields
// are left as they are.
type WorkspaceUpdateParams struct {
	Name *string `json:"name,omitempty"`
	// Type changes the visibility. Free and Solo plans cannot switch
	// between private and public or from private to personal, and team
	// users cannot switch from public to personal.
	Type        *WorkspaceType `json:"type,omitempty"`
	Description *string        `json:"description,omitempty"`
	About       *string        `json:"about,omitempty"`
}

// Create creates a workspace and returns its ID and name.
//
// Private and partner workspaces are available on Team and Enterprise
// plans. Admins can forbid users to create workspaces, or require approval
// for team workspaces: Postman answers 403 then (errors.Is ErrForbidden).
// Publishing public workspaces has its own, unpublished rate limit. When
// Postman Organizations is enabled, set TeamID.
//
//postman:operation POST /workspaces
func (s *WorkspacesService) Create(ctx context.Context, req WorkspaceCreateParams) (*Workspace, *Response, error) {
	body := struct {
		Workspace WorkspaceCreateParams `json:"workspace"`
	}{req}
	var root struct {
		Workspace *Workspace `json:"workspace"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: "/workspaces", body: body}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Workspace, resp, nil
}

// Update changes a workspace's name, visibility, description or summary,
// and returns its ID and name.
//
// Publishing public workspaces has its own, unpublished rate limit.
//
//postman:operation PUT /workspaces/{workspaceId}
func (s *WorkspacesService) Update(ctx context.Context, workspaceID string, req WorkspaceUpdateParams) (*Workspace, *Response, error) {
	path, err := pathf("/workspaces/{workspaceID}", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	body := struct {
		Workspace WorkspaceUpdateParams `json:"workspace"`
	}{req}
	var root struct {
		Workspace *Workspace `json:"workspace"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPut, path: path, body: body}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Workspace, resp, nil
}

// Delete deletes a workspace and everything in it.
//
// Postman documents its answer for an unknown workspace as 400
// instanceNotFoundError, not 404; the error matches ErrNotFound either
// way, and the cleanup of CreateTemporary treats it as already deleted.
//
//postman:operation DELETE /workspaces/{workspaceId}
func (s *WorkspacesService) Delete(ctx context.Context, workspaceID string) (*Response, error) {
	path, err := pathf("/workspaces/{workspaceID}", workspaceID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
}
