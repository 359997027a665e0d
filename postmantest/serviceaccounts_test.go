package postmantest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

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
