package postman

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/collection"
	"github.com/postman-go/postman/internal/conformance"
)

func TestCollectionsPatchSendsOnlyWhatIsSet(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	ref, _, err := c.Collections.Patch(ctx, collTestID, CollectionPatchRequest{Name: Ptr("Test Collection v2")})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPatch, req.Method)
	assert.JSONEq(t, `{"collection":{"info":{"name":"Test Collection v2"}}}`, string(body))
	assert.Equal(t, "Test Collection v2", ref.Name)
	assert.Contains(t, ref.Description, "Postman Echo service")

	_, _, err = c.Collections.Patch(ctx, collTestID, CollectionPatchRequest{Description: Ptr("")})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"collection":{"info":{"description":""}}}`, string(body), "an empty description is sent")

	_, _, err = c.Collections.Patch(ctx, collTestID, CollectionPatchRequest{
		Auth:   collection.APIKeyAuth("X-Api-Key", "{{apiKey}}", "header"),
		Events: []collection.Event{collTestEvent("e74ce0d0-5acd-44b6-a3ae-95f617c1546e", collection.ListenPrerequest)},
	})
	require.NoError(t, err)
	_, body = h.LastRequest()
	var sent struct {
		Collection map[string]json.RawMessage `json:"collection"`
	}
	require.NoError(t, json.Unmarshal(body, &sent))
	assert.ElementsMatch(t, []string{"auth", "events"}, collKeys(sent.Collection), "scripts go under events, as Postman's PATCH wants")
	assert.JSONEq(t, `{"type":"apikey","apikey":[{"key":"key","value":"X-Api-Key","type":"string"},{"key":"value","value":"{{apiKey}}","type":"string"},{"key":"in","value":"header","type":"string"}]}`, string(sent.Collection["auth"]))
	assert.JSONEq(t, `[{"listen":"prerequest","script":{"id":"e74ce0d0-5acd-44b6-a3ae-95f617c1546e","type":"text/javascript","exec":["console.log(\"hi\");"]}}]`, string(sent.Collection["events"]))

	_, _, err = c.Collections.Patch(ctx, collTestID, CollectionPatchRequest{Events: []collection.Event{}})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"collection":{"events":[]}}`, string(body), "an empty list removes every script")
}

func collKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func TestCollectionsSetVariablesPatchesVariables(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	big, err := collection.RawValue(json.RawMessage(`12345678901234567890`))
	require.NoError(t, err)
	vars := []collection.Variable{
		collection.NewVariable("baseUrl", "https://api.example.com"),
		{Key: "retries", Value: big, Type: "number"},
		{Key: "debug", Value: collection.BoolValue(false), Disabled: true},
	}
	_, _, err = c.Collections.SetVariables(t.Context(), collTestID, vars)
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, "/collections/"+collTestID, req.URL.Path)
	assert.JSONEq(t, `{"collection":{"variable":[
		{"key":"baseUrl","value":"https://api.example.com","type":"string"},
		{"key":"retries","value":12345678901234567890,"type":"number"},
		{"key":"debug","value":false,"disabled":true}]}}`, string(body))
	assert.Contains(t, string(body), "12345678901234567890", "big numbers keep every digit")

	_, _, err = c.Collections.Patch(t.Context(), collTestID, CollectionPatchRequest{Variables: []collection.Variable{}})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"collection":{"variable":[]}}`, string(body))
}

func TestCollectionsTransformToOpenAPIReturnsTheDefinition(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)

	def, _, err := c.Collections.TransformToOpenAPI(t.Context(), collTestID, nil)
	require.NoError(t, err)
	assert.Equal(t, CollectionOpenAPIJSON, def.Format)
	var doc struct {
		OpenAPI string `json:"openapi"`
		Info    struct {
			Title string `json:"title"`
		} `json:"info"`
	}
	require.NoError(t, json.Unmarshal(def.Definition, &doc), "the definition is the document, not a JSON string")
	assert.Equal(t, "3.0.3", doc.OpenAPI)
	assert.Equal(t, "Sample API", doc.Info.Title)
	req, _ := h.LastRequest()
	assert.Equal(t, "/collections/"+collTestID+"/transformations", req.URL.Path)
	assert.Empty(t, req.URL.RawQuery)

	collServeExample(t, h, "transformCollectionToOpenAPI", http.StatusOK, "Successful YAML Response")
	def, _, err = c.Collections.TransformToOpenAPI(t.Context(), collTestID, &CollectionTransformOptions{Format: CollectionOpenAPIYAML})
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Equal(t, "format=yaml", req.URL.RawQuery)
	assert.Equal(t, CollectionOpenAPIYAML, def.Format)
	assert.Contains(t, string(def.Definition), "openapi: 3.0.3\ninfo:\n  title: Sample API\n")
}

func TestCollectionsPublishAndUnpublishDocumentation(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)

	docs, _, err := c.Collections.PublishDocumentation(t.Context(), collTestUID, collTestPublishRequest())
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.Equal(t, "/collections/"+collTestUID+"/public-documentations", req.URL.Path)
	assert.JSONEq(t, `{"environmentUid":"12345678-f84a5105-a495-49db-aa6b-db02c9ed1023",
		"customColor":{"highlight":"EF5B25","rightSidebar":"303030","topBar":"FFFFFF"},
		"documentationLayout":"classic-single-column",
		"customization":{"metaTags":[{"name":"title","value":"Billing API"}],
			"appearance":{"default":"dark","themes":[
				{"name":"dark","colors":{"highlight":"EF5B25","rightSidebar":"303030","topBar":"FFFFFF"}},
				{"name":"light","colors":{"highlight":"EF5B25","rightSidebar":"303030","topBar":"FFFFFF"},"logo":"https://example.com/logo.png"}]}}}`, string(body))
	assert.True(t, docs.Published)
	assert.Equal(t, "https://documenter.postman.com/view/12345678/6n31uVF", docs.PublicURL)
	assert.Equal(t, "6n31uVF", docs.ID)
	assert.Equal(t, "ea39a259-0c9b-4a5c-a2e6-bddadb8f8e6f", docs.CollectionID)
	assert.Equal(t, CollectionDocsSingleColumn, docs.DocumentationLayout)
	assert.Equal(t, 2025, docs.PublishDate.Year())
	require.NotNil(t, docs.Customization.Appearance)
	assert.Equal(t, CollectionDocsDark, docs.Customization.Appearance.Default)
	require.Len(t, docs.Customization.Appearance.Themes, 2)
	assert.Equal(t, "<s3_url>/<cloudfront_url>", *docs.Customization.Appearance.Themes[0].Logo)
	assert.Len(t, docs.Customization.MetaTags, 2)

	resp, err := c.Collections.UnpublishDocumentation(t.Context(), collTestUID)
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)

	h.Status("publishDocumentation", http.StatusForbidden)
	h.Status("unpublishDocumentation", http.StatusNotFound)
	_, _, err = c.Collections.PublishDocumentation(t.Context(), collTestUID, collTestPublishRequest())
	assert.ErrorIs(t, err, ErrForbidden)
	_, err = c.Collections.UnpublishDocumentation(t.Context(), collTestUID)
	assert.ErrorIs(t, err, ErrNotFound)
}
