package postman

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestWebhooksConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Webhooks.Create(ctx, testWorkspaceID, WebhookCreateParams{Name: "Test Webhook", Collection: testCollectionUID})
			return err
		}},
	})
}

func TestWebhooksCreate(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	wh, _, err := c.Webhooks.Create(t.Context(), testWorkspaceID, WebhookCreateParams{
		Name: "Test Webhook", Collection: testCollectionUID, Environment: testEnvUID})
	require.NoError(t, err)
	assert.Equal(t, "https://newman-api.postman.com/run/12345678/267a6e99-b6da-407c-a96f-03be2d6282fb", wh.WebhookURL)
	assert.Equal(t, "12345678-1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", wh.UID)

	req, body := h.LastRequest()
	assert.Equal(t, "workspace="+testWorkspaceID, req.URL.RawQuery)
	assert.JSONEq(t, `{"webhook":{"name":"Test Webhook","collection":"`+testCollectionUID+`","environment":"`+testEnvUID+`"}}`, string(body))

	_, _, err = c.Webhooks.Create(t.Context(), "", WebhookCreateParams{Name: "x", Collection: testCollectionUID})
	assert.ErrorIs(t, err, ErrInvalidArgument)

	h.Status("createWebhook", http.StatusBadRequest)
	_, _, err = c.Webhooks.Create(t.Context(), testWorkspaceID, WebhookCreateParams{Name: "x", Collection: testCollectionUID})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "paramMissingError", apiErr.Name)
	assert.JSONEq(t, `{"param":["collection"]}`, string(apiErr.Details))
}
