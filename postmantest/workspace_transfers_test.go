package postmantest_test

import (
	"strconv"
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

	moved, _, err := c.Workspaces.TransferElement(ctx, team, postman.WorkspaceElementTransferParams{ID: uid(id), Type: postman.WorkspaceElementCollection, To: platform})
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
	acts, _, err := c.Workspaces.ListActivities(ctx, platform, nil)
	require.NoError(t, err)
	require.Len(t, acts, 1)
	assert.Equal(t, "transfer", acts[0].Trigger)

	// From personal to team is allowed, not back.
	_, _, err = c.Workspaces.TransferElement(ctx, personal, postman.WorkspaceElementTransferParams{ID: env, Type: postman.WorkspaceElementEnvironment, To: team})
	require.NoError(t, err)
	got, _, err := c.Environments.Get(ctx, env)
	require.NoError(t, err)
	assert.Equal(t, "Staging", got.Name)
	_, _, err = c.Workspaces.TransferElement(ctx, team, postman.WorkspaceElementTransferParams{ID: env, Type: postman.WorkspaceElementEnvironment, To: personal})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Cannot move elements from team level workspace to personal", apiErr.Detail)

	// Monitors (and mocks and APIs) move the same way.
	monitor := srv.AddMonitor(postmantest.Monitor{Name: "Nightly", WorkspaceID: team})
	_, _, err = c.Workspaces.TransferElement(ctx, team, postman.WorkspaceElementTransferParams{ID: monitor, Type: postman.WorkspaceElementMonitor, To: platform})
	require.NoError(t, err)
	assert.Equal(t, platform, srv.Monitors()[0].WorkspaceID)
	assert.Equal(t, "create monitor Nightly", feed(t, c, platform, nil)[0])

	// The element must be in the workspace of the path.
	_, _, err = c.Workspaces.TransferElement(ctx, personal, postman.WorkspaceElementTransferParams{ID: env, Type: postman.WorkspaceElementEnvironment, To: platform})
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, _, err = c.Workspaces.TransferElement(ctx, team, postman.WorkspaceElementTransferParams{ID: env, Type: postman.WorkspaceElementEnvironment, To: "00000000-0000-4000-8000-000000000000"})
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, _, err = c.Workspaces.TransferElement(ctx, team, postman.WorkspaceElementTransferParams{ID: "68640e3433ea760031f7b16c", Type: postman.WorkspaceElementFlow, To: platform})
	assert.ErrorIs(t, err, postman.ErrNotFound, "the fake stores no flows")
}

func TestTransferWorkspaceToTeam(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	team := srv.Workspaces()[1].ID
	srv.SetWorkspaceRoles(team, postmantest.WorkspaceRole{ID: "3", Users: []string{fakeUserIDStr, "87654321"}})
	platform := srv.AddTeam(postmantest.Team{Name: "Platform", Members: []postmantest.TeamMember{
		{EntityType: "user", EntityID: "87654321", Role: "TEAM_MANAGER"}, {EntityType: "user", EntityID: fakeUserIDStr, Role: "TEAM_DEVELOPER"}}})
	elsewhere := srv.AddTeam(postmantest.Team{Name: "Acquired", OrganizationID: 2})
	c := newClient(t, srv, "any-key")
	ctx := t.Context()
	own, dest := "123", strconv.FormatInt(platform, 10)

	moved, _, err := c.Workspaces.TransferToTeam(ctx, team, postman.WorkspaceTransferParams{Source: own, Destination: dest})
	require.NoError(t, err)
	assert.Equal(t, postman.WorkspaceTransfer{ID: team, Source: own, Destination: dest}, *moved)
	list, _, err := c.Workspaces.List(ctx, nil)
	require.NoError(t, err)
	for _, ws := range list {
		assert.NotEqual(t, team, ws.ID, "the workspace left the user's team")
	}
	assert.Equal(t, []postmantest.WorkspaceRole{{ID: "3", Users: []string{"87654321"}}}, srv.WorkspaceRoles(team),
		"an Admin who is no admin of the destination team loses the role")

	// It belongs to Platform now: only Platform can give it away.
	_, _, err = c.Workspaces.TransferToTeam(ctx, team, postman.WorkspaceTransferParams{Source: own, Destination: dest})
	assert.ErrorIs(t, err, postman.ErrForbidden)
	_, _, err = c.Workspaces.TransferToTeam(ctx, team, postman.WorkspaceTransferParams{Source: dest, Destination: strconv.FormatInt(elsewhere, 10)})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode, "teams of another organization cannot take it")
	_, _, err = c.Workspaces.TransferToTeam(ctx, team, postman.WorkspaceTransferParams{Source: dest, Destination: "999999"})
	assert.ErrorIs(t, err, postman.ErrNotFound)

	_, _, err = c.Workspaces.TransferToTeam(ctx, team, postman.WorkspaceTransferParams{Source: dest, Destination: own})
	require.NoError(t, err)
	_, _, err = c.Workspaces.Get(ctx, team, nil)
	require.NoError(t, err)
	list, _, err = c.Workspaces.List(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, list, 2, "back in the user's team")
}
