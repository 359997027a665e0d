package postmantest_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// statusOf returns the status of an API error, failing the test for any
// other error.
func statusOf(t *testing.T, err error) int {
	t.Helper()
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	return apiErr.StatusCode
}

// specServer starts a server and a client validated against the
// description.
func specServer(t *testing.T) (*postmantest.Server, *postman.Client) {
	t.Helper()
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	return srv, newClient(t, srv, "any-key")
}

// petsSpec starts a server and a client, and creates the Pets spec in
// the personal workspace from files (by default the single file
// index.json holding petsOpenAPI).
func petsSpec(t *testing.T, files ...postman.SpecSourceFile) (*postmantest.Server, *postman.Client, *postman.Spec) {
	t.Helper()
	srv, c := specServer(t)
	if len(files) == 0 {
		files = []postman.SpecSourceFile{{Path: "index.json", Content: petsOpenAPI}}
	}
	spec, _, err := c.Specs.Create(t.Context(), srv.Workspaces()[0].ID, postman.SpecCreateParams{Name: "Pets", Type: postman.SpecTypeOpenAPI30, Files: files})
	require.NoError(t, err)
	return srv, c, spec
}

// generateFrom generates a collection from a spec and returns its UID.
func generateFrom(t *testing.T, c *postman.Client, specID, name string) string {
	t.Helper()
	task, _, err := c.Specs.GenerateCollection(t.Context(), specID, postman.SpecCollectionGenerateParams{Name: name})
	require.NoError(t, err)
	done, _, err := c.Specs.WaitTask(t.Context(), task)
	require.NoError(t, err)
	require.Len(t, done.Resources, 1)
	return done.Resources[0].ID
}

func TestSpecRenameKeepsFilesAndCollectionsInSync(t *testing.T) {
	_, c, spec := petsSpec(t)
	ctx := t.Context()
	generateFrom(t, c, spec.ID, "Pets")

	renamed, _, err := c.Specs.Update(ctx, spec.ID, postman.SpecUpdateParams{Name: "Pets v2"})
	require.NoError(t, err)
	assert.Equal(t, "Pets v2", renamed.Name)
	assert.Equal(t, postman.SpecTypeOpenAPI30, renamed.Type)
	got, _, err := c.Specs.Get(ctx, spec.ID)
	require.NoError(t, err)
	assert.Equal(t, "Pets v2", got.Name)
	assert.False(t, got.UpdatedAt.Before(spec.UpdatedAt.Time))
	generated, _, err := c.Specs.ListGeneratedCollections(ctx, spec.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecInSync, generated[0].State, "a name is no change of the definition")

	_, err = c.Do(ctx, http.MethodPatch, "/specs/"+spec.ID, map[string]any{"name": ""}, nil)
	assert.Equal(t, http.StatusBadRequest, statusOf(t, err))
	_, _, err = c.Specs.Update(ctx, "8f0bd8a4-0000-4000-8000-000000000000", postman.SpecUpdateParams{Name: "Nope"})
	assert.ErrorIs(t, err, postman.ErrNotFound)
}

