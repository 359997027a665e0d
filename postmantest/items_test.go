package postmantest_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/collection"
	"github.com/postman-go/postman/postmantest"
)

// itemAnswer is the envelope of the item endpoints.
type itemAnswer struct {
	ModelID  string         `json:"model_id"`
	Data     map[string]any `json:"data"`
	Revision float64        `json:"revision"`
}

func TestCollectionFoldersThroughTheItemModel(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	colID := srv.AddCollection(srv.Workspaces()[0].ID, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	var folder itemAnswer
	_, err := c.Do(ctx, http.MethodPost, "/collections/"+uid(colID)+"/folders", map[string]any{"name": "owners", "description": "Pet owners"}, &folder)
	require.NoError(t, err)
	assert.Equal(t, "owners", folder.Data["name"])
	assert.Nil(t, folder.Data["folder"])
	assert.Equal(t, colID, folder.Data["collection"])
	var sub itemAnswer
	_, err = c.Do(ctx, http.MethodPost, "/collections/"+colID+"/folders", map[string]any{"name": "vets", "folder": uid(petsFolderID)}, &sub)
	require.NoError(t, err)
	assert.Equal(t, petsFolderID, sub.Data["folder"])
	assert.Greater(t, sub.Revision, folder.Revision, "every write is a new revision")
	assert.Equal(t, []string{"pets", "owners"}, itemNames(document(t, srv, colID)))
	assert.Equal(t, []string{"vets", "Get a pet", "Add a pet"}, itemNames(document(t, srv, colID), "pets"),
		"Postman lists a folder's subfolders before its requests")

	var got itemAnswer
	_, err = c.Do(ctx, http.MethodGet, "/collections/"+colID+"/folders/"+uid(petsFolderID), nil, &got)
	require.NoError(t, err)
	assert.Equal(t, []any{getPetID, addPetID}, got.Data["order"])
	assert.Equal(t, []any{sub.ModelID}, got.Data["folders_order"])

	_, err = c.Do(ctx, http.MethodPut, "/collections/"+colID+"/folders/"+folder.ModelID, map[string]any{"name": "people", "description": "Owners and vets"}, &got)
	require.NoError(t, err)
	assert.Equal(t, "Owners and vets", got.Data["description"])
	assert.Equal(t, []string{"pets", "people"}, itemNames(document(t, srv, colID)))

	_, err = c.Do(ctx, http.MethodDelete, "/collections/"+colID+"/folders/"+uid(petsFolderID), nil, &got)
	require.NoError(t, err)
	assert.Equal(t, []string{"people"}, itemNames(document(t, srv, colID)), "a folder goes with its content")
	_, err = c.Do(ctx, http.MethodGet, "/collections/"+colID+"/folders/"+sub.ModelID, nil, &got)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, err = c.Do(ctx, http.MethodGet, "/collections/"+colID, nil, new(json.RawMessage))
	require.NoError(t, err, "the document stays valid")
}

func TestCollectionRequestsAndResponsesThroughTheItemModel(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	colID := srv.AddCollection(srv.Workspaces()[0].ID, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	var req itemAnswer
	_, err := c.Do(ctx, http.MethodPost, "/collections/"+colID+"/requests?folderId="+petsFolderID, json.RawMessage(`{
	  "name": "Update a pet", "description": "Replaces a pet.", "method": "PUT",
	  "url": "https://pets.example.com/pets/:petId",
	  "headerData": [{"key": "Content-Type", "value": "application/json"}],
	  "queryParams": [{"key": "notify", "value": "true", "enabled": true}, {"key": "dryRun", "value": "1", "enabled": false}],
	  "dataMode": "raw", "rawModeData": "{\"name\": \"Rex\"}", "dataOptions": {"raw": {"language": "json"}},
	  "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]},
	  "events": [{"listen": "test", "script": {"type": "text/javascript", "exec": ["pm.response.to.have.status(200);"]}}]}`), &req)
	require.NoError(t, err)
	assert.Equal(t, petsFolderID, req.Data["folder"])

	// The stored document holds the request in the v2.1 format.
	stored := findByName(t, document(t, srv, colID), "Update a pet")
	request := stored["request"].(map[string]any)
	assert.Equal(t, "PUT", request["method"])
	url := request["url"].(map[string]any)
	assert.Equal(t, "https://pets.example.com/pets/:petId?notify=true", url["raw"])
	assert.Equal(t, []any{"pets", "example", "com"}, url["host"])
	assert.Equal(t, true, url["query"].([]any)[1].(map[string]any)["disabled"])
	assert.Equal(t, "raw", request["body"].(map[string]any)["mode"])
	assert.Len(t, stored["event"], 1)

	var got itemAnswer
	_, err = c.Do(ctx, http.MethodGet, "/collections/"+colID+"/requests/"+uid(req.ModelID), nil, &got)
	require.NoError(t, err)
	assert.Equal(t, "PUT", got.Data["method"])
	assert.Equal(t, `{"name": "Rex"}`, got.Data["rawModeData"])
	assert.Equal(t, "raw", got.Data["dataMode"])
	assert.Len(t, got.Data["queryParams"], 2)
	assert.Equal(t, "Content-Type", got.Data["headerData"].([]any)[0].(map[string]any)["key"])

	_, err = c.Do(ctx, http.MethodPut, "/collections/"+colID+"/requests/"+req.ModelID, map[string]any{"name": "Patch a pet", "method": "PATCH"}, &got)
	require.NoError(t, err)
	assert.Equal(t, "PATCH", got.Data["method"])
	assert.Equal(t, `{"name": "Rex"}`, got.Data["rawModeData"], "an update keeps what it does not name")

	// Saved responses belong to a request.
	var resp itemAnswer
	_, err = c.Do(ctx, http.MethodPost, "/collections/"+colID+"/responses?request="+req.ModelID, map[string]any{
		"name": "Updated", "responseCode": map[string]any{"code": 200, "name": "OK"},
		"headers": []any{map[string]any{"key": "Content-Type", "value": "application/json"}}, "text": `{"id": 1}`, "language": "json"}, &resp)
	require.NoError(t, err)
	assert.Equal(t, req.ModelID, resp.Data["request"])
	_, err = c.Do(ctx, http.MethodPut, "/collections/"+colID+"/responses/"+resp.ModelID, map[string]any{"responseCode": map[string]any{"code": 202}}, &got)
	require.NoError(t, err)
	_, err = c.Do(ctx, http.MethodGet, "/collections/"+colID+"/responses/"+uid(resp.ModelID), nil, &got)
	require.NoError(t, err)
	assert.Equal(t, "Updated", got.Data["name"])
	assert.EqualValues(t, 202, got.Data["responseCode"].(map[string]any)["code"])
	assert.Equal(t, `{"id": 1}`, got.Data["text"])
	examples := findByName(t, document(t, srv, colID), "Patch a pet")["response"].([]any)
	require.Len(t, examples, 1)
	assert.EqualValues(t, 202, examples[0].(map[string]any)["code"])
	assert.Equal(t, "Accepted", examples[0].(map[string]any)["status"])

	var requestOfResponse itemAnswer
	_, err = c.Do(ctx, http.MethodGet, "/collections/"+colID+"/requests/"+req.ModelID, nil, &requestOfResponse)
	require.NoError(t, err)
	assert.Equal(t, []any{resp.ModelID}, requestOfResponse.Data["responses_order"])

	_, err = c.Do(ctx, http.MethodDelete, "/collections/"+colID+"/responses/"+resp.ModelID, nil, &got)
	require.NoError(t, err)
	assert.Empty(t, findByName(t, document(t, srv, colID), "Patch a pet")["response"])
	_, err = c.Do(ctx, http.MethodDelete, "/collections/"+colID+"/requests/"+req.ModelID, nil, &got)
	require.NoError(t, err)
	assert.Equal(t, []string{"Get a pet", "Add a pet"}, itemNames(document(t, srv, colID), "pets"))
	_, err = c.Do(ctx, http.MethodGet, "/collections/"+colID+"/requests/"+petsFolderID, nil, &got)
	assert.ErrorIs(t, err, postman.ErrNotFound, "a folder is not a request")
	_, err = c.Do(ctx, http.MethodPost, "/collections/"+colID+"/responses?request=00000000-0000-4000-8000-000000000000", map[string]any{"name": "x"}, &got)
	assert.Error(t, err)
	_, err = c.Do(ctx, http.MethodGet, "/collections/"+colID, nil, new(json.RawMessage))
	require.NoError(t, err, "the document stays valid")
}

// findByName finds an item of a document by name, at any depth.
func findByName(t *testing.T, doc map[string]any, name string) map[string]any {
	t.Helper()
	var walk func(items []any) map[string]any
	walk = func(items []any) map[string]any {
		for _, it := range items {
			m := it.(map[string]any)
			if m["name"] == name {
				return m
			}
			if sub, ok := m["item"].([]any); ok {
				if found := walk(sub); found != nil {
					return found
				}
			}
		}
		return nil
	}
	items, _ := doc["item"].([]any)
	found := walk(items)
	require.NotNil(t, found, "item %q", name)
	return found
}

// TestItemWritesAsPostmanStoresThem covers what a collection-as-code sync
// relies on: a folder's auth, scripts and variables are written and
// cleared with null, path variables and a request's protocol profile
// behaviour survive, a response's requestObject is its original request,
// and Patch merges variables by key and stores events as the document's
// scripts.
func TestItemWritesAsPostmanStoresThem(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	colID := srv.AddCollection(srv.Workspaces()[0].ID, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()
	var got itemAnswer

	auth := map[string]any{"type": "bearer", "bearer": []any{map[string]any{"key": "token", "value": "t"}}}
	events := []any{map[string]any{"listen": "test", "script": map[string]any{"exec": []any{"pm.test('ok');"}}}}
	vars := []any{map[string]any{"key": "n", "value": "1"}}
	_, err := c.Do(ctx, http.MethodPut, "/collections/"+colID+"/folders/"+petsFolderID, map[string]any{"auth": auth, "events": events, "variables": vars}, &got)
	require.NoError(t, err)
	pets := findByName(t, document(t, srv, colID), "pets")
	assert.Equal(t, auth, pets["auth"])
	assert.Equal(t, events, pets["event"])
	assert.Equal(t, vars, pets["variable"])
	_, err = c.Do(ctx, http.MethodPut, "/collections/"+colID+"/folders/"+petsFolderID, map[string]any{"auth": nil, "events": nil, "variables": nil}, &got)
	require.NoError(t, err)
	pets = findByName(t, document(t, srv, colID), "pets")
	assert.NotContains(t, pets, "auth", "null inherits")
	assert.NotContains(t, pets, "event")
	assert.NotContains(t, pets, "variable")

	_, err = c.Do(ctx, http.MethodPut, "/collections/"+colID+"/requests/"+getPetID, map[string]any{
		"pathVariableData":        []any{map[string]any{"key": "petId", "value": "7", "description": "the pet"}},
		"protocolProfileBehavior": map[string]any{"followRedirects": false}}, &got)
	require.NoError(t, err)
	_, err = c.Do(ctx, http.MethodPut, "/collections/"+colID+"/requests/"+getPetID, map[string]any{"url": "{{baseUrl}}/v2/pets/:petId"}, &got)
	require.NoError(t, err)
	getPet := findByName(t, document(t, srv, colID), "Get a pet")
	url := getPet["request"].(map[string]any)["url"].(map[string]any)
	assert.Equal(t, "{{baseUrl}}/v2/pets/:petId", url["raw"])
	assert.Equal(t, []any{map[string]any{"key": "petId", "value": "7", "description": "the pet"}}, url["variable"], "a new URL keeps the path variables")
	assert.Equal(t, map[string]any{"followRedirects": false}, getPet["protocolProfileBehavior"])

	// A null time clears the stored one, as Collections.Sync sends it; the
	// description types time as a string only, so this request goes
	// unvalidated.
	_, err = newPlainClient(t, srv).Do(ctx, http.MethodPut, "/collections/"+colID+"/responses/"+getPetOKID, map[string]any{
		"requestObject": `{"method": "POST", "url": "https://pets.example.com/pets?x=1", "headerData": [{"key": "Accept", "value": "*/*"}], "dataMode": "raw", "rawModeData": "{}"}`,
		"time":          nil, "language": "json"}, &got)
	require.NoError(t, err)
	ok := findByName(t, document(t, srv, colID), "Get a pet")["response"].([]any)[0].(map[string]any)
	orig := ok["originalRequest"].(map[string]any)
	assert.Equal(t, "POST", orig["method"])
	assert.Equal(t, "https://pets.example.com/pets?x=1", orig["url"].(map[string]any)["raw"])
	assert.Equal(t, []any{map[string]any{"key": "Accept", "value": "*/*"}}, orig["header"])
	assert.Equal(t, map[string]any{"mode": "raw", "raw": "{}"}, orig["body"])
	assert.Equal(t, "json", ok["_postman_previewlanguage"])
	assert.NotContains(t, ok, "responseTime")

	_, _, err = c.Collections.Patch(ctx, colID, postman.CollectionPatchParams{Variables: []collection.Variable{collection.NewVariable("a", "1"), collection.NewVariable("b", "2")}})
	require.NoError(t, err)
	_, _, err = c.Collections.Patch(ctx, colID, postman.CollectionPatchParams{
		Variables: []collection.Variable{collection.NewVariable("c", "3"), collection.NewVariable("a", "one")},
		Events:    []collection.Event{{Listen: "test", Script: &collection.Script{ID: "s1", Exec: []string{"pm.test('x');"}}}}})
	require.NoError(t, err)
	doc := document(t, srv, colID)
	var keys, values []string
	for _, v := range doc["variable"].([]any) {
		keys = append(keys, v.(map[string]any)["key"].(string))
		values = append(values, v.(map[string]any)["value"].(string))
	}
	assert.Equal(t, []string{"a", "b", "c"}, keys, "a patch changes variables by key and appends new ones")
	assert.Equal(t, []string{"one", "2", "3"}, values)
	assert.Len(t, doc["event"], 1, "the patch's events are the document's scripts")
	assert.NotContains(t, doc, "events")
}
