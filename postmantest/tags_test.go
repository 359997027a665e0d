package postmantest_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

type tagsBody struct {
	Tags []struct {
		Slug string `json:"slug"`
	} `json:"tags"`
}

func (b tagsBody) slugs() []string {
	var out []string
	for _, t := range b.Tags {
		out = append(out, t.Slug)
	}
	return out
}

type entitiesPage struct {
	Data struct {
		Entities []struct{ EntityID, EntityType string } `json:"entities"`
	} `json:"data"`
	Meta struct {
		Count      int    `json:"count"`
		NextCursor string `json:"nextCursor"`
	} `json:"meta"`
}

func TestTagsOfWorkspacesAndCollections(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[1].ID
	colA := srv.AddCollection(ws, []byte(petsCollection))
	colB := srv.AddCollection(ws, []byte(sampleCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	var got tagsBody
	_, err := c.Do(ctx, http.MethodPut, "/workspaces/"+ws+"/tags", map[string]any{"tags": []any{map[string]string{"slug": "needs-review"}}}, &got)
	require.NoError(t, err)
	assert.Equal(t, []string{"needs-review"}, got.slugs())
	_, err = c.Do(ctx, http.MethodPut, "/collections/"+uid(colA)+"/tags",
		json.RawMessage(`{"tags":[{"slug":"needs-review"},{"slug":"pets"}]}`), &got)
	require.NoError(t, err)
	srv.SetCollectionTags(colB, "needs-review")
	assert.Equal(t, []string{"needs-review", "pets"}, srv.CollectionTags(colA))
	assert.Equal(t, []string{"needs-review"}, srv.WorkspaceTags(ws))

	got = tagsBody{}
	_, err = c.Do(ctx, http.MethodGet, "/collections/"+uid(colA)+"/tags", nil, &got)
	require.NoError(t, err)
	assert.Equal(t, []string{"needs-review", "pets"}, got.slugs())
	_, err = c.Do(ctx, http.MethodGet, "/workspaces/"+ws+"/tags", nil, &got)
	require.NoError(t, err)
	assert.Equal(t, []string{"needs-review"}, got.slugs())
	_, err = c.Do(ctx, http.MethodGet, "/workspaces/00000000-0000-4000-8000-000000000000/tags", nil, &got)
	assert.ErrorIs(t, err, postman.ErrNotFound)

	// Newest tagged first, a page at a time.
	var page entitiesPage
	_, err = c.Do(ctx, http.MethodGet, "/tags/needs-review/entities?limit=2", nil, &page)
	require.NoError(t, err)
	require.Len(t, page.Data.Entities, 2)
	assert.Equal(t, 2, page.Meta.Count)
	assert.Equal(t, uid(colB), page.Data.Entities[0].EntityID)
	assert.Equal(t, uid(colA), page.Data.Entities[1].EntityID)
	require.NotEmpty(t, page.Meta.NextCursor)
	next := page.Meta.NextCursor
	page = entitiesPage{}
	_, err = c.Do(ctx, http.MethodGet, "/tags/needs-review/entities?limit=2&cursor="+url.QueryEscape(next), nil, &page)
	require.NoError(t, err)
	require.Len(t, page.Data.Entities, 1)
	assert.Equal(t, "workspace", page.Data.Entities[0].EntityType)
	assert.Equal(t, ws, page.Data.Entities[0].EntityID)
	assert.Empty(t, page.Meta.NextCursor)

	page = entitiesPage{}
	_, err = c.Do(ctx, http.MethodGet, "/tags/needs-review/entities?entityType=collection&direction=asc", nil, &page)
	require.NoError(t, err)
	require.Len(t, page.Data.Entities, 2)
	assert.Equal(t, uid(colA), page.Data.Entities[0].EntityID)
	_, err = c.Do(ctx, http.MethodGet, "/tags/unknown-tag/entities", nil, &page)
	assert.ErrorIs(t, err, postman.ErrNotFound)

	// Replacing the tags takes the entity out of the old tag's list.
	_, err = c.Do(ctx, http.MethodPut, "/collections/"+uid(colB)+"/tags", json.RawMessage(`{"tags":[]}`), &got)
	require.NoError(t, err)
	assert.Empty(t, srv.CollectionTags(colB))
	page = entitiesPage{}
	_, err = c.Do(ctx, http.MethodGet, "/tags/needs-review/entities", nil, &page)
	require.NoError(t, err)
	assert.Len(t, page.Data.Entities, 2)
}

func TestTagSlugsAreValidated(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	// The description forbids the request: send it without validation.
	c, err := postman.NewClient("any-key", postman.WithBaseURL(srv.URL), postman.WithHTTPClient(plainHTTP(t)), postman.WithoutRateLimit())
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	long := `{"tags":[{"slug":"a` + strings.Repeat("b", 64) + `"}]}`
	_, err = c.Do(t.Context(), http.MethodPut, "/workspaces/"+srv.Workspaces()[0].ID+"/tags", json.RawMessage(long), nil)
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Contains(t, apiErr.Detail, "must NOT have more than 64 characters")
}
