package postman

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestSpecsGetFileDecodesContent(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	// The harness answers the "Nested Spec File" example.
	file, _, err := c.Specs.GetFile(t.Context(), specTestSpecID, "components/schemas/spacecrafts.json")
	require.NoError(t, err)
	assert.Equal(t, "edc9f9f1-c0df-4a9a-9b5b-d4c7359d92ab", file.ID)
	assert.Equal(t, SpecFileDefault, file.Type)
	assert.Equal(t, "spacecrafts.json", file.Name)
	assert.Equal(t, int64(12345678), file.UpdatedBy)
	assert.Equal(t, SpecFormatJSON, file.Format())
	assert.Empty(t, file.DetectedType(), "a referenced file declares no specification type")

	raw, err := file.JSON()
	require.NoError(t, err)
	var doc struct {
		Spacecraft struct {
			Required []string `json:"required"`
		} `json:"Spacecraft"`
	}
	require.NoError(t, json.Unmarshal(raw, &doc))
	assert.Equal(t, []string{"id", "name", "type"}, doc.Spacecraft.Required)

	src := file.Source()
	assert.Equal(t, SpecSourceFile{Path: "components/schemas/spacecrafts.json", Content: file.Content, Type: SpecFileDefault}, src)
}

func TestSpecsNestedFilePathIsOneSegment(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, err := c.Specs.DeleteFile(t.Context(), specTestSpecID, "components/schemas/spacecrafts.json")
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "/specs/"+specTestSpecID+"/files/components%2Fschemas%2Fspacecrafts.json", req.URL.EscapedPath())
	assert.Equal(t, []string{"deleteSpecFile"}, h.Ran())
}

func TestSpecsUpdateFileSendsOneChange(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	content := "openapi: 3.1.0\n"
	file, _, err := c.Specs.UpdateFile(t.Context(), specTestSpecID, "index.yaml", SpecFileUpdateParams{Content: &content})
	require.NoError(t, err)
	assert.Equal(t, "2fdc8ea1-d02e-4e50-989e-6fa28f42b995", file.ID)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPatch, req.Method)
	assert.JSONEq(t, `{"content":"openapi: 3.1.0\n"}`, string(body))

	empty := ""
	_, _, err = c.Specs.UpdateFile(t.Context(), specTestSpecID, "index.yaml", SpecFileUpdateParams{Content: &empty})
	require.NoError(t, err, "an empty content is a change")
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"content":""}`, string(body))

	name := "main.yaml"
	for _, bad := range []SpecFileUpdateParams{{}, {Name: &name, Type: SpecFileRoot}, {Name: &name, Content: &content}} {
		_, _, err := c.Specs.UpdateFile(t.Context(), specTestSpecID, "index.yaml", bad)
		assert.ErrorIs(t, err, ErrInvalidArgument)
	}
	assert.Len(t, h.Ran(), 2)
}

func TestSpecsCreateFileSendsPathAndContent(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	file, resp, err := c.Specs.CreateFile(t.Context(), specTestSpecID, SpecFileCreateParams{Path: "components/schemas.json", Content: "{}"})
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.NotEmpty(t, file.ID)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"path":"components/schemas.json","content":"{}"}`, string(body))

	_, _, err = c.Specs.CreateFile(t.Context(), specTestSpecID, SpecFileCreateParams{Content: "{}"})
	assert.ErrorIs(t, err, ErrInvalidArgument)
}

func TestSpecsListFilesIterFollowsUndocumentedCursor(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getSpecFiles", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Query().Get("cursor") {
		case "":
			_, _ = w.Write([]byte(`{"files":[{"id":"f1","path":"index.json","type":"ROOT"},{"id":"f2","path":"a.json","type":"DEFAULT"}],"meta":{"nextCursor":"p2"}}`))
		case "p2":
			_, _ = w.Write([]byte(`{"files":[{"id":"f3","path":"b.json","type":"DEFAULT"}],"meta":{"nextCursor":null}}`))
		}
	})
	c := newTestClient(t, h.URL)
	var ids []string
	for f, err := range c.Specs.ListFilesIter(t.Context(), specTestSpecID, nil) {
		require.NoError(t, err)
		ids = append(ids, f.ID)
	}
	assert.Equal(t, []string{"f1", "f2", "f3"}, ids)
	assert.Len(t, h.Requests(), 2)
}

func TestSpecsListFilesIterStopsWhenCursorRepeats(t *testing.T) {
	// The documented example always answers the same nextCursor, as a
	// server ignoring the undocumented cursor parameter would.
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	files, resp, err := c.Specs.ListFiles(t.Context(), specTestSpecID, nil)
	require.NoError(t, err)
	require.Len(t, files, 4)
	assert.Equal(t, "components/parameters/spacecrafts.json", files[0].Path)
	assert.NotEmpty(t, resp.NextCursor)

	n := 0
	var last error
	for _, err := range c.Specs.ListFilesIter(t.Context(), specTestSpecID, nil) {
		if err != nil {
			last = err
			continue
		}
		n++
	}
	assert.Equal(t, 4, n, "the second page repeats the first: its items are not yielded again")
	assert.ErrorIs(t, last, ErrPaginationLoop)
}

func TestSpecFileFormatAndType(t *testing.T) {
	cases := []struct {
		file   SpecFile
		format SpecFileFormat
		typ    SpecType
	}{
		{SpecFile{Path: "index.yaml", Content: "openapi: '3.1.0'\ninfo: {}\n"}, SpecFormatYAML, SpecTypeOpenAPI31},
		{SpecFile{Path: "index.yml", Content: "# comment\nswagger: \"2.0\"\n"}, SpecFormatYAML, SpecTypeOpenAPI20},
		{SpecFile{Path: "index.json", Content: `{"asyncapi":"3.0.0"}`}, SpecFormatJSON, SpecTypeAsyncAPI30},
		{SpecFile{Path: "a.json", Content: `{"asyncapi":"2.5.0"}`}, SpecFormatJSON, SpecTypeAsyncAPI20},
		{SpecFile{Path: "book.proto", Content: "syntax = \"proto3\";\npackage x;"}, SpecFormatProto, SpecTypeProtobuf3},
		{SpecFile{Path: "schema.graphql", Content: "type Query { a: String }"}, SpecFormatGraphQL, ""},
		{SpecFile{Path: "main.smithy", Content: "$version: \"2\""}, SpecFormatSmithy, ""},
		{SpecFile{Path: "schemas.yaml", Content: "Spacecraft:\n  type: object\n  openapi: 3.0.0\n"}, SpecFormatYAML, ""},
		{SpecFile{Path: "noext", Content: "  {\"openapi\":\"3.0.3\"}"}, SpecFormatJSON, SpecTypeOpenAPI30},
		{SpecFile{Path: "noext", Content: "openapi: 4.0.0"}, SpecFormatYAML, ""},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.format, tc.file.Format(), tc.file.Path)
		assert.Equal(t, tc.typ, tc.file.DetectedType(), tc.file.Path)
	}
	yamlFile := SpecFile{Path: "a.yaml", Content: "a: 1"}
	_, err := yamlFile.JSON()
	assert.Error(t, err)
}

func TestNewSpecSourceFileJSON(t *testing.T) {
	f, err := NewSpecSourceFileJSON("index.json", json.RawMessage(`{"openapi":"3.0.0"}`))
	require.NoError(t, err)
	assert.Equal(t, "{\n  \"openapi\": \"3.0.0\"\n}", f.Content)
	_, err = NewSpecSourceFileJSON("bad.json", func() {})
	assert.Error(t, err)
}
