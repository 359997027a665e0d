package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// RoleCollectionLevel is a role in a collection.
type RoleCollectionLevel string

// Collection roles.
const (
	// RoleCollectionViewer can view, fork and export the collection.
	RoleCollectionViewer RoleCollectionLevel = "VIEWER"
	// RoleCollectionEditor can edit the collection directly.
	RoleCollectionEditor RoleCollectionLevel = "EDITOR"
)

// RoleCollectionMember is a user, user group or team with its role in a
// collection.
type RoleCollectionMember struct {
	ID   int64               `json:"id"`
	Role RoleCollectionLevel `json:"role"`
}

// RoleCollectionAccess lists who holds a role in a collection.
type RoleCollectionAccess struct {
	Users  []RoleCollectionMember `json:"user,omitempty"`
	Groups []RoleCollectionMember `json:"group,omitempty"`
	Teams  []RoleCollectionMember `json:"team,omitempty"`
}

// CollectionRolesUpdateParams sets the roles of the users, user groups
// and teams it names; the others keep theirs.
type CollectionRolesUpdateParams struct {
	Users  []RoleCollectionMember
	Groups []RoleCollectionMember
	Teams  []RoleCollectionMember
}

// MarshalJSON writes the request as Postman's list of "update" operations,
// one per kind of member that is set.
func (r CollectionRolesUpdateParams) MarshalJSON() ([]byte, error) {
	type operation struct {
		Op    string                 `json:"op"`
		Path  string                 `json:"path"`
		Value []RoleCollectionMember `json:"value"`
	}
	ops := []operation{}
	for _, part := range []struct {
		path    string
		members []RoleCollectionMember
	}{{"/user", r.Users}, {"/group", r.Groups}, {"/team", r.Teams}} {
		if len(part.members) > 0 {
			ops = append(ops, operation{Op: "update", Path: part.path, Value: part.members})
		}
	}
	return json.Marshal(struct {
		Roles []operation `json:"roles"`
	}{ops})
}

// GetCollectionRoles returns the users, user groups and teams with a role in a
// collection.
//
//postman:operation GET /collections/{collectionId}/roles
func (s *RolesService) GetCollectionRoles(ctx context.Context, collectionID string) (*RoleCollectionAccess, *Response, error) {
	path, err := pathf("/collections/{collectionID}/roles", collectionID)
	if err != nil {
		return nil, nil, err
	}
	access := new(RoleCollectionAccess)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, access)
	if err != nil {
		return nil, resp, err
	}
	return access, resp, nil
}

// UpdateCollectionRoles sets the roles of users, user groups and teams in a
// collection. Only the collection's Editors may call it, and the external
// Partner and Guest roles cannot be given here.
//
//postman:operation PATCH /collections/{collectionId}/roles
func (s *RolesService) UpdateCollectionRoles(ctx context.Context, collectionID string, req CollectionRolesUpdateParams) (*Response, error) {
	path, err := pathf("/collections/{collectionID}/roles", collectionID)
	if err != nil {
		return nil, err
	}
	if len(req.Users)+len(req.Groups)+len(req.Teams) == 0 {
		return nil, fmt.Errorf("postman: Roles.UpdateCollection: %w: no user, group or team to update", ErrInvalidArgument)
	}
	return s.client.do(ctx, &request{method: http.MethodPatch, path: path, body: req}, nil)
}
