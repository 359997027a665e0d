package postman

import (
	"context"
	"encoding/json"
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
//
// Postman allows 10 calls per 10 seconds to List and to ImportOpenAPI, on
// top of the general 300 a minute; the default limiter has a bucket for
// each and keeps under them.
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

// Replace replaces the whole contents of a collection with c and waits
// for Postman to finish. Items keep their identity only if c carries
// their IDs (a document from Get does); items without IDs are removed and
// recreated with new ones. The document is sent as it is, never
// rewritten: Postman documents only info.schema
// "https://schema.postman.com/json/collection/v2.1.0/collection.json"
// and the v2.1 array form of auth, and accepts at most 100 MB. For large
// collections prefer ReplaceAsync.
//
//postman:operation PUT /collections/{collectionId}
func (s *CollectionsService) Replace(ctx context.Context, collectionID string, c *collection.Collection) (*CollectionRef, *Response, error) {
	path, body, err := collectionReplaceRequest("Replace", collectionID, c)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Collection *CollectionRef `json:"collection"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPut, path: path, body: body}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Collection, resp, nil
}

// Delete deletes a collection.
//
//postman:operation DELETE /collections/{collectionId}
func (s *CollectionsService) Delete(ctx context.Context, collectionID string) (*Response, error) {
	path, err := pathf("/collections/{collectionID}", collectionID)
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

// CollectionGetOptions are the options of Get, GetMinimal and GetVariables.
type CollectionGetOptions struct {
	// AccessKey is a collection access key (PMAT-…) that grants read-only
	// access to the collection. It travels in the query string; the client
	// keeps it out of errors and logs, which only ever show the path.
	AccessKey string `url:"access_key,omitempty"`
}

// collectionMinimalQuery asks for the minimal model.
type collectionMinimalQuery struct {
	AccessKey string `url:"access_key,omitempty"`
	Model     string `url:"model"`
}

// Get returns a whole collection, by ID or UID. The document decodes into
// the lossless collection model, so Replace sends it back unchanged;
// Postman adds server-kept members to its info block (uid, createdAt,
// updatedAt, lastUpdatedBy, fork), which CollectionInfoOf reads.
//
// The body is decoded by collection.Parse straight from the buffer the
// client read it into, so that a large collection is held in memory once
// and not validated twice. A missing collection matches ErrNotFound,
// although Postman answers it with status 400.
//
//postman:operation GET /collections/{collectionId}
func (s *CollectionsService) Get(ctx context.Context, collectionID string, opts *CollectionGetOptions) (*collection.Collection, *Response, error) {
	path, err := pathf("/collections/{collectionID}", collectionID)
	if err != nil {
		return nil, nil, err
	}
	var body []byte
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path, query: opts}, &body)
	if err != nil {
		return nil, resp, err
	}
	c, err := collection.Parse(body)
	if err != nil {
		return nil, resp, &DecodeError{StatusCode: resp.StatusCode, Method: http.MethodGet, Path: path,
			Excerpt: s.client.excerpt(body), Err: err}
	}
	return c, resp, nil
}

// CollectionMinimal is the outline of a collection that GetMinimal
// returns: its info, variables, auth and scripts, and the IDs of its
// top-level folders and requests instead of their contents.
type CollectionMinimal struct {
	Info      CollectionInfo        `json:"info"`
	Variables []collection.Variable `json:"variable,omitempty"`
	// Auth is nil when the collection has none.
	Auth   *collection.Auth   `json:"auth,omitempty"`
	Events []collection.Event `json:"events,omitempty"`
	// RootLevelRequests and RootLevelFolders are the UIDs of the requests
	// and folders at the collection's top level, in order.
	RootLevelRequests []string `json:"rootLevelRequests,omitempty"`
	RootLevelFolders  []string `json:"rootLevelFolders,omitempty"`
}

// UnmarshalJSON reads the outline; its scripts are under "events" in
// Postman's answer and under "event" in the collection format, so both are
// read.
func (m *CollectionMinimal) UnmarshalJSON(data []byte) error {
	type plain CollectionMinimal
	var raw struct {
		plain
		Event []collection.Event `json:"event"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*m = CollectionMinimal(raw.plain)
	if m.Events == nil {
		m.Events = raw.Event
	}
	return nil
}

// CollectionInfo is the info block of a collection as Postman serves it:
// the collection format's members plus those the server keeps.
type CollectionInfo struct {
	// PostmanID is the collection's ID ("_postman_id").
	PostmanID   string                 `json:"_postman_id"`
	Name        string                 `json:"name"`
	Description collection.Description `json:"description,omitzero"`
	// Schema is the URL of the collection format's schema (not sent by
	// the minimal model).
	Schema string `json:"schema,omitempty"`
	// UID is the collection's unique ID (ownerId-collectionId).
	UID       string    `json:"uid,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
	// LastUpdatedBy is the user ID of the last editor.
	LastUpdatedBy string `json:"lastUpdatedBy,omitempty"`
	// Fork says where the collection was forked from; nil when it is not
	// a fork.
	Fork *ForkOrigin `json:"fork,omitempty"`
}

// GetMinimal returns the outline of a collection (model=minimal): its
// info, variables, auth and scripts, and the UIDs of its top-level
// folders and requests, without their contents. It is the cheap way to
// read a large collection's settings.
//
//postman:operation GET /collections/{collectionId}
func (s *CollectionsService) GetMinimal(ctx context.Context, collectionID string, opts *CollectionGetOptions) (*CollectionMinimal, *Response, error) {
	path, err := pathf("/collections/{collectionID}", collectionID)
	if err != nil {
		return nil, nil, err
	}
	q := collectionMinimalQuery{Model: "minimal"}
	if opts != nil {
		q.AccessKey = opts.AccessKey
	}
	var root struct {
		Collection *CollectionMinimal `json:"collection"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path, query: q}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Collection, resp, nil
}

