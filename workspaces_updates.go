package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"strconv"
)

// WorkspaceUpdateCategory is the category of a workspace update.
type WorkspaceUpdateCategory string

// Workspace update categories.
const (
	WorkspaceUpdateImprovement    WorkspaceUpdateCategory = "improvement"
	WorkspaceUpdateNewFeature     WorkspaceUpdateCategory = "new_feature"
	WorkspaceUpdateBugFix         WorkspaceUpdateCategory = "bug_fix"
	WorkspaceUpdateBreakingChange WorkspaceUpdateCategory = "breaking_change"
	WorkspaceUpdateAnnouncement   WorkspaceUpdateCategory = "announcement"
)

// WorkspaceUpdateResourceType is the kind of element a workspace update
// links to.
type WorkspaceUpdateResourceType string

// Kinds of element a workspace update links to.
const (
	WorkspaceUpdateResourceCollection               WorkspaceUpdateResourceType = "collection"
	WorkspaceUpdateResourceRequest                  WorkspaceUpdateResourceType = "request"
	WorkspaceUpdateResourceResponse                 WorkspaceUpdateResourceType = "response"
	WorkspaceUpdateResourceFolder                   WorkspaceUpdateResourceType = "folder"
	WorkspaceUpdateResourceExtensibleCollection     WorkspaceUpdateResourceType = "extensibleCollection"
	WorkspaceUpdateResourceExtensibleCollectionItem WorkspaceUpdateResourceType = "extensibleCollectionItem"
)

