package postman

import (
	"context"
	"net/http"
)

// APITagsUpdateRequest is the body of UpdateTags: the API's new tags,
// which replace all the current ones (an empty list removes them).
type APITagsUpdateRequest struct {
	Tags []Tag `json:"tags"`
}

// GetTags returns the tags of an API. Available on Enterprise plans; other
// teams get an error matching ErrFeatureUnavailable.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub, whose specifications have no tags in the Postman API; tag the
// generated collections with TagsService (GET /collections/{collectionId}/tags).
//
//postman:operation GET /apis/{apiId}/tags
func (s *APIsService) GetTags(ctx context.Context, apiID string) ([]*Tag, *Response, error) {
	path, err := pathf("/apis/%s/tags", apiID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Tags []*Tag `json:"tags"`
	}
	resp, err := s.client.do(ctx, apiRequest(http.MethodGet, path), &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Tags, resp, nil
}

// UpdateTags replaces the tags of an API and returns them. Available on
// Enterprise plans; other teams get an error matching
// ErrFeatureUnavailable.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub, whose specifications have no tags in the Postman API; tag the
// generated collections with TagsService (PUT /collections/{collectionId}/tags).
//
//postman:operation PUT /apis/{apiId}/tags
func (s *APIsService) UpdateTags(ctx context.Context, apiID string, req APITagsUpdateRequest) ([]*Tag, *Response, error) {
	path, err := pathf("/apis/%s/tags", apiID)
	if err != nil {
		return nil, nil, err
	}
	if req.Tags == nil {
		req.Tags = []Tag{}
	}
	r := apiRequest(http.MethodPut, path)
	r.body = req
	var root struct {
		Tags []*Tag `json:"tags"`
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Tags, resp, nil
}