// CollectionInfoOf returns the info block of a collection from Get with
// the members Postman keeps beside the collection format's (uid,
// createdAt, updatedAt, lastUpdatedBy, fork), which the collection model
// holds as extras. A member of an unexpected type is an error.
func CollectionInfoOf(c *collection.Collection) (*CollectionInfo, error) {
	if c == nil {
		return nil, fmt.Errorf("postman: CollectionInfoOf: %w: no collection", ErrInvalidArgument)
	}
	info := &CollectionInfo{
		PostmanID:   c.Info.PostmanID,
		Name:        c.Info.Name,
		Description: c.Info.Description,
		Schema:      c.Info.Schema,
	}
	for key, dst := range map[string]any{
		"uid": &info.UID, "createdAt": &info.CreatedAt, "updatedAt": &info.UpdatedAt,
		"lastUpdatedBy": &info.LastUpdatedBy, "fork": &info.Fork,
	} {
		raw, ok := c.Info.Extra(key)
		if !ok {
			continue
		}
		if err := json.Unmarshal(raw, dst); err != nil {
			return nil, fmt.Errorf("postman: CollectionInfoOf: info.%s: %w", key, err)
		}
	}
	return info, nil
}

// CollectionPatchParams is what Patch changes in a collection; at least
// one field must be set, and the fields left nil are not touched.
type CollectionPatchParams struct {
	// Name and Description change the collection's info block; Ptr("")
	// empties the description.
	Name        *string
	Description *string
	// Variables are added to the collection's variables, or replace those
	// with the same key; the other variables stay. Postman refuses secret
	// variables here and, for collection variables, the id, description
	// and enabled members: use Key, Value, Type and Disabled. A non-nil
	// empty slice is sent as an empty list.
	Variables []collection.Variable
	// Auth replaces the collection's auth, in the v2.1 array form.
	Auth *collection.Auth
	// Events replace the collection's scripts. Postman requires each
	// script to carry an ID chosen by the client (Script.ID, e.g. a UUID).
	// A non-nil empty slice is sent as an empty list.
	Events []collection.Event
}

// collectionPatchInfo is the info member of a patch body.
type collectionPatchInfo struct {
	Name        *string `json:"name,omitempty"`
	Description *string `json:"description,omitempty"`
}

// collectionPatchBody is the body Postman expects: the changes inside a
// collection envelope, with the scripts under "events". The lists are
// pre-encoded so that a non-nil empty list is sent, which omitempty on a
// slice would drop.
type collectionPatchBody struct {
	Collection struct {
		Info      *collectionPatchInfo `json:"info,omitempty"`
		Variables json.RawMessage      `json:"variable,omitempty"`
		Auth      *collection.Auth     `json:"auth,omitempty"`
		Events    json.RawMessage      `json:"events,omitempty"`
	} `json:"collection"`
}

// MarshalJSON writes the patch as Postman's body:
// {"collection": {"info": {…}, "variable": […], "auth": {…}, "events": […]}}.
func (r CollectionPatchParams) MarshalJSON() ([]byte, error) {
	var b collectionPatchBody
	if r.Name != nil || r.Description != nil {
		b.Collection.Info = &collectionPatchInfo{Name: r.Name, Description: r.Description}
	}
	var err error
	if r.Variables != nil {
		if b.Collection.Variables, err = json.Marshal(r.Variables); err != nil {
			return nil, err
		}
	}
	if r.Events != nil {
		if b.Collection.Events, err = json.Marshal(r.Events); err != nil {
			return nil, err
		}
	}
	b.Collection.Auth = r.Auth
	return json.Marshal(b)
}

func (r *CollectionPatchParams) empty() bool {
	return r.Name == nil && r.Description == nil && r.Variables == nil && r.Auth == nil && r.Events == nil
}

// Patch changes some of a collection's settings (name, description,
// variables, auth, scripts) without sending the whole document, and
// returns the collection's ID, name and description.
//
//postman:operation PATCH /collections/{collectionId}
func (s *CollectionsService) Patch(ctx context.Context, collectionID string, req CollectionPatchParams) (*CollectionRef, *Response, error) {
	path, err := pathf("/collections/{collectionID}", collectionID)
	if err != nil {
		return nil, nil, err
	}
	if req.empty() {
		return nil, nil, fmt.Errorf("postman: Patch: %w: nothing to change", ErrInvalidArgument)
	}
	var root struct {
		Collection *CollectionRef `json:"collection"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPatch, path: path, body: req}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Collection, resp, nil
}
