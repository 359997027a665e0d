package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// RolesService is the Roles area: who may do what in a workspace or a collection.
//
// Workspace roles are changed with JSON Patch operations (UpdateWorkspace);
// GrantWorkspaceRoles and RevokeWorkspaceRoles build them for the common onboarding
// and offboarding cases.
type RolesService service

// RoleID identifies a workspace role. Postman may add roles; compare with
// the constants or list them with List.
type RoleID string

// Workspace roles of users and user groups, and of partners.
const (
	// RoleViewer can view and collaborate on all resources.
	RoleViewer RoleID = "1"
	// RoleEditor can create and edit all resources.
	RoleEditor RoleID = "2"
	// RoleAdmin can manage people and all resources.
	RoleAdmin RoleID = "3"
	// RolePartnerViewer can send requests and view workspace resources.
	RolePartnerViewer RoleID = "4"
	// RolePartnerEditor can create, edit and fork workspace resources.
	RolePartnerEditor RoleID = "5"
	// RolePartnerViewerLead is Viewer and Partner Lead: can also invite
	// partners.
	RolePartnerViewerLead RoleID = "6"
	// RolePartnerEditorLead is Editor and Partner Lead: can also invite
	// partners with Editor or Viewer access.
	RolePartnerEditorLead RoleID = "7"
)

// RoleDefinition describes a role the team's plan offers.
type RoleDefinition struct {
	ID          RoleID `json:"id"`
	DisplayName string `json:"displayName"`
	Description string `json:"description,omitempty"`
}

// RoleCatalog lists the workspace roles the team's plan offers, by who can
// hold them.
type RoleCatalog struct {
	User      []RoleDefinition `json:"user,omitempty"`
	UserGroup []RoleDefinition `json:"usergroup,omitempty"`
	Partner   []RoleDefinition `json:"partner,omitempty"`
}

// WorkspaceRole is a role in a workspace with the users, user groups and
// partners that hold it (Postman or SCIM IDs, as asked).
type WorkspaceRole struct {
	ID          RoleID   `json:"id"`
	DisplayName string   `json:"displayName"`
	Users       []string `json:"user,omitempty"`
	UserGroups  []string `json:"usergroup,omitempty"`
	Partners    []string `json:"partner,omitempty"`
}

