package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"path"
	"strings"
)

// SpecFileType is the role of a file in a multi-file spec. Postman may add
// values; compare with the constants.
type SpecFileType string

// File roles of multi-file specs.
const (
	// SpecFileRoot is the entry point of a multi-file spec, which references
	// the other files; a spec has exactly one. Making another file ROOT
	// turns the previous root into a DEFAULT file.
	SpecFileRoot SpecFileType = "ROOT"
	// SpecFileDefault is a file referenced by the root file. New files get
	// this type.
	SpecFileDefault SpecFileType = "DEFAULT"
)

// SpecFile is a file of a spec. Content is the file's text as stored (JSON,
// YAML, protobuf, GraphQL or Smithy source); it is only filled by GetFile.
type SpecFile struct {
	ID string `json:"id"`
	// Path is the file's path in the spec; "/" separates folders.
	Path string `json:"path"`
	// Name is the last element of Path.
	Name    string       `json:"name,omitempty"`
	Type    SpecFileType `json:"type,omitempty"`
	Content string       `json:"content,omitempty"`
	// CreatedBy and UpdatedBy are user IDs.
	CreatedBy int64     `json:"createdBy,omitempty"`
	UpdatedBy int64     `json:"updatedBy,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
}

// Format returns the file's format, from its extension (.json, .yaml or
// .yml, .proto, .graphql, .smithy), or from its content when the extension
// says nothing.
func (f *SpecFile) Format() SpecFileFormat { return specFileFormat(f.Path, f.Content) }

// DetectedType returns the specification type the content declares
// ("openapi: 3.1.0", "swagger": "2.0", "asyncapi: 3.0.0", syntax =
// "proto3"), or "" when it declares none, as DEFAULT files of multi-file
// specs usually do.
func (f *SpecFile) DetectedType() SpecType { return specSniffType(f.Content) }

// JSON returns the content as raw JSON, for json.Unmarshal into a typed
// document, or an error if the content is not valid JSON (a YAML file).
func (f *SpecFile) JSON() (json.RawMessage, error) { return specContentJSON(f.Path, f.Content) }

// Source returns the file as a SpecSourceFile, e.g. to copy it into a new
// spec with Create.
func (f *SpecFile) Source() SpecSourceFile {
	return SpecSourceFile{Path: f.Path, Content: f.Content, Type: f.Type}
}

// SpecSourceFile is a file sent to Create: its path, its content as text,
// and, for multi-file specs, its role.
type SpecSourceFile struct {
	// Path ends with the format's extension (.json, .yaml, .proto, .graphql,
	// .smithy); "/" creates folders.
	Path    string `json:"path"`
	Content string `json:"content"`
	// Type is required for multi-file specs (exactly one SpecFileRoot) and
	// left empty for single-file specs.
	Type SpecFileType `json:"type,omitempty"`
}

// NewSpecSourceFileJSON returns a file whose content is doc encoded as
// indented JSON (a json.RawMessage is indented as is), so that a document
// built in Go can be uploaded without handling the text form.
func NewSpecSourceFileJSON(filePath string, doc any) (SpecSourceFile, error) {
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return SpecSourceFile{}, fmt.Errorf("postman: encoding spec file %s: %w", filePath, err)
	}
	return SpecSourceFile{Path: filePath, Content: string(data)}, nil
}

// Format returns the file's format, from its extension or its content.
func (f SpecSourceFile) Format() SpecFileFormat { return specFileFormat(f.Path, f.Content) }

// specFileFormat reads a format from a file's extension, falling back on
// the content for paths without a known one.
func specFileFormat(filePath, content string) SpecFileFormat {
	switch strings.ToLower(path.Ext(filePath)) {
	case ".json":
		return SpecFormatJSON
	case ".yaml", ".yml":
		return SpecFormatYAML
	case ".proto":
		return SpecFormatProto
	case ".graphql", ".gql":
		return SpecFormatGraphQL
	case ".smithy":
		return SpecFormatSmithy
	}
	return specSniffFormat(content)
}

// specContentJSON returns content as raw JSON when it is valid JSON.
func specContentJSON(name, content string) (json.RawMessage, error) {
	if !json.Valid([]byte(content)) {
		return nil, fmt.Errorf("postman: spec content %s is not JSON (format %s)", name, specFileFormat(name, content))
	}
	return json.RawMessage(content), nil
}

// SpecFileListOptions pages ListFiles. Postman's answers carry a
// meta.nextCursor, but the description documents no cursor parameter;
// ListFilesIter sends it back as "cursor" and stops if the server repeats
// a page.
type SpecFileListOptions struct {
	Cursor string `url:"cursor,omitempty"`
}

func (o *SpecFileListOptions) cursorPage() (*string, *int) { return &o.Cursor, nil }

// ListFiles returns the files of a spec, without their content (GetFile
// returns it).
//
//postman:operation GET /specs/{specId}/files
func (s *SpecsService) ListFiles(ctx context.Context, specID string, opts *SpecFileListOptions) ([]*SpecFile, *Response, error) {
	p, err := pathf("/specs/{specID}/files", specID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Files []*SpecFile `json:"files"`
		Meta  pageMeta    `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: p, query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return root.Files, resp, nil
}

