package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
)

// ComponentsService is the Components area: reusable specification components.
//
// A component is a fragment of an OpenAPI document shared across the
// team's specs. It is edited as a draft and published as immutable,
// labelled versions. Every endpoint of the area is available on Enterprise
// plans only; on other plans Postman answers 403, which matches
// ErrForbidden (and ErrFeatureUnavailable when Postman says so).
type ComponentsService service

// ComponentType is the specification a component's content follows.
// Postman may add values; compare with the constants.
type ComponentType string

// Component types.
const (
	ComponentOAS2  ComponentType = "OAS2"
	ComponentOAS3  ComponentType = "OAS3"
	ComponentOAS31 ComponentType = "OAS3_1"
)

// ComponentStatus is a component's lifecycle state.
type ComponentStatus string

// Component lifecycle states.
const (
	// ComponentActive components can be edited and published.
	ComponentActive ComponentStatus = "active"
	// ComponentArchived components are read-only; their versions stay
	// accessible.
	ComponentArchived ComponentStatus = "archived"
)

// ComponentFormat is the serialisation of a component's content.
type ComponentFormat string

// Component content formats.
const (
	ComponentFormatJSON ComponentFormat = "JSON"
	ComponentFormatYAML ComponentFormat = "YAML"
)

// Component is a component of the team's library.
type Component struct {
	ID     string          `json:"id"`
	Name   string          `json:"name"`
	Type   ComponentType   `json:"type,omitempty"`
	Status ComponentStatus `json:"status,omitempty"`
	// CreatedBy and UpdatedBy are user IDs.
	CreatedBy string    `json:"createdBy,omitempty"`
	UpdatedBy string    `json:"updatedBy,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
	// HasVersions is set when the call included ComponentIncludeHasVersions.
	HasVersions *bool `json:"hasVersions,omitempty"`
	// LatestVersion is set when the call included
	// ComponentIncludeLatestVersion: only its ID, unless the call also
	// expanded it (ComponentExpandLatestVersion), and its content with
	// ComponentIncludeLatestVersionContent. It is nil when the component
	// has no published version.
	LatestVersion *ComponentVersion `json:"latestVersion,omitempty"`
}

// UnmarshalJSON reads latestVersion as Postman sends it: an ID, an
// expanded version or null.
func (c *Component) UnmarshalJSON(data []byte) error {
	type plain Component
	var w struct {
		*plain
		LatestVersion json.RawMessage `json:"latestVersion"`
	}
	w.plain = (*plain)(c)
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	c.LatestVersion = nil
	v := bytes.TrimSpace(w.LatestVersion)
	switch {
	case len(v) == 0 || string(v) == "null":
	case v[0] == '"':
		var id string
		if err := json.Unmarshal(v, &id); err != nil {
			return err
		}
		c.LatestVersion = &ComponentVersion{ID: id}
	default:
		c.LatestVersion = new(ComponentVersion)
		if err := json.Unmarshal(v, c.LatestVersion); err != nil {
			return err
		}
	}
	return nil
}

// Extra fields the list and get calls can include or expand.
const (
	ComponentIncludeHasVersions          = "hasVersions"
	ComponentIncludeLatestVersion        = "latestVersion"
	ComponentIncludeLatestVersionContent = "latestVersion.content"
	// ComponentExpandLatestVersion, in Expand, returns the latest version
	// in full rather than its ID.
	ComponentExpandLatestVersion = "latestVersion"
)

// ComponentGetOptions asks Get for more.
type ComponentGetOptions struct {
	// Include lists ComponentInclude… values.
	Include []string `url:"include,omitempty,comma"`
	// Expand lists ComponentExpand… values.
	Expand []string `url:"expand,omitempty,comma"`
}

// ComponentListOptions filters List. Postman's answers carry a
// meta.nextCursor, but the description documents no cursor parameter;
// ListIter sends it back as "cursor" and stops if the server repeats a
// page.
type ComponentListOptions struct {
	Type   ComponentType   `url:"type,omitempty"`
	Status ComponentStatus `url:"status,omitempty"`
	// HasVersions keeps only components with (true) or without (false)
	// published versions.
	HasVersions *bool `url:"hasVersions,omitempty"`
	ComponentGetOptions
	Cursor string `url:"cursor,omitempty"`
}

func (o *ComponentListOptions) cursorPage() (*string, *int) { return &o.Cursor, nil }

// List returns the components of the team's library. Available on
// Enterprise plans.
//
//postman:operation GET /components
func (s *ComponentsService) List(ctx context.Context, opts *ComponentListOptions) ([]*Component, *Response, error) {
	return getPage[Component](ctx, s.client, "/components", opts)
}

// ListIter iterates over the components of the team's library, one page
// in memory at a time. Available on Enterprise plans.
func (s *ComponentsService) ListIter(ctx context.Context, opts *ComponentListOptions) iter.Seq2[*Component, error] {
	return cursorIter(ctx, opts, 0, s.List)
}

// Get returns a component. Available on Enterprise plans.
//
//postman:operation GET /components/{componentId}
func (s *ComponentsService) Get(ctx context.Context, componentID string, opts *ComponentGetOptions) (*Component, *Response, error) {
	p, err := pathf("/components/{componentID}", componentID)
	if err != nil {
		return nil, nil, err
	}
	// The description's schema wraps the component in "data"; its example
	// does not. Accept both.
	var raw json.RawMessage
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: p, query: opts}, &raw)
	if err != nil {
		return nil, resp, err
	}
	comp := new(Component)
	if err := specUnwrapData(raw, comp); err != nil {
		return nil, resp, &DecodeError{StatusCode: resp.StatusCode, Method: http.MethodGet, Path: p, Excerpt: s.client.excerpt(raw), Err: err}
	}
	return comp, resp, nil
}

// ComponentCreateParams is the body of Create.
type ComponentCreateParams struct {
	// Name is unique in the team: at most 60 letters, digits, "-", "_" and ".".
	Name string        `json:"name"`
	Type ComponentType `json:"type"`
	// Content is the component's text, at most 500 KB of UTF-8.
	Content string `json:"content"`
	// Format defaults to ComponentFormatYAML.
	Format ComponentFormat `json:"format,omitempty"`
}

// Create creates an active component whose draft holds the content;
// PublishVersion publishes it. Postman answers with the ID only, the only
// field set in the returned Component. Available on Enterprise plans.
//
//postman:operation POST /components
func (s *ComponentsService) Create(ctx context.Context, req ComponentCreateParams) (*Component, *Response, error) {
	if err := specRequireArg("component name", req.Name); err != nil {
		return nil, nil, err
	}
	comp := new(Component)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: "/components", body: req}, comp)
	if err != nil {
		return nil, resp, err
	}
	return comp, resp, nil
}

// ComponentUpdateParams is the body of Update. Postman accepts one change
// per call: set Name or Status, not both.
type ComponentUpdateParams struct {
	// Name renames the component; archived components cannot be renamed.
	Name *string `json:"name,omitempty"`
	// Status archives or restores the component.
	Status ComponentStatus `json:"status,omitempty"`
}

// Update renames a component, or archives or restores it: one change per
// call (both, or neither, is refused before any I/O). The answer carries
// the ID, name and status only. Postman answers 409 (ErrConflict) for a
// duplicate name or a rename of an archived component. Available on
// Enterprise plans.
//
//postman:operation PATCH /components/{componentId}
func (s *ComponentsService) Update(ctx context.Context, componentID string, req ComponentUpdateParams) (*Component, *Response, error) {
	p, err := pathf("/components/{componentID}", componentID)
	if err != nil {
		return nil, nil, err
	}
	if (req.Name == nil) == (req.Status == "") {
		return nil, nil, fmt.Errorf("postman: %w: a component update takes exactly one of name and status", ErrInvalidArgument)
	}
	comp := new(Component)
	resp, err := s.client.do(ctx, &request{method: http.MethodPatch, path: p, body: req}, comp)
	if err != nil {
		return nil, resp, err
	}
	return comp, resp, nil
}

// ComponentDraft is the unpublished working copy of a component.
type ComponentDraft struct {
	// ID is the draft's ID; only UpdateDraft returns it.
	ID      string          `json:"id,omitempty"`
	Content string          `json:"content,omitempty"`
	Format  ComponentFormat `json:"format,omitempty"`
}

// GetDraft returns a component's draft, which may differ from its latest
// published version. Available on Enterprise plans.
//
//postman:operation GET /components/{componentId}/drafts
func (s *ComponentsService) GetDraft(ctx context.Context, componentID string) (*ComponentDraft, *Response, error) {
	p, err := pathf("/components/{componentID}/drafts", componentID)
	if err != nil {
		return nil, nil, err
	}
	draft := new(ComponentDraft)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: p}, draft)
	if err != nil {
		return nil, resp, err
	}
	return draft, resp, nil
}

// ComponentDraftUpdateParams is the body of UpdateDraft; set at least one
// field.
type ComponentDraftUpdateParams struct {
	// Content is at most 500 KB of UTF-8.
	Content *string         `json:"content,omitempty"`
	Format  ComponentFormat `json:"format,omitempty"`
}

// UpdateDraft changes a component's draft and returns the draft's ID (the
// only field set). Archived components cannot be edited (409,
// ErrConflict). Available on Enterprise plans.
//
//postman:operation PATCH /components/{componentId}/drafts
func (s *ComponentsService) UpdateDraft(ctx context.Context, componentID string, req ComponentDraftUpdateParams) (*ComponentDraft, *Response, error) {
	p, err := pathf("/components/{componentID}/drafts", componentID)
	if err != nil {
		return nil, nil, err
	}
	if req.Content == nil && req.Format == "" {
		return nil, nil, fmt.Errorf("postman: %w: component draft update sets nothing", ErrInvalidArgument)
	}
	draft := new(ComponentDraft)
	resp, err := s.client.do(ctx, &request{method: http.MethodPatch, path: p, body: req}, draft)
	if err != nil {
		return nil, resp, err
	}
	return draft, resp, nil
}
