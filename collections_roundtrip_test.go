package postman

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/collection"
	"github.com/postman-go/postman/internal/conformance"
	"github.com/postman-go/postman/postmantest"
)

// collRichDocument exercises what a lossless round trip must keep:
// nested folders, unknown keys at every level, object-form and null
// descriptions, numbers beyond float64 and in unusual forms, a v2.0
// object-form auth and a string URL deep inside. What sits at the top
// level conforms to the description's schema of PUT /collections/{id}
// (v2.1.0 schema URL on schema.postman.com, array-form auth, string
// descriptions, an ID on every item); the description does not
// constrain nested items, so the unusual forms live there.
const collRichDocument = `{
	"info": {
		"_postman_id": "12ece9e1-2abf-4edc-8e34-de66e74114d2",
		"name": "Rich Collection",
		"description": "Top-level descriptions must be strings.",
		"schema": "https://schema.postman.com/json/collection/v2.1.0/collection.json",
		"_exporter_id": "12345678",
		"x-custom": {"nested": [1, 2.50, 1E+3, -0.0, 123456789012345678901234567890]}
	},
	"item": [
		{
			"id": "0f8fad5b-d9cb-469f-a165-70867728950e",
			"name": "Folder",
			"description": "A folder.",
			"x-folder-meta": {"order": 12345678901234567890},
			"item": [
				{
					"name": "Subfolder",
					"description": {"content": "# Heading\n\nMarkdown *text* <b>with</b> & \u00e9.", "type": "text/markdown", "version": "1.0"},
					"item": [
						{
							"id": "r-deep",
							"name": "Deep request",
							"request": {
								"method": "POST",
								"url": {"raw": "https://api.example.com/v1/things?limit=10", "protocol": "https", "host": ["api", "example", "com"], "path": ["v1", "things"],
									"query": [{"key": "limit", "value": "10", "description": {"content": "Page size", "type": "text/plain"}}]},
								"header": "Content-Type: application/json\n",
								"body": {"mode": "raw", "raw": "{\"n\": 1.0000000000000000001}", "options": {"raw": {"language": "json"}}},
								"description": {"content": "Creates a thing.", "type": "text/markdown"},
								"auth": {"type": "jwt", "jwt": {"secret": "s3cr3t", "algorithm": "HS256", "isSecretBase64Encoded": false}}
							},
							"response": [{"name": "ok", "code": 200, "status": "OK", "body": "{}", "responseTime": 123.456000, "header": null, "cookie": []}],
							"event": [{"listen": "test", "script": {"exec": "a single line", "type": "text/javascript", "packages": {}}}],
							"protocolProfileBehavior": {"disableBodyPruning": true, "x-unknown": [1, {"a": null}]}
						},
						{"name": "Empty folder", "item": [], "auth": null, "description": null}
					]
				},
				{"id": "r2", "name": "String URL", "request": {"method": "GET", "url": "https://example.com/{{path}}"}, "response": []}
			]
		},
		{
			"id": "8d021b74-ecb5-460d-ac52-0d1e496d43d1",
			"name": "Top request",
			"description": null,
			"request": {"method": "GET", "url": "https://example.com", "header": [], "description": "Plain."},
			"response": [],
			"x-item-extra": true
		}
	],
	"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]},
	"event": [{"listen": "prerequest", "script": {"id": "4981dd69-6138-45f6-990e-f122b267557f", "type": "text/javascript", "exec": ["console.log(1);", ""]}}],
	"variable": [
		{"key": "big", "value": 12345678901234567890, "type": "number"},
		{"key": "flag", "value": false, "disabled": true},
		{"key": "text", "value": "caf\u00e9 \u2603"}
	],
	"protocolProfileBehavior": {"followRedirects": false},
	"x-top": [null, true, -0.0, 1E+2, "\u003cscript\u003e"]
}`

// collCompact compacts JSON text, keeping its key order and number forms.
func collCompact(t testing.TB, doc []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, json.Compact(&buf, doc))
	return buf.Bytes()
}

// collDecodeExact decodes JSON with numbers kept as their text, so that
// comparing two documents sees every digit.
func collDecodeExact(t testing.TB, doc []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	return v
}

// collInner returns the document inside a {"collection": …} envelope.
func collInner(t testing.TB, body []byte) []byte {
	t.Helper()
	var env struct {
		Collection json.RawMessage `json:"collection"`
	}
	require.NoError(t, json.Unmarshal(body, &env))
	require.NotEmpty(t, env.Collection)
	return env.Collection
}

