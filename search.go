package postman

import (
	"context"
	"fmt"
	"iter"
	"net/http"
)

// SearchService is the Search area: searching the Postman elements the user can access.
type SearchService service

// SearchElementType is the kind of element a search returns. Postman may
// add values; compare with the constants.
type SearchElementType string

// Kinds of searchable elements.
const (
	SearchRequests     SearchElementType = "requests"
	SearchCollections  SearchElementType = "collections"
	SearchWorkspaces   SearchElementType = "workspaces"
	SearchEnvironments SearchElementType = "environments"
	SearchDocuments    SearchElementType = "documents"
	SearchFlows        SearchElementType = "flows"
	SearchSpecs        SearchElementType = "specs"
)

// SearchOwnership is whose elements a search returns.
type SearchOwnership string

// Ownership scopes.
const (
	// SearchOrganization (Postman's default) searches the user's team.
	SearchOrganization SearchOwnership = "organization"
	// SearchExternal searches elements other teams own; it cannot be
	// combined with internal visibility.
	SearchExternal SearchOwnership = "external"
	// SearchAll searches every element regardless of ownership.
	SearchAll SearchOwnership = "all"
)

// SearchQueryParams is the body of Query.
type SearchQueryParams struct {
	// Query is the text to search for, case-insensitive.
	Query       string            `json:"q,omitempty"`
	ElementType SearchElementType `json:"elementType"`
	// Ownership defaults to SearchOrganization.
	Ownership SearchOwnership `json:"ownership,omitempty"`
	// Filters must all hold (build them with SearchEq, SearchIn …).
	Filters SearchFilters `json:"filters,omitempty"`
}

// SearchQueryOptions pages Query. Postman returns at most 25 results per page
// (10 by default).
type SearchQueryOptions struct {
	CursorOptions
}

// searchMaxLimit is the largest page Postman serves.
const searchMaxLimit = 25

// SearchResult is an element a search found. Which fields are set depends
// on the element type, as each field says.
type SearchResult struct {
	// ID is the element's ID (a UID for collections and requests).
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// Summary is set for workspaces and collections.
	Summary string `json:"summary,omitempty"`
	// Method and URL are set for requests.
	Method string `json:"method,omitempty"`
	URL    string `json:"url,omitempty"`
	// Type is the protocol of requests ("http", "grpc") and the format of
	// workspace documents.
	Type string `json:"type,omitempty"`
	// Tags are set for workspaces and collections.
	Tags []string `json:"tags,omitempty"`
	// SpecificationID, SpecificationType and SpecificationName are set for
	// specs.
	SpecificationID   string   `json:"specificationId,omitempty"`
	SpecificationType SpecType `json:"specificationType,omitempty"`
	SpecificationName string   `json:"specificationName,omitempty"`
	// IsPinnedToWorkspace is set for workspace documents.
	IsPinnedToWorkspace *bool `json:"isPinnedToWorkspace,omitempty"`
	// IsGitConnected is set for workspaces, collections, requests, specs
	// and flows.
	IsGitConnected         *bool `json:"isGitConnected,omitempty"`
	IsPrivateNetworkEntity bool  `json:"isPrivateNetworkEntity,omitempty"`
	// CreatedBy is the creator's user ID.
	CreatedBy string `json:"createdBy,omitempty"`
	// Collection is the collection holding a request.
	Collection *SearchElementRef `json:"collection,omitempty"`
	// Workspace is the workspace holding the element.
	Workspace *SearchElementRef `json:"workspace,omitempty"`
	// Team and Organization are the publisher's; nil for elements
	// published by a user.
	Team         *SearchElementRef `json:"team,omitempty"`
	Organization *SearchPublisher  `json:"organization,omitempty"`
	Links        SearchLinks       `json:"links"`
}

// SearchElementRef names an element related to a result.
type SearchElementRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// SearchPublisher is the organization that published a result.
type SearchPublisher struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	IsVerified bool   `json:"isVerified"`
}

// SearchLinks are where a result can be seen.
type SearchLinks struct {
	// Web opens the element in the Postman web app.
	Web SearchLink `json:"web"`
	// Self is the element's Postman API URL.
	Self SearchLink `json:"self"`
}

// SearchLink is one link of a result.
type SearchLink struct {
	Href string `json:"href"`
}

// Query returns a page of the elements of one type that match the request,
// among those the API key can see; Response.NextCursor points to the next
// page and Response.Total counts every match. QueryIter pages for you.
//
//postman:operation POST /search
func (s *SearchService) Query(ctx context.Context, req SearchQueryParams, opts *SearchQueryOptions) ([]*SearchResult, *Response, error) {
	if req.ElementType == "" {
		return nil, nil, fmt.Errorf("postman: %w: a search needs an element type", ErrInvalidArgument)
	}
	if opts != nil && opts.Limit > searchMaxLimit {
		return nil, nil, fmt.Errorf("postman: %w: search limit %d is above Postman's maximum of %d", ErrInvalidArgument, opts.Limit, searchMaxLimit)
	}
	return fetchPage[SearchResult](ctx, s.client, &request{method: http.MethodPost, path: "/search", query: opts, body: req})
}

// QueryIter iterates over every element matching the request, one page in
// memory at a time (25 per page unless opts.Limit says otherwise). It
// stops at the total Postman reports, which also ends the list when
// Postman hands out a cursor past the last match.
func (s *SearchService) QueryIter(ctx context.Context, req SearchQueryParams, opts *SearchQueryOptions) iter.Seq2[*SearchResult, error] {
	o := iterOptions(opts) // the options as they are now, not when ranged over
	return func(yield func(*SearchResult, error) bool) {
		// The total ends the list, so the count of results is per
		// iteration: the sequence may be ranged over again.
		seen := 0
		query := func(ctx context.Context, page *SearchQueryOptions) ([]*SearchResult, *Response, error) {
			results, resp, err := s.Query(ctx, req, page)
			if err == nil {
				seen += len(results)
				if len(results) == 0 || (resp.Total > 0 && seen >= resp.Total) {
					resp.NextCursor = "" // whatever cursor Postman handed out
				}
			}
			return results, resp, err
		}
		for r, err := range cursorIter(ctx, &o, searchMaxLimit, query) {
			if !yield(r, err) {
				return
			}
		}
	}
}
