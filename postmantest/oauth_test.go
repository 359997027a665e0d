package postmantest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestOAuthTokenGrantsAccessUntilRevoked(t *testing.T) {
	srv := postmantest.NewServer(postmantest.WithAPIKey("user-key"))
	t.Cleanup(srv.Close)
	srv.AddOAuthClient(postmantest.OAuthClient{ID: "client-1", Secret: "s3cret", InstallationAuthID: "inst-1"})
	c := newClient(t, srv, "user-key")
	ctx := t.Context()

	_, _, err := c.OAuth.GenerateToken(ctx, postman.OAuthTokenRequest{ClientID: "client-1", ClientSecret: "wrong", InstallationAuthID: "inst-1", JWT: "eyJ"})
	assert.ErrorIs(t, err, postman.ErrNotFound)
	tok, _, err := c.OAuth.GenerateToken(ctx, postman.OAuthTokenRequest{ClientID: "client-1", ClientSecret: "s3cret", InstallationAuthID: "inst-1", JWT: "eyJ"})
	require.NoError(t, err)
	assert.Equal(t, "Bearer", tok.TokenType)
	assert.Equal(t, time.Hour, tok.ExpiresIn)

	bot := newClient(t, srv, tok.AccessToken())
	me, _, err := bot.Users.Me(ctx)
	require.NoError(t, err)
	assert.Equal(t, "taylor-lee", me.User.Username)
	issued, active := srv.OAuthTokens()
	assert.Equal(t, [2]int{1, 1}, [2]int{issued, active})

	_, err = c.OAuth.RevokeToken(ctx, tok.AccessToken())
	require.NoError(t, err)
	_, _, err = bot.Users.Me(ctx)
	assert.ErrorIs(t, err, postman.ErrUnauthorized)
	_, err = c.OAuth.RevokeToken(ctx, tok.AccessToken())
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, active = srv.OAuthTokens()
	assert.Zero(t, active)
}

func TestServiceAccountTokens(t *testing.T) {
	srv := postmantest.NewServer(postmantest.WithAPIKey("user-key"))
	t.Cleanup(srv.Close)
	srv.AddServiceAccount("sa-key")
	ctx := t.Context()

	tok, _, err := newClient(t, srv, "sa-key").ServiceAccounts.GenerateToken(ctx)
	require.NoError(t, err)
	key, ok := srv.ServiceAccountKey(tok.AccessToken())
	assert.True(t, ok)
	assert.Equal(t, "sa-key", key)
	assert.WithinDuration(t, time.Now().Add(15*time.Minute), tok.ExpiresAt, time.Minute)

	_, _, err = newClient(t, srv, "user-key").ServiceAccounts.GenerateToken(ctx)
	assert.ErrorIs(t, err, postman.ErrUnauthorized, "a user's key is refused")
}

func TestWebhookCreatesItsMonitor(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[1].ID
	col := srv.AddCollection(ws, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	hook, _, err := c.Webhooks.Create(ctx, ws, postman.WebhookCreateRequest{Name: "Nightly", Collection: uid(col)})
	require.NoError(t, err)
	assert.Equal(t, "Nightly", hook.Name)
	assert.Equal(t, uid(col), hook.Collection)
	assert.NotEmpty(t, hook.WebhookURL)
	require.Len(t, srv.Webhooks(), 1)
	assert.Equal(t, ws, srv.Webhooks()[0].WorkspaceID)
	m, _, err := c.Monitors.Get(ctx, hook.ID)
	require.NoError(t, err)
	assert.Equal(t, "Nightly", m.Name)

	_, _, err = c.Webhooks.Create(ctx, ws, postman.WebhookCreateRequest{Name: "No collection"})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "paramMissingError", apiErr.Name)
}

func TestPostbotGeneratesToolsForPublicCollections(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	col := srv.AddCollection(srv.Workspaces()[0].ID, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()
	req := postman.PostbotToolRequest{CollectionID: uid(col), RequestID: "22222222-2222-4222-8222-222222222222",
		Config: postman.PostbotToolConfig{Language: postman.PostbotPython, AgentFramework: postman.PostbotAutoGen}}

	_, _, err := c.Postbot.GenerateTool(ctx, req) //nolint:staticcheck // deprecated upstream, still served
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr, "the collection is private")
	assert.Equal(t, "Collection does not exist or is not public", apiErr.Detail)
	srv.PublishCollection(col)
	tool, _, err := c.Postbot.GenerateTool(ctx, req) //nolint:staticcheck // deprecated upstream, still served
	require.NoError(t, err)
	assert.Contains(t, tool.Text, "def get_a_pet(")
	req.RequestID = "00000000-0000-4000-8000-000000000000"
	_, _, err = c.Postbot.GenerateTool(ctx, req) //nolint:staticcheck // deprecated upstream, still served
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Request not found", apiErr.Detail)
}
