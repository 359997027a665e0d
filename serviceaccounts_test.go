package postman

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

const testServiceAccountJWT = "6994754074765fc179e6b941f61b469858e6d79157e0c3ae23b6d290177ca87487601df9efb7cd624dcef85c7278ace24673f973a20fdae1220c17cba6db3a27"

func TestServiceAccountsConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "GenerateToken", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.ServiceAccounts.GenerateToken(ctx)
			return err
		}},
	})
}

func TestServiceAccountsGenerateToken(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	tok, _, err := c.ServiceAccounts.GenerateToken(t.Context())
	require.NoError(t, err)
	assert.Equal(t, testServiceAccountJWT, tok.AccessToken())
	assert.WithinDuration(t, time.Now().Add(15*time.Minute), tok.ExpiresAt, time.Minute)

	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPost, req.Method)
	assert.Equal(t, canaryKey, req.Header.Get("X-Api-Key"), "the service account's own API key authenticates the exchange")
	assert.Empty(t, body)

	assertRedacted(t, tok, testServiceAccountJWT)
	assertRedacted(t, *tok, testServiceAccountJWT)
}

func TestServiceAccountsGenerateTokenErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("generateServiceAccountToken", http.StatusUnauthorized)
	c := newTestClient(t, h.URL)
	_, _, err := c.ServiceAccounts.GenerateToken(t.Context())
	assert.ErrorIs(t, err, ErrUnauthorized)
}
