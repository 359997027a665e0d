package postman

import (
	"context"
	"net/http"
)

// CollectionDocsLayout is the layout of published documentation.
type CollectionDocsLayout string

// Documentation layouts.
const (
	// CollectionDocsSingleColumn shows sample code under each request
	// (Postman's default).
	CollectionDocsSingleColumn CollectionDocsLayout = "classic-single-column"
	// CollectionDocsDoubleColumn shows sample code in a column beside the
	// documentation.
	CollectionDocsDoubleColumn CollectionDocsLayout = "classic-double-column"
)

// CollectionDocsTheme is a color theme of published documentation.
type CollectionDocsTheme string

// Documentation themes.
const (
	CollectionDocsLight CollectionDocsTheme = "light"
	CollectionDocsDark  CollectionDocsTheme = "dark"
)

// CollectionDocsColors are the colors of a documentation theme, as
// six-digit hex codes without "#" ("EF5B25").
type CollectionDocsColors struct {
	Highlight    string `json:"highlight,omitempty"`
	RightSidebar string `json:"rightSidebar,omitempty"`
	TopBar       string `json:"topBar,omitempty"`
}

// CollectionDocsMetaTag is a metadata entry of the documentation page:
// Name "title" or "description" (by default the collection's name and
// description).
type CollectionDocsMetaTag struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// CollectionDocsThemeSettings are the settings of one theme.
type CollectionDocsThemeSettings struct {
	Name   CollectionDocsTheme   `json:"name,omitempty"`
	Colors *CollectionDocsColors `json:"colors,omitempty"`
	// Logo is the URL of the logo image; nil uses the team's logo.
	Logo *string `json:"logo,omitempty"`
}

// CollectionDocsAppearance is the look of published documentation.
type CollectionDocsAppearance struct {
	// Default is the theme shown first.
	Default CollectionDocsTheme           `json:"default,omitempty"`
	Themes  []CollectionDocsThemeSettings `json:"themes,omitempty"`
}

// CollectionDocsCustomization customizes published documentation.
type CollectionDocsCustomization struct {
	MetaTags   []CollectionDocsMetaTag   `json:"metaTags,omitempty"`
	Appearance *CollectionDocsAppearance `json:"appearance,omitempty"`
}

// CollectionDocumentationPublishParams is what PublishDocumentation needs.
type CollectionDocumentationPublishParams struct {
	// EnvironmentUID publishes an environment with the documentation; the
	// initial values of all its variables become public, so it must hold
	// no secrets.
	EnvironmentUID string `json:"environmentUid,omitempty"`
	// CustomColor must equal the colors of the light or dark theme of
	// Customization.Appearance (required).
	CustomColor CollectionDocsColors `json:"customColor"`
	// DocumentationLayout is CollectionDocsSingleColumn when empty.
	DocumentationLayout CollectionDocsLayout `json:"documentationLayout,omitempty"`
	// Customization is required, even when empty.
	Customization CollectionDocsCustomization `json:"customization"`
}

// CollectionDocumentation is a collection's published documentation.
type CollectionDocumentation struct {
	// ID is the documentation's ID, the last segment of PublicURL.
	ID string `json:"id"`
	// CollectionID is the documented collection's ID.
	CollectionID        string                      `json:"collectionId"`
	Published           bool                        `json:"published"`
	PublicURL           string                      `json:"publicUrl"`
	PublishDate         Timestamp                   `json:"publishDate,omitzero"`
	PublisherID         string                      `json:"publisherId,omitempty"`
	EnvironmentUID      string                      `json:"environmentUid,omitempty"`
	DocumentationLayout CollectionDocsLayout        `json:"documentationLayout,omitempty"`
	CustomColor         CollectionDocsColors        `json:"customColor"`
	Customization       CollectionDocsCustomization `json:"customization"`
}

// PublishDocumentation publishes a collection's documentation, given by
// the collection's UID, to anyone with the link, and returns where it is.
// Only collections of HTTP requests that are not part of an API can be
// published. Who may publish depends on the plan: on Free and Solo plans,
// editors of the collection; on Enterprise teams with API Governance and
// Security enabled, only Community Managers (ErrForbidden otherwise).
//
//postman:operation PUT /collections/{collectionId}/public-documentations
func (s *CollectionsService) PublishDocumentation(ctx context.Context, collectionUID string, req CollectionDocumentationPublishParams) (*CollectionDocumentation, *Response, error) {
	path, err := pathf("/collections/{collectionUID}/public-documentations", collectionUID)
	if err != nil {
		return nil, nil, err
	}
	doc := new(CollectionDocumentation)
	resp, err := s.client.do(ctx, &request{method: http.MethodPut, path: path, body: req}, doc)
	if err != nil {
		return nil, resp, err
	}
	return doc, resp, nil
}

// UnpublishDocumentation unpublishes a collection's documentation, given
// by the collection's UID; its public link stops working.
//
//postman:operation DELETE /collections/{collectionId}/public-documentations
func (s *CollectionsService) UnpublishDocumentation(ctx context.Context, collectionUID string) (*Response, error) {
	path, err := pathf("/collections/{collectionUID}/public-documentations", collectionUID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
}
