package postman

import (
	"context"
	"iter"
	"net/http"
)

// ForkedEnvironment is an environment fork as ForkEnvironment creates it.
type ForkedEnvironment struct {
	// UID is the new environment's unique ID, the form merges and pulls
	// take.
	UID string `json:"uid"`
	// Name is the environment's name, which the fork keeps.
	Name string `json:"name"`
	// ForkName is the fork's label.
	ForkName string `json:"forkName"`
}

// EnvironmentForkParams is what ForkEnvironment needs.
type EnvironmentForkParams struct {
	// WorkspaceID is the workspace that receives the fork (required).
	WorkspaceID string
	// Label names the fork (required); the environment keeps its name.
	Label string
}

type forkEnvironmentQuery struct {
	WorkspaceID string `url:"workspaceId"`
}

type forkEnvironmentBody struct {
	ForkName string `json:"forkName"`
}

// ForkEnvironment forks an environment into a workspace and returns the
// new environment.
//
//postman:operation POST /environments/{environmentId}/forks
func (s *ForksService) ForkEnvironment(ctx context.Context, environmentUID string, req EnvironmentForkParams) (*ForkedEnvironment, *Response, error) {
	path, err := pathf("/environments/{environmentUID}/forks", environmentUID)
	if err != nil {
		return nil, nil, err
	}
	if err := requireArg("ForkEnvironment", "WorkspaceID", req.WorkspaceID); err != nil {
		return nil, nil, err
	}
	var root struct {
		Environment *ForkedEnvironment `json:"environment"`
	}
	resp, err := s.client.do(ctx, &request{
		method: http.MethodPost,
		path:   path,
		query:  forkEnvironmentQuery{WorkspaceID: req.WorkspaceID},
		body:   forkEnvironmentBody{ForkName: req.Label},
	}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Environment, resp, nil
}

// ForkEnvironmentSort is what ListEnvironmentForks sorts by.
type ForkEnvironmentSort string

// ForkSortCreatedAt sorts environment forks by creation date, the only
// order Postman documents.
const ForkSortCreatedAt ForkEnvironmentSort = "createdAt"

// EnvironmentForkListOptions sort and page ListEnvironmentForks.
type EnvironmentForkListOptions struct {
	// Sort and Direction order the forks.
	Sort      ForkEnvironmentSort `url:"sort,omitempty"`
	Direction ForkDirection       `url:"direction,omitempty"`
	// CursorOptions page the list; Postman sends 10 forks per page unless
	// Limit says otherwise.
	CursorOptions
}

// ListEnvironmentForks returns a page of the forks of an environment.
// Response.NextCursor points to the next page and Response.Total counts
// every fork; ListEnvironmentForksIter pages for you.
//
//postman:operation GET /environments/{environmentId}/forks
func (s *ForksService) ListEnvironmentForks(ctx context.Context, environmentUID string, opts *EnvironmentForkListOptions) ([]*Fork, *Response, error) {
	path, err := pathf("/environments/{environmentUID}/forks", environmentUID)
	if err != nil {
		return nil, nil, err
	}
	return getPage[Fork](ctx, s.client, path, opts)
}

// ListEnvironmentForksIter iterates over the forks of an environment, one
// page in memory at a time (100 per page unless opts.Limit says otherwise).
func (s *ForksService) ListEnvironmentForksIter(ctx context.Context, environmentUID string, opts *EnvironmentForkListOptions) iter.Seq2[*Fork, error] {
	return cursorIter(ctx, opts, defaultIterLimit, func(ctx context.Context, o *EnvironmentForkListOptions) ([]*Fork, *Response, error) {
		return s.ListEnvironmentForks(ctx, environmentUID, o)
	})
}

// EnvironmentMergeParams is what MergeEnvironment needs.
type EnvironmentMergeParams struct {
	// Source is the UID of the fork whose values are merged.
	Source string `json:"source"`
	// DeleteSource deletes the fork once merged.
	DeleteSource bool `json:"deleteSource,omitempty"`
}

// MergedEnvironment is the environment a merge or a pull wrote to.
type MergedEnvironment struct {
	UID string `json:"uid"`
}

// MergeEnvironment merges a forked environment (req.Source) back into its
// parent, the environment environmentUID names, synchronously.
//
//postman:operation POST /environments/{environmentId}/merges
func (s *ForksService) MergeEnvironment(ctx context.Context, environmentUID string, req EnvironmentMergeParams) (*MergedEnvironment, *Response, error) {
	path, err := pathf("/environments/{environmentUID}/merges", environmentUID)
	if err != nil {
		return nil, nil, err
	}
	if err := requireArg("MergeEnvironment", "Source", req.Source); err != nil {
		return nil, nil, err
	}
	return s.environmentMerge(ctx, path, req)
}

// EnvironmentPullParams is what PullEnvironment needs.
type EnvironmentPullParams struct {
	// Source is the UID of the parent environment whose values are pulled.
	Source string `json:"source"`
}

// PullEnvironment pulls the changes of its parent environment (req.Source)
// into a forked environment, the one environmentUID names, synchronously.
//
//postman:operation POST /environments/{environmentUid}/pulls
func (s *ForksService) PullEnvironment(ctx context.Context, environmentUID string, req EnvironmentPullParams) (*MergedEnvironment, *Response, error) {
	path, err := pathf("/environments/{environmentUID}/pulls", environmentUID)
	if err != nil {
		return nil, nil, err
	}
	if err := requireArg("PullEnvironment", "Source", req.Source); err != nil {
		return nil, nil, err
	}
	return s.environmentMerge(ctx, path, req)
}

// environmentMerge posts a merge or pull body to path and unwraps the
// environment it wrote to.
func (s *ForksService) environmentMerge(ctx context.Context, path string, body any) (*MergedEnvironment, *Response, error) {
	var root struct {
		Environment *MergedEnvironment `json:"environment"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: path, body: body}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Environment, resp, nil
}
