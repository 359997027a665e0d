package postman

import (
	"context"
	"iter"
	"net/http"
	"slices"
	"strings"
)

// ForksService is the Forks area: forks of collections and environments, pulling source changes and merging forks back.
//
// A fork is a copy of a collection or an environment that remembers its
// source (parent). Collections are forked with ForkCollection, kept up to
// date with GetCollectionSourceStatus and PullCollection, and merged back
// with MergeCollection, which runs as a task that WaitMerge follows.
// Environments have the same cycle: ForkEnvironment, PullEnvironment and
// MergeEnvironment.
type ForksService service

// Fork is a fork as the fork lists show it: of a collection (the forks of
// one collection, or the user's forked collections) or of an environment.
type Fork struct {
	// ID is the fork's UID (forkId).
	ID string `json:"forkId"`
	// Name is the fork's label (forkName), not the name of the forked
	// collection or environment.
	Name string `json:"forkName"`
	// SourceID is the ID of the collection the fork was made from; only
	// ListForkedCollections, which mixes forks of many sources, sets it.
	SourceID string `json:"sourceId,omitempty"`
	// CreatedBy is the name of the user who made the fork (not set by
	// ListForkedCollections: those are all the user's own).
	CreatedBy string    `json:"createdBy,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	// UpdatedAt is only reported for environment forks.
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
}

// ForkDirection orders fork lists by creation date.
type ForkDirection string

// Orders of fork lists.
const (
	ForkDirectionAsc  ForkDirection = "asc"
	ForkDirectionDesc ForkDirection = "desc"
)

// ForkListOptions orders and pages the collection fork lists
// (ListCollectionForks and ListForkedCollections).
type ForkListOptions struct {
	// Direction orders the forks by creation date; Postman's default is
	// unspecified, so set it when order matters.
	Direction ForkDirection `url:"direction,omitempty"`
	// CursorOptions page the list; Postman sends 10 forks per page unless
	// Limit says otherwise.
	CursorOptions
}

// ForkedCollection is a collection fork as ForkCollection creates it.
type ForkedCollection struct {
	// ID is the new collection's ID, and UID its unique ID
	// (ownerId-collectionId), the form merges and pulls take.
	ID   string `json:"id"`
	UID  string `json:"uid"`
	Name string `json:"name"`
	// Fork says where the collection was forked from.
	Fork ForkOrigin `json:"fork"`
}

// ForkOrigin describes what a forked collection was forked from.
type ForkOrigin struct {
	// Label is the fork's label, given when it was created.
	Label     string    `json:"label"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	// From is the UID of the source collection.
	From string `json:"from"`
}

// CollectionForkParams is what ForkCollection needs.
type CollectionForkParams struct {
	// WorkspaceID is the workspace that receives the fork (required).
	WorkspaceID string
	// Label names the fork (required); the collection keeps its name.
	Label string
}

// forkCollectionQuery and forkCollectionBody split CollectionForkParams
// between the query string and the body, where Postman expects each part.
type forkCollectionQuery struct {
	Workspace string `url:"workspace"`
}

type forkCollectionBody struct {
	Label string `json:"label"`
}

