package postman

import (
	"context"
	"fmt"
	"iter"
	"net/http"

	"github.com/postman-go/postman/collection"
)

// CollectionsService is the Collections area: collections, their folders, requests and responses, access keys, pull requests, transfers and the OpenAPI import.
//
// Whole collections travel as *collection.Collection, the lossless model of
// the Postman Collection Format: Get, then Replace, leaves a collection
// exactly as it was, unknown keys included. Create and Replace send the
// document as it is, never rewritten: the API documents only the v2.1.0
// schema URL and the v2.1 array form of auth, so convert v2.0 documents
// first (c.Convert(collection.FormatV21)).
//
// Folders, requests and responses also have endpoints of their own
// (CreateFolder, GetRequest, UpdateResponse …) that use Postman's older
// item model (CollectionFolder, CollectionRequest, CollectionResponse),
// not the collection format. Long operations return tasks: ReplaceAsync
// with WaitUpdate, Duplicate with WaitDuplicate. Pull requests of forked
// collections are on PullRequestsService.
type CollectionsService service

// CollectionSummary is a collection as List returns it.
type CollectionSummary struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// UID is the collection's unique ID (ownerId-collectionId), the form
	// some endpoints take (Duplicate, pull requests, access keys).
	UID string `json:"uid"`
	// Owner is the user ID of the collection's owner.
	Owner     string    `json:"owner"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
	// Fork says where the collection was forked from; nil when it is not a
	// fork.
	Fork *ForkOrigin `json:"fork,omitempty"`
	// IsPublic is true when the collection is visible to everyone.
	IsPublic bool `json:"isPublic"`
}

// CollectionRef identifies a collection that a call created, changed or
// deleted.
type CollectionRef struct {
	ID  string `json:"id"`
	UID string `json:"uid,omitempty"`
	// Name is not reported by Delete.
	Name string `json:"name,omitempty"`
	// Description is only reported by Patch and SetVariables.
	Description string `json:"description,omitempty"`
}

// CollectionListOptions filters and pages List.
type CollectionListOptions struct {
	// WorkspaceID keeps only the collections of a workspace. Postman
	// answers an unknown workspace with an empty list, not an error.
	WorkspaceID string `url:"workspace,omitempty"`
	// Name keeps only the collections named exactly so. Postman does not
	// support it together with Limit and Offset.
	Name string `url:"name,omitempty"`
	// OffsetOptions page the list. Postman considers unpaginated calls
	// deprecated; ListIter always pages unless Name is set.
	OffsetOptions
}

// List returns a page of the collections the user can access, subscribed
// ones included. Response.Offset, Limit and Total say where the page
// stands; ListIter pages for you.
//
// Postman allows 10 calls per 10 seconds to this endpoint; the default
// limiter keeps under it.
//
//postman:operation GET /collections
func (s *CollectionsService) List(ctx context.Context, opts *CollectionListOptions) ([]*CollectionSummary, *Response, error) {
	var root struct {
		Collections []*CollectionSummary `json:"collections"`
		Meta        pageMeta             `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/collections", query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return root.Collections, resp, nil
}

// ListIter iterates over the collections the user can access, one page in
// memory at a time (100 per page unless opts.Limit says otherwise). With
// opts.Name set and no Limit, it makes a single unpaginated call, since
// Postman cannot filter by name and page at once.
func (s *CollectionsService) ListIter(ctx context.Context, opts *CollectionListOptions) iter.Seq2[*CollectionSummary, error] {
	o := iterOptions(opts)
	if o.Name != "" && o.Limit == 0 {
		// Postman cannot filter by name and page at once: one unpaged call.
		return func(yield func(*CollectionSummary, error) bool) {
			list, _, err := s.List(ctx, &o)
			if err != nil {
				yield(nil, err)
				return
			}
			for _, c := range list {
				if !yield(c, nil) {
					return
				}
			}
		}
	}
	return offsetIter(ctx, &o, defaultIterLimit, s.List)
}

// Create creates a collection in a workspace from a whole document and
// returns its ID and UID. The document is sent as it is: Postman documents
// only info.schema "https://schema.postman.com/json/collection/v2.1.0/collection.json"
// and the v2.1 array form of auth. Postman assigns new IDs to the items.
//
//postman:operation POST /collections
func (s *CollectionsService) Create(ctx context.Context, workspaceID string, c *collection.Collection) (*CollectionRef, *Response, error) {
	if err := requireArg("Create", "workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	body, err := collectionEnvelope("Create", c)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Collection *CollectionRef `json:"collection"`
	}
	resp, err := s.client.do(ctx, &request{
		method: http.MethodPost,
		path:   "/collections",
		query:  collectionWorkspaceQuery{Workspace: workspaceID},
		body:   body,
	}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Collection, resp, nil
}

// collectionWorkspaceQuery is the workspace query parameter of Create and
// ImportOpenAPI.
type collectionWorkspaceQuery struct {
	Workspace string `url:"workspace"`
}

// Delete deletes a collection.
//
//postman:operation DELETE /collections/{collectionId}
func (s *CollectionsService) Delete(ctx context.Context, collectionID string) (*Response, error) {
	path, err := pathf("/collections/%s", collectionID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
}

// collectionEnvelope encodes c inside Postman's {"collection": …}
// envelope. It writes the bytes itself rather than marshalling a wrapper
// struct, which would make encoding/json copy and re-validate the whole
// (possibly large) document once more.
func collectionEnvelope(method string, c *collection.Collection) ([]byte, error) {
	if c == nil {
		return nil, fmt.Errorf("postman: %s: %w: no collection", method, ErrInvalidArgument)
	}
	doc, err := c.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("postman: %s: encoding the collection: %w", method, err)
	}
	const open, end = `{"collection":`, `}`
	body := make([]byte, 0, len(open)+len(doc)+len(end))
	body = append(body, open...)
	body = append(body, doc...)
	return append(body, end...), nil
}
