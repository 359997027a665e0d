package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/postman-go/postman/collection"
)

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
// client read it into: no second copy of the document and no extra
// validation pass, about twice as fast as decoding the envelope with
// encoding/json. A 50 MB collection peaks under 4× its size in memory
// (BENCHMARKS.md). A missing collection matches ErrNotFound, although
// Postman answers it with status 400.
//
//postman:operation GET /collections/{collectionId}
func (s *CollectionsService) Get(ctx context.Context, collectionID string, opts *CollectionGetOptions) (*collection.Collection, *Response, error) {
	path, err := pathf("/collections/%s", collectionID)
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
	path, err := pathf("/collections/%s", collectionID)
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
