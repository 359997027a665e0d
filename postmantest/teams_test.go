package postmantest_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestTeamsListPages(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	srv.AddTeam(postmantest.Team{Name: "Billing Team", Handle: "billing-team", Members: []postmantest.TeamMember{{EntityType: "user", EntityID: "87654321", Role: "TEAM_DEVELOPER"}}})
	srv.AddTeam(postmantest.Team{Name: "Old Team", Handle: "old-team", Disabled: true})

	first, resp, err := c.Teams.List(t.Context(), &postman.TeamListOptions{CursorOptions: postman.CursorOptions{Limit: 2}})
	require.NoError(t, err)
	require.Len(t, first, 2)
	assert.NotEmpty(t, resp.NextCursor)
	assert.Equal(t, int64(123), first[0].ID)
	assert.Equal(t, "Test Team", first[0].Name)
	assert.Equal(t, 1, first[0].MemberCount)
	assert.True(t, first[0].Enabled)

	var names []string
	for team, err := range c.Teams.ListIter(t.Context(), nil) {
		require.NoError(t, err)
		names = append(names, team.Name)
		if team.Name == "Old Team" {
			assert.False(t, team.Enabled)
		}
	}
	assert.Equal(t, []string{"Test Team", "Billing Team", "Old Team"}, names)
}

func TestTeamMemberRoles(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")

	results, _, err := c.Teams.UpdateMemberRoles(t.Context(), "123", postman.TeamMemberRolesUpdateParams{
		Add: &postman.TeamRoleAssignments{Users: map[string][]postman.TeamRole{
			"87654321": {postman.TeamRoleDeveloper},
			"12345678": {postman.TeamRoleManager},
		}, Groups: map[string][]postman.TeamRole{"1234": {postman.TeamRoleDeveloper}}},
	})
	require.NoError(t, err)
	require.Len(t, results, 3)
	assert.Equal(t, postman.TeamEntityID("12345678"), results[0].EntityID)
	assert.Equal(t, postman.TeamResultSkipped, results[0].Status)
	assert.Equal(t, postman.TeamResultAccepted, results[1].Status)
	assert.Nil(t, results[1].PreviousRole)
	assert.Equal(t, postman.TeamEntityGroup, results[2].EntityType)

	results, _, err = c.Teams.UpdateMemberRoles(t.Context(), "123", postman.TeamMemberRolesUpdateParams{
		Add:    &postman.TeamRoleAssignments{Users: map[string][]postman.TeamRole{"87654321": {postman.TeamRoleManager}}},
		Remove: &postman.TeamRoleAssignments{Groups: map[string][]postman.TeamRole{"1234": {postman.TeamRoleDeveloper}}},
	})
	require.NoError(t, err)
	require.Len(t, results, 2)
	require.NotNil(t, results[0].PreviousRole)
	assert.Equal(t, postman.TeamRoleDeveloper, *results[0].PreviousRole)
	assert.Equal(t, postman.TeamRoleManager, *results[0].Role)
	assert.Nil(t, results[1].Role)
	assert.Equal(t, []postmantest.TeamMember{{EntityType: "user", EntityID: "12345678", Role: "TEAM_MANAGER"}, {EntityType: "user", EntityID: "87654321", Role: "TEAM_MANAGER"}}, srv.Teams()[0].Members)

	_, _, err = c.Teams.UpdateMemberRoles(t.Context(), "999", postman.TeamMemberRolesUpdateParams{
		Add: &postman.TeamRoleAssignments{Users: map[string][]postman.TeamRole{"1": {postman.TeamRoleManager}}},
	})
	require.ErrorIs(t, err, postman.ErrNotFound)
}

func TestTeamAccessRequests(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	guest := srv.AddTeamAccessRequest(123, postmantest.TeamAccessRequest{Role: "TEAM_GUEST_VIEWER", EntityType: "user", EntityID: "87654321", Reason: "Reviews the docs."})
	dev := srv.AddTeamAccessRequest(123, postmantest.TeamAccessRequest{Role: "TEAM_DEVELOPER", EntityType: "user", EntityID: "56781234"})
	assert.Zero(t, srv.AddTeamAccessRequest(999, postmantest.TeamAccessRequest{Role: "TEAM_DEVELOPER"}))

	var pending []*postman.TeamAccessRequest
	for req, err := range c.Teams.ListAccessRequestsIter(t.Context(), "123", &postman.TeamAccessRequestListOptions{CursorOptions: postman.CursorOptions{Limit: 1}}) {
		require.NoError(t, err)
		pending = append(pending, req)
	}
	require.Len(t, pending, 2)
	assert.Equal(t, guest, pending[0].ID)
	assert.Equal(t, postman.TeamRoleGuestViewer, pending[0].Role)
	assert.Equal(t, postman.TeamAccessRequested, pending[0].Status)
	assert.Equal(t, postman.TeamEntityID("87654321"), pending[0].EntityID)

	res, _, err := c.Teams.ApproveAccessRequest(t.Context(), "123", strconv.FormatInt(guest, 10))
	require.NoError(t, err)
	assert.Equal(t, postman.TeamResultStatus("Accepted"), res.Status)
	assert.Equal(t, postman.TeamAccessAccepted, res.AccessRequest.Status)

	res, _, err = c.Teams.DenyAccessRequest(t.Context(), "123", strconv.FormatInt(dev, 10))
	require.NoError(t, err)
	assert.Equal(t, postman.TeamResultDenied, res.Status)

	_, _, err = c.Teams.ApproveAccessRequest(t.Context(), "123", strconv.FormatInt(guest, 10))
	require.ErrorIs(t, err, postman.ErrNotFound, "already processed")

	reqs, _, err := c.Teams.ListAccessRequests(t.Context(), "123", nil)
	require.NoError(t, err)
	assert.Empty(t, reqs)
	members := srv.Teams()[0].Members
	assert.Contains(t, members, postmantest.TeamMember{EntityType: "user", EntityID: "87654321", Role: "TEAM_GUEST_VIEWER"})
	assert.Len(t, members, 2)
	assert.Equal(t, "Denied", srv.TeamAccessRequests(123)[1].Status)
}

