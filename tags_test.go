package postman

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

// tagTestCollectionUID is the collection UID of the description's examples.
const tagTestCollectionUID = "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2"

func TestTagsConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "GetWorkspace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Tags.GetWorkspaceTags(ctx, workspaceTestID)
			return err
		}},
		{name: "UpdateWorkspace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Tags.UpdateWorkspaceTags(ctx, workspaceTestID, []string{"needs-review"})
			return err
		}},
		{name: "GetCollection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Tags.GetCollectionTags(ctx, tagTestCollectionUID)
			return err
		}},
		{name: "UpdateCollection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Tags.UpdateCollectionTags(ctx, tagTestCollectionUID, []string{"needs-review", "test-api"})
			return err
		}},
		{name: "Entities", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Tags.ListEntities(ctx, "needs-review", &TagEntityListOptions{EntityType: TagEntityCollection, Direction: TagSortAscending, Limit: 2})
			return err
		}},
		{name: "EntitiesIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Tags.ListEntitiesIter(ctx, "needs-review", nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
	})
}

func TestTagsWorkspaceAndCollectionTags(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	tags, _, err := c.Tags.GetWorkspaceTags(t.Context(), workspaceTestID)
	require.NoError(t, err)
	assert.Equal(t, []Tag{{Slug: "needs-review"}, {Slug: "test-api"}}, tags)

	_, _, err = c.Tags.UpdateCollectionTags(t.Context(), tagTestCollectionUID, []string{"needs-review"})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.Equal(t, "/collections/"+tagTestCollectionUID+"/tags", req.URL.Path)
	assert.JSONEq(t, `{"tags":[{"slug":"needs-review"}]}`, string(body))

	_, _, err = c.Tags.UpdateWorkspaceTags(t.Context(), workspaceTestID, nil)
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"tags":[]}`, string(body), "nil removes every tag")
}

func TestTagsRejectBadSlugsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	for _, slug := range []string{"", "a", "Needs-Review", "1st", "ends-", "has space", "../x", strings.Repeat("a", 65)} {
		_, _, err := c.Tags.UpdateWorkspaceTags(t.Context(), workspaceTestID, []string{"ok-tag", slug})
		assert.ErrorIs(t, err, ErrInvalidArgument, slug)
		_, _, err = c.Tags.ListEntities(t.Context(), slug, nil)
		assert.ErrorIs(t, err, ErrInvalidArgument, slug)
	}
	assert.Empty(t, h.Ran())
}

func TestTagsPlanGatedAnswers(t *testing.T) {
	h := conformance.New(t)
	// The first documented 403 is "Access Denied": "The tags feature is
	// only available to enterprise teams".
	h.Status("getCollectionTags", http.StatusForbidden)
	h.Status("getTaggedEntities", http.StatusForbidden)
	h.Status("updateWorkspaceTags", http.StatusNotFound)
	c := newTestClient(t, h.URL)

	_, _, err := c.Tags.GetCollectionTags(t.Context(), tagTestCollectionUID)
	require.ErrorIs(t, err, ErrFeatureUnavailable)
	assert.ErrorIs(t, err, ErrForbidden)
	assert.NotErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Access Denied", apiErr.Title)
	assert.Contains(t, err.Error(), "only available to enterprise teams")

	for _, err := range c.Tags.ListEntitiesIter(t.Context(), "needs-review", nil) {
		assert.ErrorIs(t, err, ErrFeatureUnavailable)
	}

	_, _, err = c.Tags.UpdateWorkspaceTags(t.Context(), workspaceTestID, []string{"needs-review"})
	assert.ErrorIs(t, err, ErrNotFound)
	assert.NotErrorIs(t, err, ErrFeatureUnavailable)
}

func TestTagsEntitiesDecodesAndPages(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ents, resp, err := c.Tags.ListEntities(t.Context(), "needs-review", &TagEntityListOptions{EntityType: TagEntityCollection, Direction: TagSortAscending, Limit: 2})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "direction=asc&entityType=collection&limit=2", req.URL.RawQuery)
	assert.Equal(t, []*TagEntity{{EntityID: "8b86dfe8-de72-44e6-81ea-79d19805bc6a", EntityType: TagEntityCollection}}, ents)
	assert.Empty(t, resp.NextCursor)

	served := 0
	h.Respond("getTaggedEntities", func(w http.ResponseWriter, r *http.Request) {
		served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start := 0
		if cur := r.URL.Query().Get("cursor"); cur != "" {
			raw, _ := base64.StdEncoding.DecodeString(cur)
			start, _ = strconv.Atoi(string(raw))
		}
		const total = 120
		var list []map[string]string
		for i := start; i < min(start+limit, total); i++ {
			list = append(list, map[string]string{"entityId": fmt.Sprintf("ws-%d", i), "entityType": "workspace"})
		}
		meta := map[string]any{"count": len(list)}
		if start+limit < total {
			meta["nextCursor"] = base64.StdEncoding.EncodeToString([]byte(strconv.Itoa(start + limit)))
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"entities": list}, "meta": meta})
	})
	var ids []string
	for e, err := range c.Tags.ListEntitiesIter(t.Context(), "needs-review", &TagEntityListOptions{EntityType: TagEntityWorkspace}) {
		require.NoError(t, err)
		ids = append(ids, e.EntityID)
	}
	require.Len(t, ids, 120)
	assert.Equal(t, "ws-119", ids[119])
	assert.Equal(t, 3, served, "50 per page by default, Postman's maximum")
	req, _ = h.LastRequest()
	assert.Equal(t, "50", req.URL.Query().Get("limit"))
	assert.Equal(t, "workspace", req.URL.Query().Get("entityType"))

	served = 0
	n := 0
	for _, err := range c.Tags.ListEntitiesIter(t.Context(), "needs-review", &TagEntityListOptions{Limit: 10}) {
		require.NoError(t, err)
		if n++; n == 15 {
			break
		}
	}
	assert.Equal(t, 2, served, "stopping early fetches no further page")
}
