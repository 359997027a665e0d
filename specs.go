package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
)

// SpecsService is the Spec Hub area: API specifications, their files, and generation and synchronisation of collections.
//
// Spec Hub replaces the API Builder: a spec is a set of files (one for a
// single-file spec; a ROOT file and the DEFAULT files it references for a
// multi-file spec) of one specification language. Collections generated
// from a spec, and specs generated from a collection, stay linked and can
// be synchronised; generation and synchronisation run as asynchronous
// tasks that WaitTask follows to the end.
type SpecsService service

// SpecType is the specification language and version of a spec. Postman
// may add values; compare with the constants.
type SpecType string

// Specification types Spec Hub supports.
const (
	SpecTypeOpenAPI20  SpecType = "OPENAPI:2.0"
	SpecTypeOpenAPI30  SpecType = "OPENAPI:3.0"
	SpecTypeOpenAPI31  SpecType = "OPENAPI:3.1"
	SpecTypeAsyncAPI20 SpecType = "ASYNCAPI:2.0"
	SpecTypeAsyncAPI30 SpecType = "ASYNCAPI:3.0"
	SpecTypeProtobuf2  SpecType = "PROTOBUF:2"
	SpecTypeProtobuf3  SpecType = "PROTOBUF:3"
	SpecTypeGraphQL    SpecType = "GRAPHQL"
	SpecTypeSmithy20   SpecType = "SMITHY:2.0"
)

// IsOpenAPI reports whether t is an OpenAPI (or Swagger 2.0) type, the
// only types collections can be generated from and synchronised with
// (Smithy specs can generate collections too, but not sync).
func (t SpecType) IsOpenAPI() bool {
	return t == SpecTypeOpenAPI20 || t == SpecTypeOpenAPI30 || t == SpecTypeOpenAPI31
}

// IsAsyncAPI reports whether t is an AsyncAPI type.
func (t SpecType) IsAsyncAPI() bool { return t == SpecTypeAsyncAPI20 || t == SpecTypeAsyncAPI30 }

// SpecFileFormat is the serialisation of a spec's or a file's content.
// Postman may add values; compare with the constants.
type SpecFileFormat string

// File formats of spec contents.
const (
	SpecFormatJSON    SpecFileFormat = "json"
	SpecFormatYAML    SpecFileFormat = "yaml"
	SpecFormatProto   SpecFileFormat = "proto"
	SpecFormatGraphQL SpecFileFormat = "graphql"
	SpecFormatSmithy  SpecFileFormat = "smithy"
)

// Spec is an API specification of Spec Hub.
type Spec struct {
	ID   string   `json:"id"`
	Name string   `json:"name"`
	Type SpecType `json:"type"`
	// FileFormat is only returned by Get.
	FileFormat SpecFileFormat `json:"fileFormat,omitempty"`
	// CreatedBy and UpdatedBy are user IDs.
	CreatedBy int64     `json:"createdBy,omitempty"`
	UpdatedBy int64     `json:"updatedBy,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
}

// SpecListOptions pages List.
type SpecListOptions struct {
	CursorOptions
}

// specListQuery adds List's required workspace to the caller's options.
type specListQuery struct {
	WorkspaceID string `url:"workspaceId"`
	SpecListOptions
}

// specRequireArg refuses an empty required argument before any I/O: an
// empty workspace ID would otherwise reach the server as a confusing 400.
func specRequireArg(name, value string) error {
	if value == "" {
		return fmt.Errorf("postman: %w: %s is empty", ErrInvalidArgument, name)
	}
	return nil
}

// specUnwrapData decodes body into out, from its "data" member when the
// body has one: for some endpoints the description's schema wraps the
// answer in "data" while its example does not, and either may be right.
func specUnwrapData(body []byte, out any) error {
	var env struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return err
	}
	if d := bytes.TrimSpace(env.Data); len(d) > 0 && d[0] == '{' {
		return json.Unmarshal(d, out)
	}
	return json.Unmarshal(body, out)
}

// List returns a page of the specs of a workspace (10 unless opts.Limit
// says otherwise); Response.NextCursor points to the next page, and
// ListIter pages for you.
//
//postman:operation GET /specs
func (s *SpecsService) List(ctx context.Context, workspaceID string, opts *SpecListOptions) ([]*Spec, *Response, error) {
	if err := specRequireArg("workspace ID", workspaceID); err != nil {
		return nil, nil, err
	}
	q := specListQuery{WorkspaceID: workspaceID}
	if opts != nil {
		q.SpecListOptions = *opts
	}
	var root struct {
		Specs []*Spec  `json:"specs"`
		Meta  pageMeta `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/specs", query: &q}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return root.Specs, resp, nil
}

