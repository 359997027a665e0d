package postman

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestAPIsCreateSchemaSendsFilesAndDecodes(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	schema, _, err := c.APIs.CreateSchema(t.Context(), testAPIID, APISchemaCreateParams{Type: APISchemaProto2,
		Files: []APISchemaFileSource{{Path: "index.proto", Content: "syntax = \"proto2\";", Root: &APISchemaFileRoot{Enabled: true}}}})
	require.NoError(t, err)
	assert.Equal(t, "b4fc1bdc-6587-4f9b-95c9-f768146089b4", schema.ID)
	assert.Equal(t, APISchemaOpenAPI3, schema.Type)
	require.Len(t, schema.Files, 1, "CreateSchema's answer lists the files as an array")
	f := schema.Files[0]
	assert.Equal(t, "index.json", f.Path)
	require.NotNil(t, f.Root)
	assert.True(t, f.Root.Enabled)
	assert.Equal(t, APIUserID("12345678"), f.CreatedBy)
	assert.Empty(t, schema.FilesNextCursor)

	_, body := h.LastRequest()
	assert.JSONEq(t, `{"type":"proto:2","files":[{"path":"index.proto","content":"syntax = \"proto2\";","root":{"enabled":true}}]}`, string(body))
}

func TestAPIsGetSchemaDecodesFilePage(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	schema, _, err := c.APIs.GetSchema(t.Context(), testAPIID, testAPISchemaID, nil)
	require.NoError(t, err)
	require.Len(t, schema.Files, 1, "GetSchema's answer pages the files under data")
	assert.Equal(t, "dir/s1.json", schema.Files[0].Path)
	assert.Equal(t, "eyJzY2hlbWUiOiJwYXRoX2FzYyIsImRpcmVjdGlvblR5cGUiOiJuZXh0IiwicGl2b3QiOiJwYXRoIiwidmFsdWUiOiJkaXIvczEuanNvbiJ9",
		schema.FilesNextCursor, "the next page's path becomes a ListSchemaFiles cursor")
	assert.Empty(t, schema.Content)
	req, _ := h.LastRequest()
	assert.Empty(t, req.URL.RawQuery)

	// The cursor continues with ListSchemaFiles.
	_, _, err = c.APIs.ListSchemaFiles(t.Context(), testAPIID, testAPISchemaID, &APISchemaFileListOptions{CursorOptions: CursorOptions{Cursor: schema.FilesNextCursor}})
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Equal(t, schema.FilesNextCursor, req.URL.Query().Get("cursor"))
}

func TestAPIsGetSchemaBundled(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getApiSchema", apiJSON(http.StatusOK, `{"id":"`+testAPISchemaID+`","type":"openapi:3","createdBy":"12345678","updatedBy":"12345678",`+
		`"createdAt":"2022-03-29T11:37:15Z","updatedAt":"2022-03-29T11:37:15Z","content":"openapi: '3.0.0'\ninfo:\n  title: Sample API\n"}`))
	c := newTestClient(t, h.URL)
	schema, _, err := c.APIs.GetSchema(t.Context(), testAPIID, testAPISchemaID, &APISchemaGetOptions{VersionID: testAPIVersionID, Bundled: true})
	require.NoError(t, err)
	assert.Equal(t, "openapi: '3.0.0'\ninfo:\n  title: Sample API\n", schema.Content)
	assert.Equal(t, APISchemaFileYAML, schema.ContentFormat())
	assert.Nil(t, schema.Files)
	req, _ := h.LastRequest()
	assert.Equal(t, "true", req.URL.Query().Get("bundled"))
	assert.Equal(t, testAPIVersionID, req.URL.Query().Get("versionId"))
}

func TestAPISchemaJSONRoundTrip(t *testing.T) {
	in := `{"id":"s","type":"graphql","files":{"data":[{"id":"f","name":"a.graphql","path":"a.graphql"}],"meta":{"nextPath":"/apis/a/schemas/s/files?cursor=next"}}}`
	var s APISchema
	require.NoError(t, json.Unmarshal([]byte(in), &s))
	assert.Equal(t, "next", s.FilesNextCursor)
	out, err := json.Marshal(s)
	require.NoError(t, err)
	var back APISchema
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, APISchemaGraphQL, back.Type)
	require.Len(t, back.Files, 1)
	assert.Equal(t, "a.graphql", back.Files[0].Path)
}

func TestAPIsSchemaNotFound(t *testing.T) {
	h := conformance.New(t)
	h.Status("getApiSchema", http.StatusNotFound)
	c := newTestClient(t, h.URL)
	_, _, err := c.APIs.GetSchema(t.Context(), testAPIID, testAPISchemaID, nil)
	assert.ErrorIs(t, err, ErrNotFound)
}
