package postman

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
)

// SpecDefinition is the complete definition of an OpenAPI or AsyncAPI spec,
// its files resolved into one document, as Postman serves it: JSON or
// YAML text, kept as sent so that nothing is lost or reordered.
type SpecDefinition struct {
	// Content is the document's text.
	Content string
	// Format is SpecFormatJSON or SpecFormatYAML.
	Format SpecFileFormat
}

// DetectedType returns the specification type the document declares
// (OpenAPI 2.0, 3.0 or 3.1, AsyncAPI 2.x or 3.x), or "" when it declares
// none.
func (d *SpecDefinition) DetectedType() SpecType { return specSniffType(d.Content) }

// JSON returns the document as raw JSON, for json.Unmarshal into a typed
// model, or an error for a YAML document.
func (d *SpecDefinition) JSON() (json.RawMessage, error) {
	return specContentJSON("definition", d.Content)
}

// GetDefinition returns the complete definition of an OpenAPI or AsyncAPI
// spec. Postman answers malformed specs with a 400 ("the definition for
// the same can't be generated").
//
//postman:operation GET /specs/{specId}/definitions
func (s *SpecsService) GetDefinition(ctx context.Context, specID string) (*SpecDefinition, *Response, error) {
	p, err := pathf("/specs/{specID}/definitions", specID)
	if err != nil {
		return nil, nil, err
	}
	// The definition comes as JSON or YAML depending on the spec; asking
	// for JSON only could be refused for a YAML spec.
	header := http.Header{"Accept": {"application/json, application/yaml;q=0.9"}}
	var raw []byte
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: p, header: header}, &raw)
	if err != nil {
		return nil, resp, err
	}
	// JSON text is valid YAML too and Postman's Content-Type is not always
	// right, so the text decides.
	def := &SpecDefinition{Content: string(raw), Format: specSniffFormat(string(raw))}
	return def, resp, nil
}

// specSniffFormat tells JSON from YAML by the first significant character:
// a JSON document is an object or an array.
func specSniffFormat(content string) SpecFileFormat {
	t := strings.TrimLeft(content, " \t\r\n\ufeff")
	if t != "" && (t[0] == '{' || t[0] == '[') {
		return SpecFormatJSON
	}
	return SpecFormatYAML
}

var (
	// specYAMLVersion matches a top-level "openapi: 3.1.0" line of YAML.
	specYAMLVersion = regexp.MustCompile(`^(openapi|swagger|asyncapi)\s*:\s*["']?([0-9][0-9.]*)`)
	// specProtoSyntax matches a protobuf file's syntax statement.
	specProtoSyntax = regexp.MustCompile(`^\s*syntax\s*=\s*["']proto([23])["']`)
)

// specSniffType reads the specification type a document declares.
func specSniffType(content string) SpecType {
	if specSniffFormat(content) == SpecFormatJSON {
		var head struct {
			OpenAPI  string `json:"openapi"`
			Swagger  string `json:"swagger"`
			AsyncAPI string `json:"asyncapi"`
		}
		if json.Unmarshal([]byte(content), &head) != nil {
			return ""
		}
		switch {
		case head.OpenAPI != "":
			return specVersionType("openapi", head.OpenAPI)
		case head.Swagger != "":
			return specVersionType("swagger", head.Swagger)
		case head.AsyncAPI != "":
			return specVersionType("asyncapi", head.AsyncAPI)
		}
		return ""
	}
	sc := bufio.NewScanner(strings.NewReader(content))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := specYAMLVersion.FindStringSubmatch(line); m != nil {
			return specVersionType(m[1], m[2])
		}
		if m := specProtoSyntax.FindStringSubmatch(line); m != nil {
			return SpecType("PROTOBUF:" + m[1])
		}
	}
	return ""
}

// specVersionType maps a declared language and version to a SpecType.
func specVersionType(lang, version string) SpecType {
	major, minor, _ := strings.Cut(version, ".")
	minor, _, _ = strings.Cut(minor, ".")
	switch {
	case lang == "swagger" && major == "2":
		return SpecTypeOpenAPI20
	case lang == "openapi" && major == "3" && minor == "0":
		return SpecTypeOpenAPI30
	case lang == "openapi" && major == "3" && minor == "1":
		return SpecTypeOpenAPI31
	case lang == "asyncapi" && major == "2":
		return SpecTypeAsyncAPI20
	case lang == "asyncapi" && major == "3":
		return SpecTypeAsyncAPI30
	}
	return ""
}
