package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestSCIMGroupsProvisionMembers(t *testing.T) {
	srv := postmantest.NewServer(postmantest.WithSCIMKey("scim-secret"))
	t.Cleanup(srv.Close)
	taylor := srv.AddSCIMUser(postmantest.SCIMUser{UserName: "taylor.lee@example.com", GivenName: "Taylor", FamilyName: "Lee", Active: true})
	alex := srv.AddSCIMUser(postmantest.SCIMUser{UserName: "alex.cruz@example.com", GivenName: "Alex", FamilyName: "Cruz", Active: true})
	srv.AddSCIMGroup(postmantest.SCIMGroup{DisplayName: "Test Group"})
	c := newClient(t, srv, "any-key", postman.WithSCIMKey("scim-secret"))
	ctx := t.Context()
	// Member changes send a list of members as the operation's value, as
	// SCIM (RFC 7644 §3.5.2) and Postman's SCIM guide have it; the OpenAPI
	// description's schema allows only an object there, so they go through
	// a client that does not validate against it.
	members, err := postman.NewClient("any-key", postman.WithBaseURL(srv.URL), postman.WithSCIMKey("scim-secret"), postman.WithoutRateLimit())
	require.NoError(t, err)
	t.Cleanup(members.CloseIdleConnections)

	g, _, err := c.SCIM.CreateGroup(ctx, postman.SCIMGroupCreateParams{DisplayName: "API Team", Members: []postman.SCIMMember{{Value: taylor}}})
	require.NoError(t, err)
	assert.Equal(t, "API Team", g.DisplayName)
	assert.Equal(t, []postman.SCIMMember{{Value: taylor, Display: "Taylor Lee"}}, g.Members)
	assert.Equal(t, "Group", g.Meta.ResourceType)

	_, _, err = c.SCIM.CreateGroup(ctx, postman.SCIMGroupCreateParams{DisplayName: "API Team"})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "uniqueness", apiErr.SCIMType)

	found, resp, err := c.SCIM.ListGroups(ctx, &postman.SCIMListOptions{Filter: postman.SCIMFilterDisplayName("API Team")})
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Equal(t, g.ID, found[0].ID)
	assert.Equal(t, 1, resp.Total)
	none, _, err := c.SCIM.ListGroups(ctx, &postman.SCIMListOptions{Filter: postman.SCIMFilterDisplayName("api team")})
	require.NoError(t, err)
	assert.Empty(t, none, "filter values are case-sensitive")

	g, _, err = c.SCIM.PatchGroup(ctx, g.ID, postman.SCIMGroupPatchParams{Operations: []postman.SCIMGroupPatchOperation{
		postman.SCIMRenameGroup("Platform Team"),
	}})
	require.NoError(t, err)
	assert.Equal(t, "Platform Team", g.DisplayName)
	g, _, err = members.SCIM.PatchGroup(ctx, g.ID, postman.SCIMGroupPatchParams{Operations: []postman.SCIMGroupPatchOperation{
		postman.SCIMAddGroupMembers(alex), postman.SCIMRemoveGroupMembers(taylor),
	}})
	require.NoError(t, err)
	assert.Equal(t, "Platform Team", g.DisplayName)
	assert.Equal(t, []postman.SCIMMember{{Value: alex, Display: "Alex Cruz"}}, g.Members)

	_, _, err = members.SCIM.PatchGroup(ctx, g.ID, postman.SCIMGroupPatchParams{Operations: []postman.SCIMGroupPatchOperation{
		postman.SCIMAddGroupMembers(taylor), postman.SCIMAddGroupMembers("not-a-user"),
	}})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	got, _, err := c.SCIM.GetGroup(ctx, g.ID)
	require.NoError(t, err)
	assert.Len(t, got.Members, 1, "a refused PATCH changes nothing")

	var names []string
	for g, err := range c.SCIM.ListGroupsIter(ctx, &postman.SCIMListOptions{Count: 1}) {
		require.NoError(t, err)
		names = append(names, g.DisplayName)
	}
	assert.Equal(t, []string{"Test Group", "Platform Team"}, names)

	_, err = c.SCIM.DeleteGroup(ctx, g.ID)
	require.NoError(t, err)
	_, _, err = c.SCIM.GetGroup(ctx, g.ID)
	require.ErrorIs(t, err, postman.ErrNotFound)
	require.Len(t, srv.SCIMGroups(), 1)
	assert.Len(t, srv.SCIMUsers(), 2, "deleting a group keeps its users")

	_, _, err = c.SCIM.ListGroups(ctx, &postman.SCIMListOptions{Filter: postman.SCIMFilterActive(true)})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode, "groups take the displayName filter only")
}
