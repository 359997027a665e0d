package postman

import (
	"context"
	"iter"
)

// WorkspaceActivityAction is what happened in a workspace activity.
type WorkspaceActivityAction string

// Workspace activity actions.
const (
	WorkspaceActivityCreate  WorkspaceActivityAction = "create"
	WorkspaceActivityUpdate  WorkspaceActivityAction = "update"
	WorkspaceActivityDestroy WorkspaceActivityAction = "destroy"
)

// WorkspaceElementType names a kind of Postman element in a workspace, as
// the activity feed and element transfers write it.
type WorkspaceElementType string

// Workspace element types.
const (
	WorkspaceElementCollection  WorkspaceElementType = "collection"
	WorkspaceElementEnvironment WorkspaceElementType = "environment"
	WorkspaceElementMock        WorkspaceElementType = "mock"
	WorkspaceElementMonitor     WorkspaceElementType = "monitor"
	WorkspaceElementAPI         WorkspaceElementType = "api"
	WorkspaceElementFlow        WorkspaceElementType = "flow"
	// WorkspaceElementWorkspace is the workspace itself (renames,
	// visibility changes, members joining or leaving).
	WorkspaceElementWorkspace WorkspaceElementType = "workspace"
)

// WorkspaceActivity is one entry of a workspace's activity feed: who
// added, changed or removed an element, or joined or left the workspace.
type WorkspaceActivity struct {
	ID          int64                   `json:"id"`
	WorkspaceID string                  `json:"workspaceId"`
	User        WorkspaceActivityUser   `json:"user"`
	Action      WorkspaceActivityAction `json:"action"`
	// Trigger is the finer cause of the action: "create", "update",
	// "destroy", "update_visibility", "add_user_role" …
	Trigger     string               `json:"trigger,omitempty"`
	ElementType WorkspaceElementType `json:"elementType"`
	// ElementID is the element's ID (a UID for collections).
	ElementID   string    `json:"elementId,omitempty"`
	ElementName string    `json:"elementName,omitempty"`
	CreatedAt   Timestamp `json:"createdAt,omitzero"`
	UpdatedAt   Timestamp `json:"updatedAt,omitzero"`
}

// WorkspaceActivityUser is the user behind a workspace activity.
type WorkspaceActivityUser struct {
	ID       int64  `json:"id"`
	Username string `json:"username"`
	Name     string `json:"name,omitempty"`
	// IsPartner is true for users from a partner team.
	IsPartner bool `json:"isPartner"`
}

// WorkspaceActivityListOptions filters and pages Activities.
type WorkspaceActivityListOptions struct {
	// UserID keeps only the activities of one user.
	UserID int64 `url:"userId,omitempty"`
	// ElementTypes keeps only activities on these kinds of element.
	// Postman's description documents a comma-separated list but declares
	// a single value: pass one type to stay within it.
	ElementTypes []WorkspaceElementType `url:"elementType,omitempty,comma"`
	// Cursor and Limit page the feed (Postman's default page is 15).
	CursorOptions
}

// ListActivities returns a page of a workspace's activity feed, newest first;
// Response.NextCursor points to the next page. ListActivitiesIter pages for
// you.
//
//postman:operation GET /workspaces/{workspaceId}/activities
func (s *WorkspacesService) ListActivities(ctx context.Context, workspaceID string, opts *WorkspaceActivityListOptions) ([]*WorkspaceActivity, *Response, error) {
	path, err := pathf("/workspaces/{workspaceID}/activities", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	return getPage[WorkspaceActivity](ctx, s.client, path, opts)
}

// ListActivitiesIter iterates over a workspace's activity feed, one page in
// memory at a time. Postman does not document a maximum page size here,
// so unless opts.Limit is set the server's default (15) applies.
func (s *WorkspacesService) ListActivitiesIter(ctx context.Context, workspaceID string, opts *WorkspaceActivityListOptions) iter.Seq2[*WorkspaceActivity, error] {
	if opts != nil {
		// The iterator keeps the filter it was made with, even if the
		// caller reuses the slice.
		o := *opts
		o.ElementTypes = append([]WorkspaceElementType(nil), opts.ElementTypes...)
		opts = &o
	}
	return cursorIter(ctx, opts, 0, func(ctx context.Context, o *WorkspaceActivityListOptions) ([]*WorkspaceActivity, *Response, error) {
		return s.ListActivities(ctx, workspaceID, o)
	})
}
