package postmantest_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/collection"
	"github.com/postman-go/postman/postmantest"
)

// TestCollectionWritesTakeOnlyTheV21Format sends collections the
// description refuses (so through the plain client, whose requests are not
// validated) and checks the 400s putCollection documents.
func TestCollectionWritesTakeOnlyTheV21Format(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	existing := srv.AddCollection(ws, []byte(`{"info":{"name":"Orders","schema":"https://schema.postman.com/json/collection/v2.1.0/collection.json"},"item":[]}`))
	raw := newPlainClient(t, srv)

	v20 := collection.New("Legacy")
	v20.Info.Schema = collection.SchemaURLV20
	noSchema := collection.New("Bare")
	noSchema.Info.Schema = ""
	for _, tc := range []struct {
		name   string
		doc    *collection.Collection
		detail string
	}{
		{"v2.0.0", v20, "info.schema: must be equal to one of the allowed values"},
		{"no schema", noSchema, "info: must have required property 'schema'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, call := range []func() error{
				func() error { _, _, err := raw.Collections.Create(t.Context(), ws, tc.doc); return err },
				func() error { _, _, err := raw.Collections.Replace(t.Context(), existing, tc.doc); return err },
			} {
				var apiErr *postman.APIError
				require.ErrorAs(t, call(), &apiErr)
				assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
				assert.Equal(t, "malformedRequestError", apiErr.Name)
				assert.Equal(t, "Found 1 errors with the supplied collection.", apiErr.Message)
				var details []string
				require.NoError(t, json.Unmarshal(apiErr.Details, &details))
				assert.Equal(t, []string{tc.detail}, details)
			}

			_, _, err := raw.Collections.ReplaceAsync(t.Context(), existing, tc.doc)
			var apiErr *postman.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
			assert.Equal(t, "Malformed request", apiErr.Title)
			assert.Contains(t, apiErr.Detail, "Unable to parse the collection.")
		})
	}

	got, _, err := raw.Collections.Get(t.Context(), existing, nil)
	require.NoError(t, err)
	assert.Equal(t, "Orders", got.Info.Name, "a refused replacement leaves the collection alone")
	list, _, err := raw.Collections.List(t.Context(), &postman.CollectionListOptions{WorkspaceID: ws})
	require.NoError(t, err)
	assert.Len(t, list, 1, "a refused creation stores nothing")
}

func TestCollectionWritesTakeTheV21FormatOnEitherHost(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	raw := newPlainClient(t, srv)
	doc := collection.New("Exported") // schema.getpostman.com, as Postman exports
	ref, _, err := raw.Collections.Create(t.Context(), ws, doc)
	require.NoError(t, err)
	doc.Info.Schema = "https://schema.postman.com/json/collection/v2.1.0/collection.json"
	_, _, err = raw.Collections.Replace(t.Context(), ref.ID, doc)
	require.NoError(t, err)
}

func TestGetMinimalAnswersTheOutline(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	id := srv.AddCollection(srv.Workspaces()[0].ID, []byte(`{
  "info": {"name": "Shop", "description": "Orders and carts.", "schema": "https://schema.postman.com/json/collection/v2.1.0/collection.json"},
  "item": [
    {"id": "8178d96f-7504-4273-9ca2-26c2ac725a5b", "name": "Health", "request": {"method": "GET", "url": "https://example.com/health"}},
    {"id": "803151f5-57f1-4ae5-8f75-4919dbd20372", "name": "Orders", "item": [
      {"id": "3860896c-11fe-4c32-9f0a-88625977c8dc", "name": "List orders", "request": {"method": "GET", "url": "https://example.com/orders"}}]},
    {"id": "fd7565b1-ec19-4d16-b5d4-a3116d1972fb", "name": "Version", "request": {"method": "GET", "url": "https://example.com/version"}}
  ],
  "variable": [{"key": "userId", "value": "12345678"}],
  "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "x-api-key", "type": "string"}]},
  "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": ["pm.test('ok', () => {})"]}}]
}`))
	c := newClient(t, srv, "any-key")
	me, _, err := c.Users.GetMe(t.Context())
	require.NoError(t, err)
	uid := func(id string) string { return strconv.FormatInt(me.User.ID, 10) + "-" + id }

	m, _, err := c.Collections.GetMinimal(t.Context(), id, nil)
	require.NoError(t, err)
	assert.Equal(t, "Shop", m.Info.Name)
	assert.Equal(t, uid(id), m.Info.UID)
	assert.Empty(t, m.Info.Schema, "the minimal model has no schema URL")
	assert.Equal(t, []string{uid("8178d96f-7504-4273-9ca2-26c2ac725a5b"), uid("fd7565b1-ec19-4d16-b5d4-a3116d1972fb")}, m.RootLevelRequests)
	assert.Equal(t, []string{uid("803151f5-57f1-4ae5-8f75-4919dbd20372")}, m.RootLevelFolders)
	require.Len(t, m.Variables, 1)
	assert.Equal(t, "userId", m.Variables[0].Key)
	require.NotNil(t, m.Auth)
	assert.Equal(t, "apikey", string(m.Auth.Type))
	require.Len(t, m.Events, 1)
	assert.Equal(t, "test", m.Events[0].Listen)

	var raw map[string]json.RawMessage
	_, err = c.Do(t.Context(), http.MethodGet, "/collections/"+id+"?model=minimal", nil, &raw)
	require.NoError(t, err)
	var body map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(raw["collection"], &body))
	assert.NotContains(t, body, "item", "the outline lists IDs, not items")
	assert.NotContains(t, body, "event", `the scripts are under "events"`)

	full, _, err := c.Collections.Get(t.Context(), id, nil)
	require.NoError(t, err)
	assert.Len(t, full.Items, 3, "the full model still has the items")
}
