package postman

import (
	"bytes"
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

const collTestOpenAPI = `{"openapi":"3.0.0","info":{"title":"Sample API","version":"1.0.0"},"servers":[{"url":"https://example.com"}],"paths":{"/spacecrafts/{id}":{"get":{"summary":"Read a spacecraft","responses":{"200":{"description":"OK"}}}}}}`

const collTestOpenAPIYAML = "openapi: 3.0.0\ninfo:\n  title: Sample API\n  version: 1.0.0\npaths: {}\n"

func TestCollectionImportConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "ImportOpenAPIString", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.ImportOpenAPI(ctx, collTestWorkspaceID, OpenAPIImportParams{Definition: []byte(collTestOpenAPIYAML),
				Options: &ConverterOptions{FolderStrategy: ConverterFoldersByTags, RequestNameSource: ConverterRequestNameURL, IncludeDeprecated: Ptr(false)}})
			return err
		}},
		{name: "ImportOpenAPIJSON", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.ImportOpenAPI(ctx, collTestWorkspaceID, OpenAPIImportParams{Type: ImportJSON, Definition: []byte(collTestOpenAPI)})
			return err
		}},
		{name: "ImportOpenAPIFile", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.ImportOpenAPI(ctx, collTestWorkspaceID, OpenAPIImportParams{Type: ImportFile, Definition: []byte("PK\x03\x04 zip bytes"), FileName: "api.zip"})
			return err
		}},
	})
}

func TestCollectionsImportOpenAPIBodies(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	cols, _, err := c.Collections.ImportOpenAPI(ctx, collTestWorkspaceID, OpenAPIImportParams{Definition: []byte(collTestOpenAPIYAML),
		Options: &ConverterOptions{FolderStrategy: ConverterFoldersByTags, EnableOptionalParameters: Ptr(false)}})
	require.NoError(t, err)
	require.Len(t, cols, 1)
	assert.Equal(t, &CollectionRef{ID: collTestID, Name: "Sample API", UID: collTestUID}, cols[0])
	req, body := h.LastRequest()
	assert.Equal(t, "workspace="+collTestWorkspaceID, req.URL.RawQuery)
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
	assert.JSONEq(t, `{"type":"string","input":"openapi: 3.0.0\ninfo:\n  title: Sample API\n  version: 1.0.0\npaths: {}\n",
		"options":{"folderStrategy":"Tags","enableOptionalParameters":false}}`, string(body))

	_, _, err = c.Collections.ImportOpenAPI(ctx, collTestWorkspaceID, OpenAPIImportParams{Type: ImportJSON, Definition: []byte(collTestOpenAPI)})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"type":"json","input":`+collTestOpenAPI+`}`, string(body), "the definition goes as an object")

	zip := []byte("PK\x03\x04\x00\x01binary\xff")
	_, _, err = c.Collections.ImportOpenAPI(ctx, collTestWorkspaceID, OpenAPIImportParams{Type: ImportFile, Definition: zip})
	require.NoError(t, err)
	req, body = h.LastRequest()
	mediaType, params, err := mime.ParseMediaType(req.Header.Get("Content-Type"))
	require.NoError(t, err)
	assert.Equal(t, "multipart/form-data", mediaType)
	form := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	part, err := form.NextPart()
	require.NoError(t, err)
	assert.Equal(t, "type", part.FormName())
	value, _ := io.ReadAll(part)
	assert.Equal(t, "file", string(value))
	part, err = form.NextPart()
	require.NoError(t, err)
	assert.Equal(t, "input", part.FormName())
	assert.Equal(t, "definition.zip", part.FileName())
	value, _ = io.ReadAll(part)
	assert.Equal(t, zip, value, "the file's bytes are sent as they are")
	_, err = form.NextPart()
	assert.ErrorIs(t, err, io.EOF)
	assert.Equal(t, []string{"importOpenApiDefinition", "importOpenApiDefinition", "importOpenApiDefinition"}, h.Ran())
}

func TestCollectionsImportOpenAPIRefusesBadRequestsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()
	for name, req := range map[string]OpenAPIImportParams{
		"empty definition":  {},
		"json not object":   {Type: ImportJSON, Definition: []byte(collTestOpenAPIYAML)},
		"json array":        {Type: ImportJSON, Definition: []byte(`[1]`)},
		"file with options": {Type: ImportFile, Definition: []byte("zip"), Options: &ConverterOptions{}},
		"unknown type":      {Type: "url", Definition: []byte("https://example.com/openapi.json")},
	} {
		_, _, err := c.Collections.ImportOpenAPI(ctx, collTestWorkspaceID, req)
		assert.ErrorIs(t, err, ErrInvalidArgument, name)
	}
	_, _, err := c.Collections.ImportOpenAPI(ctx, "", OpenAPIImportParams{Definition: []byte(collTestOpenAPI)})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Empty(t, h.Ran())
}

func TestCollectionsImportOpenAPIMapsErrors(t *testing.T) {
	h := conformance.New(t)
	collServeExample(t, h, "importOpenApiDefinition", http.StatusBadRequest, "Unsupported OpenAPI Version")
	c := newTestClient(t, h.URL)
	_, resp, err := c.Collections.ImportOpenAPI(t.Context(), collTestWorkspaceID, OpenAPIImportParams{Definition: []byte(collTestOpenAPI)})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "invalidParamsError", apiErr.Name)
	assert.Contains(t, apiErr.Message, "Unsupported OpenAPI version: 3.2.0")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, 1, resp.Attempts, "a 400 is not retried")
}

// collRecordingLimiter records what the client asks it to wait for.
type collRecordingLimiter struct {
	mu    sync.Mutex
	waits []string
}

func (l *collRecordingLimiter) Wait(_ context.Context, method, path string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.waits = append(l.waits, method+" "+path)
	return nil
}

func (l *collRecordingLimiter) PauseUntil(time.Time) {}

// The import has its own bucket in the default limiter, keyed by method
// and path: the call must reach the limiter as POST /import/openapi,
// without its query.
func TestCollectionsImportOpenAPIGoesThroughItsLimiterBucket(t *testing.T) {
	h := conformance.New(t)
	lim := &collRecordingLimiter{}
	c := newTestClient(t, h.URL, WithLimiter(lim))
	_, _, err := c.Collections.ImportOpenAPI(t.Context(), collTestWorkspaceID, OpenAPIImportParams{Definition: []byte(collTestOpenAPI)})
	require.NoError(t, err)
	assert.Equal(t, []string{"POST /import/openapi"}, lim.waits)
	assert.True(t, slices.ContainsFunc(postmanLimits, func(b bucket) bool { return b.match("POST", "/import/openapi") }),
		"the default limiter has a bucket for the import")
}