// ForkCollection forks a collection into a workspace and returns the new
// collection.
//
//postman:operation POST /collections/fork/{collectionId}
func (s *ForksService) ForkCollection(ctx context.Context, collectionID string, req CollectionForkParams) (*ForkedCollection, *Response, error) {
	path, err := pathf("/collections/fork/{collectionID}", collectionID)
	if err != nil {
		return nil, nil, err
	}
	if err := requireArg("ForkCollection", "WorkspaceID", req.WorkspaceID); err != nil {
		return nil, nil, err
	}
	var root struct {
		Collection *ForkedCollection `json:"collection"`
	}
	resp, err := s.client.do(ctx, &request{
		method: http.MethodPost,
		path:   path,
		query:  forkCollectionQuery{Workspace: req.WorkspaceID},
		body:   forkCollectionBody{Label: req.Label},
	}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Collection, resp, nil
}

// ListCollectionForks returns a page of the forks of a collection.
// Response.NextCursor points to the next page and Response.Total counts
// every fork; ListCollectionForksIter pages for you.
//
//postman:operation GET /collections/{collectionId}/forks
func (s *ForksService) ListCollectionForks(ctx context.Context, collectionID string, opts *ForkListOptions) ([]*Fork, *Response, error) {
	path, err := pathf("/collections/{collectionID}/forks", collectionID)
	if err != nil {
		return nil, nil, err
	}
	return getPage[Fork](ctx, s.client, path, opts)
}

// ListCollectionForksIter iterates over the forks of a collection, one
// page in memory at a time (100 per page unless opts.Limit says otherwise).
func (s *ForksService) ListCollectionForksIter(ctx context.Context, collectionID string, opts *ForkListOptions) iter.Seq2[*Fork, error] {
	return cursorIter(ctx, opts, defaultIterLimit, func(ctx context.Context, o *ForkListOptions) ([]*Fork, *Response, error) {
		return s.ListCollectionForks(ctx, collectionID, o)
	})
}

// ForkedCollections is a page of the user's forked collections.
type ForkedCollections struct {
	// Forks are the forks of the page; each has its SourceID.
	Forks []*Fork
	// Total counts the user's forked collections, on every page.
	Total int
	// Inaccessible counts the user's forks the user can no longer access
	// (their workspace was left or deleted); they are not listed.
	Inaccessible int
}

// ListForkedCollections returns a page of the collections the
// authenticated user forked. Unlike most lists it returns a struct, to
// keep the count of forks the user cannot access; Response.NextCursor
// points to the next page and ListForkedCollectionsIter pages for you.
//
//postman:operation GET /collections/collection-forks
func (s *ForksService) ListForkedCollections(ctx context.Context, opts *ForkListOptions) (*ForkedCollections, *Response, error) {
	var root struct {
		Data []*Fork `json:"data"`
		Meta struct {
			pageMeta
			// InaccessibleFork is a JSON number that Postman may write
			// with a fraction.
			InaccessibleFork float64 `json:"inaccessibleFork"`
		} `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/collections/collection-forks", query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return &ForkedCollections{Forks: root.Data, Total: resp.Total, Inaccessible: int(root.Meta.InaccessibleFork)}, resp, nil
}

// ListForkedCollectionsIter iterates over the collections the user forked,
// one page in memory at a time (100 per page unless opts.Limit says
// otherwise).
func (s *ForksService) ListForkedCollectionsIter(ctx context.Context, opts *ForkListOptions) iter.Seq2[*Fork, error] {
	return cursorIter(ctx, opts, defaultIterLimit, func(ctx context.Context, o *ForkListOptions) ([]*Fork, *Response, error) {
		list, resp, err := s.ListForkedCollections(ctx, o)
		if err != nil {
			return nil, resp, err
		}
		return list.Forks, resp, nil
	})
}

// ForkSourceStatus says whether a forked collection is behind its source.
type ForkSourceStatus struct {
	// CollectionUID is the forked collection's UID.
	CollectionUID string
	// IsSourceAhead is true when the source has changes the fork has not
	// pulled (PullCollection brings them in).
	IsSourceAhead bool
}

// GetCollectionSourceStatus reports whether the source of a forked
// collection has changes the fork lacks. Postman may take a few minutes to
// notice a change, so a false answer right after an edit is not final.
//
//postman:operation GET /collections/{collectionId}/source-status
func (s *ForksService) GetCollectionSourceStatus(ctx context.Context, collectionID string) (*ForkSourceStatus, *Response, error) {
	path, err := pathf("/collections/{collectionID}/source-status", collectionID)
	if err != nil {
		return nil, nil, err
	}
	// Postman keys the answer by the fork's UID rather than naming a field.
	var root struct {
		Collection map[string]struct {
			IsSourceAhead bool `json:"isSourceAhead"`
		} `json:"collection"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, &root)
	if err != nil {
		return nil, resp, err
	}
	uids := make([]string, 0, len(root.Collection))
	for uid := range root.Collection {
		uids = append(uids, uid)
	}
	slices.Sort(uids)
	status := &ForkSourceStatus{}
	for _, uid := range uids {
		// The UID is ownerId-collectionId: prefer the entry of the
		// collection asked about should Postman ever send several.
		if status.CollectionUID == "" || uid == collectionID || strings.HasSuffix(uid, "-"+collectionID) {
			status.CollectionUID, status.IsSourceAhead = uid, root.Collection[uid].IsSourceAhead
		}
	}
	return status, resp, nil
}

// ForkCollectionPull is the answer of PullCollection.
type ForkCollectionPull struct {
	// DestinationID is the UID of the fork that received the changes.
	DestinationID string `json:"destinationId"`
	// SourceID is the UID of the collection they came from.
	SourceID string `json:"sourceId"`
}

// PullCollection pulls the changes of its source (parent) collection into
// a forked collection, synchronously. MergeCollection does the same as a
// task, with the fork as Destination and the parent as Source.
//
//postman:operation PUT /collections/{collectionId}/pulls
func (s *ForksService) PullCollection(ctx context.Context, collectionID string) (*ForkCollectionPull, *Response, error) {
	path, err := pathf("/collections/{collectionID}/pulls", collectionID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Collection *ForkCollectionPull `json:"collection"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPut, path: path}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Collection, resp, nil
}
