package postman

import (
	"context"
	"iter"
	"net/http"
	"path"
	"strings"
)

// APISchemaFile is a file of an API schema, without its content.
type APISchemaFile struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Path is the file's path in the schema, folders included.
	Path string `json:"path"`
	// Root is set on the root file of multi-file protobuf schemas.
	Root      *APISchemaFileRoot `json:"root,omitempty"`
	CreatedAt Timestamp          `json:"createdAt,omitzero"`
	CreatedBy APIUserID          `json:"createdBy,omitempty"`
	UpdatedAt Timestamp          `json:"updatedAt,omitzero"`
	UpdatedBy APIUserID          `json:"updatedBy,omitempty"`
}

// APISchemaFileRoot marks whether a file is the root of its schema.
type APISchemaFileRoot struct {
	Enabled bool `json:"enabled"`
}

// APISchemaFileContent is a schema file with its content. The content is
// a document in the schema's own language, kept as the text Postman sent;
// Format tells how to parse it.
type APISchemaFileContent struct {
	APISchemaFile
	Content string `json:"content"`
}

// Format is the format of the file's content, from the content itself
// when it is unambiguous, else from the file's extension.
func (f *APISchemaFileContent) Format() APISchemaFileFormat {
	return apiDetectFormat(f.Path, f.Content)
}

// APISchemaFileFormat is the text format of a schema file.
type APISchemaFileFormat string

// Formats of schema files. RAML files are YAML; WSDL files are XML.
const (
	APISchemaFileUnknown  APISchemaFileFormat = ""
	APISchemaFileJSON     APISchemaFileFormat = "json"
	APISchemaFileYAML     APISchemaFileFormat = "yaml"
	APISchemaFileGraphQL  APISchemaFileFormat = "graphql"
	APISchemaFileProtobuf APISchemaFileFormat = "protobuf"
	APISchemaFileXML      APISchemaFileFormat = "xml"
)

// apiDetectFormat guesses a schema document's format. The content decides
// when it is unambiguous (JSON, XML, a protobuf syntax line): Postman
// stores files whatever their names, and its own examples hold YAML in a
// file named .json. Otherwise the extension of name decides, and other
// text is taken for YAML, the format of every other schema language.
func apiDetectFormat(name, content string) APISchemaFileFormat {
	t := strings.TrimLeft(content, " \t\r\n\ufeff")
	switch {
	case strings.HasPrefix(t, "{") || strings.HasPrefix(t, "["):
		return APISchemaFileJSON
	case strings.HasPrefix(t, "<"):
		return APISchemaFileXML
	case strings.HasPrefix(t, "syntax") && strings.Contains(t, "proto"):
		return APISchemaFileProtobuf
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".graphql", ".gql", ".graphqls":
		return APISchemaFileGraphQL
	case ".proto":
		return APISchemaFileProtobuf
	case ".xml", ".wsdl", ".xsd":
		return APISchemaFileXML
	case ".yaml", ".yml", ".raml":
		return APISchemaFileYAML
	case ".json":
		if t == "" {
			return APISchemaFileJSON
		}
	}
	if t == "" {
		return APISchemaFileUnknown
	}
	return APISchemaFileYAML
}

// APISchemaFileListOptions pages ListSchemaFiles.
type APISchemaFileListOptions struct {
	// VersionID lists the files as a version published them. API viewers
	// must set it.
	VersionID string `url:"versionId,omitempty"`
	CursorOptions
}

// APISchemaFileGetOptions asks GetSchemaFile for a published file.
type APISchemaFileGetOptions struct {
	// VersionID reads the file as a version published it. API viewers must
	// set it.
	VersionID string `url:"versionId,omitempty"`
}

// APISchemaFileReplaceParams is the body of ReplaceSchemaFile. Nil fields are
// left as they are; Postman only lets Root change on protobuf schemas.
type APISchemaFileReplaceParams struct {
	Name    *string            `json:"name,omitempty"`
	Content *string            `json:"content,omitempty"`
	Root    *APISchemaFileRoot `json:"root,omitempty"`
}

