package postman

import (
	"context"
	"fmt"
)

// RoleGrant gives one workspace role to, or takes it from, users, user
// groups or partners: the usual onboarding and offboarding step.
type RoleGrant struct {
	// Role is the role to give or take (RoleViewer, RoleEditor,
	// RoleAdmin, or a partner role for Partners).
	Role RoleID
	// Users are user IDs (SCIM IDs when SCIM is set).
	Users []string
	// UserGroups are user group IDs (SCIM IDs when SCIM is set). User
	// group roles are available on Enterprise plans.
	UserGroups []string
	// Partners are partner user IDs. Postman changes partner and user
	// roles in separate calls, so a grant with Partners may hold no
	// Users or UserGroups.
	Partners []string
	// SCIM says Users and UserGroups are SCIM IDs (from an identity
	// provider) rather than Postman IDs. Partners have no SCIM IDs.
	SCIM bool
}

// operations turns the grant into role operations of kind op, checking
// what Postman would refuse before any I/O.
func (g RoleGrant) operations(op RolePatchOp) (WorkspaceRolesUpdateRequest, error) {
	var req WorkspaceRolesUpdateRequest
	switch {
	case g.Role == "":
		return req, fmt.Errorf("postman: role grant: %w: no role", ErrInvalidArgument)
	case len(g.Users)+len(g.UserGroups)+len(g.Partners) == 0:
		return req, fmt.Errorf("postman: role grant: %w: no user, user group or partner", ErrInvalidArgument)
	case len(g.Partners) > 0 && len(g.Users)+len(g.UserGroups) > 0:
		return req, fmt.Errorf("postman: role grant: %w: Postman changes partner and user roles in separate calls", ErrInvalidArgument)
	case len(g.Partners) > 0 && g.SCIM:
		return req, fmt.Errorf("postman: role grant: %w: partners have no SCIM IDs", ErrInvalidArgument)
	}
	for _, part := range []struct {
		path RoleSubject
		ids  []string
	}{{RoleSubjectUser, g.Users}, {RoleSubjectUserGroup, g.UserGroups}, {RoleSubjectPartner, g.Partners}} {
		if len(part.ids) == 0 {
			continue
		}
		value := make([]RoleAssignment, len(part.ids))
		for i, id := range part.ids {
			if id == "" {
				return req, fmt.Errorf("postman: role grant: %w: empty ID in %s", ErrInvalidArgument, part.path)
			}
			value[i] = RoleAssignment{ID: id, Role: g.Role}
		}
		req.Operations = append(req.Operations, RolePatchOperation{Op: op, Path: part.path, Value: value})
	}
	if g.SCIM {
		req.IdentifierType = RoleIdentifierSCIM
	}
	return req, nil
}

// GrantWorkspace gives a role in a workspace to users, user groups or
// partners, and returns the roles it changed with their holders.
//
// Roles of user groups are available on Enterprise plans (others answer
// 403, errors.Is ErrForbidden). Invalid grants (no role, no IDs, partners
// mixed with users, SCIM partner IDs) fail with ErrInvalidArgument before
// any I/O.
//
//postman:operation PATCH /workspaces/{workspaceId}/roles
func (s *RolesService) GrantWorkspace(ctx context.Context, workspaceID string, g RoleGrant) ([]*WorkspaceRole, *Response, error) {
	req, err := g.operations(RoleAdd)
	if err != nil {
		return nil, nil, err
	}
	return s.UpdateWorkspace(ctx, workspaceID, req)
}

// RevokeWorkspace takes a role in a workspace from users, user groups or
// partners, and returns the roles it changed with their holders. The
// people keep any other role they hold, and their team membership:
// offboarding from the team itself goes through SCIM or the team's user
// management.
//
// Roles of user groups are available on Enterprise plans. Invalid grants
// fail with ErrInvalidArgument before any I/O.
//
//postman:operation PATCH /workspaces/{workspaceId}/roles
func (s *RolesService) RevokeWorkspace(ctx context.Context, workspaceID string, g RoleGrant) ([]*WorkspaceRole, *Response, error) {
	req, err := g.operations(RoleRemove)
	if err != nil {
		return nil, nil, err
	}
	return s.UpdateWorkspace(ctx, workspaceID, req)
}