func TestSpecFilesCreateAndDelete(t *testing.T) {
	srv, c, spec := petsSpec(t)
	ctx := t.Context()
	generateFrom(t, c, spec.ID, "Pets")

	created, _, err := c.Specs.CreateFile(ctx, spec.ID, postman.SpecFileCreateParams{Path: "components/schemas/pet.json", Content: `{"type":"object"}`})
	require.NoError(t, err)
	assert.Equal(t, postman.SpecFileDefault, created.Type)
	assert.Equal(t, "components/schemas/pet.json", created.Path)
	assert.NotEmpty(t, created.ID)
	file, _, err := c.Specs.GetFile(ctx, spec.ID, "components/schemas/pet.json")
	require.NoError(t, err)
	assert.Equal(t, `{"type":"object"}`, file.Content)
	files, _, err := c.Specs.ListFiles(ctx, spec.ID, nil)
	require.NoError(t, err)
	assert.Len(t, files, 2)
	generated, _, err := c.Specs.ListGeneratedCollections(ctx, spec.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecOutOfSync, generated[0].State, "a new file changes the spec")

	_, _, err = c.Specs.CreateFile(ctx, spec.ID, postman.SpecFileCreateParams{Path: "components/schemas/pet.json", Content: "{}"})
	assert.Equal(t, http.StatusBadRequest, statusOf(t, err), "one file per path")
	_, _, err = c.Specs.CreateFile(ctx, spec.ID, postman.SpecFileCreateParams{Path: "notes.txt", Content: "hello"})
	assert.Equal(t, http.StatusBadRequest, statusOf(t, err), "an OpenAPI spec takes JSON and YAML files")
	_, _, err = c.Specs.CreateFile(ctx, spec.ID, postman.SpecFileCreateParams{Path: "../escape.json", Content: "{}"})
	assert.Equal(t, http.StatusBadRequest, statusOf(t, err))
	_, _, err = c.Specs.CreateFile(ctx, "8f0bd8a4-0000-4000-8000-000000000000", postman.SpecFileCreateParams{Path: "a.json", Content: "{}"})
	assert.ErrorIs(t, err, postman.ErrNotFound)
	graphql, _, err := c.Specs.Create(ctx, srv.Workspaces()[0].ID, postman.SpecCreateParams{Name: "Graph", Type: postman.SpecTypeGraphQL,
		Files: []postman.SpecSourceFile{{Path: "schema.graphql", Content: "type Query { pets: [String] }"}}})
	require.NoError(t, err)
	_, _, err = c.Specs.CreateFile(ctx, graphql.ID, postman.SpecFileCreateParams{Path: "more.json", Content: "{}"})
	assert.Equal(t, http.StatusBadRequest, statusOf(t, err), "a GraphQL spec is one file")

	_, err = c.Specs.DeleteFile(ctx, spec.ID, "index.json")
	assert.Equal(t, http.StatusBadRequest, statusOf(t, err), "the root file stays")
	_, err = c.Specs.DeleteFile(ctx, spec.ID, "components/schemas/pet.json")
	require.NoError(t, err)
	_, _, err = c.Specs.GetFile(ctx, spec.ID, "components/schemas/pet.json")
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, err = c.Specs.DeleteFile(ctx, spec.ID, "components/schemas/pet.json")
	assert.ErrorIs(t, err, postman.ErrNotFound)
	files, _, err = c.Specs.ListFiles(ctx, spec.ID, nil)
	require.NoError(t, err)
	require.Len(t, files, 1)
	assert.Equal(t, "index.json", files[0].Path)
}

