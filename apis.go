package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"strconv"
	"strings"
)

// APIsService is the API Builder (v10) area: APIs, versions, schemas and their collections.
//
// Postman deprecated the API Builder in Postman v12 in favour of Spec Hub
// (SpecsService): every method here is marked deprecated, except
// MigrateToSpecHub and its status and wait helpers, which move an API to
// Spec Hub. The service keeps working for teams that still have API
// Builder APIs.
//
// # v9 and v10 APIs
//
// The API Builder exists in two generations. v10 APIs (created in Postman
// v10 or later, or upgraded in the app) are served by these endpoints when
// the request carries the header "Accept: application/vnd.api.v10+json";
// every APIsService request sends it. v9 APIs, the older model of versions
// holding one schema and "relations", are served by the same paths when the
// header is absent. This SDK does not implement the v9 model: Postman
// retired it in v10 and its shapes are not described anywhere.
//
// When an ID names a v9 API, Postman answers a v10 request with either
//   - 400 instanceNotFoundError "API not found. For v10 and later APIs,
//     ensure that your request sends the "application/vnd.api.v10+json"
//     Accept header." (the API exists, but not as a v10 API), or
//   - 422 unsupportedEntityError "This endpoint does not support v9 APIs."
//
// Both come back as an *APIError that matches errors.Is(err, ErrDeprecated),
// and whose message says what to do: upgrade the API to v10 in the Postman
// app, or migrate it to Spec Hub and use SpecsService. Retrying is pointless; the answer will not change.
//
//	api, _, err := client.APIs.Get(ctx, apiID, nil)
//	if errors.Is(err, postman.ErrDeprecated) {
//		// a v9 API: upgrade it in the app, or move to Spec Hub
//	}
type APIsService service

// apiV10MediaType is the media type that selects the v10 API Builder.
const apiV10MediaType = "application/vnd.api.v10+json"

// apiRequest builds an API Builder request. It is the one place that sets
// the v10 Accept header: without it Postman serves the retired v9 model,
// or refuses v10 APIs with a misleading "API not found".
func apiRequest(method, path string) *request {
	return &request{method: method, path: path, header: http.Header{"Accept": {apiV10MediaType}}}
}

// APIUserID is the Postman ID of a user as the API Builder reports it.
// Postman writes it as a number in some answers and as a string in
// others; APIUserID reads both and keeps the decimal text.
type APIUserID string

// UnmarshalJSON implements json.Unmarshaler.
func (id *APIUserID) UnmarshalJSON(data []byte) error {
	s := strings.TrimSpace(string(data))
	switch {
	case s == "null":
		*id = ""
	case strings.HasPrefix(s, `"`):
		var v string
		if err := json.Unmarshal(data, &v); err != nil {
			return err
		}
		*id = APIUserID(v)
	default:
		var n json.Number
		if err := json.Unmarshal(data, &n); err != nil {
			return fmt.Errorf("postman: user ID %s is neither a number nor a string", s)
		}
		*id = APIUserID(n.String())
	}
	return nil
}

// Int64 returns the ID as a number (as AuthenticatedUser.ID holds it), and
// false when it is empty or not numeric.
func (id APIUserID) Int64() (int64, bool) {
	n, err := strconv.ParseInt(string(id), 10, 64)
	return n, err == nil
}

// API is an API of the API Builder. Collections, Versions, Schemas and
// GitInfo are only filled by Get, on request (APIGetOptions.Include).
type API struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Summary     string    `json:"summary,omitempty"`
	Description string    `json:"description,omitempty"`
	CreatedAt   Timestamp `json:"createdAt,omitzero"`
	CreatedBy   APIUserID `json:"createdBy,omitempty"`
	UpdatedAt   Timestamp `json:"updatedAt,omitzero"`
	UpdatedBy   APIUserID `json:"updatedBy,omitempty"`

	Collections []APICollectionRef `json:"collections,omitempty"`
	Versions    []APIVersionRef    `json:"versions,omitempty"`
	Schemas     []APISchemaRef     `json:"schemas,omitempty"`
	// GitInfo locates the files of a Git-connected API; nil for APIs kept
	// in Postman's cloud.
	GitInfo *APIGitInfo `json:"gitInfo,omitempty"`
}

// APIGitInfo says where a Git-connected API keeps its files. Postman only
// reports the repository and folders; the schema and collections live in
// the repository, not in Postman.
type APIGitInfo struct {
	// Domain is the Git server of self-hosted providers (nil for the
	// public ones).
	Domain           *string `json:"domain,omitempty"`
	Repository       string  `json:"repository,omitempty"`
	Organization     string  `json:"organization,omitempty"`
	SchemaFolder     string  `json:"schemaFolder,omitempty"`
	CollectionFolder string  `json:"collectionFolder,omitempty"`
}

// APICollectionRef is a collection linked to an API or published in a
// version.
type APICollectionRef struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	Type string `json:"type,omitempty"`
}

// APIVersionRef is a version listed in an API.
type APIVersionRef struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// APISchemaRef is a schema linked to an API or published in a version.
type APISchemaRef struct {
	ID   string        `json:"id"`
	Type APISchemaType `json:"type,omitempty"`
}

