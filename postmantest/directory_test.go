package postmantest_test

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestTeamUserDirectory(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	alex := srv.AddTeamUser(postmantest.TeamUser{Name: "Alex Cruz", Username: "alex-cruz", Email: "alex.cruz@example.com"})
	sam := srv.AddTeamUser(postmantest.TeamUser{Name: "Sam Lee", Username: "sam-lee", Roles: []string{"admin"}})
	group := srv.AddGroup(postmantest.Group{Name: "API Team", Members: []int64{alex}})
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	users, _, err := c.Users.List(ctx, nil)
	require.NoError(t, err)
	require.Len(t, users, 3)
	assert.Equal(t, int64(fakeUserID), users[0].ID, "the server's user is on the team")
	assert.Equal(t, []string{"admin", "user"}, users[0].Roles)
	assert.Equal(t, "alex-cruz", users[1].Username)
	assert.Equal(t, []string{"user"}, users[1].Roles)
	assert.Equal(t, sam, users[2].ID)
	assert.False(t, users[2].JoinedAt.IsZero())

	members, _, err := c.Users.List(ctx, &postman.UserListOptions{GroupID: strconv.FormatInt(group, 10)})
	require.NoError(t, err)
	require.Len(t, members, 1)
	assert.Equal(t, "Alex Cruz", members[0].Name)
	none, _, err := c.Users.List(ctx, &postman.UserListOptions{GroupID: "999"})
	require.NoError(t, err)
	assert.Empty(t, none, "an unknown group has no members")

	u, _, err := c.Users.Get(ctx, strconv.FormatInt(alex, 10))
	require.NoError(t, err)
	assert.Equal(t, "alex.cruz@example.com", u.Email)
	_, _, err = c.Users.Get(ctx, "424242")
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, _, err = newPlainClient(t, srv).Users.Get(ctx, "alex") // the description allows only numbers
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Len(t, srv.TeamUsers(), 3)
}

func TestPartnerWorkspaceInvitations(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.AddWorkspace(postmantest.Workspace{Name: "Acme partners", Type: "partner"})
	partner := srv.AddPartner(postmantest.Partner{Email: "alex.cruz@acme.example"})
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	res, _, err := c.Workspaces.InvitePartners(ctx, postman.WorkspacePartnerInviteParams{WorkspaceID: ws, Role: postman.RolePartnerEditor,
		Emails: []string{"alex.cruz@acme.example", "sara.smith@acme.example"}})
	require.NoError(t, err)
	assert.Equal(t, "Editor", res.RoleDisplayName)
	require.Len(t, res.Results, 2)
	assert.Equal(t, postman.WorkspacePartnerAdded, res.Results[0].Status, "already a partner: added at once")
	assert.Equal(t, strconv.FormatInt(partner, 10), res.Results[0].UserID)
	assert.Equal(t, postman.WorkspacePartnerEmailSent, res.Results[1].Status)
	assert.Contains(t, res.Results[1].InvitationLink, "invite_code=")
	require.Len(t, srv.Invitations(), 1)

	again, _, err := c.Workspaces.InvitePartners(ctx, postman.WorkspacePartnerInviteParams{WorkspaceID: ws, Role: postman.RolePartnerViewer,
		Emails: []string{"sara.smith@acme.example"}})
	require.NoError(t, err)
	assert.Equal(t, postman.WorkspacePartnerAlreadyInvited, again.Results[0].Status)
	assert.Equal(t, res.Results[1].InvitationLink, again.Results[0].InvitationLink)

	sara, ok := srv.AcceptInvitation(ws, "sara.smith@acme.example")
	require.True(t, ok)
	assert.Empty(t, srv.Invitations())
	roles, _, err := c.Roles.GetWorkspaceRoles(ctx, ws, nil)
	require.NoError(t, err)
	partners := map[postman.RoleID][]string{}
	for _, r := range roles {
		partners[r.ID] = r.Partners
	}
	assert.Equal(t, []string{strconv.FormatInt(partner, 10), strconv.FormatInt(sara, 10)}, partners[postman.RolePartnerEditor],
		"the invitation's role, Editor, not the second call's")

	removed, _, err := c.Workspaces.RemovePartners(ctx, postman.WorkspacePartnerRemoveParams{WorkspaceID: ws,
		UserIDs: []string{strconv.FormatInt(sara, 10), "34567812"}})
	require.NoError(t, err)
	require.Len(t, removed.Results, 2)
	assert.Equal(t, postman.WorkspacePartnerRemoved, removed.Results[0].Status)
	assert.Equal(t, postman.WorkspacePartnerFailed, removed.Results[1].Status)
	assert.Equal(t, "Partner information not found", removed.Results[1].Error)
	assert.Len(t, removed.Failed(), 1)

	// Out of the partnership: out of every workspace too.
	left, _, err := c.Workspaces.RemovePartners(ctx, postman.WorkspacePartnerRemoveParams{TeamID: "123", UserIDs: []string{strconv.FormatInt(partner, 10)}})
	require.NoError(t, err)
	assert.Equal(t, postman.WorkspacePartnerRemoved, left.Results[0].Status)
	for _, r := range srv.WorkspaceRoles(ws) {
		assert.Empty(t, r.Partners)
	}
	res, _, err = c.Workspaces.InvitePartners(ctx, postman.WorkspacePartnerInviteParams{WorkspaceID: ws, Role: postman.RolePartnerViewer,
		Emails: []string{"alex.cruz@acme.example"}})
	require.NoError(t, err)
	assert.Equal(t, postman.WorkspacePartnerEmailSent, res.Results[0].Status, "no longer a partner: invited again")
}

func TestPartnerInvitationErrors(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	team := srv.Workspaces()[1].ID
	ws := srv.AddWorkspace(postmantest.Workspace{Name: "Acme partners", Type: "partner"})
	c := newClient(t, srv, "any-key")
	ctx := t.Context()
	plain := newPlainClient(t, srv) // for what the description forbids
	invite := func(workspaceID string, role postman.RoleID) error {
		client := c
		if role == postman.RoleEditor {
			client = plain
		}
		_, _, err := client.Workspaces.InvitePartners(ctx, postman.WorkspacePartnerInviteParams{WorkspaceID: workspaceID, Role: role,
			Emails: []string{"sara.smith@acme.example"}})
		return err
	}
	var apiErr *postman.APIError
	require.ErrorAs(t, invite(team, postman.RolePartnerViewer), &apiErr)
	assert.Equal(t, "Workspace is not a partner workspace.", apiErr.Detail)
	require.ErrorAs(t, invite(ws, postman.RoleEditor), &apiErr)
	assert.Equal(t, "invalidPartnerRole", apiErr.Title)
	assert.ErrorIs(t, invite("00000000-0000-4000-8000-000000000000", postman.RolePartnerViewer), postman.ErrNotFound)

	srv.SetWorkspaceRoles(ws, postmantest.WorkspaceRole{ID: "1", Users: []string{fakeUserIDStr}})
	assert.ErrorIs(t, invite(ws, postman.RolePartnerViewer), postman.ErrForbidden, "a Viewer cannot invite")
	assert.Empty(t, srv.Invitations())
}
