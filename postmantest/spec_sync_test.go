package postmantest_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// requestNames returns the names of the requests of a stored collection,
// folders flattened.
func requestNames(t *testing.T, srv *postmantest.Server, id string) []string {
	t.Helper()
	var doc struct {
		Item []struct {
			Name string
			Item []struct{ Name string }
		}
	}
	require.NoError(t, json.Unmarshal(srv.CollectionDocument(id), &doc))
	var names []string
	for _, it := range doc.Item {
		if it.Item == nil {
			names = append(names, it.Name)
		}
		for _, sub := range it.Item {
			names = append(names, sub.Name)
		}
	}
	return names
}

func TestSpecChangesLeaveCollectionsOutOfSyncUntilSynced(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[1].ID
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	spec, _, err := c.Specs.Create(ctx, ws, postman.SpecCreateParams{Name: "Pets", Type: postman.SpecTypeOpenAPI30,
		Files: []postman.SpecSourceFile{{Path: "index.json", Content: petsOpenAPI}}})
	require.NoError(t, err)
	task, _, err := c.Specs.GenerateCollection(ctx, spec.ID, postman.SpecCollectionGenerateParams{Name: "Pets collection"})
	require.NoError(t, err)
	done, _, err := c.Specs.WaitTask(ctx, task)
	require.NoError(t, err)
	require.Len(t, done.Resources, 1)
	colUID := done.Resources[0].ID
	colID := colUID[strings.IndexByte(colUID, '-')+1:]
	assert.Len(t, requestNames(t, srv, colID), 2)

	changed := strings.Replace(petsOpenAPI, `"/pets":{`, `"/owners":{"get":{"summary":"List owners","responses":{"200":{"description":"ok"}}}},"/pets":{`, 1)
	file, _, err := c.Specs.UpdateFile(ctx, spec.ID, "index.json", postman.SpecFileUpdateParams{Content: &changed})
	require.NoError(t, err)
	assert.Equal(t, "index.json", file.Path)
	got, _, err := c.Specs.GetFile(ctx, spec.ID, "index.json")
	require.NoError(t, err)
	assert.Equal(t, changed, got.Content)
	generated, _, err := c.Specs.ListGeneratedCollections(ctx, spec.ID, nil)
	require.NoError(t, err)
	require.Len(t, generated, 1)
	assert.Equal(t, postman.SpecOutOfSync, generated[0].State)

	sync, _, err := c.Specs.SyncCollectionFromSpec(ctx, colUID, spec.ID)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecTaskOnCollection, sync.Element)
	synced, _, err := c.Specs.WaitTask(ctx, sync)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecTaskCompleted, synced.Status)
	assert.Equal(t, colUID, synced.Resources[0].ID)
	assert.Contains(t, requestNames(t, srv, colID), "List owners")
	generated, _, err = c.Specs.ListGeneratedCollections(ctx, spec.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecInSync, generated[0].State)
	assert.Equal(t, "Pets collection", generated[0].Name, "a sync keeps the collection's name")

	other := srv.AddCollection(ws, []byte(`{"info":{"name":"Other"},"item":[]}`))
	_, _, err = c.Specs.SyncCollectionFromSpec(ctx, other, spec.ID)
	assert.ErrorIs(t, err, postman.ErrNotFound, "only collections generated from the spec sync with it")
}

func TestSpecSyncFailsWithFailTasks(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	ctx := t.Context()
	spec, _, err := c.Specs.Create(ctx, srv.Workspaces()[0].ID, postman.SpecCreateParams{Name: "Pets", Type: postman.SpecTypeOpenAPI30,
		Files: []postman.SpecSourceFile{{Path: "index.json", Content: petsOpenAPI}}})
	require.NoError(t, err)
	task, _, err := c.Specs.GenerateCollection(ctx, spec.ID, postman.SpecCollectionGenerateParams{Name: "Pets"})
	require.NoError(t, err)
	done, _, err := c.Specs.WaitTask(ctx, task)
	require.NoError(t, err)
	changed := strings.Replace(petsOpenAPI, `"title":"Pets"`, `"title":"Pets v2"`, 1)
	_, _, err = c.Specs.UpdateFile(ctx, spec.ID, "index.json", postman.SpecFileUpdateParams{Content: &changed})
	require.NoError(t, err)

	srv.FailTasks("The specification is invalid.")
	sync, _, err := c.Specs.SyncCollectionFromSpec(ctx, done.Resources[0].ID, spec.ID)
	require.NoError(t, err)
	_, _, err = c.Specs.WaitTask(ctx, sync)
	var failed *postman.TaskFailedError
	require.ErrorAs(t, err, &failed)
	assert.Equal(t, "The specification is invalid.", failed.Details)
	generated, _, err := c.Specs.ListGeneratedCollections(ctx, spec.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecOutOfSync, generated[0].State, "a failed sync changes nothing")
}

func TestSpecFileRenameAndRoot(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	ctx := t.Context()
	spec, _, err := c.Specs.Create(ctx, srv.Workspaces()[0].ID, postman.SpecCreateParams{Name: "Pets", Type: postman.SpecTypeOpenAPI30,
		Files: []postman.SpecSourceFile{
			{Path: "index.json", Content: petsOpenAPI, Type: postman.SpecFileRoot},
			{Path: "schemas/pet.json", Content: `{"type":"object"}`, Type: postman.SpecFileDefault},
		}})
	require.NoError(t, err)

	renamed, _, err := c.Specs.UpdateFile(ctx, spec.ID, "schemas/pet.json", postman.SpecFileUpdateParams{Name: postman.Ptr("animal.json")})
	require.NoError(t, err)
	assert.Equal(t, "schemas/animal.json", renamed.Path)
	_, _, err = c.Specs.UpdateFile(ctx, spec.ID, "index.json", postman.SpecFileUpdateParams{Type: postman.SpecFileDefault})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr, "the root cannot stop being one")
	assert.Equal(t, 400, apiErr.StatusCode)

	root, _, err := c.Specs.UpdateFile(ctx, spec.ID, "schemas/animal.json", postman.SpecFileUpdateParams{Type: postman.SpecFileRoot})
	require.NoError(t, err)
	assert.Equal(t, postman.SpecFileRoot, root.Type)
	files, _, err := c.Specs.ListFiles(ctx, spec.ID, nil)
	require.NoError(t, err)
	types := map[string]postman.SpecFileType{}
	for _, f := range files {
		types[f.Path] = f.Type
	}
	assert.Equal(t, map[string]postman.SpecFileType{"index.json": postman.SpecFileDefault, "schemas/animal.json": postman.SpecFileRoot}, types)

	_, _, err = c.Specs.UpdateFile(ctx, spec.ID, "missing.json", postman.SpecFileUpdateParams{Content: postman.Ptr("{}")})
	assert.ErrorIs(t, err, postman.ErrNotFound)
}