func TestTeamCreateGetAndRemoveMembers(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")

	team, _, err := c.Teams.Create(t.Context(), postman.TeamCreateParams{Name: "Testing Team", Description: "API testing team."})
	require.NoError(t, err)
	assert.Equal(t, "testing-team", team.Handle)
	assert.Equal(t, postman.TeamEntityID("12345678"), team.CreatedBy)
	id := strconv.FormatInt(team.ID, 10)

	_, _, err = c.Teams.Create(t.Context(), postman.TeamCreateParams{Name: "testing team"})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	_, _, err = c.Teams.Create(t.Context(), postman.TeamCreateParams{Name: "No_underscores"})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)

	results, _, err := c.Teams.CreateAccessRequest(t.Context(), id, postman.TeamAccessRequestCreateParams{
		Entities: []postman.TeamEntity{{EntityType: postman.TeamEntityUser, EntityID: "87654321"}, {EntityType: postman.TeamEntityUser, EntityID: "12345678"}},
		Role:     postman.TeamRoleManager, Reason: "Leads testing.", RequestType: postman.TeamRequestToAddMembers,
	})
	require.NoError(t, err)
	require.Len(t, results, 2)
	assert.Equal(t, postman.TeamResultAccepted, results[0].Status)
	assert.Equal(t, postman.TeamResultSkipped, results[1].Status)
	assert.Equal(t, "Entity has this role", results[1].Reason)
	reqs, _, err := c.Teams.ListAccessRequests(t.Context(), id, nil)
	require.NoError(t, err)
	require.Len(t, reqs, 1)
	_, _, err = c.Teams.ApproveAccessRequest(t.Context(), id, strconv.FormatInt(reqs[0].ID, 10))
	require.NoError(t, err)

	got, _, err := c.Teams.Get(t.Context(), id, &postman.TeamGetOptions{Include: postman.TeamIncludeMembers})
	require.NoError(t, err)
	assert.Equal(t, "Testing Team", got.Name)
	assert.JSONEq(t, `[{"entityType":"user","entityId":12345678,"role":"TEAM_MANAGER"},{"entityType":"user","entityId":87654321,"role":"TEAM_MANAGER"}]`, string(got.Members))

	_, err = c.Teams.RemoveMembers(t.Context(), id, postman.TeamMembersRemoveParams{Entities: []postman.TeamEntity{{EntityType: postman.TeamEntityUser, EntityID: "87654321"}, {EntityType: postman.TeamEntityGroup, EntityID: "5"}}})
	require.ErrorAs(t, err, &apiErr)
	assert.Contains(t, apiErr.Error(), "groups - 5")
	_, err = c.Teams.RemoveMembers(t.Context(), id, postman.TeamMembersRemoveParams{Entities: []postman.TeamEntity{{EntityType: postman.TeamEntityUser, EntityID: "87654321"}}})
	require.NoError(t, err)
	assert.Len(t, srv.Teams()[1].Members, 1)

	_, _, err = c.Teams.Get(t.Context(), "999", nil)
	require.ErrorIs(t, err, postman.ErrNotFound)
}

func TestTeamSettings(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")

	settings, _, err := c.Teams.GetSettings(t.Context(), "123")
	require.NoError(t, err)
	assert.Equal(t, postman.TeamSettings{ApproveNewMembers: postman.TeamSettingDisabled, ApproveCollaborators: postman.TeamSettingDisabled}, *settings)

	settings, _, err = c.Teams.UpdateSettings(t.Context(), "123", postman.TeamSettings{ApproveNewMembers: postman.TeamSettingEnabled})
	require.NoError(t, err)
	assert.Equal(t, postman.TeamSettingEnabled, settings.ApproveNewMembers)
	assert.Equal(t, postman.TeamSettingDisabled, settings.ApproveCollaborators)
	assert.True(t, srv.Teams()[0].ApproveNewMembers)

	teams, _, err := c.Teams.List(t.Context(), &postman.TeamListOptions{Settings: true})
	require.NoError(t, err)
	assert.JSONEq(t, `{"rfa_for_add_member":"enabled","rfa_for_add_collaborator":"disabled"}`, string(teams[0].Settings))

	_, _, err = c.Teams.GetSettings(t.Context(), "999")
	require.ErrorIs(t, err, postman.ErrNotFound)
}
