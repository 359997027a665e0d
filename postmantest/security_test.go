package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

const insecureYAML = `openapi: 3.0.3
info:
  title: Payments API
  version: 1.0.0
servers:
  - url: http://api.example.com
paths:
  /payments:
    get:
      summary: List payments
      responses:
        "200":
          description: OK
    post:
      responses:
        "201":
          description: Created
`

func TestSecurityValidationFlagsInsecureDefinitions(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	result, _, err := c.Security.ValidateDefinition(ctx, postman.NewSecurityValidationRequest(insecureYAML))
	require.NoError(t, err)
	var slugs []string
	for _, v := range result.Violations {
		slugs = append(slugs, v.Vulnerability.Name)
	}
	assert.Equal(t, []string{"Security field is not defined", "Security schemes are not defined", "HTTP is used instead of HTTPS",
		"Operation does not enforce any security scheme", "Operation does not enforce any security scheme", "All of your operations need summaries."}, slugs)
	post := result.Violations[4]
	assert.Equal(t, []string{"paths", "/payments", "post"}, post.DataPath)
	assert.Equal(t, postman.SecurityPosition{Line: 14, Column: 4}, post.Location.Start)
	assert.Equal(t, 17, post.Location.End.Line)
	assert.Equal(t, 6, result.Violations[2].Location.Start.Line, "the server's url")
	assert.Len(t, result.BySeverity(postman.SecuritySeverityError), 3)

	secure := `{"openapi": "3.0.3", "info": {"title": "Payments API", "version": "1.0.0"},
 "servers": [{"url": "https://api.example.com"}],
 "security": [{"ApiKey": []}],
 "components": {"securitySchemes": {"ApiKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}}},
 "paths": {"/payments": {"get": {"summary": "List payments", "responses": {"200": {"description": "OK"}}}}}}`
	result, _, err = c.Security.ValidateDefinition(ctx, postman.NewSecurityValidationRequest(secure))
	require.NoError(t, err)
	assert.Empty(t, result.Violations)

	noSummary := `{"openapi": "3.0.3",
 "security": [{"ApiKey": []}],
 "components": {"securitySchemes": {"ApiKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}}},
 "paths": {"/payments": {
   "get": {"responses": {"200": {"description": "OK"}}}}}}`
	result, _, err = c.Security.ValidateDefinition(ctx, postman.NewSecurityValidationRequest(noSummary))
	require.NoError(t, err)
	require.Len(t, result.Violations, 1)
	assert.Equal(t, postman.SecurityViolationGovernance, result.Violations[0].Type)
	assert.Equal(t, 5, result.Violations[0].Location.Start.Line)

	_, _, err = c.Security.ValidateDefinition(ctx, postman.SecurityValidateParams{Type: postman.SecurityOpenAPI3, Language: postman.SecurityLanguageJSON, Definition: "{not json"})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
}
