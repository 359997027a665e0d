package postman

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestAPIsListSchemaFilesDecodes(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	files, resp, err := c.APIs.ListSchemaFiles(t.Context(), testAPIID, testAPISchemaID, &APISchemaFileListOptions{VersionID: testAPIVersionID})
	require.NoError(t, err)
	require.Len(t, files, 2)
	assert.Equal(t, "data-model/error.yaml", files[0].Path)
	assert.Equal(t, "error.yaml", files[0].Name)
	assert.Equal(t, APIUserID("12345678"), files[0].UpdatedBy, "numeric user IDs decode too")
	assert.NotEmpty(t, resp.NextCursor)
	req, _ := h.LastRequest()
	assert.Equal(t, testAPIVersionID, req.URL.Query().Get("versionId"))
}

func TestAPIsListSchemaFilesIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getApiSchemaFiles", func(w http.ResponseWriter, r *http.Request) {
		served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		list := []any{}
		for i := start; i < min(start+limit, 7); i++ {
			list = append(list, map[string]any{"id": fmt.Sprintf("f-%d", i), "path": fmt.Sprintf("dir/f%d.yaml", i)})
		}
		page := map[string]any{"files": list}
		if start+limit < 7 {
			page["meta"] = map[string]any{"nextCursor": strconv.Itoa(start + limit)}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(page)
	})
	c := newTestClient(t, h.URL)
	opts := &APISchemaFileListOptions{VersionID: testAPIVersionID, CursorOptions: CursorOptions{Limit: 3}}
	var paths []string
	for f, err := range c.APIs.ListSchemaFilesIter(t.Context(), testAPIID, testAPISchemaID, opts) {
		require.NoError(t, err)
		paths = append(paths, f.Path)
	}
	require.Len(t, paths, 7)
	assert.Equal(t, "dir/f6.yaml", paths[6])
	assert.Equal(t, 3, served)
	for _, r := range h.Requests() {
		assert.Equal(t, testAPIVersionID, r.URL.Query().Get("versionId"))
	}

	served = 0
	for f, err := range c.APIs.ListSchemaFilesIter(t.Context(), testAPIID, testAPISchemaID, opts) {
		require.NoError(t, err)
		if f.ID == "f-1" {
			break
		}
	}
	assert.Equal(t, 1, served)
}

func TestAPIsGetSchemaFileContent(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	file, _, err := c.APIs.GetSchemaFile(t.Context(), testAPIID, testAPISchemaID, "common/Test.json", nil)
	require.NoError(t, err)
	assert.Equal(t, "Test.json", file.Name)
	assert.Equal(t, "common/Test.json", file.Path)
	assert.True(t, strings.HasPrefix(file.Content, "openapi: '3.0.0'\n"))
	assert.Equal(t, APISchemaFileYAML, file.Format(), "the content decides: Postman's example holds YAML in a .json file")
	assert.Equal(t, 2023, file.CreatedAt.Year())

	req, _ := h.LastRequest()
	assert.Equal(t, "/apis/"+testAPIID+"/schemas/"+testAPISchemaID+"/files/common%2FTest.json", req.URL.EscapedPath(),
		"the file path travels as one escaped segment")
}

func TestAPIsPutAndDeleteSchemaFile(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	file, _, err := c.APIs.ReplaceSchemaFile(t.Context(), testAPIID, testAPISchemaID, "index.json", APISchemaFileReplaceParams{Root: &APISchemaFileRoot{Enabled: true}})
	require.NoError(t, err)
	assert.Equal(t, "2fdc8ea1-d02e-4e50-989e-6fa28f42b995", file.ID)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.JSONEq(t, `{"root":{"enabled":true}}`, string(body), "nil fields are left out")

	_, _, err = c.APIs.ReplaceSchemaFile(t.Context(), testAPIID, testAPISchemaID, "dir/empty.yaml", APISchemaFileReplaceParams{Content: Ptr("")})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"content":""}`, string(body), "an empty file can be written")

	resp, err := c.APIs.DeleteSchemaFile(t.Context(), testAPIID, testAPISchemaID, "dir/../index.json")
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	req, _ = h.LastRequest()
	assert.True(t, strings.HasSuffix(req.URL.EscapedPath(), "/files/dir%2F..%2Findex.json"), "dot segments inside a file path stay inside it")

	_, err = c.APIs.DeleteSchemaFile(t.Context(), testAPIID, testAPISchemaID, "..")
	assert.ErrorIs(t, err, ErrInvalidArgument)
}

func TestAPIDetectFormat(t *testing.T) {
	cases := []struct {
		name, content string
		want          APISchemaFileFormat
	}{
		{"index.json", `{"openapi":"3.0.0"}`, APISchemaFileJSON},
		{"index.json", "openapi: 3.0.0", APISchemaFileYAML},
		{"index.json", "", APISchemaFileJSON},
		{"index.yaml", "", APISchemaFileYAML},
		{"", "\ufeff  [1]", APISchemaFileJSON},
		{"api.raml", "#%RAML 1.0\ntitle: x", APISchemaFileYAML},
		{"posts.graphql", "type Query {\r\n  allPosts: [Post]\r\n}", APISchemaFileGraphQL},
		{"index.proto", "message A {}", APISchemaFileProtobuf},
		{"", "syntax = \"proto3\";\nmessage A {}", APISchemaFileProtobuf},
		{"service.wsdl", "", APISchemaFileXML},
		{"", "<?xml version=\"1.0\"?><definitions/>", APISchemaFileXML},
		{"", "", APISchemaFileUnknown},
		{"", "asyncapi: 2.6.0", APISchemaFileYAML},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, apiDetectFormat(tc.name, tc.content), "%q %q", tc.name, tc.content)
	}
}

func TestAPIsSchemaFileGitLinked(t *testing.T) {
	h := conformance.New(t)
	h.Status("createUpdateApiSchemaFile", http.StatusUnprocessableEntity)
	c := newTestClient(t, h.URL)
	_, _, err := c.APIs.ReplaceSchemaFile(t.Context(), testAPIID, testAPISchemaID, "index.json", APISchemaFileReplaceParams{Content: Ptr("{}")})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "actionNotAllowedError", apiErr.Type)
	assert.Contains(t, err.Error(), "not allowed for Git linked APIs")
}
