package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/postman-go/postman/internal/transport"
)

// ServiceAccountsService is the Service Accounts area: short-lived tokens for service accounts.
//
// Postman allows 10 calls per 10 seconds per user to GenerateToken; the
// default limiter keeps under it.
type ServiceAccountsService service

// serviceAccountTokenLifetime is how long Postman says its service account
// tokens are valid.
const serviceAccountTokenLifetime = 15 * time.Minute

// ServiceAccountToken is a short-lived JWT that authenticates
// service-to-service requests as a service account. The token itself only
// comes out of AccessToken: every way Go prints or encodes a
// ServiceAccountToken shows [REDACTED].
type ServiceAccountToken struct {
	accessToken transport.Secret
	// ExpiresAt is when the token ends by the client's clock: Postman
	// issues tokens valid for 15 minutes.
	ExpiresAt time.Time
}

// AccessToken returns the JWT. Call it only where the value goes on the
// wire.
func (t *ServiceAccountToken) AccessToken() string { return t.accessToken.Reveal() }

// UnmarshalJSON reads Postman's {"access_token"}.
func (t *ServiceAccountToken) UnmarshalJSON(data []byte) error {
	var w struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*t = ServiceAccountToken{accessToken: transport.NewSecret(w.AccessToken), ExpiresAt: time.Now().Add(serviceAccountTokenLifetime)}
	return nil
}

// String describes the token without its value.
func (t ServiceAccountToken) String() string {
	return fmt.Sprintf("postman.ServiceAccountToken{ExpiresAt: %s, AccessToken: %s}",
		t.ExpiresAt.Format(time.RFC3339), transport.Redacted)
}

// GoString is String, so that %#v cannot print the token either.
func (t ServiceAccountToken) GoString() string { return t.String() }

// Format prints String for every verb, %+v and %q included.
func (t ServiceAccountToken) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(t.String())) }

// LogValue implements slog.LogValuer without the token.
func (t ServiceAccountToken) LogValue() slog.Value {
	return slog.GroupValue(slog.Time("expires_at", t.ExpiresAt), slog.String("access_token", transport.Redacted))
}

// MarshalJSON encodes the token with its value redacted, like the SDK's
// other credentials.
func (t ServiceAccountToken) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]any{"access_token": transport.Redacted, "expires_at": t.ExpiresAt})
}

// GenerateToken exchanges the client's API key, which must belong to a
// service account (a user's key is refused), for a JWT valid for 15
// minutes.
//
// Available on Enterprise plans. Reuse a token until it nears ExpiresAt
// rather than asking for one per call (see ServiceAccountsService for the
// rate limit).
//
//postman:operation POST /service-account-tokens
func (s *ServiceAccountsService) GenerateToken(ctx context.Context) (*ServiceAccountToken, *Response, error) {
	tok := new(ServiceAccountToken)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: "/service-account-tokens"}, tok)
	if err != nil {
		return nil, resp, err
	}
	return tok, resp, nil
}
