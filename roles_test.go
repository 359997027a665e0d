package postman

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestRolesConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "ListAvailable", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Roles.List(ctx)
			return err
		}},
		{name: "GetWorkspace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Roles.GetWorkspaceRoles(ctx, workspaceTestID, &WorkspaceRolesGetOptions{Include: "scim"})
			return err
		}},
		{name: "UpdateWorkspace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Roles.UpdateWorkspaceRoles(ctx, workspaceTestID, WorkspaceRolesUpdateParams{Operations: []RolePatchOperation{
				{Op: RoleAdd, Path: RoleSubjectUser, Value: []RoleAssignment{{ID: "12345678", Role: RoleViewer}}},
				{Op: RoleRemove, Path: RoleSubjectUserGroup, Value: []RoleAssignment{{ID: "312", Role: RoleAdmin}}},
			}})
			return err
		}},
		{name: "GrantWorkspaceSCIM", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Roles.GrantWorkspaceRoles(ctx, workspaceTestID, WorkspaceRoleGrantParams{Role: RoleAdmin, SCIM: true,
				Users: []string{"405775fe15ed41872a8eea4c8aa2b38cda9749812cc55c99"}})
			return err
		}},
		{name: "RevokeWorkspace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Roles.RevokeWorkspaceRoles(ctx, workspaceTestID, WorkspaceRoleGrantParams{Role: RolePartnerViewer, Partners: []string{"43215678"}})
			return err
		}},
		{name: "GetCollection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Roles.GetCollectionRoles(ctx, "12ece9e1-2abf-4edc-8e34-de66e74114d2")
			return err
		}},
		{name: "UpdateCollection", call: func(ctx context.Context, c *Client) error {
			_, err := c.Roles.UpdateCollectionRoles(ctx, "12ece9e1-2abf-4edc-8e34-de66e74114d2", CollectionRolesUpdateParams{
				Users: []RoleCollectionMember{{ID: 12345678, Role: RoleCollectionEditor}},
				Teams: []RoleCollectionMember{{ID: 123, Role: RoleCollectionViewer}},
			})
			return err
		}},
	})
}

func TestRolesGrantWorkspaceSendsJSONPatch(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	roles, _, err := c.Roles.GrantWorkspaceRoles(t.Context(), workspaceTestID, WorkspaceRoleGrantParams{Role: RoleEditor,
		Users: []string{"12345678", "87654321"}, UserGroups: []string{"123"}})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPatch, req.Method)
	assert.Equal(t, "application/json-patch+json", req.Header.Get("Content-Type"))
	assert.Empty(t, req.Header.Values("identifierType"), "Postman IDs need no identifierType header")
	assert.JSONEq(t, `{"roles":[`+
		`{"op":"add","path":"/user","value":[{"id":"12345678","role":"2"},{"id":"87654321","role":"2"}]},`+
		`{"op":"add","path":"/usergroup","value":[{"id":"123","role":"2"}]}]}`, string(body))

	// The first documented answer is "Add and Remove Partner Roles".
	require.Len(t, roles, 1)
	assert.Equal(t, RolePartnerViewer, roles[0].ID)
	assert.Equal(t, []string{"87654321"}, roles[0].Partners)
}

func TestRolesRevokeWorkspaceWithSCIMIDs(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, _, err := c.Roles.RevokeWorkspaceRoles(t.Context(), workspaceTestID, WorkspaceRoleGrantParams{Role: RoleAdmin, SCIM: true,
		Users: []string{"405775fe15ed41872a8eea4c8aa2b38cda9749812cc55c99"}, UserGroups: []string{"561631fq14ed41872a8eea4c8aa2b38cda9749812cc55c00"}})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, "scim", req.Header.Get("identifierType"))
	assert.JSONEq(t, `{"roles":[`+
		`{"op":"remove","path":"/user","value":[{"id":"405775fe15ed41872a8eea4c8aa2b38cda9749812cc55c99","role":"3"}]},`+
		`{"op":"remove","path":"/usergroup","value":[{"id":"561631fq14ed41872a8eea4c8aa2b38cda9749812cc55c00","role":"3"}]}]}`, string(body))
}

func TestRolesUpdateWorkspaceSendsRawPatch(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, _, err := c.Roles.UpdateWorkspaceRoles(t.Context(), workspaceTestID, WorkspaceRolesUpdateParams{
		IdentifierType: RoleIdentifierSCIM,
		Operations: []RolePatchOperation{
			{Op: RoleRemove, Path: RoleSubjectPartner, Value: []RoleAssignment{{ID: "43215678", Role: RolePartnerViewer}}},
			{Op: RoleAdd, Path: RoleSubjectPartner, Value: []RoleAssignment{{ID: "43215678", Role: RolePartnerEditor}}},
		}})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, "scim", req.Header.Get("identifierType"))
	assert.JSONEq(t, `{"roles":[{"op":"remove","path":"/partner","value":[{"id":"43215678","role":"4"}]},`+
		`{"op":"add","path":"/partner","value":[{"id":"43215678","role":"5"}]}]}`, string(body))
}

func TestRolesGrantRejectsInvalidGrantsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	for name, g := range map[string]WorkspaceRoleGrantParams{
		"no role":            {Users: []string{"1"}},
		"nobody":             {Role: RoleViewer},
		"partners and users": {Role: RoleViewer, Users: []string{"1"}, Partners: []string{"2"}},
		"SCIM partners":      {Role: RolePartnerViewer, Partners: []string{"2"}, SCIM: true},
		"empty ID":           {Role: RoleViewer, Users: []string{""}},
	} {
		_, _, err := c.Roles.GrantWorkspaceRoles(t.Context(), workspaceTestID, g)
		assert.ErrorIs(t, err, ErrInvalidArgument, name)
		_, _, err = c.Roles.RevokeWorkspaceRoles(t.Context(), workspaceTestID, g)
		assert.ErrorIs(t, err, ErrInvalidArgument, name)
	}
	_, err := c.Roles.UpdateCollectionRoles(t.Context(), "12ece9e1", CollectionRolesUpdateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Empty(t, h.Ran())
}

func TestRolesWorkspaceErrors(t *testing.T) {
	h := conformance.New(t)
	// The first documented 403 is "Feature Unavailable" (user group roles
	// need an Enterprise plan; the region wording is Postman's).
	h.Status("updateWorkspaceRoles", http.StatusForbidden)
	h.Status("getWorkspaceRoles", http.StatusNotFound)
	c := newTestClient(t, h.URL)
	_, _, err := c.Roles.GrantWorkspaceRoles(t.Context(), workspaceTestID, WorkspaceRoleGrantParams{Role: RoleViewer, UserGroups: []string{"123"}})
	assert.ErrorIs(t, err, ErrFeatureUnavailable)
	_, _, err = c.Roles.GetWorkspaceRoles(t.Context(), workspaceTestID, nil)
	assert.ErrorIs(t, err, ErrNotFound)

	h.Status("updateWorkspaceRoles", http.StatusUnprocessableEntity)
	_, _, err = c.Roles.GrantWorkspaceRoles(t.Context(), workspaceTestID, WorkspaceRoleGrantParams{Role: RoleViewer, Users: []string{"1"}})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusUnprocessableEntity, apiErr.StatusCode)
	assert.Contains(t, apiErr.Detail, "personal workspaces")
}

func TestRolesGetWorkspaceReadsBothGroupSpellings(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	roles, _, err := c.Roles.GetWorkspaceRoles(t.Context(), workspaceTestID, &WorkspaceRolesGetOptions{Include: "scim"})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "include=scim", req.URL.RawQuery)
	// The "Return SCIM IDs" example lists user groups under "group".
	require.Len(t, roles, 1)
	assert.Equal(t, WorkspaceRole{ID: RoleAdmin, DisplayName: "Admin", Users: []string{"405775fe15ed41872a8eea4c8aa2b38cda9749812cc55c99"},
		UserGroups: []string{"561631fq14ed41872a8eea4c8aa2b38cda9749812cc55c00"}, Partners: []string{"43215678"}}, *roles[0])

	var r WorkspaceRole
	require.NoError(t, json.Unmarshal([]byte(`{"id":"1","displayName":"Viewer","usergroup":["9"]}`), &r))
	assert.Equal(t, []string{"9"}, r.UserGroups)
}

func TestRolesListAvailable(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	cat, _, err := c.Roles.List(t.Context())
	require.NoError(t, err)
	require.Len(t, cat.User, 3)
	assert.Equal(t, RoleDefinition{ID: RoleAdmin, DisplayName: "Admin", Description: "Can manage people and all resources"}, cat.User[0])
	require.Len(t, cat.UserGroup, 3)
	require.Len(t, cat.Partner, 4)
	assert.Equal(t, RolePartnerEditorLead, cat.Partner[0].ID)
}

func TestRolesCollection(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	access, _, err := c.Roles.GetCollectionRoles(t.Context(), "12ece9e1-2abf-4edc-8e34-de66e74114d2")
	require.NoError(t, err)
	assert.Equal(t, &RoleCollectionAccess{
		Groups: []RoleCollectionMember{{ID: 123, Role: RoleCollectionViewer}},
		Teams:  []RoleCollectionMember{{ID: 1, Role: RoleCollectionEditor}},
		Users:  []RoleCollectionMember{{ID: 12345678, Role: RoleCollectionViewer}, {ID: 87654321, Role: RoleCollectionEditor}},
	}, access)

	resp, err := c.Roles.UpdateCollectionRoles(t.Context(), "12ece9e1-2abf-4edc-8e34-de66e74114d2", CollectionRolesUpdateParams{
		Users:  []RoleCollectionMember{{ID: 12345678, Role: RoleCollectionEditor}},
		Groups: []RoleCollectionMember{{ID: 12345, Role: RoleCollectionViewer}},
	})
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"roles":[{"op":"update","path":"/user","value":[{"id":12345678,"role":"EDITOR"}]},`+
		`{"op":"update","path":"/group","value":[{"id":12345,"role":"VIEWER"}]}]}`, string(body))

	h.Status("getCollectionRoles", http.StatusNotFound)
	_, _, err = c.Roles.GetCollectionRoles(t.Context(), "12ece9e1-2abf-4edc-8e34-de66e74114d2")
	assert.ErrorIs(t, err, ErrNotFound)
}
