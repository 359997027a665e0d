package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestComponentsDraftsAndVersions(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	srv.AddComponent(postmantest.Component{Name: "old-schema", Type: "OAS2", Status: "archived"})
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	comp, _, err := c.Components.Create(ctx, postman.ComponentCreateParams{Name: "error-schema", Type: postman.ComponentOAS3, Content: "a: 1\n"})
	require.NoError(t, err)
	require.NotEmpty(t, comp.ID)
	_, _, err = c.Components.Create(ctx, postman.ComponentCreateParams{Name: "error-schema", Type: postman.ComponentOAS3, Content: "x"})
	assert.ErrorIs(t, err, postman.ErrConflict)

	content := "a: 2\n"
	_, _, err = c.Components.UpdateDraft(ctx, comp.ID, postman.ComponentDraftUpdateParams{Content: &content})
	require.NoError(t, err)
	draft, _, err := c.Components.GetDraft(ctx, comp.ID)
	require.NoError(t, err)
	assert.Equal(t, "a: 2\n", draft.Content)

	v, _, err := c.Components.PublishVersion(ctx, comp.ID, postman.ComponentVersionPublishParams{Label: "1.0.0"})
	require.NoError(t, err)
	_, _, err = c.Components.PublishVersion(ctx, comp.ID, postman.ComponentVersionPublishParams{Label: "1.0.0"})
	assert.ErrorIs(t, err, postman.ErrConflict)
	got, _, err := c.Components.GetVersion(ctx, comp.ID, v.ID, &postman.ComponentVersionGetOptions{IncludeContent: true})
	require.NoError(t, err)
	assert.Equal(t, "a: 2\n", got.Content)
	assert.Equal(t, "https://components.postman.com/test-team/error-schema/1.0.0", got.URL)
	_, _, err = c.Components.GetVersion(ctx, comp.ID, "01KT9NBTW5GYETHG6V0HNPAPYV", nil)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	versions, _, err := c.Components.ListVersions(ctx, comp.ID, nil)
	require.NoError(t, err)
	require.Len(t, versions, 1)
	assert.Empty(t, versions[0].Content)

	full, _, err := c.Components.Get(ctx, comp.ID, &postman.ComponentGetOptions{
		Include: []string{postman.ComponentIncludeHasVersions, postman.ComponentIncludeLatestVersion, postman.ComponentIncludeLatestVersionContent},
		Expand:  []string{postman.ComponentExpandLatestVersion}})
	require.NoError(t, err)
	require.NotNil(t, full.HasVersions)
	assert.True(t, *full.HasVersions)
	require.NotNil(t, full.LatestVersion)
	assert.Equal(t, "1.0.0", full.LatestVersion.Label)
	assert.Equal(t, "a: 2\n", full.LatestVersion.Content)

	active, _, err := c.Components.List(ctx, &postman.ComponentListOptions{Status: postman.ComponentActive})
	require.NoError(t, err)
	require.Len(t, active, 1)
	assert.Equal(t, "error-schema", active[0].Name)
	all, _, err := c.Components.List(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, all, 2)

	name := "errors"
	_, _, err = c.Components.Update(ctx, comp.ID, postman.ComponentUpdateParams{Name: &name})
	require.NoError(t, err)
	_, _, err = c.Components.Update(ctx, comp.ID, postman.ComponentUpdateParams{Status: postman.ComponentArchived})
	require.NoError(t, err)
	_, _, err = c.Components.Update(ctx, comp.ID, postman.ComponentUpdateParams{Name: &name})
	assert.ErrorIs(t, err, postman.ErrConflict, "archived components cannot be renamed")
	_, _, err = c.Components.UpdateDraft(ctx, comp.ID, postman.ComponentDraftUpdateParams{Content: &content})
	assert.ErrorIs(t, err, postman.ErrConflict)
	stored := srv.Components()[1]
	assert.Equal(t, "errors", stored.Name)
	assert.Equal(t, "archived", stored.Status)
	assert.Len(t, stored.Versions, 1)
	_, _, err = c.Components.Get(ctx, "01KT964C30J3DPJQKEACZH39N8", nil)
	assert.ErrorIs(t, err, postman.ErrNotFound)
}
