package postmantest_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// feed returns a workspace's activities as "action type name" lines,
// newest first.
func feed(t *testing.T, c *postman.Client, workspaceID string, opts *postman.WorkspaceActivityListOptions) []string {
	t.Helper()
	var out []string
	for a, err := range c.Workspaces.ListActivitiesIter(t.Context(), workspaceID, opts) {
		require.NoError(t, err)
		assert.Equal(t, workspaceID, a.WorkspaceID)
		out = append(out, fmt.Sprintf("%s %s %s", a.Action, a.ElementType, a.ElementName))
	}
	return out
}

func TestWorkspaceActivitiesRecordChanges(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	team := srv.Workspaces()[1].ID
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	assert.Empty(t, feed(t, c, team, nil))
	id := srv.AddCollection(team, []byte(petsCollection))
	rename(t, c, id, "Pets API v2")
	env, _, err := c.Environments.Create(ctx, postman.EnvironmentCreateParams{WorkspaceID: team, Name: "Staging"})
	require.NoError(t, err)
	_, err = c.Environments.Delete(ctx, env.ID)
	require.NoError(t, err)
	_, _, err = c.Workspaces.Update(ctx, team, postman.WorkspaceUpdateParams{Name: postman.Ptr("Platform")})
	require.NoError(t, err)
	_, err = c.Collections.Delete(ctx, id)
	require.NoError(t, err)

	assert.Equal(t, []string{
		"destroy collection Pets API v2",
		"update workspace Platform",
		"destroy environment Staging",
		"create environment Staging",
		"update collection Pets API v2",
		"create collection Pets API",
	}, feed(t, c, team, nil))
	assert.Empty(t, feed(t, c, srv.Workspaces()[0].ID, nil), "each workspace has its own feed")

	page, resp, err := c.Workspaces.ListActivities(ctx, team, &postman.WorkspaceActivityListOptions{CursorOptions: postman.CursorOptions{Limit: 4}})
	require.NoError(t, err)
	require.Len(t, page, 4)
	assert.NotEmpty(t, resp.NextCursor)
	assert.Greater(t, page[0].ID, page[1].ID)
	assert.Equal(t, uid(id), page[0].ElementID, "collections are given by UID")
	assert.Equal(t, "taylor-lee", page[0].User.Username)
	assert.Equal(t, "destroy", page[0].Trigger)

	assert.Equal(t, []string{"destroy collection Pets API v2", "update collection Pets API v2", "create collection Pets API"},
		feed(t, c, team, &postman.WorkspaceActivityListOptions{ElementTypes: []postman.WorkspaceElementType{postman.WorkspaceElementCollection}}))
	assert.Len(t, feed(t, c, team, &postman.WorkspaceActivityListOptions{UserID: fakeUserID}), 6)
	assert.Empty(t, feed(t, c, team, &postman.WorkspaceActivityListOptions{UserID: 87654321}))

	// Changes to a collection's items are changes to the collection.
	other := srv.AddCollection(team, []byte(petsCollection))
	_, _, err = c.Collections.CreateFolder(ctx, other, &postman.CollectionFolder{Name: "cats"})
	require.NoError(t, err)
	_, err = c.Collections.DeleteRequest(ctx, other, addPetID)
	require.NoError(t, err)
	assert.Equal(t, []string{"update collection Pets API", "update collection Pets API", "create collection Pets API"}, feed(t, c, team, nil)[:3])

	_, _, err = c.Workspaces.ListActivities(ctx, "00000000-0000-4000-8000-000000000000", nil)
	assert.ErrorIs(t, err, postman.ErrNotFound)
}
