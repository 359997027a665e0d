package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// APISchemaType is the language and version of an API schema. Postman may
// add values; compare with the constants.
type APISchemaType string

// API schema types.
const (
	APISchemaOpenAPI1  APISchemaType = "openapi:1"
	APISchemaOpenAPI2  APISchemaType = "openapi:2"
	APISchemaOpenAPI3  APISchemaType = "openapi:3"
	APISchemaOpenAPI31 APISchemaType = "openapi:3_1"
	APISchemaAsyncAPI2 APISchemaType = "asyncapi:2"
	APISchemaGraphQL   APISchemaType = "graphql"
	APISchemaProto2    APISchemaType = "proto:2"
	APISchemaProto3    APISchemaType = "proto:3"
	APISchemaRAML08    APISchemaType = "raml:0_8"
	APISchemaRAML1     APISchemaType = "raml:1"
	APISchemaWSDL1     APISchemaType = "wsdl:1"
	APISchemaWSDL2     APISchemaType = "wsdl:2"
)

// APISchema is the schema of an API: its type and files, or with bundled
// set, its whole content in one document.
type APISchema struct {
	ID   string        `json:"id"`
	Type APISchemaType `json:"type"`
	// Files are the schema's files. GetSchema returns only the first page
	// of them; FilesNextCursor continues with ListSchemaFiles.
	Files []*APISchemaFile `json:"-"`
	// FilesNextCursor is the ListSchemaFiles cursor of the files after
	// Files ("" when there are no more).
	FilesNextCursor string `json:"-"`
	// Content is the bundled schema (APISchemaGetOptions.Bundled), as text
	// in the schema's own format (JSON or YAML).
	Content   string    `json:"content,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	CreatedBy APIUserID `json:"createdBy,omitempty"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
	UpdatedBy APIUserID `json:"updatedBy,omitempty"`
}

// UnmarshalJSON reads both shapes of a schema's files: the array of
// CreateSchema's answer, and the {"data", "meta":{"nextPath"}} page of
// GetSchema's.
func (s *APISchema) UnmarshalJSON(data []byte) error {
	type plain APISchema
	var wire struct {
		*plain
		Files json.RawMessage `json:"files"`
	}
	wire.plain = (*plain)(s)
	if err := json.Unmarshal(data, &wire); err != nil {
		return err
	}
	s.Files, s.FilesNextCursor = nil, ""
	files := bytes.TrimSpace(wire.Files)
	switch {
	case len(files) == 0 || string(files) == "null":
	case files[0] == '[':
		return json.Unmarshal(files, &s.Files)
	default:
		var page struct {
			Data []*APISchemaFile `json:"data"`
			Meta struct {
				NextPath string `json:"nextPath"`
			} `json:"meta"`
		}
		if err := json.Unmarshal(files, &page); err != nil {
			return err
		}
		s.Files = page.Data
		s.FilesNextCursor = apiCursorOf(page.Meta.NextPath)
	}
	return nil
}

// MarshalJSON writes the schema with its files as an array.
func (s APISchema) MarshalJSON() ([]byte, error) {
	type plain APISchema
	return json.Marshal(struct {
		plain
		Files []*APISchemaFile `json:"files,omitempty"`
	}{plain(s), s.Files})
}

// ContentFormat is the format of the bundled Content.
func (s *APISchema) ContentFormat() APISchemaFileFormat {
	return apiDetectFormat("", s.Content)
}

// apiCursorOf returns the cursor query parameter of a next-page path.
func apiCursorOf(nextPath string) string {
	u, err := url.Parse(nextPath)
	if err != nil {
		return ""
	}
	return u.Query().Get("cursor")
}

// APISchemaCreateParams is the body of CreateSchema.
type APISchemaCreateParams struct {
	Type  APISchemaType         `json:"type"`
	Files []APISchemaFileSource `json:"files"`
}

// APISchemaFileSource is a file of a new schema.
type APISchemaFileSource struct {
	// Path is the file's path in the schema; a "/" creates folders.
	Path string `json:"path"`
	// Content is the file's text (JSON, YAML, GraphQL, protobuf …).
	Content string `json:"content"`
	// Root marks the root file of a multi-file protobuf schema.
	Root *APISchemaFileRoot `json:"root,omitempty"`
}

// APISchemaGetOptions asks GetSchema for a published or bundled schema.
type APISchemaGetOptions struct {
	// VersionID reads the schema as a version published it. API viewers
	// must set it.
	VersionID string `url:"versionId,omitempty"`
	// Bundled returns the whole schema in Content, with its references
	// resolved, instead of its files.
	Bundled bool `url:"bundled,omitempty"`
}

// CreateSchema creates the schema of an API (an API has at most one).
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to create a specification with its files
// (POST /specs) instead.
//
//postman:operation POST /apis/{apiId}/schemas
func (s *APIsService) CreateSchema(ctx context.Context, apiID string, req APISchemaCreateParams) (*APISchema, *Response, error) {
	path, err := pathf("/apis/{apiID}/schemas", apiID)
	if err != nil {
		return nil, nil, err
	}
	if req.Files == nil {
		req.Files = []APISchemaFileSource{}
	}
	r := apiRequest(http.MethodPost, path)
	r.body = req
	schema := new(APISchema)
	resp, err := s.client.do(ctx, r, schema)
	if err != nil {
		return nil, resp, err
	}
	return schema, resp, nil
}

// GetSchema returns an API's schema with the first page of its files, or
// with opts.Bundled, its whole content in one document.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to get a specification (GET /specs/{specId}) or its
// whole definition (GET /specs/{specId}/definitions) instead.
//
//postman:operation GET /apis/{apiId}/schemas/{schemaId}
func (s *APIsService) GetSchema(ctx context.Context, apiID, schemaID string, opts *APISchemaGetOptions) (*APISchema, *Response, error) {
	path, err := pathf("/apis/{apiID}/schemas/{schemaID}", apiID, schemaID)
	if err != nil {
		return nil, nil, err
	}
	r := apiRequest(http.MethodGet, path)
	r.query = opts
	schema := new(APISchema)
	resp, err := s.client.do(ctx, r, schema)
	if err != nil {
		return nil, resp, err
	}
	return schema, resp, nil
}
