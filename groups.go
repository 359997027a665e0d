package postman

import (
	"context"
	"net/http"
)

// GroupsService is the Groups area: the team's user groups.
//
// User groups are an Enterprise plan feature of Postman (the description
// does not say so for these endpoints); other plans may answer with an
// error matching ErrFeatureUnavailable.
type GroupsService service

// Group is a user group of the team.
type Group struct {
	ID      int64  `json:"id"`
	TeamID  int64  `json:"teamId"`
	Name    string `json:"name"`
	Summary string `json:"summary"`
	// CreatedBy is the user ID of the group's creator.
	CreatedBy int64     `json:"createdBy"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
	// Members are the user IDs of the group's members.
	Members []int64 `json:"members"`
	// Roles are the group's team roles ("user", "admin" …).
	Roles []string `json:"roles"`
	// Managers are the user IDs of the group's managers; only Get fills it.
	Managers []int64 `json:"managers,omitempty"`
}

// List returns the team's user groups.
//
// Available on Enterprise plans.
//
//postman:operation GET /groups
func (s *GroupsService) List(ctx context.Context) ([]*Group, *Response, error) {
	var root struct {
		Data []*Group `json:"data"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/groups"}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Data, resp, nil
}

// Get returns a user group of the team with its managers.
//
// Available on Enterprise plans.
//
//postman:operation GET /groups/{groupId}
func (s *GroupsService) Get(ctx context.Context, groupID string) (*Group, *Response, error) {
	path, err := pathf("/groups/{groupID}", groupID)
	if err != nil {
		return nil, nil, err
	}
	group := new(Group)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, group)
	if err != nil {
		return nil, resp, err
	}
	return group, resp, nil
}
