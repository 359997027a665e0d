package postmantest_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestPrivateNetworkRequestsAndWorkspaces(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	billing := srv.AddWorkspace(postmantest.Workspace{Name: "Billing", About: "Billing APIs"})
	drafts := srv.AddWorkspace(postmantest.Workspace{Name: "Drafts"})
	team := srv.Workspaces()[1].ID
	approve := srv.AddNetworkRequest(postmantest.NetworkRequest{WorkspaceID: billing, Message: "Please add", RequestedBy: 87654321})
	deny := srv.AddNetworkRequest(postmantest.NetworkRequest{WorkspaceID: drafts})
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	pending, resp, err := c.Network.ListAddRequests(ctx, &postman.NetworkAddRequestListOptions{Status: postman.NetworkRequestPending, OffsetOptions: postman.OffsetOptions{Limit: 1}})
	require.NoError(t, err)
	require.Len(t, pending, 1)
	assert.Equal(t, 2, resp.Total)
	assert.Equal(t, "Billing", pending[0].Element.Name)
	assert.Equal(t, "Billing APIs", pending[0].Element.Summary)
	assert.Equal(t, int64(87654321), pending[0].CreatedBy)

	got, _, err := c.Network.ApproveAddRequest(ctx, strconv.FormatInt(approve, 10))
	require.NoError(t, err)
	assert.Equal(t, postman.NetworkRequestApproved, got.Status)
	got, _, err = c.Network.DenyAddRequest(ctx, strconv.FormatInt(deny, 10), "Add a summary first.")
	require.NoError(t, err)
	require.NotNil(t, got.Response)
	assert.Equal(t, "Add a summary first.", got.Response.Message)
	_, _, err = c.Network.ApproveAddRequest(ctx, strconv.FormatInt(deny, 10))
	assert.Error(t, err, "an answered request cannot be answered again")
	reqs := srv.NetworkRequests()
	assert.Equal(t, "approved", reqs[0].Status)
	assert.Equal(t, "denied", reqs[1].Status)
	left, _, err := c.Network.ListAddRequests(ctx, nil)
	require.NoError(t, err)
	require.Len(t, left, 1, "approved requests leave the list")
	assert.Equal(t, postman.NetworkRequestDenied, left[0].Status)

	added, _, err := c.Network.AddWorkspace(ctx, team)
	require.NoError(t, err)
	assert.Equal(t, "Team Workspace", added.Name)
	assert.Equal(t, []string{billing, team}, srv.NetworkWorkspaces())

	var names []string
	for ws, err := range c.Network.ListIter(ctx, &postman.NetworkListOptions{Direction: postman.NetworkDescending, Sort: postman.NetworkSortCreatedAt, OffsetOptions: postman.OffsetOptions{Limit: 1}}) {
		require.NoError(t, err)
		names = append(names, ws.Name)
	}
	assert.Equal(t, []string{"Team Workspace", "Billing"}, names)

	_, err = c.Network.RemoveWorkspace(ctx, billing)
	require.NoError(t, err)
	_, err = c.Network.RemoveWorkspace(ctx, billing)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, _, err = c.Network.AddWorkspace(ctx, "00000000-0000-4000-8000-000000000000")
	assert.ErrorIs(t, err, postman.ErrNotFound)
	assert.Equal(t, []string{team}, srv.NetworkWorkspaces())
}

func TestNetworkUpdateWorkspace(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	team := srv.Workspaces()[1].ID
	srv.PublishToNetwork(team)
	c := newClient(t, srv, "any-key")

	//lint:ignore SA1019 the fake serves the deprecated endpoint
	_, err := c.Network.UpdateWorkspace(t.Context(), team, postman.NetworkWorkspaceUpdateParams{ParentFolderID: 0})
	require.NoError(t, err)
	assert.Equal(t, []string{team}, srv.NetworkWorkspaces(), "the workspace stays published")

	//lint:ignore SA1019 the fake serves the deprecated endpoint
	_, err = c.Network.UpdateWorkspace(t.Context(), srv.Workspaces()[0].ID, postman.NetworkWorkspaceUpdateParams{})
	assert.ErrorIs(t, err, postman.ErrNotFound, "only a published workspace can move")
}
