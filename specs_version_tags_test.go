package postman

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestSpecsVersionTags(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)

	tags, resp, err := c.Specs.ListVersionTags(t.Context(), specTestSpecID, &SpecVersionTagListOptions{CursorOptions{Limit: 2}})
	require.NoError(t, err)
	assert.Equal(t, []*SpecVersionTag{
		{ID: "5b7fa363-d6f6-40f6-8751-37987112cf14", Name: "1.0.1"},
		{ID: "2cefdde6-f912-4cb4-86b1-c874d7d5ea03", Name: "1.0.0"},
	}, tags)
	assert.Empty(t, resp.NextCursor)
	req, _ := h.LastRequest()
	assert.Equal(t, "limit=2", req.URL.RawQuery)

	tag, resp, err := c.Specs.CreateVersionTag(t.Context(), specTestSpecID, SpecVersionTagCreateParams{Name: "v1.0.0"})
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.Equal(t, &SpecVersionTag{ID: "9c3c45e4-183a-4bc4-92aa-6b39d047377d", Name: "1.0.0"}, tag)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"name":"v1.0.0"}`, string(body))

	_, _, err = c.Specs.CreateVersionTag(t.Context(), specTestSpecID, SpecVersionTagCreateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
}

func TestSpecsVersionTagConflict(t *testing.T) {
	h := conformance.New(t)
	h.Status("createSpecVersionTag", http.StatusConflict)
	c := newTestClient(t, h.URL)
	_, _, err := c.Specs.CreateVersionTag(t.Context(), specTestSpecID, SpecVersionTagCreateParams{Name: "v1"})
	assert.ErrorIs(t, err, ErrConflict)
}

func TestSpecsGetVersionTagFiles(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	// The harness answers the "Multi-File Response" example.
	entries, _, err := c.Specs.GetVersionTagFiles(t.Context(), specTestSpecID, "97d2c74e-19de-426d-9763-8e7400429759")
	require.NoError(t, err)
	require.Len(t, entries, 8)

	folder := entries[0]
	assert.True(t, folder.IsFolder())
	assert.Equal(t, "components", folder.Path)
	assert.Empty(t, folder.ParentID)
	assert.Empty(t, folder.Content)

	file := entries[2]
	assert.False(t, file.IsFolder())
	assert.Equal(t, "components/parameters/spacecrafts.yaml", file.Path)
	assert.Equal(t, "aa2d66e5-079a-4786-8a85-72770fac5967", file.ParentID)
	assert.Equal(t, SpecFileDefault, file.FileType)
	assert.Equal(t, "12345678", file.CreatedBy)

	root := entries[7].File()
	assert.Equal(t, SpecFileRoot, root.Type)
	assert.Equal(t, SpecFormatYAML, root.Format())
	assert.Equal(t, SpecTypeOpenAPI30, root.DetectedType())
}

func TestSpecsListVersionTagsIterCrossesPages(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getSpecVersionTags", func(w http.ResponseWriter, r *http.Request) {
		page := map[string]any{"data": []any{map[string]string{"id": "a", "name": "1"}}, "meta": map[string]any{"nextCursor": "c2"}}
		if r.URL.Query().Get("cursor") == "c2" {
			page = map[string]any{"data": []any{map[string]string{"id": "b", "name": "2"}}, "meta": map[string]any{"nextCursor": nil}}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(page)
	})
	c := newTestClient(t, h.URL)
	var names []string
	for tag, err := range c.Specs.ListVersionTagsIter(t.Context(), specTestSpecID, nil) {
		require.NoError(t, err)
		names = append(names, tag.Name)
	}
	assert.Equal(t, []string{"1", "2"}, names)
	reqs := h.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "limit=100", reqs[0].URL.RawQuery)
	assert.Equal(t, "cursor=c2&limit=100", reqs[1].URL.RawQuery)
}
