package postman

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestWorkspacesCreateSendsEnvelope(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ws, _, err := c.Workspaces.Create(t.Context(), WorkspaceCreateParams{Name: "Team Workspace", Type: WorkspaceTeam, About: "Team workspace."})
	require.NoError(t, err)
	assert.Equal(t, workspaceTestID, ws.ID)
	assert.Equal(t, "Team Workspace", ws.Name)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPost, req.Method)
	assert.JSONEq(t, `{"workspace":{"name":"Team Workspace","type":"team","about":"Team workspace."}}`, string(body))
}

func TestWorkspacesUpdateSendsOnlySetFields(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ws, _, err := c.Workspaces.Update(t.Context(), workspaceTestID, WorkspaceUpdateParams{Description: Ptr("")})
	require.NoError(t, err)
	assert.Equal(t, "Test Workspace", ws.Name)
	req, body := h.LastRequest()
	assert.Equal(t, "/workspaces/"+workspaceTestID, req.URL.Path)
	assert.JSONEq(t, `{"workspace":{"description":""}}`, string(body), "a pointer to an empty string clears the field")
}

func TestWorkspacesCreateForbidden(t *testing.T) {
	h := conformance.New(t)
	h.Status("createWorkspace", http.StatusForbidden)
	c := newTestClient(t, h.URL)
	ws, cleanup, err := c.Workspaces.CreateTemporary(t.Context(), WorkspaceCreateParams{Name: "ci", Type: WorkspaceTeam})
	require.ErrorIs(t, err, ErrForbidden)
	assert.Nil(t, ws)
	assert.Nil(t, cleanup)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "forbiddenError", apiErr.Name)
	assert.Equal(t, []string{"createWorkspace"}, h.Ran(), "nothing to clean up after a failed create")
}

func TestWorkspacesTemporaryCleansUpAfterContextEnds(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx, cancel := context.WithCancel(t.Context())
	ws, cleanup, err := c.Workspaces.CreateTemporary(ctx, WorkspaceCreateParams{Name: "ci-42", Type: WorkspacePersonal})
	require.NoError(t, err)
	assert.Equal(t, workspaceTestID, ws.ID)

	cancel() // the job's context is over by the time cleanups run
	require.NoError(t, cleanup(ctx))
	req, _ := h.LastRequest()
	assert.Equal(t, http.MethodDelete, req.Method)
	assert.Equal(t, "/workspaces/"+workspaceTestID, req.URL.Path)

	require.NoError(t, cleanup(ctx), "a second cleanup is a no-op")
	// A nil context is tolerated, as deferred code may pass one.
	require.NoError(t, cleanup(nil))
	assert.Equal(t, []string{"createWorkspace", "deleteWorkspace"}, h.Ran())
}

func TestWorkspacesTemporaryCleanupRetriesAfterFailure(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, cleanup, err := c.Workspaces.CreateTemporary(t.Context(), WorkspaceCreateParams{Name: "ci-42", Type: WorkspaceTeam})
	require.NoError(t, err)

	h.Status("deleteWorkspace", http.StatusUnauthorized)
	require.ErrorIs(t, cleanup(t.Context()), ErrUnauthorized)
	h.Status("deleteWorkspace", http.StatusOK)
	require.NoError(t, cleanup(t.Context()), "the next call tries again")
	require.NoError(t, cleanup(t.Context()))
	assert.Equal(t, []string{"createWorkspace", "deleteWorkspace", "deleteWorkspace"}, h.Ran())
}

func TestWorkspacesTemporaryCleanupToleratesAlreadyDeleted(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, cleanup, err := c.Workspaces.CreateTemporary(t.Context(), WorkspaceCreateParams{Name: "ci-42", Type: WorkspaceTeam})
	require.NoError(t, err)
	h.Status("deleteWorkspace", http.StatusBadRequest) // the documented instanceNotFoundError
	require.NoError(t, cleanup(t.Context()))
	require.NoError(t, cleanup(t.Context()))
	assert.Len(t, h.Ran(), 2)
}

func TestWorkspacesTemporaryRefusesAnswerWithoutID(t *testing.T) {
	h := conformance.New(t)
	h.Respond("createWorkspace", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"workspace":{"name":"ci-42"}}`))
	})
	c := newTestClient(t, h.URL)
	ws, cleanup, err := c.Workspaces.CreateTemporary(t.Context(), WorkspaceCreateParams{Name: "ci-42", Type: WorkspaceTeam})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "ci-42")
	assert.Nil(t, ws)
	assert.Nil(t, cleanup)
}

func TestWorkspacesDeleteRejectsBadIDsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	for _, id := range []string{"", ".", ".."} {
		_, err := c.Workspaces.Delete(t.Context(), id)
		assert.ErrorIs(t, err, ErrInvalidArgument)
	}
	assert.Empty(t, h.Ran())
}
