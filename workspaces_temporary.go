package postman

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// workspaceCleanupTimeout bounds the deletion done by a CreateTemporary
// workspace's cleanup, which runs even after the caller's context ended.
const workspaceCleanupTimeout = 30 * time.Second

// CreateTemporary creates a workspace for the length of a test or a CI job and
// returns it with a cleanup function that deletes it.
//
// The cleanup is meant for defer or t.Cleanup: it deletes the workspace
// even when the context it is given is already cancelled (a test's
// t.Context() is, by the time cleanups run), within 30 seconds. It is
// idempotent: once the workspace is deleted, or found already gone,
// further calls do nothing and return nil; after a failed attempt, the
// next call tries again.
//
//	ws, cleanup, err := client.Workspaces.CreateTemporary(ctx, postman.WorkspaceCreateParams{
//		Name: "ci-" + runID, Type: postman.WorkspaceTeam,
//	})
//	if err != nil { … }
//	defer cleanup(ctx)
//
//postman:operation POST /workspaces
//postman:operation DELETE /workspaces/{workspaceId}
func (s *WorkspacesService) CreateTemporary(ctx context.Context, req WorkspaceCreateParams) (*Workspace, func(context.Context) error, error) {
	ws, _, err := s.Create(ctx, req)
	if err != nil {
		return nil, nil, err
	}
	if ws == nil || ws.ID == "" {
		return nil, nil, fmt.Errorf("postman: POST /workspaces: the answer holds no workspace ID, so the workspace %q could not be cleaned up; delete it by hand", req.Name)
	}
	id := ws.ID
	var (
		mu   sync.Mutex
		done bool
	)
	cleanup := func(ctx context.Context) error {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return nil
		}
		if ctx == nil {
			ctx = context.Background()
		}
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), workspaceCleanupTimeout)
		defer cancel()
		if _, err := s.Delete(ctx, id); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		done = true
		return nil
	}
	return ws, cleanup, nil
}
