package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestSeededEnvironmentVariablesAreEnabledUnlessDisabled(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	id := srv.AddEnvironment(srv.Workspaces()[0].ID, "Staging",
		postmantest.EnvironmentVariable{Key: "baseUrl", Value: "https://staging.example.com"},
		postmantest.EnvironmentVariable{Key: "token", Value: "s3cret", Type: "secret", Disabled: true})
	c := newClient(t, srv, "any-key")

	env, _, err := c.Environments.Get(t.Context(), id)
	require.NoError(t, err)
	require.Len(t, env.Values, 2)
	assert.True(t, env.Values[0].Enabled, "Postman enables a variable unless told otherwise")
	assert.False(t, env.Values[1].Enabled)
	assert.Equal(t, []postmantest.EnvironmentVariable{
		{Key: "baseUrl", Value: "https://staging.example.com"},
		{Key: "token", Value: "s3cret", Type: "secret", Disabled: true},
	}, srv.EnvironmentValues(id))
	assert.Nil(t, srv.EnvironmentValues("no-such-environment"))
}

func TestEnvironmentValuesReadWhatClientsStored(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	id := srv.AddEnvironment(srv.Workspaces()[0].ID, "Staging")
	c := newClient(t, srv, "any-key")

	// A variable sent without "enabled" reads as enabled, as in Postman.
	_, err := c.Do(t.Context(), "PUT", "/environments/"+id,
		map[string]any{"environment": map[string]any{"values": []any{
			map[string]any{"key": "a", "value": "1"},
			map[string]any{"key": "b", "value": "2", "enabled": false, "type": "default"},
		}}}, nil)
	require.NoError(t, err)
	assert.Equal(t, []postmantest.EnvironmentVariable{
		{Key: "a", Value: "1"},
		{Key: "b", Value: "2", Type: "default", Disabled: true},
	}, srv.EnvironmentValues(id))
}

func TestReplaceEnvironment(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	id := srv.AddEnvironment(srv.Workspaces()[0].ID, "Staging",
		postmantest.EnvironmentVariable{Key: "old", Value: "gone"})
	c := newClient(t, srv, "any-key")

	env, _, err := c.Environments.Replace(t.Context(), id, postman.EnvironmentReplaceParams{
		Name:   "Production",
		Values: postman.EnvironmentVariables{postman.NewEnvironmentSecret("apiKey", "k-1")},
	})
	require.NoError(t, err)
	assert.Equal(t, id, env.ID)
	assert.Equal(t, "Production", env.Name)
	assert.Equal(t, []postmantest.EnvironmentVariable{{Key: "apiKey", Value: "k-1", Type: "secret"}}, srv.EnvironmentValues(id))

	got, _, err := c.Environments.Get(t.Context(), id)
	require.NoError(t, err)
	assert.Equal(t, "Production", got.Name)
	v, ok := got.Values.Get("apiKey")
	require.True(t, ok)
	assert.Equal(t, "k-1", v.Value)
	assert.True(t, v.Enabled)
}