// ListFilesIter iterates over the files of a spec, one page in memory at
// a time.
func (s *SpecsService) ListFilesIter(ctx context.Context, specID string, opts *SpecFileListOptions) iter.Seq2[*SpecFile, error] {
	return cursorIter(ctx, opts, 0, func(ctx context.Context, o *SpecFileListOptions) ([]*SpecFile, *Response, error) {
		return s.ListFiles(ctx, specID, o)
	})
}

// GetFile returns a file of a spec with its content. filePath is the
// file's path in the spec ("components/schemas.json"); it is sent escaped
// as a single path segment.
//
//postman:operation GET /specs/{specId}/files/{filePath}
func (s *SpecsService) GetFile(ctx context.Context, specID, filePath string) (*SpecFile, *Response, error) {
	p, err := pathf("/specs/{specID}/files/{filePath}", specID, filePath)
	if err != nil {
		return nil, nil, err
	}
	file := new(SpecFile)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: p}, file)
	if err != nil {
		return nil, resp, err
	}
	return file, resp, nil
}

// SpecFileCreateParams is the body of CreateFile. The new file is a
// SpecFileDefault file; make it the root with UpdateFile.
type SpecFileCreateParams struct {
	// Path ends with .json, .yaml or .proto; "/" creates folders.
	Path    string `json:"path"`
	Content string `json:"content"`
}

// CreateFile adds a file (at most 10 MB) to an OpenAPI or protobuf spec.
// The answer has no content.
//
//postman:operation POST /specs/{specId}/files
func (s *SpecsService) CreateFile(ctx context.Context, specID string, req SpecFileCreateParams) (*SpecFile, *Response, error) {
	p, err := pathf("/specs/{specID}/files", specID)
	if err != nil {
		return nil, nil, err
	}
	if err := specRequireArg("file path", req.Path); err != nil {
		return nil, nil, err
	}
	file := new(SpecFile)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: p, body: req}, file)
	if err != nil {
		return nil, resp, err
	}
	return file, resp, nil
}

// SpecFileUpdateParams is the body of UpdateFile. Postman accepts exactly
// one change per call: set one field only.
type SpecFileUpdateParams struct {
	// Name renames the file.
	Name *string `json:"name,omitempty"`
	// Type makes the file the root (the previous root becomes DEFAULT) or
	// a default file.
	Type SpecFileType `json:"type,omitempty"`
	// Content replaces the file's content (at most 10 MB).
	Content *string `json:"content,omitempty"`
}

func (r SpecFileUpdateParams) changes() int {
	n := 0
	if r.Name != nil {
		n++
	}
	if r.Type != "" {
		n++
	}
	if r.Content != nil {
		n++
	}
	return n
}

// UpdateFile renames a file of an OpenAPI or protobuf spec, changes its
// type or replaces its content: one of the three per call (more, or none,
// is refused before any I/O, as Postman would refuse it). The answer has no
// content.
//
//postman:operation PATCH /specs/{specId}/files/{filePath}
func (s *SpecsService) UpdateFile(ctx context.Context, specID, filePath string, req SpecFileUpdateParams) (*SpecFile, *Response, error) {
	p, err := pathf("/specs/{specID}/files/{filePath}", specID, filePath)
	if err != nil {
		return nil, nil, err
	}
	if n := req.changes(); n != 1 {
		return nil, nil, fmt.Errorf("postman: %w: a spec file update takes exactly one of name, type and content (%d given)", ErrInvalidArgument, n)
	}
	file := new(SpecFile)
	resp, err := s.client.do(ctx, &request{method: http.MethodPatch, path: p, body: req}, file)
	if err != nil {
		return nil, resp, err
	}
	return file, resp, nil
}

// DeleteFile deletes a file of a spec.
//
//postman:operation DELETE /specs/{specId}/files/{filePath}
func (s *SpecsService) DeleteFile(ctx context.Context, specID, filePath string) (*Response, error) {
	p, err := pathf("/specs/{specID}/files/{filePath}", specID, filePath)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: p}, nil)
}
