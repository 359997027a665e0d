package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestTransferElementMovesBetweenWorkspaces(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	personal, team := srv.Workspaces()[0].ID, srv.Workspaces()[1].ID
	platform := srv.AddWorkspace(postmantest.Workspace{Name: "Platform"})
	id := srv.AddCollection(team, []byte(petsCollection))
	env := srv.AddEnvironment(personal, "Staging")
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	moved, _, err := c.Workspaces.TransferElement(ctx, team, postman.TransferWorkspaceElementRequest{ID: uid(id), Type: postman.WorkspaceElementCollection, To: platform})
	require.NoError(t, err)
	assert.Equal(t, postman.WorkspaceElementTransfer{ID: uid(id), Type: postman.WorkspaceElementCollection, From: team, To: platform}, *moved)
	in, _, err := c.Collections.List(ctx, &postman.CollectionListOptions{WorkspaceID: platform})
	require.NoError(t, err)
	require.Len(t, in, 1)
	assert.Equal(t, id, in[0].ID)
	left, _, err := c.Collections.List(ctx, &postman.CollectionListOptions{WorkspaceID: team})
	require.NoError(t, err)
	assert.Empty(t, left)

	// Both feeds record the move.
	assert.Equal(t, []string{"destroy collection Pets API", "create collection Pets API"}, feed(t, c, team, nil))
	acts, _, err := c.Workspaces.Activities(ctx, platform, nil)
	require.NoError(t, err)
	require.Len(t, acts, 1)
	assert.Equal(t, "transfer", acts[0].Trigger)

	// From personal to team is allowed, not back.
	_, _, err = c.Workspaces.TransferElement(ctx, personal, postman.TransferWorkspaceElementRequest{ID: env, Type: postman.WorkspaceElementEnvironment, To: team})
	require.NoError(t, err)
	got, _, err := c.Environments.Get(ctx, env)
	require.NoError(t, err)
	assert.Equal(t, "Staging", got.Name)
	_, _, err = c.Workspaces.TransferElement(ctx, team, postman.TransferWorkspaceElementRequest{ID: env, Type: postman.WorkspaceElementEnvironment, To: personal})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Cannot move elements from team level workspace to personal", apiErr.Detail)

	// The element must be in the workspace of the path.
	_, _, err = c.Workspaces.TransferElement(ctx, personal, postman.TransferWorkspaceElementRequest{ID: env, Type: postman.WorkspaceElementEnvironment, To: platform})
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, _, err = c.Workspaces.TransferElement(ctx, team, postman.TransferWorkspaceElementRequest{ID: env, Type: postman.WorkspaceElementEnvironment, To: "00000000-0000-4000-8000-000000000000"})
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, _, err = c.Workspaces.TransferElement(ctx, team, postman.TransferWorkspaceElementRequest{ID: "68640e3433ea760031f7b16c", Type: postman.WorkspaceElementFlow, To: platform})
	assert.ErrorIs(t, err, postman.ErrNotFound, "the fake stores no flows")
}