// ListIter iterates over the specs of a workspace, one page in memory at a
// time (100 per page unless opts.Limit says otherwise).
func (s *SpecsService) ListIter(ctx context.Context, workspaceID string, opts *SpecListOptions) iter.Seq2[*Spec, error] {
	return cursorIter(ctx, opts, defaultIterLimit, func(ctx context.Context, o *SpecListOptions) ([]*Spec, *Response, error) {
		return s.List(ctx, workspaceID, o)
	})
}

// Get returns a spec's properties; GetDefinition returns its content.
//
//postman:operation GET /specs/{specId}
func (s *SpecsService) Get(ctx context.Context, specID string) (*Spec, *Response, error) {
	path, err := pathf("/specs/{specID}", specID)
	if err != nil {
		return nil, nil, err
	}
	spec := new(Spec)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, spec)
	if err != nil {
		return nil, resp, err
	}
	return spec, resp, nil
}

// SpecCreateParams is the body of Create.
type SpecCreateParams struct {
	Name string   `json:"name"`
	Type SpecType `json:"type"`
	// Files are the spec's files. A single-file spec has one file and needs
	// no file type; a multi-file spec has exactly one SpecFileRoot file.
	// A "/" in a path creates folders. Each file is at most 12 MB.
	Files []SpecSourceFile `json:"files"`
}

// Create creates a spec in a workspace from its files and returns it
// without them.
//
//postman:operation POST /specs
func (s *SpecsService) Create(ctx context.Context, workspaceID string, req SpecCreateParams) (*Spec, *Response, error) {
	if err := specRequireArg("workspace ID", workspaceID); err != nil {
		return nil, nil, err
	}
	if len(req.Files) == 0 {
		return nil, nil, fmt.Errorf("postman: %w: a spec needs at least one file", ErrInvalidArgument)
	}
	q := struct {
		WorkspaceID string `url:"workspaceId"`
	}{workspaceID}
	spec := new(Spec)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: "/specs", query: &q, body: req}, spec)
	if err != nil {
		return nil, resp, err
	}
	return spec, resp, nil
}

// SpecUpdateParams is the body of Update: the spec's new properties.
type SpecUpdateParams struct {
	Name string `json:"name"`
}

// Update changes a spec's properties (its name); UpdateFile changes its
// content.
//
//postman:operation PATCH /specs/{specId}
func (s *SpecsService) Update(ctx context.Context, specID string, req SpecUpdateParams) (*Spec, *Response, error) {
	path, err := pathf("/specs/{specID}", specID)
	if err != nil {
		return nil, nil, err
	}
	if err := specRequireArg("spec name", req.Name); err != nil {
		return nil, nil, err
	}
	spec := new(Spec)
	resp, err := s.client.do(ctx, &request{method: http.MethodPatch, path: path, body: req}, spec)
	if err != nil {
		return nil, resp, err
	}
	return spec, resp, nil
}

// Delete deletes a spec with all its files.
//
//postman:operation DELETE /specs/{specId}
func (s *SpecsService) Delete(ctx context.Context, specID string) (*Response, error) {
	path, err := pathf("/specs/{specID}", specID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
}
