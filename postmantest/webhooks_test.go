package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestWebhookCreatesItsMonitor(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[1].ID
	col := srv.AddCollection(ws, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	hook, _, err := c.Webhooks.Create(ctx, ws, postman.WebhookCreateParams{Name: "Nightly", Collection: uid(col)})
	require.NoError(t, err)
	assert.Equal(t, "Nightly", hook.Name)
	assert.Equal(t, uid(col), hook.Collection)
	assert.NotEmpty(t, hook.WebhookURL)
	require.Len(t, srv.Webhooks(), 1)
	assert.Equal(t, ws, srv.Webhooks()[0].WorkspaceID)
	m, _, err := c.Monitors.Get(ctx, hook.ID)
	require.NoError(t, err)
	assert.Equal(t, "Nightly", m.Name)

	_, _, err = c.Webhooks.Create(ctx, ws, postman.WebhookCreateParams{Name: "No collection"})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "paramMissingError", apiErr.Name)
}
