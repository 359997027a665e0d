package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestSeededGlobalsAreEnabledUnlessDisabled(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	srv.SetGlobals(ws, postmantest.EnvironmentVariable{Key: "tenant", Value: "acme"},
		postmantest.EnvironmentVariable{Key: "legacy", Value: "1", Disabled: true})
	c := newClient(t, srv, "any-key")

	vars, _, err := c.Workspaces.GetGlobalVariables(t.Context(), ws)
	require.NoError(t, err)
	require.Len(t, vars, 2)
	assert.True(t, vars[0].Enabled)
	assert.False(t, vars[1].Enabled)
}

func TestReplaceGlobalVariables(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	srv.SetGlobals(ws, postmantest.EnvironmentVariable{Key: "old", Value: "gone"})
	c := newClient(t, srv, "any-key")

	stored, _, err := c.Workspaces.ReplaceGlobalVariables(t.Context(), ws,
		postman.EnvironmentVariables{postman.NewEnvironmentVariable("tenant", "acme")})
	require.NoError(t, err)
	require.Len(t, stored, 1)
	assert.Equal(t, "tenant", stored[0].Key)

	vars, _, err := c.Workspaces.GetGlobalVariables(t.Context(), ws)
	require.NoError(t, err)
	require.Len(t, vars, 1)
	assert.Equal(t, "acme", vars[0].Value)
	assert.True(t, vars[0].Enabled)

	cleared, _, err := c.Workspaces.ReplaceGlobalVariables(t.Context(), ws, nil)
	require.NoError(t, err)
	assert.Empty(t, cleared)
}
