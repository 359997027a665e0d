package postmantest_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestWorkspaceUpdatesLifecycle(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	team := srv.Workspaces()[1].ID
	collection := srv.AddCollection(team, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	created, _, err := c.Workspaces.CreateUpdate(ctx, team, postman.WorkspaceUpdateCreateParams{
		Topic: "API v1.0 released", Description: "The first stable version.", Category: postman.WorkspaceUpdateAnnouncement,
		RelatedResources: []postman.WorkspaceUpdateResource{{Resource: postman.WorkspaceUpdateResourceCollection, ResourceID: uid(collection)}}})
	require.NoError(t, err)
	assert.Equal(t, int64(fakeUserID), created.CreatedBy.ID)
	assert.Empty(t, created.CreatedBy.Username, "a creation gives only the author's ID")
	assert.False(t, created.IsPinned)
	assert.Equal(t, team, created.WorkspaceID)

	got, _, err := c.Workspaces.GetUpdate(ctx, team, created.ID)
	require.NoError(t, err)
	assert.Equal(t, "The first stable version.", got.Description)
	assert.Equal(t, "taylor-lee", got.CreatedBy.Username)
	assert.Equal(t, []postman.WorkspaceUpdateResource{{Resource: postman.WorkspaceUpdateResourceCollection, ResourceID: uid(collection)}}, got.RelatedResources)

	fix, _, err := c.Workspaces.CreateUpdate(ctx, team, postman.WorkspaceUpdateCreateParams{
		Topic: "Fixed pagination", Description: "Cursors no longer skip.", Category: postman.WorkspaceUpdateBugFix})
	require.NoError(t, err)
	assert.Greater(t, fix.ID, created.ID)

	// The description declares PATCH's body as application/json while
	// requiring the merge-patch content type, so its request cannot be
	// validated (see the SDK's PatchUpdateHeaderOnly).
	plain := newPlainClient(t, srv)
	pinned, _, err := plain.Workspaces.PatchUpdate(ctx, team, created.ID, postman.WorkspaceUpdatePatchParams{
		Topic: "API v1.0 released", Description: "The first stable version, now GA.", Category: postman.WorkspaceUpdateAnnouncement,
		IsPinned: postman.Ptr(true)})
	require.NoError(t, err)
	assert.True(t, pinned.IsPinned)
	assert.Len(t, pinned.RelatedResources, 1, "links left out stay")

	// Pinned first, then the newest.
	list, resp, err := c.Workspaces.ListUpdates(ctx, team, nil)
	require.NoError(t, err)
	assert.Empty(t, resp.NextCursor)
	require.Len(t, list, 2)
	assert.Equal(t, []int64{created.ID, fix.ID}, []int64{list[0].ID, list[1].ID})
	assert.Equal(t, "The first stable version, now GA.", list[0].Description)

	fixes, _, err := c.Workspaces.ListUpdates(ctx, team, &postman.WorkspaceUpdateListOptions{Categories: []postman.WorkspaceUpdateCategory{postman.WorkspaceUpdateBugFix}})
	require.NoError(t, err)
	require.Len(t, fixes, 1)
	assert.Equal(t, fix.ID, fixes[0].ID)

	_, err = c.Workspaces.DeleteUpdate(ctx, team, fix.ID)
	require.NoError(t, err)
	_, _, err = c.Workspaces.GetUpdate(ctx, team, fix.ID)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, err = c.Workspaces.DeleteUpdate(ctx, team, fix.ID)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, _, err = c.Workspaces.GetUpdate(ctx, srv.Workspaces()[0].ID, created.ID)
	assert.ErrorIs(t, err, postman.ErrNotFound, "an update belongs to its workspace")
	_, _, err = c.Workspaces.ListUpdates(ctx, "00000000-0000-4000-8000-000000000000", nil)
	assert.ErrorIs(t, err, postman.ErrNotFound)
}

func TestWorkspaceUpdatesRejectAndPage(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	team := srv.Workspaces()[1].ID
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	// The description forbids these requests: send them without validation.
	plain := newPlainClient(t, srv)
	_, _, err := plain.Workspaces.CreateUpdate(ctx, team, postman.WorkspaceUpdateCreateParams{Topic: "t", Description: "d"})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	assert.Contains(t, apiErr.Detail, "should have required property 'category'")
	_, _, err = plain.Workspaces.CreateUpdate(ctx, team, postman.WorkspaceUpdateCreateParams{Topic: "t", Description: "d", Category: "rumour"})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "https://api.postman.com/problems/invalidWorkspaceUpdateCategory", apiErr.Type)

	// Another team's public workspace: readable, not writable.
	other := srv.AddWorkspace(postmantest.Workspace{Name: "Partner APIs", Type: "public",
		Publisher: postmantest.Publisher{TeamID: 999, TeamName: "Partner"}})
	_, _, err = c.Workspaces.CreateUpdate(ctx, other, postman.WorkspaceUpdateCreateParams{Topic: "t", Description: "d", Category: postman.WorkspaceUpdateImprovement})
	assert.ErrorIs(t, err, postman.ErrForbidden)
	_, _, err = c.Workspaces.ListUpdates(ctx, other, nil)
	require.NoError(t, err)

	for i := range 23 {
		_, _, err := c.Workspaces.CreateUpdate(ctx, team, postman.WorkspaceUpdateCreateParams{
			Topic: fmt.Sprintf("update %d", i), Description: "d", Category: postman.WorkspaceUpdateImprovement})
		require.NoError(t, err)
	}
	first, resp, err := c.Workspaces.ListUpdates(ctx, team, nil)
	require.NoError(t, err)
	assert.Len(t, first, 10)
	assert.NotEmpty(t, resp.NextCursor)
	var topics []string
	for u, err := range c.Workspaces.ListUpdatesIter(ctx, team, nil) {
		require.NoError(t, err)
		topics = append(topics, u.Topic)
	}
	require.Len(t, topics, 23)
	assert.Equal(t, "update 22", topics[0])
	assert.Equal(t, "update 0", topics[22])
}
