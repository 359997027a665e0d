package postman

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// SCIMGroup is a Postman user group as SCIM provisions it.
type SCIMGroup struct {
	Schemas []string `json:"schemas,omitempty"`
	// ID is the group's SCIM ID.
	ID          string       `json:"id"`
	DisplayName string       `json:"displayName"`
	Members     []SCIMMember `json:"members,omitempty"`
	ExternalID  string       `json:"externalId,omitempty"`
	Meta        SCIMMeta     `json:"meta"`
}

// SCIMMember is a member of a SCIM group.
type SCIMMember struct {
	// Value is the member's SCIM user ID.
	Value string `json:"value"`
	// Display is the member's display name.
	Display string `json:"display,omitempty"`
}

// SCIMGroupCreateParams is the body of CreateGroup.
type SCIMGroupCreateParams struct {
	// Schemas defaults to SCIMSchemaGroup.
	Schemas     []string     `json:"schemas"`
	DisplayName string       `json:"displayName"`
	Members     []SCIMMember `json:"members,omitempty"`
}

// SCIMGroupPatchParams is the body of PatchGroup.
type SCIMGroupPatchParams struct {
	// Schemas defaults to SCIMSchemaPatchOp.
	Schemas    []string                  `json:"schemas"`
	Operations []SCIMGroupPatchOperation `json:"Operations"`
}

// SCIMGroupPatchOperation is one operation of a group PATCH: a rename
// (replace of Attributes) or a change of members (add or remove with Path
// "members"). SCIMRenameGroup, SCIMAddGroupMembers and
// SCIMRemoveGroupMembers build them.
type SCIMGroupPatchOperation struct {
	Op   SCIMPatchOp
	Path string
	// Attributes are the group attributes a replace sets.
	Attributes *SCIMGroupAttributes
	// Members are the members an add or remove of "members" changes.
	Members []SCIMMember
}

// SCIMGroupAttributes are the group attributes a PATCH can replace.
type SCIMGroupAttributes struct {
	ID          string `json:"id,omitempty"`
	DisplayName string `json:"displayName,omitempty"`
}

// MarshalJSON writes the operation with its value: the attributes object,
// or the list of members.
func (o SCIMGroupPatchOperation) MarshalJSON() ([]byte, error) {
	out := struct {
		Op    SCIMPatchOp `json:"op"`
		Path  string      `json:"path,omitempty"`
		Value any         `json:"value,omitempty"`
	}{Op: o.Op, Path: o.Path}
	switch {
	case o.Members != nil:
		out.Value = o.Members
	case o.Attributes != nil:
		out.Value = o.Attributes
	}
	return json.Marshal(out)
}

// SCIMRenameGroup returns the operation that renames a group.
func SCIMRenameGroup(displayName string) SCIMGroupPatchOperation {
	return SCIMGroupPatchOperation{Op: SCIMReplace, Attributes: &SCIMGroupAttributes{DisplayName: displayName}}
}

// SCIMAddGroupMembers returns the operation that adds users (SCIM IDs) to
// a group.
func SCIMAddGroupMembers(userIDs ...string) SCIMGroupPatchOperation {
	return SCIMGroupPatchOperation{Op: SCIMAdd, Path: "members", Members: scimMembers(userIDs)}
}

// SCIMRemoveGroupMembers returns the operation that removes users (SCIM
// IDs) from a group.
func SCIMRemoveGroupMembers(userIDs ...string) SCIMGroupPatchOperation {
	return SCIMGroupPatchOperation{Op: SCIMRemove, Path: "members", Members: scimMembers(userIDs)}
}

func scimMembers(userIDs []string) []SCIMMember {
	members := make([]SCIMMember, len(userIDs))
	for i, id := range userIDs {
		members[i] = SCIMMember{Value: id}
	}
	return members
}

// ListGroups returns the team's user groups, one page at a time:
// Response.Offset is the page's StartIndex, Response.Limit its size and
// Response.Total the number of results. ListGroupsIter pages for you.
//
// Available on Enterprise plans.
//
//postman:operation GET /scim/v2/Groups
func (s *SCIMService) ListGroups(ctx context.Context, opts *SCIMListOptions) ([]*SCIMGroup, *Response, error) {
	var root scimList[SCIMGroup]
	resp, err := s.client.do(ctx, scimRequest(http.MethodGet, "/scim/v2/Groups", opts, nil), &root)
	if err != nil {
		return nil, resp, err
	}
	root.fill(resp)
	return root.Resources, resp, nil
}

// ListGroupsIter iterates over the team's user groups, one page in memory
// at a time (100 per page unless opts.Count says otherwise).
//
// Available on Enterprise plans.
func (s *SCIMService) ListGroupsIter(ctx context.Context, opts *SCIMListOptions) iter.Seq2[*SCIMGroup, error] {
	return offsetIter(ctx, opts, scimIterCount, s.ListGroups)
}

// GetGroup returns a user group by SCIM ID.
//
// Available on Enterprise plans.
//
//postman:operation GET /scim/v2/Groups/{groupId}
func (s *SCIMService) GetGroup(ctx context.Context, groupID string) (*SCIMGroup, *Response, error) {
	path, err := pathf("/scim/v2/Groups/{groupID}", groupID)
	if err != nil {
		return nil, nil, err
	}
	group := new(SCIMGroup)
	resp, err := s.client.do(ctx, scimRequest(http.MethodGet, path, nil, nil), group)
	if err != nil {
		return nil, resp, err
	}
	return group, resp, nil
}

// CreateGroup creates a user group and provisions its members: each gets
// an account on the team (developer role), or an invitation when an
// account with their email exists.
//
// Available on Enterprise plans.
//
//postman:operation POST /scim/v2/Groups
func (s *SCIMService) CreateGroup(ctx context.Context, req SCIMGroupCreateParams) (*SCIMGroup, *Response, error) {
	if len(req.Schemas) == 0 {
		req.Schemas = []string{SCIMSchemaGroup}
	}
	group := new(SCIMGroup)
	resp, err := s.client.do(ctx, scimRequest(http.MethodPost, "/scim/v2/Groups", nil, req), group)
	if err != nil {
		return nil, resp, err
	}
	return group, resp, nil
}

// PatchGroup applies PATCH operations to a group: renames and member
// changes (see SCIMRenameGroup, SCIMAddGroupMembers,
// SCIMRemoveGroupMembers).
//
// Available on Enterprise plans.
//
//postman:operation PATCH /scim/v2/Groups/{groupId}
func (s *SCIMService) PatchGroup(ctx context.Context, groupID string, req SCIMGroupPatchParams) (*SCIMGroup, *Response, error) {
	path, err := pathf("/scim/v2/Groups/{groupID}", groupID)
	if err != nil {
		return nil, nil, err
	}
	if len(req.Schemas) == 0 {
		req.Schemas = []string{SCIMSchemaPatchOp}
	}
	group := new(SCIMGroup)
	resp, err := s.client.do(ctx, scimRequest(http.MethodPatch, path, nil, req), group)
	if err != nil {
		return nil, resp, err
	}
	return group, resp, nil
}

// DeleteGroup deletes a user group. Its members are deactivated when the
// group was their only assignment of the Postman app; accounts and their
// data are kept.
//
// Available on Enterprise plans.
//
//postman:operation DELETE /scim/v2/Groups/{groupId}
func (s *SCIMService) DeleteGroup(ctx context.Context, groupID string) (*Response, error) {
	path, err := pathf("/scim/v2/Groups/{groupID}", groupID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, scimRequest(http.MethodDelete, path, nil, nil), nil)
}
