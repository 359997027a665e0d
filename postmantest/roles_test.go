package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func teamWorkspace(t *testing.T, srv *postmantest.Server) string {
	t.Helper()
	for _, ws := range srv.Workspaces() {
		if ws.Type == "team" {
			return ws.ID
		}
	}
	t.Fatal("no team workspace")
	return ""
}

func TestWorkspaceRolesGrantAndRevoke(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	ws := teamWorkspace(t, srv)

	catalog, _, err := c.Roles.List(t.Context())
	require.NoError(t, err)
	require.Len(t, catalog.User, 3)
	assert.Equal(t, postman.RoleAdmin, catalog.User[0].ID)
	assert.Equal(t, "Editor and Partner Lead", catalog.Partner[0].DisplayName)

	roles, _, err := c.Roles.GetWorkspaceRoles(t.Context(), ws, nil)
	require.NoError(t, err)
	require.Len(t, roles, 1)
	assert.Equal(t, "Admin", roles[0].DisplayName)
	assert.Equal(t, []string{"12345678"}, roles[0].Users)

	changed, _, err := c.Roles.GrantWorkspaceRoles(t.Context(), ws, postman.WorkspaceRoleGrantParams{Role: postman.RoleEditor, Users: []string{"87654321"}, UserGroups: []string{"123"}})
	require.NoError(t, err)
	require.Len(t, changed, 1)
	assert.Equal(t, postman.RoleEditor, changed[0].ID)
	assert.Equal(t, []string{"87654321"}, changed[0].Users)
	assert.Equal(t, []string{"123"}, changed[0].UserGroups)

	roles, _, err = c.Roles.GetWorkspaceRoles(t.Context(), ws, nil)
	require.NoError(t, err)
	require.Len(t, roles, 2)
	assert.Equal(t, []string{"123"}, roles[0].UserGroups)

	_, _, err = c.Roles.RevokeWorkspaceRoles(t.Context(), ws, postman.WorkspaceRoleGrantParams{Role: postman.RoleEditor, UserGroups: []string{"123"}})
	require.NoError(t, err)
	assert.Equal(t, []postmantest.WorkspaceRole{{ID: "2", Users: []string{"87654321"}}, {ID: "3", Users: []string{"12345678"}}}, srv.WorkspaceRoles(ws))
}

func TestWorkspaceRolesWithSCIMIDs(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	ws := teamWorkspace(t, srv)
	scimID := srv.AddSCIMUser(postmantest.SCIMUser{UserName: "sam@example.com", Active: true})

	changed, _, err := c.Roles.GrantWorkspaceRoles(t.Context(), ws, postman.WorkspaceRoleGrantParams{Role: postman.RoleViewer, Users: []string{scimID}, SCIM: true})
	require.NoError(t, err)
	require.Len(t, changed, 1)
	assert.Equal(t, []string{scimID}, changed[0].Users)

	roles, _, err := c.Roles.GetWorkspaceRoles(t.Context(), ws, &postman.WorkspaceRolesGetOptions{Include: "scim"})
	require.NoError(t, err)
	assert.Equal(t, []string{scimID}, roles[0].Users)

	_, _, err = c.Roles.GrantWorkspaceRoles(t.Context(), ws, postman.WorkspaceRoleGrantParams{Role: postman.RoleViewer, Users: []string{"not-provisioned"}, SCIM: true})
	require.ErrorIs(t, err, postman.ErrNotFound)
}

func TestWorkspaceRolesRefusals(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	ws := teamWorkspace(t, srv)
	personal := srv.Workspaces()[0].ID

	_, _, err := c.Roles.GrantWorkspaceRoles(t.Context(), personal, postman.WorkspaceRoleGrantParams{Role: postman.RoleViewer, Users: []string{"1"}})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 422, apiErr.StatusCode)

	_, _, err = c.Roles.UpdateWorkspaceRoles(t.Context(), ws, postman.WorkspaceRolesUpdateParams{Operations: []postman.RolePatchOperation{
		{Op: postman.RoleAdd, Path: postman.RoleSubjectUser, Value: []postman.RoleAssignment{{ID: "1", Role: postman.RoleViewer}}},
		{Op: postman.RoleAdd, Path: postman.RoleSubjectPartner, Value: []postman.RoleAssignment{{ID: "2", Role: postman.RolePartnerViewer}}},
	}})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)

	_, _, err = c.Roles.GrantWorkspaceRoles(t.Context(), ws, postman.WorkspaceRoleGrantParams{Role: postman.RolePartnerEditor, Users: []string{"1"}})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)

	_, _, err = c.Roles.GetWorkspaceRoles(t.Context(), "00000000-0000-4000-8000-000000000000", nil)
	require.ErrorIs(t, err, postman.ErrNotFound)
	assert.Len(t, srv.WorkspaceRoles(ws), 1)
}

