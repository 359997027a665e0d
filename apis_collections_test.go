package postman

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestAPIsAddCollectionBodies(t *testing.T) {
	doc := `{"info":{"name":"New","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[{"name":"Ping","request":{"method":"GET","url":"https://example.com"}}]}`
	cases := []struct {
		name string
		req  APICollectionAddParams
		want string
	}{
		{"copy", APICollectionAddParams{OperationType: APICollectionCopy, CollectionID: testAPICollection},
			`{"operationType":"COPY_COLLECTION","data":{"collectionId":"` + testAPICollection + `"}}`},
		{"generate", APICollectionAddParams{OperationType: APICollectionGenerateFromSchema, Name: "Test Collection",
			Options: map[string]any{"folderStrategy": "Tags", "enableOptionalParameters": true}},
			`{"operationType":"GENERATE_FROM_SCHEMA","name":"Test Collection","options":{"folderStrategy":"Tags","enableOptionalParameters":true}}`},
		{"create", APICollectionAddParams{OperationType: APICollectionCreateNew, Collection: json.RawMessage(doc)},
			`{"operationType":"CREATE_NEW","data":` + doc + `}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := conformance.New(t)
			c := newTestClient(t, h.URL)
			ref, _, err := c.APIs.AddCollection(t.Context(), testAPIID, tc.req)
			require.NoError(t, err)
			assert.Equal(t, "12345678-61867bcc-c4c1-11ed-afa1-0242ac120002", ref.ID)
			_, body := h.LastRequest()
			assert.JSONEq(t, tc.want, string(body))
		})
	}
}

func TestAPIsAddCollectionRefusesIncompleteRequestsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	for _, req := range []APICollectionAddParams{
		{},
		{OperationType: APICollectionCopy},
		{OperationType: APICollectionCreateNew},
		{OperationType: APICollectionCreateNew, Collection: json.RawMessage(`{"info":`)},
	} {
		_, resp, err := c.APIs.AddCollection(t.Context(), testAPIID, req)
		assert.ErrorIs(t, err, ErrInvalidArgument, "%+v", req)
		assert.Nil(t, resp)
	}
	assert.Empty(t, h.Ran())
}

func TestAPIsGetCollectionKeepsTheDocument(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	col, _, err := c.APIs.GetCollection(t.Context(), testAPIID, testAPICollection, &APICollectionGetOptions{VersionID: testAPIVersionID})
	require.NoError(t, err)
	assert.Equal(t, "Generated", col.Info.Name)
	assert.Equal(t, "e726de58-f1b3-4edd-a8a7-2579dc799d39", col.Info.PostmanID)
	assert.Equal(t, "https://schema.getpostman.com/json/collection/v2.1.0/collection.json", col.Info.Schema)
	require.Len(t, col.Items, 1)
	item := col.Items[0]
	assert.Equal(t, "Read a spacecraft", item.Name)
	assert.False(t, item.IsFolder())
	assert.Len(t, item.Responses, 3)
	assert.Contains(t, string(item.Request), `"method":"GET"`)

	var whole map[string]any
	require.NoError(t, json.Unmarshal(col.Raw, &whole))
	assert.Contains(t, whole, "auth", "Raw keeps what the outline does not model")
	assert.Contains(t, whole, "variable")
	out, err := json.Marshal(col)
	require.NoError(t, err)
	assert.JSONEq(t, string(col.Raw), string(out), "encoding gives back the document")

	req, _ := h.LastRequest()
	assert.Equal(t, testAPIVersionID, req.URL.Query().Get("versionId"))
}

func TestAPICollectionInfoDescriptionForms(t *testing.T) {
	var c APICollection
	require.NoError(t, json.Unmarshal([]byte(`{"info":{"name":"A","description":{"content":"# Hi","type":"text/markdown"}},"item":[{"name":"F","item":[]}]}`), &c))
	assert.Equal(t, "# Hi", c.Info.Description)
	assert.True(t, c.Items[0].IsFolder())
	require.NoError(t, json.Unmarshal([]byte(`{"info":{"name":"B","description":"plain"},"item":[]}`), &c))
	assert.Equal(t, "plain", c.Info.Description)

	built := APICollection{Info: APICollectionInfo{Name: "C", Description: "d"}}
	out, err := json.Marshal(built)
	require.NoError(t, err)
	assert.JSONEq(t, `{"info":{"name":"C","description":"d"},"item":[]}`, string(out))
}

func TestAPIsGetCollectionErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getApiCollection", http.StatusNotFound)
	c := newTestClient(t, h.URL)
	_, _, err := c.APIs.GetCollection(t.Context(), testAPIID, testAPICollection, nil)
	assert.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "The API does not contain the collection you are looking for", apiErr.Detail, "the nested error object is read")

	h.Status("getApiCollection", http.StatusUnprocessableEntity)
	_, _, err = c.APIs.GetCollection(t.Context(), testAPIID, testAPICollection, nil)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "actionNotAllowedError", apiErr.Type)
	assert.NotErrorIs(t, err, ErrDeprecated)
}
