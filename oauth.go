package postman

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/postman-go/postman/internal/transport"
)

// OAuthService is the OAuth 2.0 area: access tokens for the Postman API from client credentials.
//
// Its calls never carry the client's API key: token generation
// authenticates with the OAuth client's ID and secret (HTTP Basic), and
// revocation with nothing but the token.
type OAuthService service

// OAuthTokenGenerateParams holds the client credentials of an OAuth client
// installation. ClientSecret and JWT are credentials: every way Go prints
// or encodes the request (fmt verbs, slog, encoding/json) shows
// [REDACTED] for them.
type OAuthTokenGenerateParams struct {
	// ClientID and ClientSecret are the OAuth client's credentials, sent as
	// HTTP Basic user name and password.
	ClientID     string
	ClientSecret string
	// InstallationAuthID identifies the client's installation.
	InstallationAuthID string
	// JWT is a signed token with the iss, aud, iat, exp and jti claims.
	JWT string
}

// String describes the request without its secrets.
func (r OAuthTokenGenerateParams) String() string {
	return fmt.Sprintf("postman.OAuthTokenRequest{ClientID: %q, ClientSecret: %s, InstallationAuthID: %q, JWT: %s}",
		r.ClientID, oauthRedact(r.ClientSecret), r.InstallationAuthID, oauthRedact(r.JWT))
}

// GoString is String, so that %#v cannot print the secrets either.
func (r OAuthTokenGenerateParams) GoString() string { return r.String() }

// Format prints String for every verb, %+v and %q included.
func (r OAuthTokenGenerateParams) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue implements slog.LogValuer without the secrets.
func (r OAuthTokenGenerateParams) LogValue() slog.Value {
	return slog.GroupValue(slog.String("client_id", r.ClientID), slog.String("client_secret", oauthRedact(r.ClientSecret)),
		slog.String("installation_auth_id", r.InstallationAuthID), slog.String("jwt", oauthRedact(r.JWT)))
}

// MarshalJSON encodes the request without its secrets, for logs and
// dumps; the SDK builds the body it sends separately.
func (r OAuthTokenGenerateParams) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]string{"clientId": r.ClientID, "clientSecret": oauthRedact(r.ClientSecret),
		"installationAuthId": r.InstallationAuthID, "jwt": oauthRedact(r.JWT)})
}

// OAuthToken is a Postman OAuth 2.0 access token. It is used like an API
// key (NewClient(token.AccessToken())). The token itself only comes out of
// AccessToken: every way Go prints or encodes an OAuthToken shows
// [REDACTED].
type OAuthToken struct {
	accessToken transport.Secret
	// TokenType is "Bearer".
	TokenType string
	// ExpiresIn is the token's lifetime from its issue, and ExpiresAt the
	// time it ends by the client's clock.
	ExpiresIn time.Duration
	ExpiresAt time.Time
}

// AccessToken returns the token. Call it only where the value goes on the
// wire.
func (t *OAuthToken) AccessToken() string { return t.accessToken.Reveal() }

// UnmarshalJSON reads Postman's {"access_token","expires_in","token_type"}.
// expires_in is read in seconds, as RFC 6749 defines it; the description
// says milliseconds, but its example (3600) is Postman's one-hour lifetime.
func (t *OAuthToken) UnmarshalJSON(data []byte) error {
	var w struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int64  `json:"expires_in"`
		TokenType   string `json:"token_type"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*t = OAuthToken{accessToken: transport.NewSecret(w.AccessToken), TokenType: w.TokenType,
		ExpiresIn: time.Duration(w.ExpiresIn) * time.Second}
	if w.ExpiresIn > 0 {
		t.ExpiresAt = time.Now().Add(t.ExpiresIn)
	}
	return nil
}

// String describes the token without its value.
func (t OAuthToken) String() string {
	return fmt.Sprintf("postman.OAuthToken{TokenType: %s, ExpiresIn: %s, AccessToken: %s}",
		t.TokenType, t.ExpiresIn, transport.Redacted)
}

// GoString is String, so that %#v cannot print the token either.
func (t OAuthToken) GoString() string { return t.String() }

// Format prints String for every verb, %+v and %q included.
func (t OAuthToken) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(t.String())) }

// LogValue implements slog.LogValuer without the token.
func (t OAuthToken) LogValue() slog.Value {
	return slog.GroupValue(slog.String("token_type", t.TokenType), slog.Duration("expires_in", t.ExpiresIn),
		slog.String("access_token", transport.Redacted))
}

// MarshalJSON encodes the token with its value redacted, like the SDK's
// other credentials.
func (t OAuthToken) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]any{"access_token": transport.Redacted, "token_type": t.TokenType,
		"expires_in": int64(t.ExpiresIn / time.Second)})
}

// GenerateToken exchanges an OAuth client's credentials for an access
// token (the client_credentials grant), for services and bots that act
// without a user. The request authenticates with HTTP Basic from
// req.ClientID and req.ClientSecret; the client's API key is not sent.
//
//postman:operation POST /oauth2/token
func (s *OAuthService) GenerateToken(ctx context.Context, req OAuthTokenGenerateParams) (*OAuthToken, *Response, error) {
	if req.ClientID == "" || req.ClientSecret == "" {
		return nil, nil, fmt.Errorf("postman: OAuth.GenerateToken: %w: the client ID and secret are required", ErrInvalidArgument)
	}
	basic := base64.StdEncoding.EncodeToString([]byte(req.ClientID + ":" + req.ClientSecret))
	body := struct {
		GrantType          string `json:"grant_type"`
		InstallationAuthID string `json:"installationAuthId"`
		JWT                string `json:"jwt"`
	}{"client_credentials", req.InstallationAuthID, req.JWT}
	tok := new(OAuthToken)
	resp, err := s.client.do(ctx, &request{
		method: http.MethodPost,
		path:   "/oauth2/token",
		body:   body,
		header: http.Header{"Authorization": {"Basic " + basic}},
		auth:   transport.AuthNone,
	}, tok)
	if err != nil {
		return nil, resp, err
	}
	return tok, resp, nil
}

// RevokeToken revokes an OAuth access token at once and for good. The
// request carries no credential but the token.
//
//postman:operation POST /oauth2/token/revoke
func (s *OAuthService) RevokeToken(ctx context.Context, accessToken string) (*Response, error) {
	if accessToken == "" {
		return nil, fmt.Errorf("postman: OAuth.RevokeToken: %w: the token is empty", ErrInvalidArgument)
	}
	body := struct {
		Token string `json:"token"`
	}{accessToken}
	return s.client.do(ctx, &request{method: http.MethodPost, path: "/oauth2/token/revoke", body: body, auth: transport.AuthNone}, nil)
}

// oauthRedact shows whether a secret is set without showing it.
func oauthRedact(secret string) string {
	if secret == "" {
		return `""`
	}
	return transport.Redacted
}
