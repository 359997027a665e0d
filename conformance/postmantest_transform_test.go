package conformance_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// These tests read the OpenAPI documents postmantest generates from
// collections with an OpenAPI library, which the SDK's module does not
// carry; they live here for that.

// petsOpenAPI is a small definition to import.
const petsOpenAPI = `{"openapi":"3.0.0","info":{"title":"Pets","version":"1"},"servers":[{"url":"https://pets.example.com"}],
  "paths":{"/pets":{"get":{"summary":"List pets","responses":{"200":{"description":"ok"}}}},
           "/pets/{petId}":{"get":{"summary":"Get a pet","responses":{"200":{"description":"ok"}}}}}}`

// newClient returns a client of srv with no rate limit and no retries.
func newClient(t *testing.T, srv *postmantest.Server, key string) *postman.Client {
	t.Helper()
	c, err := postman.NewClient(key, postman.WithBaseURL(srv.URL), postman.WithoutRateLimit(), postman.WithMaxRetries(0))
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// uid is the UID the fake gives an element of its default user.
func uid(t *testing.T, srv *postmantest.Server, id string) string {
	t.Helper()
	me, _, err := newClient(t, srv, "any-key").Users.GetMe(t.Context())
	require.NoError(t, err)
	return fmt.Sprintf("%d-%s", me.User.ID, id)
}

// storeCollection is a collection with the parts a transformation reads:
// a host variable, path variables, query rows, a header, a JSON body,
// saved responses and API key auth.
const storeCollection = `{
  "info": {"name": "Store API", "description": "Buy things: yes, really."},
  "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "X-Api-Key"}, {"key": "value", "value": "{{apiKey}}"}]},
  "variable": [{"key": "baseUrl", "value": "https://store.example.com/v1"}],
  "item": [
    {"name": "orders", "item": [
      {"name": "List orders", "request": {"method": "GET",
        "header": [{"key": "X-Trace", "value": "on"}, {"key": "Accept", "value": "application/json"}],
        "url": {"raw": "{{baseUrl}}/orders?status=open&page=2", "host": ["{{baseUrl}}"], "path": ["orders"],
                "query": [{"key": "status", "value": "open"}, {"key": "page", "value": "2", "disabled": true}]}}},
      {"name": "Create an order", "request": {"method": "POST", "header": [],
        "body": {"mode": "raw", "raw": "{\"item\": \"book\", \"quantity\": 2, \"gift\": true, \"tags\": [\"x\"]}"},
        "url": {"raw": "{{baseUrl}}/orders", "host": ["{{baseUrl}}"], "path": ["orders"]}},
       "response": [{"name": "Created", "code": 201, "header": [{"key": "Content-Type", "value": "application/json; charset=utf-8"}],
                     "body": "{\"id\": \"o-1\", \"total\": 12.5}"}]},
      {"name": "Get an order", "request": {"method": "GET", "header": [],
        "url": {"raw": "{{baseUrl}}/orders/:orderId", "host": ["{{baseUrl}}"], "path": ["orders", ":orderId"]}}}
    ]}
  ]
}`

func TestTransformCollectionToOpenAPI(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	col := srv.AddCollection(srv.Workspaces()[0].ID, []byte(storeCollection))
	c := newClient(t, srv, "any-key")

	out, _, err := c.Collections.TransformToOpenAPI(t.Context(), col, nil)
	require.NoError(t, err)
	assert.Equal(t, postman.CollectionOpenAPIJSON, out.Format)
	doc, err := openapi3.NewLoader().LoadFromData(out.Definition)
	require.NoError(t, err)
	require.NoError(t, doc.Validate(t.Context()), string(out.Definition))
	assert.Equal(t, "3.0.3", doc.OpenAPI)
	assert.Equal(t, "Store API", doc.Info.Title)
	assert.Equal(t, "https://store.example.com/v1", doc.Servers[0].URL, "the host variable resolved")
	assert.Equal(t, []string{"/orders", "/orders/{orderId}"}, sortedPaths(doc))

	list := doc.Paths.Find("/orders").Get
	require.NotNil(t, list)
	assert.Equal(t, "listOrders", list.OperationID)
	assert.Equal(t, []string{"orders"}, list.Tags)
	require.NotNil(t, list.Parameters.GetByInAndName("query", "status"))
	assert.Nil(t, list.Parameters.GetByInAndName("query", "page"), "disabled rows are left out")
	require.NotNil(t, list.Parameters.GetByInAndName("header", "X-Trace"))
	assert.Nil(t, list.Parameters.GetByInAndName("header", "Accept"))

	create := doc.Paths.Find("/orders").Post
	require.NotNil(t, create)
	body := create.RequestBody.Value.Content.Get("application/json")
	require.NotNil(t, body)
	assert.Equal(t, &openapi3.Types{"integer"}, body.Schema.Value.Properties["quantity"].Value.Type)
	assert.Equal(t, &openapi3.Types{"array"}, body.Schema.Value.Properties["tags"].Value.Type)
	created := create.Responses.Status(201)
	require.NotNil(t, created)
	assert.Equal(t, "Created", *created.Value.Description)
	media := created.Value.Content.Get("application/json")
	require.NotNil(t, media)
	assert.Equal(t, &openapi3.Types{"number"}, media.Schema.Value.Properties["total"].Value.Type)

	get := doc.Paths.Find("/orders/{orderId}").Get
	require.NotNil(t, get)
	p := get.Parameters.GetByInAndName("path", "orderId")
	require.NotNil(t, p)
	assert.True(t, p.Required)
	assert.Equal(t, "X-Api-Key", doc.Components.SecuritySchemes["apiKey"].Value.Name)

	yaml, _, err := c.Collections.TransformToOpenAPI(t.Context(), uid(t, srv, col), &postman.CollectionTransformOptions{Format: postman.CollectionOpenAPIYAML})
	require.NoError(t, err)
	assert.Equal(t, postman.CollectionOpenAPIYAML, yaml.Format)
	assert.Contains(t, string(yaml.Definition), "openapi: \"3.0.3\"\n")
	fromYAML, err := openapi3.NewLoader().LoadFromData(yaml.Definition)
	require.NoError(t, err, string(yaml.Definition))
	require.NoError(t, fromYAML.Validate(t.Context()))
	a, _ := json.Marshal(doc)
	b, _ := json.Marshal(fromYAML)
	assert.JSONEq(t, string(a), string(b), "the YAML says what the JSON says")

	_, _, err = c.Collections.TransformToOpenAPI(t.Context(), "00000000-0000-4000-8000-000000000000", nil)
	assert.ErrorIs(t, err, postman.ErrNotFound)
}

// An imported definition comes back through the transformation with its
// paths and server.
func TestTransformRoundTripsAnImport(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	c := newClient(t, srv, "any-key")
	var imported struct {
		Collections []struct{ UID string } `json:"collections"`
	}
	_, err := c.Do(t.Context(), http.MethodPost, "/import/openapi?workspace="+ws, map[string]any{"type": "json", "input": json.RawMessage(petsOpenAPI)}, &imported)
	require.NoError(t, err)
	require.Len(t, imported.Collections, 1)

	out, _, err := c.Collections.TransformToOpenAPI(t.Context(), imported.Collections[0].UID, nil)
	require.NoError(t, err)
	doc, err := openapi3.NewLoader().LoadFromData(out.Definition)
	require.NoError(t, err)
	require.NoError(t, doc.Validate(t.Context()))
	assert.Equal(t, "Pets", doc.Info.Title)
	assert.Equal(t, "https://pets.example.com", doc.Servers[0].URL)
	assert.Equal(t, []string{"/pets", "/pets/{petId}"}, sortedPaths(doc))
	assert.Equal(t, "List pets", doc.Paths.Find("/pets").Get.Summary)
}

func sortedPaths(doc *openapi3.T) []string {
	paths := doc.Paths.InMatchingOrder()
	slices.Sort(paths)
	return paths
}
