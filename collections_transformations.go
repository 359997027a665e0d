package postman

import (
	"context"
	"net/http"
)

// CollectionOpenAPIFormat is the text format of an OpenAPI definition.
type CollectionOpenAPIFormat string

// Formats of TransformToOpenAPI's output.
const (
	CollectionOpenAPIJSON CollectionOpenAPIFormat = "json"
	CollectionOpenAPIYAML CollectionOpenAPIFormat = "yaml"
)

// CollectionTransformOptions choose the format of TransformToOpenAPI.
type CollectionTransformOptions struct {
	// Format is CollectionOpenAPIJSON (Postman's default) or
	// CollectionOpenAPIYAML.
	Format CollectionOpenAPIFormat `url:"format,omitempty"`
}

// CollectionOpenAPI is an OpenAPI definition generated from a collection.
type CollectionOpenAPI struct {
	// Format is the format the definition was asked for (JSON when no
	// format was given).
	Format CollectionOpenAPIFormat
	// Definition is the definition's text, as Postman generated it: a
	// free-form document to hand to an OpenAPI parser, or to write out.
	Definition []byte
}

// TransformToOpenAPI generates an OpenAPI 3 definition from a collection
// and returns its text. It creates no API in Postman.
//
//postman:operation GET /collections/{collectionId}/transformations
func (s *CollectionsService) TransformToOpenAPI(ctx context.Context, collectionID string, opts *CollectionTransformOptions) (*CollectionOpenAPI, *Response, error) {
	path, err := pathf("/collections/{collectionID}/transformations", collectionID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Output string `json:"output"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path, query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	out := &CollectionOpenAPI{Format: CollectionOpenAPIJSON, Definition: []byte(root.Output)}
	if opts != nil && opts.Format != "" {
		out.Format = opts.Format
	}
	return out, resp, nil
}