// APIListOptions filters and pages List.
type APIListOptions struct {
	// CreatedBy keeps only the APIs created by this user ID.
	CreatedBy int64 `url:"createdBy,omitempty"`
	// Description keeps only the APIs whose description contains this
	// text, ignoring case.
	Description string `url:"description,omitempty"`
	CursorOptions
}

// apiListQuery is the query of List: the workspace, which Postman
// requires, and the caller's options.
type apiListQuery struct {
	WorkspaceID string `url:"workspaceId"`
	APIListOptions
}

// APIInclude names a part of an API that Get can add to its answer.
type APIInclude string

// Parts of an API that Get can include. Git-connected APIs only return
// versions and Git information; API viewers may only ask for versions.
const (
	APIIncludeCollections APIInclude = "collections"
	APIIncludeVersions    APIInclude = "versions"
	APIIncludeSchemas     APIInclude = "schemas"
	APIIncludeGitInfo     APIInclude = "gitInfo"
)

// APIGetOptions asks Get for more.
type APIGetOptions struct {
	Include []APIInclude `url:"include,omitempty"`
}

// APICreateParams is the body of Create.
type APICreateParams struct {
	Name    string `json:"name"`
	Summary string `json:"summary,omitempty"`
	// Description supports Markdown.
	Description string `json:"description,omitempty"`
}

// APIUpdateParams is the body of Update. Name is required by Postman;
// nil Summary or Description leave them as they are.
type APIUpdateParams struct {
	Name        string  `json:"name"`
	Summary     *string `json:"summary,omitempty"`
	Description *string `json:"description,omitempty"`
}

// List returns a page of the APIs of a workspace; Response.NextCursor
// points to the next page (ListIter pages for you).
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to list the workspace's specifications
// (GET /specs) instead.
//
//postman:operation GET /apis
func (s *APIsService) List(ctx context.Context, workspaceID string, opts *APIListOptions) ([]*API, *Response, error) {
	if workspaceID == "" {
		return nil, nil, fmt.Errorf("postman: APIs.List: %w: the workspace ID is empty", ErrInvalidArgument)
	}
	r := apiRequest(http.MethodGet, "/apis")
	q := apiListQuery{WorkspaceID: workspaceID}
	if opts != nil {
		q.APIListOptions = *opts
	}
	r.query = q
	var root struct {
		APIs []*API   `json:"apis"`
		Meta pageMeta `json:"meta"`
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return root.APIs, resp, nil
}

// ListIter iterates over the APIs of a workspace, one page in memory at a
// time (100 per page unless opts.Limit says otherwise).
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to list the workspace's specifications
// (GET /specs) instead.
func (s *APIsService) ListIter(ctx context.Context, workspaceID string, opts *APIListOptions) iter.Seq2[*API, error] {
	return cursorIter(ctx, opts, defaultIterLimit, func(ctx context.Context, o *APIListOptions) ([]*API, *Response, error) {
		return s.List(ctx, workspaceID, o)
	})
}

// Get returns an API, with the parts opts.Include asks for.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Migrate the API with MigrateToSpecHub, then use SpecsService to get
// the specification (GET /specs/{specId}).
//
//postman:operation GET /apis/{apiId}
func (s *APIsService) Get(ctx context.Context, apiID string, opts *APIGetOptions) (*API, *Response, error) {
	path, err := pathf("/apis/{apiID}", apiID)
	if err != nil {
		return nil, nil, err
	}
	r := apiRequest(http.MethodGet, path)
	r.query = opts
	api := new(API)
	resp, err := s.client.do(ctx, r, api)
	if err != nil {
		return nil, resp, err
	}
	return api, resp, nil
}

// Create creates an API in a workspace.
//
// Teams on plans with an API limit get a 403 limitReachedError ("You can
// create up to 3 APIs on your current plan.") once they reach it.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to create a specification (POST /specs) instead.
//
//postman:operation POST /apis
func (s *APIsService) Create(ctx context.Context, workspaceID string, req APICreateParams) (*API, *Response, error) {
	if workspaceID == "" {
		return nil, nil, fmt.Errorf("postman: APIs.Create: %w: the workspace ID is empty", ErrInvalidArgument)
	}
	r := apiRequest(http.MethodPost, "/apis")
	r.query = apiListQuery{WorkspaceID: workspaceID}
	r.body = req
	api := new(API)
	resp, err := s.client.do(ctx, r, api)
	if err != nil {
		return nil, resp, err
	}
	return api, resp, nil
}

// Update changes an API's name, summary and description.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to update a specification's properties
// (PATCH /specs/{specId}) instead.
//
//postman:operation PUT /apis/{apiId}
func (s *APIsService) Update(ctx context.Context, apiID string, req APIUpdateParams) (*API, *Response, error) {
	path, err := pathf("/apis/{apiID}", apiID)
	if err != nil {
		return nil, nil, err
	}
	r := apiRequest(http.MethodPut, path)
	r.body = req
	api := new(API)
	resp, err := s.client.do(ctx, r, api)
	if err != nil {
		return nil, resp, err
	}
	return api, resp, nil
}

// Delete deletes an API.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to delete a specification (DELETE /specs/{specId})
// instead.
//
//postman:operation DELETE /apis/{apiId}
func (s *APIsService) Delete(ctx context.Context, apiID string) (*Response, error) {
	path, err := pathf("/apis/{apiID}", apiID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, apiRequest(http.MethodDelete, path), nil)
}
