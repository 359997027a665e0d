package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestPackagesLifecycle(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	srv.AddPackage(postmantest.Package{Name: "Utils", Description: "Shared helpers", Script: "module.exports = {};"})
	c := newClient(t, srv, "any-key")
	ctx := t.Context()
	ws := srv.Workspaces()[1].ID

	pkg, _, err := c.Packages.Create(ctx, ws, postman.PackageCreateParams{Name: "Assertions", Description: "checks", Script: "a"})
	require.NoError(t, err)
	assert.Equal(t, "assertions", pkg.Name)
	assert.Equal(t, "a", pkg.Script)
	_, _, err = c.Packages.Create(ctx, ws, postman.PackageCreateParams{Name: "assertions"})
	assert.ErrorIs(t, err, postman.ErrConflict)

	script := "b"
	got, _, err := c.Packages.Update(ctx, pkg.ID, postman.PackageUpdateParams{Script: &script})
	require.NoError(t, err)
	assert.Equal(t, "b", got.Script)
	assert.Equal(t, "checks", got.Description)
	got, _, err = c.Packages.Get(ctx, pkg.ID)
	require.NoError(t, err)
	assert.Equal(t, "b", got.Script)
	assert.Equal(t, ws, srv.Packages()[1].WorkspaceID)

	page, resp, err := c.Packages.List(ctx, &postman.PackageListOptions{CursorOptions: postman.CursorOptions{Limit: 1}})
	require.NoError(t, err)
	require.Len(t, page, 1)
	assert.Equal(t, "utils", page[0].Name)
	assert.Empty(t, page[0].Script)
	assert.NotEmpty(t, resp.NextCursor)
	var names []string
	for p, err := range c.Packages.ListIter(ctx, &postman.PackageListOptions{CursorOptions: postman.CursorOptions{Limit: 1}}) {
		require.NoError(t, err)
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"utils", "assertions"}, names)

	_, err = c.Packages.Delete(ctx, pkg.ID)
	require.NoError(t, err)
	_, err = c.Packages.Delete(ctx, pkg.ID)
	require.NoError(t, err, "deleting again succeeds")
	_, _, err = c.Packages.Get(ctx, pkg.ID)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	assert.Len(t, srv.Packages(), 1)
}
