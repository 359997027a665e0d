package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

const (
	specTestSpecID        = "73e15000-bc7a-4802-b80e-05fff18fd7f8"
	specTestWorkspaceID   = "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9"
	specTestCollectionUID = "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2"
	specTestCollectionID  = "12ece9e1-2abf-4edc-8e34-de66e74114d2"
	specTestTaskID        = "66ae9950-0869-4e65-96b0-1e0e47e771af"
)

func TestSpecsConformance(t *testing.T) {
	yes := true
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.List(ctx, specTestWorkspaceID, &SpecListOptions{CursorOptions{Limit: 10}})
			return err
		}},
		{name: "ListIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Specs.ListIter(ctx, specTestWorkspaceID, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.Get(ctx, specTestSpecID)
			return err
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.Create(ctx, specTestWorkspaceID, SpecCreateParams{
				Name: "Sample API", Type: SpecTypeOpenAPI30,
				Files: []SpecSourceFile{
					{Path: "index.json", Content: `{"openapi":"3.0.0"}`, Type: SpecFileRoot},
					{Path: "schemas.json", Content: `{}`, Type: SpecFileDefault},
				},
			})
			return err
		}},
		{name: "Update", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.Update(ctx, specTestSpecID, SpecUpdateParams{Name: "Renamed"})
			return err
		}},
		{name: "Delete", call: func(ctx context.Context, c *Client) error {
			_, err := c.Specs.Delete(ctx, specTestSpecID)
			return err
		}},
		{name: "GetDefinition", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.GetDefinition(ctx, specTestSpecID)
			return err
		}},
		{name: "ListFiles", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.ListFiles(ctx, specTestSpecID, nil)
			return err
		}},
		{name: "ListFilesIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Specs.ListFilesIter(ctx, specTestSpecID, nil) {
				return err // the example's cursor would repeat: one page is enough
			}
			return nil
		}},
		{name: "GetFile", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.GetFile(ctx, specTestSpecID, "components/schemas/spacecrafts.json")
			return err
		}},
		{name: "CreateFile", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.CreateFile(ctx, specTestSpecID, SpecFileCreateParams{Path: "schemas.yaml", Content: "Spacecraft:\n  type: object\n"})
			return err
		}},
		{name: "UpdateFile", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.UpdateFile(ctx, specTestSpecID, "index.json", SpecFileUpdateParams{Type: SpecFileRoot})
			return err
		}},
		{name: "DeleteFile", call: func(ctx context.Context, c *Client) error {
			_, err := c.Specs.DeleteFile(ctx, specTestSpecID, "index.json")
			return err
		}},
		{name: "ListVersionTags", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.ListVersionTags(ctx, specTestSpecID, &SpecVersionTagListOptions{CursorOptions{Limit: 5, Cursor: "abc"}})
			return err
		}},
		{name: "ListVersionTagsIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Specs.ListVersionTagsIter(ctx, specTestSpecID, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "CreateVersionTag", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.CreateVersionTag(ctx, specTestSpecID, SpecVersionTagCreateParams{Name: "v1.0.0"})
			return err
		}},
		{name: "GetVersionTagFiles", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.GetVersionTagFiles(ctx, specTestSpecID, "97d2c74e-19de-426d-9763-8e7400429759")
			return err
		}},
		{name: "ListGeneratedCollections", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.ListGeneratedCollections(ctx, specTestSpecID, &SpecGeneratedCollectionListOptions{CursorOptions{Limit: 10}})
			return err
		}},
		{name: "ListGeneratedCollectionsIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Specs.ListGeneratedCollectionsIter(ctx, specTestSpecID, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "GenerateCollection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.GenerateCollection(ctx, specTestSpecID, SpecCollectionGenerateParams{
				Name:    "Sample API",
				Options: ConverterOptions{FolderStrategy: ConverterFoldersByTags, EnableOptionalParameters: &yes},
			})
			return err
		}},
		{name: "ListGeneratedSpecs", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.ListGeneratedSpecs(ctx, specTestCollectionUID, nil)
			return err
		}},
		{name: "ListGeneratedSpecsIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Specs.ListGeneratedSpecsIter(ctx, specTestCollectionUID, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "GenerateSpec", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.GenerateSpec(ctx, specTestCollectionUID, SpecGenerateParams{Name: "Sample API", Type: SpecTypeOpenAPI30, Format: SpecGenerationJSON})
			return err
		}},
		{name: "SyncSpecFromCollection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.SyncSpecFromCollection(ctx, specTestSpecID, specTestCollectionUID)
			return err
		}},
		{name: "SyncCollectionFromSpec", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.SyncCollectionFromSpec(ctx, specTestCollectionUID, specTestSpecID)
			return err
		}},
		{name: "UpdateSyncOptions", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.UpdateSyncOptions(ctx, specTestSpecID, specTestCollectionID, SpecSyncSettings{SyncExamples: &yes, DeleteOrphanedRequests: &yes})
			return err
		}},
		{name: "GetTask", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Specs.GetTask(ctx, SpecTaskOnCollection, specTestCollectionUID, specTestTaskID)
			return err
		}},
	})
}

