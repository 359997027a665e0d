package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestGroupsListAndGet(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")

	groups, _, err := c.Groups.List(t.Context())
	require.NoError(t, err)
	assert.Empty(t, groups)

	qa := srv.AddGroup(postmantest.Group{Name: "QA", Summary: "Testers", Members: []int64{12345678, 87654321}, Managers: []int64{12345678}})
	srv.AddGroup(postmantest.Group{Name: "Admins", Members: []int64{12345678}, Roles: []string{"admin"}})

	groups, _, err = c.Groups.List(t.Context())
	require.NoError(t, err)
	require.Len(t, groups, 2)
	assert.Equal(t, "QA", groups[0].Name)
	assert.Equal(t, []int64{12345678, 87654321}, groups[0].Members)
	assert.Equal(t, []string{"user"}, groups[0].Roles)
	assert.Equal(t, int64(123), groups[0].TeamID)
	assert.Empty(t, groups[0].Managers, "only Get has managers")
	assert.Equal(t, []string{"admin"}, groups[1].Roles)

	g, _, err := c.Groups.Get(t.Context(), "101")
	require.NoError(t, err)
	assert.Equal(t, qa, g.ID)
	assert.Equal(t, "Testers", g.Summary)
	assert.Equal(t, []int64{12345678}, g.Managers)
	assert.False(t, g.CreatedAt.IsZero())

	_, _, err = c.Groups.Get(t.Context(), "999")
	require.ErrorIs(t, err, postman.ErrNotFound)
	assert.Len(t, srv.Groups(), 2)
}
