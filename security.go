package postman

import (
	"context"
	"fmt"
	"net/http"
)

// SecurityService is the API Security area: validation of API definitions against security rules.
//
// Postman checks a definition against the team's governance rules and, when
// the team has imported and enabled Postman's OWASP security rules, its
// security rules; without those, no security violation is ever reported.
type SecurityService service

// SecurityDefinitionType is the kind of definition to validate.
type SecurityDefinitionType string

// Definition kinds the validation accepts.
const (
	SecurityOpenAPI3 SecurityDefinitionType = "openapi3"
	SecurityOpenAPI2 SecurityDefinitionType = "openapi2"
)

// SecurityDefinitionLanguage is the serialisation of the definition.
type SecurityDefinitionLanguage string

// Definition serialisations the validation accepts.
const (
	SecurityLanguageJSON SecurityDefinitionLanguage = "json"
	SecurityLanguageYAML SecurityDefinitionLanguage = "yaml"
)

// SecurityValidateParams is a definition to validate.
type SecurityValidateParams struct {
	Type     SecurityDefinitionType     `json:"type"`
	Language SecurityDefinitionLanguage `json:"language"`
	// Definition is the definition's text, at most 10 MB.
	Definition string `json:"schema"`
}

// NewSecurityValidationRequest returns the request for a definition's text,
// its language and type read from the text: JSON or YAML, "swagger: 2.0"
// or OpenAPI 3. It suits the content of SpecDefinition and SpecFile.
func NewSecurityValidationRequest(definition string) SecurityValidateParams {
	req := SecurityValidateParams{Type: SecurityOpenAPI3, Language: SecurityLanguageYAML, Definition: definition}
	if specSniffFormat(definition) == SpecFormatJSON {
		req.Language = SecurityLanguageJSON
	}
	if specSniffType(definition) == SpecTypeOpenAPI20 {
		req.Type = SecurityOpenAPI2
	}
	return req
}

// SecuritySeverity is how serious a violation is. Postman may add values;
// compare with the constants.
type SecuritySeverity string

// Severities of violations.
const (
	SecuritySeverityError SecuritySeverity = "ERROR"
	SecuritySeverityWarn  SecuritySeverity = "WARN"
)

// SecurityViolationType says which rule set a violation comes from.
type SecurityViolationType string

// Rule sets of violations.
const (
	SecurityViolationSecurity   SecurityViolationType = "security"
	SecurityViolationGovernance SecurityViolationType = "governance"
)

// SecurityViolation is one problem the validation found.
type SecurityViolation struct {
	// Slug identifies the rule ("OPENAPI_SCHEMA_RULE_0005").
	Slug     string                `json:"slug"`
	Type     SecurityViolationType `json:"type"`
	Severity SecuritySeverity      `json:"severity"`
	Message  string                `json:"message"`
	// Vulnerability names the vulnerability or governance rule.
	Vulnerability SecurityRuleRef `json:"vulnerability"`
	Category      SecurityRuleRef `json:"category"`
	// DataPath is the path of the offending node in the document
	// (["paths", "/spacecrafts/{spacecraftId}", "get"]); empty for the
	// document as a whole.
	DataPath []string `json:"dataPath"`
	// Location is where the node is in the definition's text.
	Location SecurityLocation `json:"location"`
	// PossibleFixURL documents how to fix the violation.
	PossibleFixURL string `json:"possibleFixUrl,omitempty"`
	// Checksum identifies this occurrence across validations.
	Checksum string `json:"checksum,omitempty"`
}

// SecurityRuleRef names a vulnerability or a category.
type SecurityRuleRef struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
}

// SecurityLocation is a span of the definition's text.
type SecurityLocation struct {
	Start SecurityPosition `json:"start"`
	End   SecurityPosition `json:"end"`
}

// SecurityPosition is a point of the definition's text as Postman counts
// it: the document starts at line 1, column 0.
type SecurityPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// String formats the position as "line:column".
func (p SecurityPosition) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// SecurityValidation is the result of ValidateDefinition.
type SecurityValidation struct {
	// Violations is empty when the definition breaks no enabled rule.
	Violations []*SecurityViolation `json:"warnings"`
}

// BySeverity returns the violations of a severity, e.g. to fail a CI job
// on SecuritySeverityError only.
func (v *SecurityValidation) BySeverity(sev SecuritySeverity) []*SecurityViolation {
	var out []*SecurityViolation
	for _, w := range v.Violations {
		if w.Severity == sev {
			out = append(out, w)
		}
	}
	return out
}

// ValidateDefinition checks an OpenAPI 2 or 3 definition against the
// team's governance and security rules (security rules only once the team
// enabled Postman's OWASP rule set). Postman answers 400 for a definition
// type it does not support.
//
//postman:operation POST /security/api-validation
func (s *SecurityService) ValidateDefinition(ctx context.Context, req SecurityValidateParams) (*SecurityValidation, *Response, error) {
	if err := specRequireArg("definition", req.Definition); err != nil {
		return nil, nil, err
	}
	body := struct {
		Schema SecurityValidateParams `json:"schema"`
	}{req}
	result := new(SecurityValidation)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: "/security/api-validation", body: body}, result)
	if err != nil {
		return nil, resp, err
	}
	return result, resp, nil
}
