package postman

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

const (
	testOAuthSecret = "oauth-client-SECRET-canary"
	testOAuthJWT    = "eyJhbGciOiJSUzI1NiJ9.JWT-CANARY.sig"
	testOAuthToken  = "PMAK-XXX"
)

func testOAuthRequest() OAuthTokenGenerateParams {
	return OAuthTokenGenerateParams{ClientID: "client-123", ClientSecret: testOAuthSecret,
		InstallationAuthID: "e868878e40f646ce8b5620736995dc89", JWT: testOAuthJWT}
}

func TestOAuthConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "GenerateToken", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.OAuth.GenerateToken(ctx, testOAuthRequest())
			return err
		}},
		{name: "RevokeToken", call: func(ctx context.Context, c *Client) error {
			_, err := c.OAuth.RevokeToken(ctx, testOAuthToken)
			return err
		}},
	})
}

func TestOAuthGenerateTokenUsesBasicAuthNotTheAPIKey(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	tok, _, err := c.OAuth.GenerateToken(t.Context(), testOAuthRequest())
	require.NoError(t, err)
	assert.Equal(t, testOAuthToken, tok.AccessToken())
	assert.Equal(t, "Bearer", tok.TokenType)
	assert.Equal(t, time.Hour, tok.ExpiresIn)
	assert.WithinDuration(t, time.Now().Add(time.Hour), tok.ExpiresAt, time.Minute)

	req, body := h.LastRequest()
	assert.Empty(t, req.Header.Get("X-Api-Key"), "the API key is never sent to the token endpoint")
	assert.NotContains(t, fmt.Sprint(req.Header), canaryKey)
	user, pass, ok := req.BasicAuth()
	require.True(t, ok, "Authorization: Basic")
	assert.Equal(t, "client-123", user)
	assert.Equal(t, testOAuthSecret, pass)
	assert.Equal(t, "Basic "+base64.StdEncoding.EncodeToString([]byte("client-123:"+testOAuthSecret)), req.Header.Get("Authorization"))
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
	assert.JSONEq(t, `{"grant_type":"client_credentials","installationAuthId":"e868878e40f646ce8b5620736995dc89","jwt":"`+testOAuthJWT+`"}`, string(body))

	_, resp, err := c.OAuth.GenerateToken(t.Context(), OAuthTokenGenerateParams{ClientID: "id"})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Nil(t, resp)
}

func TestOAuthRevokeTokenSendsNoCredential(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	resp, err := c.OAuth.RevokeToken(t.Context(), testOAuthToken)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	req, body := h.LastRequest()
	assert.Empty(t, req.Header.Get("X-Api-Key"))
	assert.Empty(t, req.Header.Get("Authorization"))
	assert.JSONEq(t, `{"token":"PMAK-XXX"}`, string(body))

	_, err = c.OAuth.RevokeToken(t.Context(), "")
	assert.ErrorIs(t, err, ErrInvalidArgument)
}

func TestOAuthErrorsAreDecodedAndHideSecrets(t *testing.T) {
	h := conformance.New(t)
	h.Status("generateOauthToken", http.StatusNotFound)
	h.Status("revokeOauthToken", http.StatusNotFound)
	c := newTestClient(t, h.URL)

	_, _, err := c.OAuth.GenerateToken(t.Context(), testOAuthRequest())
	assert.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "invalid_client", apiErr.Name)
	assert.Equal(t, "OAuth client installation not found", apiErr.Message)
	for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", apiErr)} {
		assert.NotContains(t, s, testOAuthSecret)
		assert.NotContains(t, s, testOAuthJWT)
	}

	_, err = c.OAuth.RevokeToken(t.Context(), testOAuthToken)
	assert.ErrorIs(t, err, ErrNotFound)
}

// assertRedacted checks every way Go prints or encodes v for the secrets.
func assertRedacted(t *testing.T, v any, secrets ...string) {
	t.Helper()
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("value", "v", v)
	slog.New(slog.NewTextHandler(&logs, nil)).Info("value", "v", v)
	js, err := json.Marshal(v)
	require.NoError(t, err)
	outputs := []string{
		fmt.Sprint(v), fmt.Sprintf("%v", v), fmt.Sprintf("%+v", v), fmt.Sprintf("%#v", v), fmt.Sprintf("%s", v),
		fmt.Sprintf("%q", v), fmt.Sprintf("%x", v), fmt.Sprintf("%+v", struct{ V any }{v}),
		fmt.Sprintf("%#v", []any{v}), logs.String(), string(js),
	}
	for _, out := range outputs {
		for _, s := range secrets {
			assert.NotContains(t, out, s)
		}
	}
	assert.Contains(t, fmt.Sprintf("%+v", v), "[REDACTED]")
}

func TestOAuthTokenAndRequestNeverPrintSecrets(t *testing.T) {
	h := conformance.New(t)
	h.Respond("generateOauthToken", respondJSON(http.StatusOK, `{"access_token":"PMAK-TOKEN-CANARY","expires_in":3600,"token_type":"Bearer"}`))
	c := newTestClient(t, h.URL)
	tok, _, err := c.OAuth.GenerateToken(t.Context(), testOAuthRequest())
	require.NoError(t, err)
	require.Equal(t, "PMAK-TOKEN-CANARY", tok.AccessToken())

	assertRedacted(t, tok, "PMAK-TOKEN-CANARY")
	assertRedacted(t, *tok, "PMAK-TOKEN-CANARY")
	assert.Equal(t, "postman.OAuthToken{TokenType: Bearer, ExpiresIn: 1h0m0s, AccessToken: [REDACTED]}", tok.String())

	req := testOAuthRequest()
	assertRedacted(t, req, testOAuthSecret, testOAuthJWT)
	assertRedacted(t, &req, testOAuthSecret, testOAuthJWT)
	assert.Contains(t, req.String(), "client-123", "the client ID is not a secret")
	assert.Contains(t, OAuthTokenGenerateParams{ClientID: "x"}.String(), `ClientSecret: ""`, "an unset secret shows as unset")
}