func TestSpecDefinitionResolvesOtherFiles(t *testing.T) {
	srv, c := specServer(t)
	ctx := t.Context()
	ws := srv.Workspaces()[0].ID
	root := `{"openapi":"3.0.0","info":{"title":"Pets","version":"1"},"paths":{"/pets":{"get":{"responses":{"200":{"description":"ok",
		"content":{"application/json":{"schema":{"$ref":"components/schemas.json#/Pet"}}}}}}}},
		"components":{"schemas":{"Local":{"type":"string"}}}}`
	spec, _, err := c.Specs.Create(ctx, ws, postman.SpecCreateParams{Name: "Pets", Type: postman.SpecTypeOpenAPI30,
		Files: []postman.SpecSourceFile{
			{Path: "index.json", Content: root, Type: postman.SpecFileRoot},
			{Path: "components/schemas.json", Content: `{"Pet":{"type":"object","properties":{"id":{"$ref":"#/PetID"}}},"PetID":{"type":"integer"}}`, Type: postman.SpecFileDefault},
		}})
	require.NoError(t, err)

	def, _, err := c.Specs.GetDefinition(ctx, spec.ID)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecFormatJSON, def.Format)
	assert.Equal(t, postman.SpecTypeOpenAPI30, def.DetectedType())
	raw, err := def.JSON()
	require.NoError(t, err)
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]struct {
				Content map[string]struct{ Schema json.RawMessage }
			}
		}
		Components json.RawMessage
	}
	require.NoError(t, json.Unmarshal(raw, &doc))
	assert.JSONEq(t, `{"type":"object","properties":{"id":{"type":"integer"}}}`,
		string(doc.Paths["/pets"]["get"].Responses["200"].Content["application/json"].Schema), "the other file's references are inlined with it")
	assert.JSONEq(t, `{"schemas":{"Local":{"type":"string"}}}`, string(doc.Components))

	single, _, err := c.Specs.Create(ctx, ws, postman.SpecCreateParams{Name: "Events", Type: postman.SpecTypeAsyncAPI20,
		Files: []postman.SpecSourceFile{{Path: "asyncapi.yaml", Content: "asyncapi: 2.6.0\ninfo:\n  title: Events\n"}}})
	require.NoError(t, err)
	def, _, err = c.Specs.GetDefinition(ctx, single.ID)
	require.NoError(t, err)
	assert.Equal(t, "asyncapi: 2.6.0\ninfo:\n  title: Events\n", def.Content, "a single file is the definition, as stored")
	assert.Equal(t, postman.SpecFormatYAML, def.Format)
	assert.Equal(t, postman.SpecTypeAsyncAPI20, def.DetectedType())

	broken := `{"openapi":"3.0.0","paths":{"/x":{"$ref":"missing.json#/X"}}}`
	_, _, err = c.Specs.UpdateFile(ctx, spec.ID, "index.json", postman.SpecFileUpdateParams{Content: &broken})
	require.NoError(t, err)
	_, _, err = c.Specs.GetDefinition(ctx, spec.ID)
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Equal(t, "MalformedSpecification", apiErr.Type, "a reference to no file")

	proto, _, err := c.Specs.Create(ctx, ws, postman.SpecCreateParams{Name: "RPC", Type: postman.SpecTypeProtobuf3,
		Files: []postman.SpecSourceFile{{Path: "svc.proto", Content: `syntax = "proto3";`}}})
	require.NoError(t, err)
	_, _, err = c.Specs.GetDefinition(ctx, proto.ID)
	assert.Equal(t, http.StatusBadRequest, statusOf(t, err))
	_, _, err = c.Specs.GetDefinition(ctx, "8f0bd8a4-0000-4000-8000-000000000000")
	assert.ErrorIs(t, err, postman.ErrNotFound)
}

func TestSpecVersionTagsSnapshotFiles(t *testing.T) {
	_, c, spec := petsSpec(t,
		postman.SpecSourceFile{Path: "index.json", Content: petsOpenAPI, Type: postman.SpecFileRoot},
		postman.SpecSourceFile{Path: "components/schemas/pet.json", Content: `{"type":"object"}`, Type: postman.SpecFileDefault})
	ctx := t.Context()

	v1, _, err := c.Specs.CreateVersionTag(ctx, spec.ID, postman.SpecVersionTagCreateParams{Name: "1.0.0"})
	require.NoError(t, err)
	assert.Equal(t, "1.0.0", v1.Name)
	_, _, err = c.Specs.CreateVersionTag(ctx, spec.ID, postman.SpecVersionTagCreateParams{Name: "1.0.1"})
	assert.ErrorIs(t, err, postman.ErrConflict, "nothing changed since 1.0.0")

	changed := `{"type":"object","required":["id"]}`
	_, _, err = c.Specs.UpdateFile(ctx, spec.ID, "components/schemas/pet.json", postman.SpecFileUpdateParams{Content: &changed})
	require.NoError(t, err)
	v2, _, err := c.Specs.CreateVersionTag(ctx, spec.ID, postman.SpecVersionTagCreateParams{Name: "1.0.1"})
	require.NoError(t, err)
	assert.NotEqual(t, v1.ID, v2.ID)

	tags, resp, err := c.Specs.ListVersionTags(ctx, spec.ID, &postman.SpecVersionTagListOptions{CursorOptions: postman.CursorOptions{Limit: 1}})
	require.NoError(t, err)
	require.Len(t, tags, 1)
	assert.Equal(t, "1.0.1", tags[0].Name, "newest first")
	require.NotEmpty(t, resp.NextCursor)
	var names []string
	for tag, err := range c.Specs.ListVersionTagsIter(ctx, spec.ID, nil) {
		require.NoError(t, err)
		names = append(names, tag.Name)
	}
	assert.Equal(t, []string{"1.0.1", "1.0.0"}, names)

	entries, _, err := c.Specs.GetVersionTagFiles(ctx, spec.ID, v1.ID)
	require.NoError(t, err)
	byPath := map[string]*postman.SpecVersionTagEntry{}
	var paths []string
	for _, e := range entries {
		byPath[e.Path] = e
		paths = append(paths, e.Path)
	}
	assert.Equal(t, []string{"components", "components/schemas", "components/schemas/pet.json", "index.json"}, paths)
	assert.True(t, byPath["components"].IsFolder())
	assert.Empty(t, byPath["components"].ParentID)
	assert.Equal(t, byPath["components"].ID, byPath["components/schemas"].ParentID)
	assert.Equal(t, byPath["components/schemas"].ID, byPath["components/schemas/pet.json"].ParentID)
	assert.Equal(t, `{"type":"object"}`, byPath["components/schemas/pet.json"].Content, "1.0.0 keeps the content it captured")
	assert.Equal(t, postman.SpecFileRoot, byPath["index.json"].FileType)
	assert.Equal(t, postman.SpecFormatJSON, byPath["index.json"].File().Format())
	again, _, err := c.Specs.GetVersionTagFiles(ctx, spec.ID, v1.ID)
	require.NoError(t, err)
	assert.Equal(t, entries, again, "a snapshot does not change")

	entries, _, err = c.Specs.GetVersionTagFiles(ctx, spec.ID, v2.ID)
	require.NoError(t, err)
	for _, e := range entries {
		if e.Path == "components/schemas/pet.json" {
			assert.Equal(t, changed, e.Content)
		}
	}
	_, _, err = c.Specs.GetVersionTagFiles(ctx, spec.ID, "8f0bd8a4-0000-4000-8000-000000000000")
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, _, err = c.Specs.ListVersionTags(ctx, "8f0bd8a4-0000-4000-8000-000000000000", nil)
	assert.ErrorIs(t, err, postman.ErrNotFound)
}

