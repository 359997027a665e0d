package postman

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"regexp"
)

// TagsService is the Tags area: the tags of workspaces, collections and APIs, and the elements carrying a tag.
//
// Tagging is available on Enterprise plans; other teams get 403 answers
// that match ErrFeatureUnavailable. The tags of API Builder APIs
// (GetAPITags, UpdateAPITags) are deprecated with the API Builder.
type TagsService service

// Tag is a tag on a workspace, collection or API.
type Tag struct {
	// Slug is the tag's ID within the team: lowercase letters, digits and
	// hyphens, starting with a letter, 2 to 64 characters.
	Slug string `json:"slug"`
}

// TagEntityType is the kind of element a tag is on.
type TagEntityType string

// Kinds of tagged element.
const (
	TagEntityAPI        TagEntityType = "api"
	TagEntityCollection TagEntityType = "collection"
	TagEntityWorkspace  TagEntityType = "workspace"
)

// TagEntity is an element carrying a tag.
type TagEntity struct {
	// EntityID is the element's ID (a UID for collections).
	EntityID   string        `json:"entityId"`
	EntityType TagEntityType `json:"entityType"`
}

// TagSortDirection orders tagged elements by when they were tagged.
type TagSortDirection string

// Sort directions of ListEntities.
const (
	TagSortAscending  TagSortDirection = "asc"
	TagSortDescending TagSortDirection = "desc"
)

// TagEntityListOptions filters and pages ListEntities.
type TagEntityListOptions struct {
	// EntityType keeps only elements of one kind.
	EntityType TagEntityType `url:"entityType,omitempty"`
	// Direction orders by tagging time (Postman's default: newest first).
	Direction TagSortDirection `url:"direction,omitempty"`
	// Cursor is the position of the page; Postman answers an invalid
	// cursor with the first page.
	Cursor string `url:"cursor,omitempty"`
	// Limit is the page size (default 10, at most 50).
	Limit int `url:"limit,omitempty"`
}

func (o *TagEntityListOptions) cursorPage() (*string, *int) { return &o.Cursor, &o.Limit }

// tagEntitiesMaxLimit is the largest page GET /tags/{slug}/entities serves.
const tagEntitiesMaxLimit = 50

// tagSlugPattern is Postman's rule for tag slugs.
var tagSlugPattern = regexp.MustCompile(`^[a-z][a-z0-9-]*[a-z0-9]+$`)

// tagCheckSlug refuses, before any I/O, a slug Postman would reject.
func tagCheckSlug(slug string) error {
	if len(slug) < 2 || len(slug) > 64 || !tagSlugPattern.MatchString(slug) {
		return fmt.Errorf("postman: %w: tag slug %q: use 2 to 64 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen", ErrInvalidArgument, slug)
	}
	return nil
}

// tagsBody is the body of PUT …/tags: every tag the element keeps.
func tagsBody(slugs []string) (any, error) {
	tags := make([]Tag, len(slugs))
	for i, slug := range slugs {
		if err := tagCheckSlug(slug); err != nil {
			return nil, err
		}
		tags[i] = Tag{Slug: slug}
	}
	return struct {
		Tags []Tag `json:"tags"`
	}{tags}, nil
}

// getTags returns the tags of the element at pathf(format, id).
func (s *TagsService) getTags(ctx context.Context, format, id string) ([]Tag, *Response, error) {
	path, err := pathf(format, id)
	if err != nil {
		return nil, nil, err
	}
	return s.tagsCall(ctx, http.MethodGet, path, nil)
}

// putTags replaces the tags of the element at pathf(format, id) with
// slugs and returns the tags it keeps.
func (s *TagsService) putTags(ctx context.Context, format, id string, slugs []string) ([]Tag, *Response, error) {
	path, err := pathf(format, id)
	if err != nil {
		return nil, nil, err
	}
	body, err := tagsBody(slugs)
	if err != nil {
		return nil, nil, err
	}
	return s.tagsCall(ctx, http.MethodPut, path, body)
}

// tagsCall runs a call whose answer is {"tags": […]}.
func (s *TagsService) tagsCall(ctx context.Context, method, path string, body any) ([]Tag, *Response, error) {
	var root struct {
		Tags []Tag `json:"tags"`
	}
	resp, err := s.client.do(ctx, &request{method: method, path: path, body: body}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Tags, resp, nil
}

// GetWorkspaceTags returns the tags of a workspace.
//
// Available on Enterprise plans.
//
//postman:operation GET /workspaces/{workspaceId}/tags
func (s *TagsService) GetWorkspaceTags(ctx context.Context, workspaceID string) ([]Tag, *Response, error) {
	return s.getTags(ctx, "/workspaces/{workspaceID}/tags", workspaceID)
}

// UpdateWorkspaceTags replaces the tags of a workspace with slugs (Postman
// allows 5; nil or empty removes them all) and returns the tags it keeps.
//
// Available on Enterprise plans.
//
//postman:operation PUT /workspaces/{workspaceId}/tags
func (s *TagsService) UpdateWorkspaceTags(ctx context.Context, workspaceID string, slugs []string) ([]Tag, *Response, error) {
	return s.putTags(ctx, "/workspaces/{workspaceID}/tags", workspaceID, slugs)
}

// GetCollectionTags returns the tags of a collection, given by its UID.
//
// Available on Enterprise plans.
//
//postman:operation GET /collections/{collectionId}/tags
func (s *TagsService) GetCollectionTags(ctx context.Context, collectionUID string) ([]Tag, *Response, error) {
	return s.getTags(ctx, "/collections/{collectionUID}/tags", collectionUID)
}

// UpdateCollectionTags replaces the tags of a collection, given by its UID,
// with slugs (Postman allows 5; nil or empty removes them all) and returns
// the tags it keeps.
//
// Available on Enterprise plans.
//
//postman:operation PUT /collections/{collectionId}/tags
func (s *TagsService) UpdateCollectionTags(ctx context.Context, collectionUID string, slugs []string) ([]Tag, *Response, error) {
	return s.putTags(ctx, "/collections/{collectionUID}/tags", collectionUID, slugs)
}

// ListEntities returns a page of the workspaces, collections and APIs carrying
// a tag; Response.NextCursor points to the next page. ListEntitiesIter pages
// for you.
//
// Available on Enterprise plans (Postman's older documentation also names
// Solo and Team plans).
//
//postman:operation GET /tags/{slug}/entities
func (s *TagsService) ListEntities(ctx context.Context, slug string, opts *TagEntityListOptions) ([]*TagEntity, *Response, error) {
	if err := tagCheckSlug(slug); err != nil {
		return nil, nil, err
	}
	path, err := pathf("/tags/{slug}/entities", slug)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Data struct {
			Entities []*TagEntity `json:"entities"`
		} `json:"data"`
		Meta pageMeta `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path, query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return root.Data.Entities, resp, nil
}

// ListEntitiesIter iterates over the elements carrying a tag, one page in
// memory at a time (50 per page, Postman's maximum, unless opts.Limit
// says otherwise).
func (s *TagsService) ListEntitiesIter(ctx context.Context, slug string, opts *TagEntityListOptions) iter.Seq2[*TagEntity, error] {
	return cursorIter(ctx, opts, tagEntitiesMaxLimit, func(ctx context.Context, o *TagEntityListOptions) ([]*TagEntity, *Response, error) {
		return s.ListEntities(ctx, slug, o)
	})
}
