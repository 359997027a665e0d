package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/postman-go/postman/collection"
)

// CollectionPatchRequest is what Patch changes in a collection; at least
// one field must be set, and the fields left nil are not touched.
type CollectionPatchRequest struct {
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
func (r CollectionPatchRequest) MarshalJSON() ([]byte, error) {
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

func (r *CollectionPatchRequest) empty() bool {
	return r.Name == nil && r.Description == nil && r.Variables == nil && r.Auth == nil && r.Events == nil
}

// Patch changes some of a collection's settings (name, description,
// variables, auth, scripts) without sending the whole document, and
// returns the collection's ID, name and description.
//
//postman:operation PATCH /collections/{collectionId}
func (s *CollectionsService) Patch(ctx context.Context, collectionID string, req CollectionPatchRequest) (*CollectionRef, *Response, error) {
	path, err := pathf("/collections/%s", collectionID)
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