func TestSpecsListDecodesAndSendsWorkspace(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	specs, resp, err := c.Specs.List(t.Context(), specTestWorkspaceID, &SpecListOptions{CursorOptions{Limit: 20, Cursor: "abc"}})
	require.NoError(t, err)
	require.Len(t, specs, 12)
	assert.Equal(t, "4e032b57-1fd6-41d7-882a-de5ac2107671", specs[0].ID)
	assert.Equal(t, "OpenAPI 3.0 (Files)", specs[0].Name)
	assert.Equal(t, SpecTypeOpenAPI30, specs[0].Type)
	assert.Equal(t, int64(12345678), specs[0].CreatedBy)
	assert.Equal(t, 2026, specs[0].CreatedAt.Year())
	assert.Equal(t, SpecTypeSmithy20, specs[11].Type)
	assert.Equal(t, 337000000, specs[10].CreatedAt.Nanosecond(), "fractional seconds in Postman's space layout decode")
	assert.Empty(t, resp.NextCursor, "a null nextCursor ends the list")

	req, _ := h.LastRequest()
	assert.Equal(t, specTestWorkspaceID, req.URL.Query().Get("workspaceId"))
	assert.Equal(t, "20", req.URL.Query().Get("limit"))
	assert.Equal(t, "abc", req.URL.Query().Get("cursor"))
}

func TestSpecsGetDecodes(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	spec, _, err := c.Specs.Get(t.Context(), specTestSpecID)
	require.NoError(t, err)
	assert.Equal(t, specTestSpecID, spec.ID)
	assert.Equal(t, SpecFormatYAML, spec.FileFormat)
	assert.True(t, spec.Type.IsOpenAPI())
	assert.False(t, spec.Type.IsAsyncAPI())
	assert.Equal(t, 3, int(spec.UpdatedAt.Month()))
}

func TestSpecsCreateSendsFiles(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	root, err := NewSpecSourceFileJSON("index.json", map[string]any{"openapi": "3.0.0", "info": map[string]string{"title": "T", "version": "1"}})
	require.NoError(t, err)
	root.Type = SpecFileRoot
	spec, resp, err := c.Specs.Create(t.Context(), specTestWorkspaceID, SpecCreateParams{
		Name:  "Sample API",
		Type:  SpecTypeOpenAPI30,
		Files: []SpecSourceFile{root, {Path: "schemas.yaml", Content: "A:\n  type: string\n", Type: SpecFileDefault}},
	})
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.Equal(t, "b4fc1bdc-6587-4f9b-95c9-f768146089b4", spec.ID)

	req, body := h.LastRequest()
	assert.Equal(t, specTestWorkspaceID, req.URL.Query().Get("workspaceId"))
	var sent struct {
		Name  string           `json:"name"`
		Type  string           `json:"type"`
		Files []map[string]any `json:"files"`
	}
	require.NoError(t, json.Unmarshal(body, &sent))
	assert.Equal(t, "OPENAPI:3.0", sent.Type)
	require.Len(t, sent.Files, 2)
	assert.Equal(t, "ROOT", sent.Files[0]["type"])
	assert.JSONEq(t, `{"openapi":"3.0.0","info":{"title":"T","version":"1"}}`, sent.Files[0]["content"].(string))
	assert.Equal(t, SpecFormatJSON, root.Format())
	assert.Equal(t, SpecFormatYAML, SpecSourceFile{Path: "schemas.yaml"}.Format())
}

