package postman

import (
	"context"
	"net/http"
)

// GetAPITags returns the tags of an API of the v10 API Builder. Available
// on Enterprise plans; other teams get an error matching
// ErrFeatureUnavailable.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub, whose specifications have no tags in the Postman API; tag the
// generated collections with GetCollectionTags and UpdateCollectionTags.
//
//postman:operation GET /apis/{apiId}/tags
func (s *TagsService) GetAPITags(ctx context.Context, apiID string) ([]Tag, *Response, error) {
	path, err := pathf("/apis/{apiID}/tags", apiID)
	if err != nil {
		return nil, nil, err
	}
	return s.apiTagsCall(ctx, apiRequest(http.MethodGet, path))
}

// UpdateAPITags replaces the tags of an API of the v10 API Builder with
// slugs (an empty list removes them all) and returns them. Available on
// Enterprise plans; other teams get an error matching
// ErrFeatureUnavailable.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub, whose specifications have no tags in the Postman API; tag the
// generated collections with GetCollectionTags and UpdateCollectionTags.
//
//postman:operation PUT /apis/{apiId}/tags
func (s *TagsService) UpdateAPITags(ctx context.Context, apiID string, slugs []string) ([]Tag, *Response, error) {
	path, err := pathf("/apis/{apiID}/tags", apiID)
	if err != nil {
		return nil, nil, err
	}
	tags := make([]Tag, len(slugs))
	for i, slug := range slugs {
		tags[i] = Tag{Slug: slug}
	}
	r := apiRequest(http.MethodPut, path)
	r.body = struct {
		Tags []Tag `json:"tags"`
	}{tags}
	return s.apiTagsCall(ctx, r)
}

// apiTagsCall runs an API Builder tags call, whose answer is {"tags": […]}.
func (s *TagsService) apiTagsCall(ctx context.Context, r *request) ([]Tag, *Response, error) {
	var root struct {
		Tags []Tag `json:"tags"`
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Tags, resp, nil
}
