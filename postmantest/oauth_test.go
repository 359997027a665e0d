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

	_, _, err := c.OAuth.GenerateToken(ctx, postman.OAuthTokenGenerateParams{ClientID: "client-1", ClientSecret: "wrong", InstallationAuthID: "inst-1", JWT: "eyJ"})
	assert.ErrorIs(t, err, postman.ErrNotFound)
	tok, _, err := c.OAuth.GenerateToken(ctx, postman.OAuthTokenGenerateParams{ClientID: "client-1", ClientSecret: "s3cret", InstallationAuthID: "inst-1", JWT: "eyJ"})
	require.NoError(t, err)
	assert.Equal(t, "Bearer", tok.TokenType)
	assert.Equal(t, time.Hour, tok.ExpiresIn)

	bot := newClient(t, srv, tok.AccessToken())
	me, _, err := bot.Users.GetMe(ctx)
	require.NoError(t, err)
	assert.Equal(t, "taylor-lee", me.User.Username)
	issued, active := srv.OAuthTokens()
	assert.Equal(t, [2]int{1, 1}, [2]int{issued, active})

	_, err = c.OAuth.RevokeToken(ctx, tok.AccessToken())
	require.NoError(t, err)
	_, _, err = bot.Users.GetMe(ctx)
	assert.ErrorIs(t, err, postman.ErrUnauthorized)
	_, err = c.OAuth.RevokeToken(ctx, tok.AccessToken())
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, active = srv.OAuthTokens()
	assert.Zero(t, active)
}
