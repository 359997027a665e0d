package postman

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestSpecsGetDefinitionJSON(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	def, _, err := c.Specs.GetDefinition(t.Context(), specTestSpecID)
	require.NoError(t, err)
	assert.Equal(t, SpecFormatJSON, def.Format)
	assert.Equal(t, SpecTypeOpenAPI30, def.DetectedType())
	assert.Contains(t, def.Content, `"title": "Sample API"`)
	raw, err := def.JSON()
	require.NoError(t, err)
	assert.Equal(t, def.Content, string(raw), "the document is kept byte for byte")

	req, _ := h.LastRequest()
	assert.Contains(t, req.Header.Get("Accept"), "application/yaml")
}

func TestSpecsGetDefinitionYAML(t *testing.T) {
	const doc = "asyncapi: '3.0.0'\ninfo:\n  title: Streetlights API\n  version: '1.0.0'\n"
	h := conformance.New(t)
	h.Respond("getSpecDefinition", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/yaml")
		_, _ = w.Write([]byte(doc))
	})
	c := newTestClient(t, h.URL)
	def, _, err := c.Specs.GetDefinition(t.Context(), specTestSpecID)
	require.NoError(t, err)
	assert.Equal(t, doc, def.Content)
	assert.Equal(t, SpecFormatYAML, def.Format)
	assert.Equal(t, SpecTypeAsyncAPI30, def.DetectedType())
	_, err = def.JSON()
	assert.Error(t, err)
}

func TestSpecsGetDefinitionMalformedSpec(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getSpecDefinition", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"type":"MalformedSpecification","title":"Malformed Specification.","status":400,"detail":"The spec you are trying to fetch has errors, the definition for the same can't be generated"}`))
	})
	c := newTestClient(t, h.URL)
	_, _, err := c.Specs.GetDefinition(t.Context(), specTestSpecID)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Equal(t, "MalformedSpecification", apiErr.Type)
	assert.Contains(t, apiErr.Detail, "can't be generated")
}
