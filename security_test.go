package postman

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestSecurityConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "ValidateDefinition", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Security.ValidateDefinition(ctx, NewSecurityValidationRequest(`{"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":{}}`))
			return err
		}},
	})
}

// specRespondFixture answers with a JSON file of testdata (the answer is still
// validated against the description).
func specRespondFixture(t *testing.T, file string) conformance.Responder {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(data)
	}
}

func TestSecurityValidateDecodesViolations(t *testing.T) {
	h := conformance.New(t)
	// The description's "Successful Response with Security Warnings" example.
	h.Respond("schemaSecurityValidation", specRespondFixture(t, "testdata/security/validation-security-warnings.json"))
	c := newTestClient(t, h.URL)
	def := "openapi: 3.0.0\ninfo:\n  title: Sample API\n  version: 1.0.0\npaths: {}\n"
	result, _, err := c.Security.ValidateDefinition(t.Context(), NewSecurityValidationRequest(def))
	require.NoError(t, err)
	require.Len(t, result.Violations, 2)

	first := result.Violations[0]
	assert.Equal(t, SecuritySeverityError, first.Severity)
	assert.Equal(t, SecurityViolationSecurity, first.Type)
	assert.Equal(t, "OPENAPI_SCHEMA_RULE_0005", first.Slug)
	assert.Equal(t, SecurityRuleRef{Name: "Security field is not defined", Slug: "OPENAPI_VUL_0003"}, first.Vulnerability)
	assert.Equal(t, SecurityRuleRef{Name: "security", Slug: "security"}, first.Category)
	assert.Empty(t, first.DataPath)
	assert.Equal(t, SecurityLocation{Start: SecurityPosition{Line: 1, Column: 0}, End: SecurityPosition{Line: 78, Column: 21}}, first.Location)
	assert.Equal(t, "https://go.pstmn.io/openapi3-security-warnings#security-field-is-not-defined", first.PossibleFixURL)
	assert.Equal(t, "db2c5b351010e803bb3cebf21c48275909bd89715660fa1865e8c55595d4928d", first.Checksum)

	second := result.Violations[1]
	assert.Equal(t, SecuritySeverityWarn, second.Severity)
	assert.Equal(t, []string{"paths", "/spacecrafts/{spacecraftId}", "get"}, second.DataPath)
	assert.Equal(t, "19:8", second.Location.Start.String())
	assert.Equal(t, "Operation does not enforce any security scheme.", second.Message)

	assert.Equal(t, []*SecurityViolation{first}, result.BySeverity(SecuritySeverityError))
	assert.Equal(t, []*SecurityViolation{second}, result.BySeverity(SecuritySeverityWarn))

	_, body := h.LastRequest()
	var sent map[string]map[string]string
	require.NoError(t, json.Unmarshal(body, &sent))
	assert.Equal(t, map[string]string{"type": "openapi3", "language": "yaml", "schema": def}, sent["schema"])
}

func TestSecurityValidateGovernanceAndClean(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	result, _, err := c.Security.ValidateDefinition(t.Context(), SecurityValidateParams{Type: SecurityOpenAPI3, Language: SecurityLanguageJSON, Definition: "{}"})
	require.NoError(t, err)
	assert.Empty(t, result.Violations, "the No Warnings Found example")
	assert.Empty(t, result.BySeverity(SecuritySeverityError))

	h.Respond("schemaSecurityValidation", specRespondFixture(t, "testdata/security/validation-governance-warnings.json"))
	result, _, err = c.Security.ValidateDefinition(t.Context(), SecurityValidateParams{Type: SecurityOpenAPI3, Language: SecurityLanguageJSON, Definition: "{}"})
	require.NoError(t, err)
	require.Len(t, result.Violations, 1)
	v := result.Violations[0]
	assert.Equal(t, SecurityViolationGovernance, v.Type)
	assert.Equal(t, "All of your operations need summaries.", v.Vulnerability.Name)
	assert.Equal(t, SecurityPosition{Line: 38, Column: 50}, v.Location.End)
}

func TestNewSecurityValidationRequest(t *testing.T) {
	assert.Equal(t, SecurityValidateParams{Type: SecurityOpenAPI2, Language: SecurityLanguageJSON, Definition: `{"swagger":"2.0"}`},
		NewSecurityValidationRequest(`{"swagger":"2.0"}`))
	assert.Equal(t, SecurityValidateParams{Type: SecurityOpenAPI2, Language: SecurityLanguageYAML, Definition: "swagger: '2.0'"},
		NewSecurityValidationRequest("swagger: '2.0'"))
	assert.Equal(t, SecurityValidateParams{Type: SecurityOpenAPI3, Language: SecurityLanguageYAML, Definition: "openapi: 3.1.0"},
		NewSecurityValidationRequest("openapi: 3.1.0"))
}

func TestSecurityValidateErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("schemaSecurityValidation", http.StatusBadRequest)
	c := newTestClient(t, h.URL)
	_, _, err := c.Security.ValidateDefinition(t.Context(), NewSecurityValidationRequest("openapi: 3.0.0"))
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Equal(t, "Invalid Schema", apiErr.Name, "the nested name of the documented 400")

	h.Status("schemaSecurityValidation", http.StatusForbidden)
	_, _, err = c.Security.ValidateDefinition(t.Context(), NewSecurityValidationRequest("openapi: 3.0.0"))
	assert.ErrorIs(t, err, ErrFeatureUnavailable)

	_, _, err = c.Security.ValidateDefinition(t.Context(), SecurityValidateParams{Type: SecurityOpenAPI3, Language: SecurityLanguageJSON})
	assert.ErrorIs(t, err, ErrInvalidArgument)
}
