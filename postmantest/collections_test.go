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