// WorkspaceUpdate is a workspace update: a post that tells the watchers of
// a workspace about new features, fixes, breaking changes or news.
type WorkspaceUpdate struct {
	ID          int64                   `json:"id"`
	WorkspaceID string                  `json:"workspaceId"`
	Topic       string                  `json:"topic"`
	Description string                  `json:"description"`
	Category    WorkspaceUpdateCategory `json:"category"`
	// IsPinned keeps the update at the top of the workspace's list.
	IsPinned bool `json:"isPinned"`
	// RelatedResources link the update to up to 10 elements.
	RelatedResources []WorkspaceUpdateResource `json:"relatedResources,omitempty"`
	// CreatedBy is the author. Lists and Get describe the user; Create
	// and PatchUpdate only give the user ID.
	CreatedBy WorkspaceUpdateAuthor `json:"createdBy"`
	// UpdatedBy is the user ID of the last editor.
	UpdatedBy int64     `json:"updatedBy,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
}

// WorkspaceUpdateAuthor is the user who wrote a workspace update.
type WorkspaceUpdateAuthor struct {
	ID       int64  `json:"id"`
	Name     string `json:"name,omitempty"`
	Username string `json:"username,omitempty"`
}

// UnmarshalJSON reads both forms Postman sends: a user object, or the
// bare user ID that Create and PatchUpdate answer with.
func (a *WorkspaceUpdateAuthor) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] != '{' {
		*a = WorkspaceUpdateAuthor{}
		if string(data) == "null" {
			return nil
		}
		return json.Unmarshal(data, &a.ID)
	}
	type plain WorkspaceUpdateAuthor
	return json.Unmarshal(data, (*plain)(a))
}

// WorkspaceUpdateResource is an element a workspace update links to.
type WorkspaceUpdateResource struct {
	Resource   WorkspaceUpdateResourceType `json:"resource"`
	ResourceID string                      `json:"resourceId"`
}

// WorkspaceUpdateListOptions filters and pages ListUpdates. Postman
// chooses the page size.
type WorkspaceUpdateListOptions struct {
	// Categories keeps only updates of these categories.
	Categories []WorkspaceUpdateCategory `url:"category,omitempty,comma"`
	// Cursor is the position of the page ("" for the first).
	Cursor string `url:"cursor,omitempty"`
}

func (o *WorkspaceUpdateListOptions) cursorPage() (*string, *int) { return &o.Cursor, nil }

// WorkspaceUpdateCreateParams is a new workspace update.
type WorkspaceUpdateCreateParams struct {
	Topic       string                  `json:"topic"`
	Description string                  `json:"description"`
	Category    WorkspaceUpdateCategory `json:"category"`
	// RelatedResources link the update to up to 10 elements.
	RelatedResources []WorkspaceUpdateResource `json:"relatedResources,omitempty"`
}

// WorkspaceUpdatePatchParams changes a workspace update. Postman requires
// the topic, description and category on every change; IsPinned and
// RelatedResources are left as they are when nil (a non-nil empty
// RelatedResources removes every link).
type WorkspaceUpdatePatchParams struct {
	Topic            string                    `json:"topic"`
	Description      string                    `json:"description"`
	Category         WorkspaceUpdateCategory   `json:"category"`
	IsPinned         *bool                     `json:"isPinned,omitempty"`
	RelatedResources []WorkspaceUpdateResource `json:"relatedResources,omitzero"`
}

// workspaceUpdatePath is the path of one workspace update.
func workspaceUpdatePath(workspaceID string, updateID int64) (string, error) {
	return pathf("/workspaces/{workspaceID}/updates/{updateID}", workspaceID, strconv.FormatInt(updateID, 10))
}

// ListUpdates returns a page of a workspace's updates; Response.NextCursor
// points to the next page. ListUpdatesIter pages for you.
//
//postman:operation GET /workspaces/{workspaceId}/updates
func (s *WorkspacesService) ListUpdates(ctx context.Context, workspaceID string, opts *WorkspaceUpdateListOptions) ([]*WorkspaceUpdate, *Response, error) {
	path, err := pathf("/workspaces/{workspaceID}/updates", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	return getPage[WorkspaceUpdate](ctx, s.client, path, opts)
}

// ListUpdatesIter iterates over a workspace's updates, one page in memory
// at a time. Each page is a call under the limit of workspace
// updates.
func (s *WorkspacesService) ListUpdatesIter(ctx context.Context, workspaceID string, opts *WorkspaceUpdateListOptions) iter.Seq2[*WorkspaceUpdate, error] {
	if opts != nil {
		// The iterator keeps the filter it was made with, even if the
		// caller reuses the slice.
		o := *opts
		o.Categories = append([]WorkspaceUpdateCategory(nil), opts.Categories...)
		opts = &o
	}
	return cursorIter(ctx, opts, 0, func(ctx context.Context, o *WorkspaceUpdateListOptions) ([]*WorkspaceUpdate, *Response, error) {
		return s.ListUpdates(ctx, workspaceID, o)
	})
}

// CreateUpdate posts a workspace update to the workspace's watchers.
// Postman refuses content that violates its terms of service with 422.
//
//postman:operation POST /workspaces/{workspaceId}/updates
func (s *WorkspacesService) CreateUpdate(ctx context.Context, workspaceID string, req WorkspaceUpdateCreateParams) (*WorkspaceUpdate, *Response, error) {
	path, err := pathf("/workspaces/{workspaceID}/updates", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	u := new(WorkspaceUpdate)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: path, body: req}, u)
	if err != nil {
		return nil, resp, err
	}
	return u, resp, nil
}

// GetUpdate returns a workspace update.
//
//postman:operation GET /workspaces/{workspaceId}/updates/{updateId}
func (s *WorkspacesService) GetUpdate(ctx context.Context, workspaceID string, updateID int64) (*WorkspaceUpdate, *Response, error) {
	path, err := workspaceUpdatePath(workspaceID, updateID)
	if err != nil {
		return nil, nil, err
	}
	u := new(WorkspaceUpdate)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, u)
	if err != nil {
		return nil, resp, err
	}
	return u, resp, nil
}

// PatchUpdate changes a workspace update (a JSON merge patch) and returns
// it.
//
//postman:operation PATCH /workspaces/{workspaceId}/updates/{updateId}
func (s *WorkspacesService) PatchUpdate(ctx context.Context, workspaceID string, updateID int64, req WorkspaceUpdatePatchParams) (*WorkspaceUpdate, *Response, error) {
	path, err := workspaceUpdatePath(workspaceID, updateID)
	if err != nil {
		return nil, nil, err
	}
	u := new(WorkspaceUpdate)
	r := &request{method: http.MethodPatch, path: path, body: req, contentType: "application/merge-patch+json"}
	resp, err := s.client.do(ctx, r, u)
	if err != nil {
		return nil, resp, err
	}
	return u, resp, nil
}

// DeleteUpdate deletes a workspace update.
//
//postman:operation DELETE /workspaces/{workspaceId}/updates/{updateId}
func (s *WorkspacesService) DeleteUpdate(ctx context.Context, workspaceID string, updateID int64) (*Response, error) {
	path, err := workspaceUpdatePath(workspaceID, updateID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
}