func TestSpecSyncOptionsKeepOrphanedRequests(t *testing.T) {
	srv, c, spec := petsSpec(t)
	ctx := t.Context()
	colUID := generateFrom(t, c, spec.ID, "Pets")
	colID := colUID[strings.IndexByte(colUID, '-')+1:]

	opts, _, err := c.Specs.UpdateSyncOptions(ctx, spec.ID, colID, postman.SpecSyncSettings{DeleteOrphanedRequests: postman.Ptr(false)})
	require.NoError(t, err)
	require.NotNil(t, opts.SyncExamples)
	assert.True(t, *opts.SyncExamples, "unset options keep their default")
	assert.False(t, *opts.DeleteOrphanedRequests)
	opts, _, err = c.Specs.UpdateSyncOptions(ctx, spec.ID, colID, postman.SpecSyncSettings{SyncExamples: postman.Ptr(false)})
	require.NoError(t, err)
	assert.False(t, *opts.SyncExamples)
	assert.False(t, *opts.DeleteOrphanedRequests, "options set before stay")
	_, _, err = c.Collections.CreateResponse(ctx, colID, requestID(t, srv, colID, "List pets"), &postman.CollectionResponse{Name: "Two pets"})
	require.NoError(t, err)

	withoutPet := strings.Replace(petsOpenAPI, `"/pets/{petId}":{"get":{"summary":"Get a pet","responses":{"200":{"description":"ok"}}}}`,
		`"/owners":{"get":{"summary":"List owners","responses":{"200":{"description":"ok"}}}}`, 1)
	_, _, err = c.Specs.UpdateFile(ctx, spec.ID, "index.json", postman.SpecFileUpdateParams{Content: &withoutPet})
	require.NoError(t, err)
	sync, _, err := c.Specs.SyncCollectionFromSpec(ctx, colUID, spec.ID)
	require.NoError(t, err)
	_, _, err = c.Specs.WaitTask(ctx, sync)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"List owners", "List pets", "Get a pet"}, requestNames(t, srv, colID), "the orphaned request stays")
	assert.Contains(t, string(srv.CollectionDocument(colID)), `"Two pets"`, "the saved example stays")

	_, _, err = c.Specs.UpdateSyncOptions(ctx, spec.ID, colID, postman.SpecSyncSettings{DeleteOrphanedRequests: postman.Ptr(true)})
	require.NoError(t, err)
	sync, _, err = c.Specs.SyncCollectionFromSpec(ctx, colUID, spec.ID)
	require.NoError(t, err)
	_, _, err = c.Specs.WaitTask(ctx, sync)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"List owners", "List pets"}, requestNames(t, srv, colID))

	_, err = c.Do(ctx, http.MethodPatch, "/specs/"+spec.ID+"/collections/"+colID+"/sync-options", map[string]any{"other": true}, nil)
	assert.Equal(t, http.StatusBadRequest, statusOf(t, err))
	other := srv.AddCollection(srv.Workspaces()[0].ID, []byte(`{"info":{"name":"Other"},"item":[]}`))
	_, _, err = c.Specs.UpdateSyncOptions(ctx, spec.ID, other, postman.SpecSyncSettings{SyncExamples: postman.Ptr(false)})
	assert.ErrorIs(t, err, postman.ErrNotFound, "only collections generated from the spec have sync options")
}