// UnmarshalJSON also reads user groups under "group", the member name
// Postman's examples and its PATCH answer use instead of "usergroup".
func (r *WorkspaceRole) UnmarshalJSON(data []byte) error {
	type plain WorkspaceRole
	var w struct {
		plain
		Group []string `json:"group"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*r = WorkspaceRole(w.plain)
	if len(r.UserGroups) == 0 && len(w.Group) > 0 {
		r.UserGroups = w.Group
	}
	return nil
}

// WorkspaceRolesGetOptions asks GetWorkspace for SCIM IDs.
type WorkspaceRolesGetOptions struct {
	// Include "scim" returns users and user groups as SCIM IDs (partners
	// keep Postman IDs).
	Include string `url:"include,omitempty"`
}

// RoleSubject is who a workspace role operation applies to: users, user
// groups or partners. It is the operation's JSON Patch path.
type RoleSubject string

// Subjects of workspace role operations.
const (
	RoleSubjectUser RoleSubject = "/user"
	// RoleSubjectUserGroup needs an Enterprise plan.
	RoleSubjectUserGroup RoleSubject = "/usergroup"
	RoleSubjectPartner   RoleSubject = "/partner"
)

// RolePatchOp is a workspace role operation.
type RolePatchOp string

// Workspace role operations.
const (
	RoleAdd    RolePatchOp = "add"
	RoleRemove RolePatchOp = "remove"
)

// RoleAssignment is one user, user group or partner with a role.
type RoleAssignment struct {
	ID   string `json:"id"`
	Role RoleID `json:"role"`
}

// RolePatchOperation is one JSON Patch operation of UpdateWorkspace: add
// or remove roles of the users, user groups or partners in Value.
type RolePatchOperation struct {
	Op    RolePatchOp      `json:"op"`
	Path  RoleSubject      `json:"path"`
	Value []RoleAssignment `json:"value"`
}

// RoleIdentifierType says which IDs a role change uses.
type RoleIdentifierType string

// RoleIdentifierSCIM makes a role change read user and user group IDs as
// SCIM IDs (sent as the identifierType: scim header).
const RoleIdentifierSCIM RoleIdentifierType = "scim"

// WorkspaceRolesUpdateParams is a JSON Patch of a workspace's roles.
//
// Postman's rules: at most 50 operations; one action per user, user group
// or partner; users and partners not in the same request; and changing a
// partner's role takes exactly one add and one remove.
type WorkspaceRolesUpdateParams struct {
	Operations []RolePatchOperation `json:"roles"`
	// IdentifierType RoleIdentifierSCIM sends SCIM IDs for users and user
	// groups.
	IdentifierType RoleIdentifierType `json:"-"`
}

// List returns the workspace roles the team's plan offers to
// users, user groups and partners.
//
//postman:operation GET /workspaces-roles
func (s *RolesService) List(ctx context.Context) (*RoleCatalog, *Response, error) {
	var root struct {
		Roles *RoleCatalog `json:"roles"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/workspaces-roles"}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Roles, resp, nil
}

// GetWorkspaceRoles returns the roles of a workspace with the users, user
// groups and partners holding each.
//
//postman:operation GET /workspaces/{workspaceId}/roles
func (s *RolesService) GetWorkspaceRoles(ctx context.Context, workspaceID string, opts *WorkspaceRolesGetOptions) ([]*WorkspaceRole, *Response, error) {
	path, err := pathf("/workspaces/{workspaceID}/roles", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Roles []*WorkspaceRole `json:"roles"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path, query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Roles, resp, nil
}

// UpdateWorkspaceRoles applies role operations to a workspace and returns the
// roles it changed with their holders.
//
// Roles of user groups are available on Enterprise plans. Personal
// workspaces have no roles (Postman answers 422), and the Guest role
// cannot be given here.
//
//postman:operation PATCH /workspaces/{workspaceId}/roles
func (s *RolesService) UpdateWorkspaceRoles(ctx context.Context, workspaceID string, req WorkspaceRolesUpdateParams) ([]*WorkspaceRole, *Response, error) {
	path, err := pathf("/workspaces/{workspaceID}/roles", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	r := &request{method: http.MethodPatch, path: path, body: req, contentType: "application/json-patch+json"}
	if req.IdentifierType != "" {
		r.header = http.Header{}
		r.header.Set("identifierType", string(req.IdentifierType))
	}
	var root struct {
		Roles []*WorkspaceRole `json:"roles"`
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Roles, resp, nil
}

// WorkspaceRoleGrantParams gives one workspace role to, or takes it from, users, user
// groups or partners: the usual onboarding and offboarding step.
type WorkspaceRoleGrantParams struct {
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
func (g WorkspaceRoleGrantParams) operations(op RolePatchOp) (WorkspaceRolesUpdateParams, error) {
	var req WorkspaceRolesUpdateParams
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

// GrantWorkspaceRoles gives a role in a workspace to users, user groups or
// partners, and returns the roles it changed with their holders.
//
// Roles of user groups are available on Enterprise plans (others answer
// 403, errors.Is ErrForbidden). Invalid grants (no role, no IDs, partners
// mixed with users, SCIM partner IDs) fail with ErrInvalidArgument before
// any I/O.
//
//postman:operation PATCH /workspaces/{workspaceId}/roles
func (s *RolesService) GrantWorkspaceRoles(ctx context.Context, workspaceID string, g WorkspaceRoleGrantParams) ([]*WorkspaceRole, *Response, error) {
	req, err := g.operations(RoleAdd)
	if err != nil {
		return nil, nil, err
	}
	return s.UpdateWorkspaceRoles(ctx, workspaceID, req)
}

// RevokeWorkspaceRoles takes a role in a workspace from users, user groups or
// partners, and returns the roles it changed with their holders. The
// people keep any other role they hold, and their team membership:
// offboarding from the team itself goes through SCIM or the team's user
// management.
//
// Roles of user groups are available on Enterprise plans. Invalid grants
// fail with ErrInvalidArgument before any I/O.
//
//postman:operation PATCH /workspaces/{workspaceId}/roles
func (s *RolesService) RevokeWorkspaceRoles(ctx context.Context, workspaceID string, g WorkspaceRoleGrantParams) ([]*WorkspaceRole, *Response, error) {
	req, err := g.operations(RoleRemove)
	if err != nil {
		return nil, nil, err
	}
	return s.UpdateWorkspaceRoles(ctx, workspaceID, req)
}