func TestSpecsSingleFileOmitsFileType(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, _, err := c.Specs.Create(t.Context(), specTestWorkspaceID, SpecCreateParams{
		Name: "GraphQL", Type: SpecTypeGraphQL,
		Files: []SpecSourceFile{{Path: "index.graphql", Content: "type Query { a: String }"}},
	})
	require.NoError(t, err)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"name":"GraphQL","type":"GRAPHQL","files":[{"path":"index.graphql","content":"type Query { a: String }"}]}`, string(body))
}

func TestSpecsArgumentsCheckedBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()
	_, _, err := c.Specs.List(ctx, "", nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Specs.Create(ctx, specTestWorkspaceID, SpecCreateParams{Name: "x", Type: SpecTypeOpenAPI30})
	assert.ErrorIs(t, err, ErrInvalidArgument, "no files")
	_, _, err = c.Specs.Update(ctx, specTestSpecID, SpecUpdateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, err = c.Specs.Delete(ctx, "..")
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Specs.SyncSpecFromCollection(ctx, specTestSpecID, "")
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Specs.SyncCollectionFromSpec(ctx, specTestCollectionUID, "")
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Specs.UpdateSyncOptions(ctx, specTestSpecID, specTestCollectionID, SpecSyncSettings{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Specs.GetTask(ctx, "apis", "a", "b")
	assert.ErrorIs(t, err, ErrInvalidArgument, "another element type would reach the API Builder")
	_, _, err = c.Specs.WaitTask(ctx, nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Empty(t, h.Ran())
}

func TestSpecsErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getSpec", http.StatusNotFound)
	h.Status("deleteSpec", http.StatusForbidden)
	h.Respond("getAllSpecs", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte(`{"type":"https://api.postman.com/problems/forbidden","title":"Forbidden","status":403,"detail":"This feature isn't available in your region."}`))
	})
	c := newTestClient(t, h.URL)

	_, _, err := c.Specs.Get(t.Context(), specTestSpecID)
	assert.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "instanceNotFoundError", apiErr.Type)

	_, err = c.Specs.Delete(t.Context(), specTestSpecID)
	assert.ErrorIs(t, err, ErrForbidden)
	assert.NotErrorIs(t, err, ErrFeatureUnavailable)

	_, _, err = c.Specs.List(t.Context(), specTestWorkspaceID, nil)
	assert.ErrorIs(t, err, ErrFeatureUnavailable)
}

// specPagedSpecs answers GET /specs with total specs in pages of the requested
// limit, the offset serving as cursor.
func specPagedSpecs(total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		list := []any{}
		for i := start; i < min(start+limit, total); i++ {
			list = append(list, map[string]any{"id": fmt.Sprintf("spec-%d", i), "name": fmt.Sprintf("Spec %d", i), "type": "OPENAPI:3.1"})
		}
		var next any
		if start+limit < total {
			next = strconv.Itoa(start + limit)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"specs": list, "meta": map[string]any{"nextCursor": next}})
	}
}

func TestSpecsListIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getAllSpecs", specPagedSpecs(23, &served))
	c := newTestClient(t, h.URL)

	opts := &SpecListOptions{CursorOptions{Limit: 10}}
	var ids []string
	for spec, err := range c.Specs.ListIter(t.Context(), specTestWorkspaceID, opts) {
		require.NoError(t, err)
		ids = append(ids, spec.ID)
	}
	require.Len(t, ids, 23)
	assert.Equal(t, "spec-22", ids[22])
	assert.Equal(t, 3, served)
	assert.Empty(t, opts.Cursor, "the caller's options are not mutated")
	for _, r := range h.Requests() {
		assert.Equal(t, specTestWorkspaceID, r.URL.Query().Get("workspaceId"), "every page names the workspace")
	}

	served = 0
	n := 0
	for _, err := range c.Specs.ListIter(t.Context(), specTestWorkspaceID, opts) {
		require.NoError(t, err)
		if n++; n == 11 {
			break
		}
	}
	assert.Equal(t, 2, served, "stopping early fetches no further page")

	served = 0
	for range c.Specs.ListIter(t.Context(), specTestWorkspaceID, nil) {
	}
	req, _ := h.LastRequest()
	assert.Equal(t, "100", req.URL.Query().Get("limit"), "the iterator asks for large pages by default")
	assert.Equal(t, 1, served)
}

func TestSpecsListIterYieldsErrorOnce(t *testing.T) {
	h := conformance.New(t)
	h.Status("getAllSpecs", http.StatusUnauthorized)
	c := newTestClient(t, h.URL)
	calls := 0
	for spec, err := range c.Specs.ListIter(t.Context(), specTestWorkspaceID, nil) {
		calls++
		assert.Nil(t, spec)
		assert.ErrorIs(t, err, ErrUnauthorized)
	}
	assert.Equal(t, 1, calls)
}