// requestID returns the ID of the request named name in a stored
// collection.
func requestID(t *testing.T, srv *postmantest.Server, collectionID, name string) string {
	t.Helper()
	var doc struct {
		Item []struct {
			Item []struct{ ID, Name string }
		}
	}
	require.NoError(t, json.Unmarshal(srv.CollectionDocument(collectionID), &doc))
	for _, folder := range doc.Item {
		for _, it := range folder.Item {
			if it.Name == name {
				return it.ID
			}
		}
	}
	t.Fatalf("no request %q", name)
	return ""
}

// shopCollection is a collection with a folder of requests, a path
// variable and a saved example.
const shopCollection = `{"info":{"name":"Shop"},"variable":[{"key":"baseUrl","value":"https://shop.example.com"}],"item":[
  {"name":"orders","item":[
    {"name":"List orders","request":{"method":"GET","url":"{{baseUrl}}/orders?page=1"}},
    {"name":"Get an order","request":{"method":"GET","url":{"raw":"{{baseUrl}}/orders/:orderId","host":["{{baseUrl}}"],"path":["orders",":orderId"]}},
     "response":[{"name":"Found","code":200},{"name":"Missing","code":404}]}]}]}`

func TestSpecGeneratedFromCollectionAndSynced(t *testing.T) {
	srv, c := specServer(t)
	ctx := t.Context()
	ws := srv.Workspaces()[1].ID
	colID := srv.AddCollection(ws, []byte(shopCollection))

	task, _, err := c.Specs.GenerateSpec(ctx, uid(colID), postman.SpecGenerateParams{Name: "Shop API", Type: postman.SpecTypeOpenAPI31})
	require.NoError(t, err)
	assert.Equal(t, postman.SpecTaskOnCollection, task.Element)
	done, _, err := c.Specs.WaitTask(ctx, task)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecTaskModelSpec, done.Model)
	require.Len(t, done.Resources, 1)
	specID := done.Resources[0].ID
	assert.Equal(t, "/specs/"+specID, done.Resources[0].URL)

	spec, _, err := c.Specs.Get(ctx, specID)
	require.NoError(t, err)
	assert.Equal(t, "Shop API", spec.Name)
	assert.Equal(t, postman.SpecTypeOpenAPI31, spec.Type)
	assert.Equal(t, postman.SpecFormatJSON, spec.FileFormat)
	wsSpecs, _, err := c.Specs.List(ctx, ws, nil)
	require.NoError(t, err)
	require.Len(t, wsSpecs, 1, "the spec lands in the collection's workspace")
	def, _, err := c.Specs.GetDefinition(ctx, specID)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecTypeOpenAPI31, def.DetectedType())
	var doc struct {
		Servers []struct{ URL string }
		Paths   map[string]map[string]struct {
			Summary    string
			Parameters []struct{ Name, In string }
			Responses  map[string]struct{ Description string }
		}
	}
	raw, err := def.JSON()
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &doc))
	assert.Equal(t, "https://shop.example.com", doc.Servers[0].URL)
	assert.Equal(t, "List orders", doc.Paths["/orders"]["get"].Summary)
	get := doc.Paths["/orders/{orderId}"]["get"]
	assert.Equal(t, "Get an order", get.Summary)
	require.Len(t, get.Parameters, 1)
	assert.Equal(t, "orderId", get.Parameters[0].Name)
	assert.Equal(t, "Missing", get.Responses["404"].Description)

	generated, _, err := c.Specs.ListGeneratedSpecs(ctx, uid(colID), nil)
	require.NoError(t, err)
	require.Len(t, generated, 1)
	assert.Equal(t, specID, generated[0].ID)
	assert.Equal(t, postman.SpecInSync, generated[0].State)

	_, _, err = c.Collections.CreateRequest(ctx, colID, &postman.CollectionRequest{Name: "Cancel an order", Method: "DELETE",
		URL: "{{baseUrl}}/orders/:orderId"}, nil)
	require.NoError(t, err)
	generated, _, err = c.Specs.ListGeneratedSpecs(ctx, uid(colID), nil)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecOutOfSync, generated[0].State, "the collection changed")

	sync, _, err := c.Specs.SyncSpecFromCollection(ctx, specID, uid(colID))
	require.NoError(t, err)
	assert.Equal(t, postman.SpecTaskOnSpec, sync.Element)
	synced, _, err := c.Specs.WaitTask(ctx, sync)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecTaskCompleted, synced.Status)
	assert.Equal(t, specID, synced.Resources[0].ID)
	file, _, err := c.Specs.GetFile(ctx, specID, "index.json")
	require.NoError(t, err)
	assert.Contains(t, file.Content, "Cancel an order")
	generated, _, err = c.Specs.ListGeneratedSpecs(ctx, uid(colID), nil)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecInSync, generated[0].State)

	other := srv.AddCollection(ws, []byte(`{"info":{"name":"Other"},"item":[]}`))
	_, _, err = c.Specs.SyncSpecFromCollection(ctx, specID, uid(other))
	assert.ErrorIs(t, err, postman.ErrNotFound, "only a linked collection updates the spec")
	_, _, err = c.Specs.GenerateSpec(ctx, uid("8f0bd8a4-0000-4000-8000-000000000000"), postman.SpecGenerateParams{Name: "Nope"})
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, _, err = c.Specs.ListGeneratedSpecs(ctx, uid("8f0bd8a4-0000-4000-8000-000000000000"), nil)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	generated, _, err = c.Specs.ListGeneratedSpecs(ctx, uid(other), nil)
	require.NoError(t, err)
	assert.Empty(t, generated)
}

