package postman

import (
	"context"
	"net/http"
)

// TeamRoleAssignments maps entity IDs to team roles, per kind of entity.
type TeamRoleAssignments struct {
	// Users maps user IDs to roles.
	Users map[string][]TeamRole `json:"users,omitempty"`
	// Groups maps user group IDs to roles.
	Groups map[string][]TeamRole `json:"groups,omitempty"`
	// Orgs maps organization IDs to roles.
	Orgs map[string][]TeamRole `json:"orgs,omitempty"`
	// Teams maps team IDs to roles.
	Teams map[string][]TeamRole `json:"teams,omitempty"`
}

// TeamMemberRolesUpdateParams is the body of UpdateMemberRoles: roles to add
// and roles to remove, in one call.
type TeamMemberRolesUpdateParams struct {
	Add    *TeamRoleAssignments `json:"add,omitempty"`
	Remove *TeamRoleAssignments `json:"remove,omitempty"`
	// UseSCIMIDs says the maps are keyed by SCIM IDs, and asks for SCIM
	// IDs back.
	UseSCIMIDs bool `json:"-"`
}

// TeamMembersRemoveParams is the body of RemoveMembers.
type TeamMembersRemoveParams struct {
	Entities []TeamEntity `json:"entities"`
	// UseSCIMIDs says Entities hold SCIM IDs.
	UseSCIMIDs bool `json:"-"`
}

// UpdateMemberRoles adds and removes team roles of users, groups,
// organizations and teams. Removing a role from a group or a team takes
// its permissions from all of their members. The answer says, for each
// entity, its role before and after.
//
// Available on Enterprise plans.
//
//postman:operation POST /teams/{teamId}/bulk-members
func (s *TeamsService) UpdateMemberRoles(ctx context.Context, teamID string, req TeamMemberRolesUpdateParams) ([]*TeamEntityResult, *Response, error) {
	path, err := pathf("/teams/{teamID}/bulk-members", teamID)
	if err != nil {
		return nil, nil, err
	}
	return s.teamEntityCall(ctx, path, req, req.UseSCIMIDs)
}

// RemoveMembers removes users, groups, teams or organizations from a
// team. Entities that are not members make the whole call fail with a
// 400 error naming them.
//
// Available on Enterprise plans.
//
//postman:operation DELETE /teams/{teamId}/bulk-members
func (s *TeamsService) RemoveMembers(ctx context.Context, teamID string, req TeamMembersRemoveParams) (*Response, error) {
	path, err := pathf("/teams/{teamID}/bulk-members", teamID)
	if err != nil {
		return nil, err
	}
	r := &request{method: http.MethodDelete, path: path, body: req, header: teamHeader(req.UseSCIMIDs)}
	resp, err := s.client.do(ctx, r, nil)
	if err != nil {
		return resp, err
	}
	return resp, nil
}