// apiSchemaFilePath builds the path of one file. The file path is sent as
// one escaped segment ("dir/a.yaml" as "dir%2Fa.yaml"), as the description
// declares it, so that it cannot reach other endpoints.
func apiSchemaFilePath(apiID, schemaID, filePath string) (string, error) {
	return pathf("/apis/{apiID}/schemas/{schemaID}/files/{filePath}", apiID, schemaID, filePath)
}

// ListSchemaFiles returns a page of the files of an API schema;
// Response.NextCursor points to the next page (ListSchemaFilesIter pages for
// you).
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to list a specification's files
// (GET /specs/{specId}/files) instead.
//
//postman:operation GET /apis/{apiId}/schemas/{schemaId}/files
func (s *APIsService) ListSchemaFiles(ctx context.Context, apiID, schemaID string, opts *APISchemaFileListOptions) ([]*APISchemaFile, *Response, error) {
	p, err := pathf("/apis/{apiID}/schemas/{schemaID}/files", apiID, schemaID)
	if err != nil {
		return nil, nil, err
	}
	r := apiRequest(http.MethodGet, p)
	r.query = opts
	var root struct {
		Files []*APISchemaFile `json:"files"`
		Meta  pageMeta         `json:"meta"`
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return root.Files, resp, nil
}

// ListSchemaFilesIter iterates over the files of an API schema, one page
// in memory at a time (100 per page unless opts.Limit says otherwise).
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to list a specification's files
// (GET /specs/{specId}/files) instead.
func (s *APIsService) ListSchemaFilesIter(ctx context.Context, apiID, schemaID string, opts *APISchemaFileListOptions) iter.Seq2[*APISchemaFile, error] {
	return cursorIter(ctx, opts, defaultIterLimit, func(ctx context.Context, o *APISchemaFileListOptions) ([]*APISchemaFile, *Response, error) {
		return s.ListSchemaFiles(ctx, apiID, schemaID, o)
	})
}

// GetSchemaFile returns a schema file with its content.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to get a specification file
// (GET /specs/{specId}/files/{filePath}) instead.
//
//postman:operation GET /apis/{apiId}/schemas/{schemaId}/files/{file-path}
func (s *APIsService) GetSchemaFile(ctx context.Context, apiID, schemaID, filePath string, opts *APISchemaFileGetOptions) (*APISchemaFileContent, *Response, error) {
	p, err := apiSchemaFilePath(apiID, schemaID, filePath)
	if err != nil {
		return nil, nil, err
	}
	r := apiRequest(http.MethodGet, p)
	r.query = opts
	file := new(APISchemaFileContent)
	resp, err := s.client.do(ctx, r, file)
	if err != nil {
		return nil, resp, err
	}
	return file, resp, nil
}

// ReplaceSchemaFile creates the schema file at filePath, or updates it if it
// exists. A "/" in filePath creates folders.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to create (POST /specs/{specId}/files) or update
// (PATCH /specs/{specId}/files/{filePath}) a specification file instead.
//
//postman:operation PUT /apis/{apiId}/schemas/{schemaId}/files/{file-path}
func (s *APIsService) ReplaceSchemaFile(ctx context.Context, apiID, schemaID, filePath string, req APISchemaFileReplaceParams) (*APISchemaFile, *Response, error) {
	p, err := apiSchemaFilePath(apiID, schemaID, filePath)
	if err != nil {
		return nil, nil, err
	}
	r := apiRequest(http.MethodPut, p)
	r.body = req
	file := new(APISchemaFile)
	resp, err := s.client.do(ctx, r, file)
	if err != nil {
		return nil, resp, err
	}
	return file, resp, nil
}

// DeleteSchemaFile deletes a schema file.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to delete a specification file
// (DELETE /specs/{specId}/files/{filePath}) instead.
//
//postman:operation DELETE /apis/{apiId}/schemas/{schemaId}/files/{file-path}
func (s *APIsService) DeleteSchemaFile(ctx context.Context, apiID, schemaID, filePath string) (*Response, error) {
	p, err := apiSchemaFilePath(apiID, schemaID, filePath)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, apiRequest(http.MethodDelete, p), nil)
}