func TestSpecSyncFromGeneratedCollection(t *testing.T) {
	srv, c := specServer(t)
	ctx := t.Context()
	ws := srv.Workspaces()[0].ID
	spec, _, err := c.Specs.Create(ctx, ws, postman.SpecCreateParams{Name: "Pets", Type: postman.SpecTypeOpenAPI30,
		Files: []postman.SpecSourceFile{{Path: "index.json", Content: petsOpenAPI}}})
	require.NoError(t, err)
	first := generateFrom(t, c, spec.ID, "Pets")
	second := generateFrom(t, c, spec.ID, "Pets copy")
	firstID := first[strings.IndexByte(first, '-')+1:]
	_, _, err = c.Collections.CreateRequest(ctx, firstID, &postman.CollectionRequest{Name: "Adopt a pet", Method: "POST",
		URL: "{{baseUrl}}/pets/:petId/adoptions"}, nil)
	require.NoError(t, err)

	sync, _, err := c.Specs.SyncSpecFromCollection(ctx, spec.ID, first)
	require.NoError(t, err)
	_, _, err = c.Specs.WaitTask(ctx, sync)
	require.NoError(t, err)
	def, _, err := c.Specs.GetDefinition(ctx, spec.ID)
	require.NoError(t, err)
	assert.Contains(t, def.Content, `"/pets/{petId}/adoptions"`)
	states := map[string]postman.SpecSyncState{}
	generated, _, err := c.Specs.ListGeneratedCollections(ctx, spec.ID, nil)
	require.NoError(t, err)
	for _, g := range generated {
		states[g.Name] = g.State
	}
	assert.Equal(t, map[string]postman.SpecSyncState{"Pets": postman.SpecInSync, "Pets copy": postman.SpecOutOfSync}, states,
		"the spec now follows the first collection; the second is behind it")

	sync, _, err = c.Specs.SyncCollectionFromSpec(ctx, second, spec.ID)
	require.NoError(t, err)
	_, _, err = c.Specs.WaitTask(ctx, sync)
	require.NoError(t, err)
	assert.Contains(t, requestNames(t, srv, second[strings.IndexByte(second, '-')+1:]), "Adopt a pet", "the change reached the other collection through the spec")
}