func TestCollectionsGetThenReplaceIsLossless(t *testing.T) {
	h := conformance.New(t)
	served := collCompact(t, []byte(collRichDocument))
	collServe(h, "getCollection", http.StatusOK, []byte(`{"collection":`+string(served)+`}`))
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	col, _, err := c.Collections.Get(ctx, collTestID, nil)
	require.NoError(t, err)
	require.NotNil(t, col.FindPath("Folder", "Subfolder", "Deep request"))

	_, _, err = c.Collections.Replace(ctx, collTestID, col)
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	sent := collInner(t, body)
	assert.Equal(t, collDecodeExact(t, served), collDecodeExact(t, sent), "the PUT body is the document GET served")
	// Key order and number forms are kept too: the bytes are the same but
	// for the escape in a typed string (\u00e9), which is written as the
	// character it stands for.
	assert.Equal(t, strings.Replace(string(served), `\u00e9.`, "é.", 1), string(sent))
	for _, digits := range []string{"12345678901234567890", "123456789012345678901234567890", "123.456000", "1E+3", "-0.0", "2.50"} {
		assert.Contains(t, string(sent), digits)
	}

	// The same through the asynchronous path.
	h.Status("putCollection", http.StatusAccepted)
	_, _, err = c.Collections.ReplaceAsync(ctx, collTestID, col)
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.Equal(t, collDecodeExact(t, served), collDecodeExact(t, collInner(t, body)))
}

// collPostmantestWorkspace returns the ID of the team workspace
// postmantest starts with.
func collPostmantestWorkspace(t testing.TB, srv *postmantest.Server) string {
	t.Helper()
	for _, ws := range srv.Workspaces() {
		if ws.Type == "team" {
			return ws.ID
		}
	}
	t.Fatal("postmantest has no team workspace")
	return ""
}

// collGetRaw fetches a collection's raw answer from postmantest.
func collGetRaw(t testing.TB, c *Client, id string) []byte {
	t.Helper()
	var raw json.RawMessage
	_, err := c.Do(t.Context(), http.MethodGet, "/collections/"+id, nil, &raw)
	require.NoError(t, err)
	return collInner(t, raw)
}

// collWithoutUpdatedAt drops info.updatedAt, which a PUT changes.
func collWithoutUpdatedAt(t testing.TB, doc []byte) any {
	t.Helper()
	v := collDecodeExact(t, doc).(map[string]any)
	info := v["info"].(map[string]any)
	require.Contains(t, info, "updatedAt")
	delete(info, "updatedAt")
	return v
}

func TestCollectionsRoundTripThroughPostmantest(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv.URL)
	ctx := t.Context()
	ws := collPostmantestWorkspace(t, srv)

	for name, seed := range map[string]func() string{
		"AddCollection": func() string { return srv.AddCollection(ws, []byte(collRichDocument)) },
		"Create": func() string {
			ref, _, err := c.Collections.Create(ctx, ws, collTestParse(t, collRichDocument))
			require.NoError(t, err)
			return ref.ID
		},
	} {
		t.Run(name, func(t *testing.T) {
			id := seed()
			before := collGetRaw(t, c, id)

			col, _, err := c.Collections.Get(ctx, id, nil)
			require.NoError(t, err)
			info, err := CollectionInfoOf(col)
			require.NoError(t, err)
			assert.NotEmpty(t, info.UID)
			_, _, err = c.Collections.Replace(ctx, id, col)
			require.NoError(t, err)

			after := collGetRaw(t, c, id)
			assert.Equal(t, collWithoutUpdatedAt(t, before), collWithoutUpdatedAt(t, after), "get → put → get leaves the collection unchanged")

			again, _, err := c.Collections.Get(ctx, id, nil)
			require.NoError(t, err)
			task, _, err := c.Collections.ReplaceAsync(ctx, id, again)
			require.NoError(t, err)
			_, _, err = c.Collections.WaitUpdate(ctx, task)
			require.NoError(t, err)
			assert.Equal(t, collWithoutUpdatedAt(t, before), collWithoutUpdatedAt(t, collGetRaw(t, c, id)), "the asynchronous replace too")
		})
	}
}

// Created through the API, whose body postmantest decodes with every
// digit, the stored document is the one sent, big numbers included.
func TestCollectionsCreateKeepsBigNumbersInPostmantest(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv.URL)
	ref, _, err := c.Collections.Create(t.Context(), collPostmantestWorkspace(t, srv), collTestParse(t, collRichDocument))
	require.NoError(t, err)

	col, _, err := c.Collections.Get(t.Context(), ref.ID, nil)
	require.NoError(t, err)
	v, ok := col.Variables[0].Value.Number()
	require.True(t, ok)
	assert.Equal(t, "12345678901234567890", v.String())
	deep := col.FindPath("Folder", "Subfolder", "Deep request")
	require.NotNil(t, deep)
	require.Len(t, deep.Responses, 1)
	got, err := json.Marshal(col)
	require.NoError(t, err)
	assert.True(t, strings.Contains(string(got), "123456789012345678901234567890"))
	assert.Equal(t, "text/markdown", col.FindPath("Folder", "Subfolder").Description.Type(), "object descriptions stay objects")
	assert.Equal(t, collection.FormatV21, col.Format())
}