func TestCollectionRoles(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	id := srv.AddCollection(teamWorkspace(t, srv), []byte(`{"info":{"name":"Payments","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[]}`))

	access, _, err := c.Roles.GetCollectionRoles(t.Context(), id)
	require.NoError(t, err)
	assert.Equal(t, []postman.RoleCollectionMember{{ID: 12345678, Role: postman.RoleCollectionEditor}}, access.Users)
	assert.Empty(t, access.Groups)

	_, err = c.Roles.UpdateCollectionRoles(t.Context(), id, postman.CollectionRolesUpdateParams{
		Users:  []postman.RoleCollectionMember{{ID: 87654321, Role: postman.RoleCollectionViewer}},
		Groups: []postman.RoleCollectionMember{{ID: 123, Role: postman.RoleCollectionEditor}},
	})
	require.NoError(t, err)
	_, err = c.Roles.UpdateCollectionRoles(t.Context(), id, postman.CollectionRolesUpdateParams{
		Users: []postman.RoleCollectionMember{{ID: 87654321, Role: postman.RoleCollectionEditor}},
	})
	require.NoError(t, err)

	access, _, err = c.Roles.GetCollectionRoles(t.Context(), id)
	require.NoError(t, err)
	assert.Equal(t, []postman.RoleCollectionMember{{ID: 12345678, Role: postman.RoleCollectionEditor}, {ID: 87654321, Role: postman.RoleCollectionEditor}}, access.Users)
	assert.Equal(t, []postman.RoleCollectionMember{{ID: 123, Role: postman.RoleCollectionEditor}}, access.Groups)
	assert.Len(t, srv.CollectionRoles(id), 3)

	// The description forbids other roles: send one without validation.
	raw, err := postman.NewClient("any-key", postman.WithBaseURL(srv.URL), postman.WithMaxRetries(0))
	require.NoError(t, err)
	t.Cleanup(raw.CloseIdleConnections)
	_, err = raw.Roles.UpdateCollectionRoles(t.Context(), id, postman.CollectionRolesUpdateParams{
		Teams: []postman.RoleCollectionMember{{ID: 1, Role: "GUEST"}},
	})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)

	_, _, err = c.Roles.GetCollectionRoles(t.Context(), "12345678-00000000-0000-4000-8000-000000000000")
	require.ErrorIs(t, err, postman.ErrNotFound)
	assert.Nil(t, srv.CollectionRoles("nope"))
}

func TestWorkspaceRolesPartnerChange(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	ws := teamWorkspace(t, srv)
	srv.SetWorkspaceRoles(ws, postmantest.WorkspaceRole{ID: "3", Users: []string{"12345678"}}, postmantest.WorkspaceRole{ID: "4", Partners: []string{"43215678"}})

	changed, _, err := c.Roles.UpdateWorkspaceRoles(t.Context(), ws, postman.WorkspaceRolesUpdateParams{Operations: []postman.RolePatchOperation{
		{Op: postman.RoleAdd, Path: postman.RoleSubjectPartner, Value: []postman.RoleAssignment{{ID: "43215678", Role: postman.RolePartnerEditor}}},
		{Op: postman.RoleRemove, Path: postman.RoleSubjectPartner, Value: []postman.RoleAssignment{{ID: "43215678", Role: postman.RolePartnerViewer}}},
	}})
	require.NoError(t, err)
	require.Len(t, changed, 1)
	assert.Equal(t, postman.RolePartnerEditor, changed[0].ID)
	assert.Equal(t, []string{"43215678"}, changed[0].Partners)
	assert.Equal(t, []postmantest.WorkspaceRole{{ID: "3", Users: []string{"12345678"}}, {ID: "5", Partners: []string{"43215678"}}}, srv.WorkspaceRoles(ws))
}