func TestSpecGenerationFromCollectionTasks(t *testing.T) {
	t.Parallel() // it waits for tasks
	srv := postmantest.NewServer(postmantest.WithTaskDelay(300 * time.Millisecond))
	t.Cleanup(srv.Close)
	inVirtualTime(t, srv, func(t *testing.T, c *postman.Client) {
		ctx := t.Context()
		colID := srv.AddCollection(srv.Workspaces()[0].ID, []byte(shopCollection))

		task, _, err := c.Specs.GenerateSpec(ctx, uid(colID), postman.SpecGenerateParams{Name: "Shop", Format: postman.SpecGenerationYAML})
		require.NoError(t, err)
		pending, _, err := c.Specs.GetTask(ctx, task.Element, task.ElementID, task.TaskID)
		require.NoError(t, err)
		assert.Equal(t, postman.SpecTaskPending, pending.Status)
		_, _, err = c.Specs.GenerateSpec(ctx, uid(colID), postman.SpecGenerateParams{Name: "Again"})
		assert.Equal(t, http.StatusLocked, statusOf(t, err), "one generation at a time")
		done, _, err := c.Specs.WaitTask(ctx, task)
		require.NoError(t, err)
		specID := done.Resources[0].ID
		spec, _, err := c.Specs.Get(ctx, specID)
		require.NoError(t, err)
		assert.Equal(t, postman.SpecTypeOpenAPI30, spec.Type, "OpenAPI 3.0 by default")
		assert.Equal(t, postman.SpecFormatYAML, spec.FileFormat)
		def, _, err := c.Specs.GetDefinition(ctx, specID)
		require.NoError(t, err)
		assert.Equal(t, postman.SpecFormatYAML, def.Format)
		assert.Equal(t, postman.SpecTypeOpenAPI30, def.DetectedType())
		assert.Contains(t, def.Content, "\"/orders/{orderId}\":\n")

		srv.FailTasks("Failed to generate the spec")
		task, _, err = c.Specs.GenerateSpec(ctx, uid(colID), postman.SpecGenerateParams{Name: "Broken"})
		require.NoError(t, err)
		_, _, err = c.Specs.WaitTask(ctx, task)
		var failed *postman.TaskFailedError
		require.ErrorAs(t, err, &failed)
		assert.Equal(t, "Failed to generate the spec", failed.Details)
		generated, _, err := c.Specs.ListGeneratedSpecs(ctx, uid(colID), nil)
		require.NoError(t, err)
		assert.Len(t, generated, 1, "a failed generation makes no spec")

		_, _, err = c.Collections.CreateRequest(ctx, colID, &postman.CollectionRequest{Name: "Refund an order", Method: "POST",
			URL: "{{baseUrl}}/orders/:orderId/refunds"}, nil)
		require.NoError(t, err)
		sync, _, err := c.Specs.SyncSpecFromCollection(ctx, specID, uid(colID))
		require.NoError(t, err)
		_, _, err = c.Specs.WaitTask(ctx, sync)
		require.ErrorAs(t, err, &failed)
		file, _, err := c.Specs.GetFile(ctx, specID, "index.yaml")
		require.NoError(t, err)
		assert.NotContains(t, file.Content, "Refund an order", "a failed sync changes nothing")
		generated, _, err = c.Specs.ListGeneratedSpecs(ctx, uid(colID), nil)
		require.NoError(t, err)
		assert.Equal(t, postman.SpecOutOfSync, generated[0].State)

		srv.FailTasks("")
		sync, _, err = c.Specs.SyncSpecFromCollection(ctx, specID, uid(colID))
		require.NoError(t, err)
		_, _, err = c.Specs.WaitTask(ctx, sync)
		require.NoError(t, err)
		file, _, err = c.Specs.GetFile(ctx, specID, "index.yaml")
		require.NoError(t, err)
		assert.Contains(t, file.Content, "summary: \"Refund an order\"\n", "the root keeps its YAML format")
	}, postman.WithTaskPolling(10*time.Millisecond, 10*time.Millisecond))
}
