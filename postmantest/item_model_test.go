package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/postmantest"
)

// TestRequestModelCarriesTheOlderFields reads a request through the item
// endpoints and checks the older model's copies of its scripts, path
// variables, description format and runtime settings, which
// getCollectionRequest's example carries.
func TestRequestModelCarriesTheOlderFields(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	id := srv.AddCollection(srv.Workspaces()[0].ID, []byte(`{
  "info": {"name": "Shop", "schema": "https://schema.postman.com/json/collection/v2.1.0/collection.json"},
  "item": [
    {"id": "c82dd02c-4870-4907-8fcb-593a876cf05b", "name": "Get order",
     "request": {"method": "GET", "description": {"content": "Reads **one** order.", "type": "text/markdown"},
       "url": {"raw": "https://example.com/orders/:orderId", "protocol": "https", "host": ["example", "com"], "path": ["orders", ":orderId"],
               "variable": [{"key": "orderId", "value": "42"}]},
       "body": {"mode": "raw", "raw": "{}", "disabled": true}},
     "protocolProfileBehavior": {"disableBodyPruning": true},
     "event": [
       {"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["pm.variables.set('t', Date.now());"]}},
       {"listen": "test", "script": {"type": "text/javascript", "exec": ["var data = JSON.parse(responseBody);", "tests['ok'] = true;"]}}
     ]},
    {"id": "fd7565b1-ec19-4d16-b5d4-a3116d1972fb", "name": "Health", "request": {"method": "GET", "url": "https://example.com/health", "description": "Plain."}}
  ]
}`))
	c := newClient(t, srv, "any-key")

	req, _, err := c.Collections.GetRequest(t.Context(), id, "c82dd02c-4870-4907-8fcb-593a876cf05b", nil)
	require.NoError(t, err)
	assert.Equal(t, "var data = JSON.parse(responseBody);\ntests['ok'] = true;", req.Tests)
	assert.Equal(t, "pm.variables.set('t', Date.now());", req.PreRequestScript)
	assert.Equal(t, map[string]string{"orderId": "42"}, req.PathVariables)
	assert.Equal(t, "markdown", req.DescriptionFormat)
	assert.JSONEq(t, `{"disableBodyPruning": true}`, string(req.ProtocolProfileBehavior))
	assert.True(t, req.DataDisabled)

	// A request without them answers nulls and an empty map, as the
	// example does.
	var raw struct {
		Data map[string]any `json:"data"`
	}
	_, err = c.Do(t.Context(), "GET", "/collections/"+id+"/requests/fd7565b1-ec19-4d16-b5d4-a3116d1972fb", nil, &raw)
	require.NoError(t, err)
	for _, k := range []string{"tests", "preRequestScript", "descriptionFormat", "protocolProfileBehavior", "variables", "headers", "currentHelper", "helperAttributes"} {
		v, ok := raw.Data[k]
		assert.True(t, ok, k)
		assert.Nil(t, v, k)
	}
	assert.Equal(t, map[string]any{}, raw.Data["pathVariables"])
	assert.Equal(t, false, raw.Data["dataDisabled"])
}
