package postmantest_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

const petsOpenAPI = `{"openapi":"3.0.0","info":{"title":"Pets","version":"1"},"servers":[{"url":"https://pets.example.com"}],
  "paths":{"/pets":{"get":{"summary":"List pets","responses":{"200":{"description":"ok"}}}},
           "/pets/{petId}":{"get":{"summary":"Get a pet","responses":{"200":{"description":"ok"}}}}}}`

type specAnswer struct {
	ID, Name, Type, FileFormat string
}

func TestSpecsCreateListGetDelete(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[1].ID
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	var created specAnswer
	_, err := c.Do(ctx, http.MethodPost, "/specs?workspaceId="+ws, map[string]any{"name": "Pets", "type": "OPENAPI:3.0",
		"files": []any{map[string]any{"path": "index.json", "content": petsOpenAPI, "type": "ROOT"},
			map[string]any{"path": "components/schemas/pet.json", "content": `{"type":"object"}`, "type": "DEFAULT"}}}, &created)
	require.NoError(t, err)
	assert.Equal(t, "OPENAPI:3.0", created.Type)
	srv.AddSpec(postmantest.Spec{Name: "Events", Type: "ASYNCAPI:2.0", WorkspaceID: ws,
		Files: []postmantest.SpecFile{{Path: "index.yaml", Content: "asyncapi: 2.6.0\n"}}})

	_, err = c.Do(ctx, http.MethodPost, "/specs?workspaceId="+ws, map[string]any{"name": "Two roots", "type": "OPENAPI:3.0",
		"files": []any{map[string]any{"path": "a.json", "content": "{}", "type": "ROOT"}, map[string]any{"path": "b.json", "content": "{}", "type": "ROOT"}}}, nil)
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Only one file can have type ROOT", apiErr.Detail)

	var page struct {
		Specs []specAnswer
		Meta  struct{ NextCursor *string }
	}
	_, err = c.Do(ctx, http.MethodGet, "/specs?workspaceId="+ws+"&limit=1", nil, &page)
	require.NoError(t, err)
	require.Len(t, page.Specs, 1)
	assert.Equal(t, "Events", page.Specs[0].Name, "newest first")
	require.NotNil(t, page.Meta.NextCursor)
	_, err = c.Do(ctx, http.MethodGet, "/specs?workspaceId="+ws+"&limit=1&cursor="+url.QueryEscape(*page.Meta.NextCursor), nil, &page)
	require.NoError(t, err)
	require.Len(t, page.Specs, 1)
	assert.Equal(t, "Pets", page.Specs[0].Name)
	assert.Nil(t, page.Meta.NextCursor)

	var got specAnswer
	_, err = c.Do(ctx, http.MethodGet, "/specs/"+created.ID, nil, &got)
	require.NoError(t, err)
	assert.Equal(t, "json", got.FileFormat)
	var files struct {
		Files []struct{ Path, Type, Name string }
	}
	_, err = c.Do(ctx, http.MethodGet, "/specs/"+created.ID+"/files", nil, &files)
	require.NoError(t, err)
	require.Len(t, files.Files, 2)
	assert.Equal(t, "ROOT", files.Files[0].Type)
	assert.Equal(t, "pet.json", files.Files[1].Name)
	var file struct{ Content string }
	_, err = c.Do(ctx, http.MethodGet, "/specs/"+created.ID+"/files/"+url.PathEscape("components/schemas/pet.json"), nil, &file)
	require.NoError(t, err)
	assert.Equal(t, `{"type":"object"}`, file.Content)

	wsGot, _, err := c.Workspaces.Get(ctx, ws, nil)
	require.NoError(t, err)
	assert.Len(t, wsGot.Specs, 2)

	_, err = c.Do(ctx, http.MethodDelete, "/specs/"+created.ID, nil, nil)
	require.NoError(t, err)
	_, err = c.Do(ctx, http.MethodGet, "/specs/"+created.ID, nil, &got)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	require.Len(t, srv.Specs(), 1)
	assert.True(t, srv.Specs()[0].Files[0].Root, "a single file is the root")
}

func TestSpecCollectionGenerationTask(t *testing.T) {
	t.Parallel() // it waits for tasks
	srv := postmantest.NewServer(postmantest.WithTaskDelay(500 * time.Millisecond))
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	specID := srv.AddSpec(postmantest.Spec{Name: "Pets", Type: "OPENAPI:3.0", WorkspaceID: ws,
		Files: []postmantest.SpecFile{{Path: "index.json", Content: petsOpenAPI}}})
	inVirtualTime(t, srv, func(t *testing.T, c *postman.Client) {
		ctx := t.Context()

		var task struct{ TaskID, URL string }
		resp, err := c.Do(ctx, http.MethodPost, "/specs/"+specID+"/generations/collection",
			map[string]any{"name": "Pets collection", "options": map[string]any{"folderStrategy": "Paths"}}, &task)
		require.NoError(t, err)
		assert.Equal(t, http.StatusAccepted, resp.StatusCode)
		assert.Equal(t, "/specs/"+specID+"/tasks/"+task.TaskID, task.URL)
		_, err = c.Do(ctx, http.MethodPost, "/specs/"+specID+"/generations/collection",
			map[string]any{"name": "Again", "options": map[string]any{}}, nil)
		var apiErr *postman.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, http.StatusLocked, apiErr.StatusCode, "one generation at a time")

		var status struct {
			Status  string
			Details json.RawMessage
		}
		_, err = c.Do(ctx, http.MethodGet, task.URL, nil, &status)
		require.NoError(t, err)
		assert.Equal(t, "pending", status.Status)
		require.Eventually(t, func() bool {
			_, err := c.Do(ctx, http.MethodGet, task.URL, nil, &status)
			return err == nil && status.Status == "completed"
		}, 5*time.Second, 10*time.Millisecond)
		var details struct {
			Resources []struct{ ID, URL string }
		}
		require.NoError(t, json.Unmarshal(status.Details, &details))
		require.Len(t, details.Resources, 1)
		generated := srv.SpecCollections(specID)
		require.Len(t, generated, 1)
		assert.Equal(t, uid(generated[0]), details.Resources[0].ID)

		var col struct {
			Collection struct {
				Info struct{ Name string }
				Item []struct{ Name string }
			}
		}
		_, err = c.Do(ctx, http.MethodGet, details.Resources[0].URL, nil, &col)
		require.NoError(t, err)
		assert.Equal(t, "Pets collection", col.Collection.Info.Name)
		require.Len(t, col.Collection.Item, 1)
		assert.Equal(t, "pets", col.Collection.Item[0].Name)

		var list struct {
			Collections []struct{ ID, Name, State string }
		}
		_, err = c.Do(ctx, http.MethodGet, "/specs/"+specID+"/generations/collection", nil, &list)
		require.NoError(t, err)
		require.Len(t, list.Collections, 1)
		assert.Equal(t, "in-sync", list.Collections[0].State)

		srv.FailTasks("Failed to generate the collection")
		_, err = c.Do(ctx, http.MethodPost, "/specs/"+specID+"/generations/collection",
			map[string]any{"name": "Broken", "options": map[string]any{}}, &task)
		require.NoError(t, err)
		require.Eventually(t, func() bool {
			_, err := c.Do(ctx, http.MethodGet, task.URL, nil, &status)
			return err == nil && status.Status == "failed"
		}, 5*time.Second, 10*time.Millisecond)
		assert.JSONEq(t, `"Failed to generate the collection"`, string(status.Details))
		assert.Len(t, srv.SpecCollections(specID), 1, "a failed generation makes no collection")
	})
}
