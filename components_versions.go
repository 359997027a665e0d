package postman

import (
	"context"
	"iter"
	"net/http"
)

// ComponentVersion is a published, immutable version of a component.
type ComponentVersion struct {
	ID string `json:"id"`
	// Label is the version's name ("1.0.0"), unique per component.
	Label string `json:"label,omitempty"`
	// URL is where the published version can be fetched from.
	URL string `json:"url,omitempty"`
	// Format is the content's serialisation ("YAML" or "JSON").
	Format ComponentFormat `json:"format,omitempty"`
	// Content is only returned when the call asked for it.
	Content     string    `json:"content,omitempty"`
	PublishedAt Timestamp `json:"publishedAt,omitzero"`
}

// ComponentVersionGetOptions asks GetVersion for more.
type ComponentVersionGetOptions struct {
	// IncludeContent returns the version's content.
	IncludeContent bool
}

// ComponentVersionListOptions asks ListVersions for more. Postman's
// answers carry a meta.nextCursor, but the description documents no cursor
// parameter; ListVersionsIter sends it back as "cursor" and stops if the
// server repeats a page.
type ComponentVersionListOptions struct {
	// IncludeContent returns each version's content.
	IncludeContent bool
	Cursor         string
}

func (o *ComponentVersionListOptions) cursorPage() (*string, *int) { return &o.Cursor, nil }

// componentVersionQuery is the query of the version endpoints.
type componentVersionQuery struct {
	Include string `url:"include,omitempty"`
	Cursor  string `url:"cursor,omitempty"`
}

func newComponentVersionQuery(includeContent bool, cursor string) *componentVersionQuery {
	q := &componentVersionQuery{Cursor: cursor}
	if includeContent {
		q.Include = "content"
	}
	return q
}

// ListVersions returns the published versions of a component. Available
// on Enterprise plans.
//
//postman:operation GET /components/{componentId}/versions
func (s *ComponentsService) ListVersions(ctx context.Context, componentID string, opts *ComponentVersionListOptions) ([]*ComponentVersion, *Response, error) {
	p, err := pathf("/components/{componentID}/versions", componentID)
	if err != nil {
		return nil, nil, err
	}
	q := newComponentVersionQuery(false, "")
	if opts != nil {
		q = newComponentVersionQuery(opts.IncludeContent, opts.Cursor)
	}
	return getPage[ComponentVersion](ctx, s.client, p, q)
}

// ListVersionsIter iterates over the published versions of a component,
// one page in memory at a time. Available on Enterprise plans.
func (s *ComponentsService) ListVersionsIter(ctx context.Context, componentID string, opts *ComponentVersionListOptions) iter.Seq2[*ComponentVersion, error] {
	return cursorIter(ctx, opts, 0, func(ctx context.Context, o *ComponentVersionListOptions) ([]*ComponentVersion, *Response, error) {
		return s.ListVersions(ctx, componentID, o)
	})
}

// ComponentVersionSourceType is what a version is published from.
type ComponentVersionSourceType string

// ComponentSourceDraft publishes the component's current draft.
const ComponentSourceDraft ComponentVersionSourceType = "draft"

// ComponentVersionSource says what PublishVersion publishes.
type ComponentVersionSource struct {
	Type ComponentVersionSourceType `json:"type"`
}

// ComponentVersionPublishParams is the body of PublishVersion.
type ComponentVersionPublishParams struct {
	// Label starts and ends with a letter or digit and holds at most 60
	// letters, digits, ".", "_", "+" and "-" ("1.0.0").
	Label string `json:"label"`
	// Source defaults to the current draft.
	Source *ComponentVersionSource `json:"source,omitempty"`
}

// PublishVersion publishes the component's draft as a new version and
// returns its ID (the only field set). Archived components cannot publish
// (409, ErrConflict), nor can a label be reused. Available on Enterprise
// plans.
//
//postman:operation POST /components/{componentId}/versions
func (s *ComponentsService) PublishVersion(ctx context.Context, componentID string, req ComponentVersionPublishParams) (*ComponentVersion, *Response, error) {
	p, err := pathf("/components/{componentID}/versions", componentID)
	if err != nil {
		return nil, nil, err
	}
	if err := specRequireArg("component version label", req.Label); err != nil {
		return nil, nil, err
	}
	v := new(ComponentVersion)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: p, body: req}, v)
	if err != nil {
		return nil, resp, err
	}
	return v, resp, nil
}

// GetVersion returns a published version of a component. Available on
// Enterprise plans.
//
//postman:operation GET /components/{componentId}/versions/{versionId}
func (s *ComponentsService) GetVersion(ctx context.Context, componentID, versionID string, opts *ComponentVersionGetOptions) (*ComponentVersion, *Response, error) {
	p, err := pathf("/components/{componentID}/versions/{versionID}", componentID, versionID)
	if err != nil {
		return nil, nil, err
	}
	q := newComponentVersionQuery(opts != nil && opts.IncludeContent, "")
	v := new(ComponentVersion)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: p, query: q}, v)
	if err != nil {
		return nil, resp, err
	}
	return v, resp, nil
}
