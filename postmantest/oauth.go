package postmantest

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// oauthState is what the OAuth and service account endpoints store. A
// server keeps it for its lifetime; authMu guards oauthToks and saKeys,
// which authorize requests where s.mu may be held already (lock order:
// s.mu, then authMu), and Server.mu guards the rest.
type oauthState struct {
	oauthClients []OAuthClient

	authMu    sync.Mutex
	oauthToks map[string]*oauthToken // access token → its state
	saKeys    map[string]bool        // service account API keys
	saToks    map[string]string      // service account token → the key it was issued to
}

func newOAuthState() oauthState {
	return oauthState{oauthToks: map[string]*oauthToken{}, saKeys: map[string]bool{}, saToks: map[string]string{}}
}

func (s *Server) routeOAuth() {
	s.mux.HandleFunc("POST /oauth2/token", s.generateOAuthToken)
	s.mux.HandleFunc("POST /oauth2/token/revoke", s.revokeOAuthToken)
	s.mux.HandleFunc("POST /service-account-tokens", s.generateServiceAccountToken)
}

// OAuthClient is an installed OAuth client that may exchange its
// credentials for access tokens (POST /oauth2/token).
type OAuthClient struct {
	ID                 string
	Secret             string
	InstallationAuthID string
}

// oauthToken is an access token the fake issued; it authenticates like
// an API key until it expires or is revoked.
type oauthToken struct {
	expiresAt time.Time
	revoked   bool
}

// oauthTokenLifetime is the lifetime of Postman's OAuth access tokens.
const oauthTokenLifetime = time.Hour

// AddOAuthClient registers an OAuth client installation.
func (s *Server) AddOAuthClient(c OAuthClient) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := &s.state.oauthState
	st.oauthClients = append(st.oauthClients, c)
}

// OAuthTokens returns how many OAuth access tokens were issued and how
// many of them are still active (neither revoked nor expired).
func (s *Server) OAuthTokens() (issued, active int) {
	st := &s.state.oauthState
	st.authMu.Lock()
	defer st.authMu.Unlock()
	for _, t := range st.oauthToks {
		issued++
		if t.active() {
			active++
		}
	}
	return issued, active
}

func (t *oauthToken) active() bool { return !t.revoked && time.Now().Before(t.expiresAt) }

// tokenAuthorized decides the authentication of the requests the token
// areas treat apart, and reports whether it decided: the OAuth endpoints
// take no API key, OAuth access tokens authenticate like API keys until
// revoked, and service account keys are keys the server accepts.
func (s *Server) tokenAuthorized(r *http.Request) (ok, decided bool) {
	if strings.HasPrefix(r.URL.Path, "/oauth2/") {
		return true, true
	}
	key := r.Header.Get("X-Api-Key")
	if key == "" {
		return false, false
	}
	st := &s.state.oauthState
	st.authMu.Lock()
	defer st.authMu.Unlock()
	if t := st.oauthToks[key]; t != nil {
		return t.active(), true
	}
	if st.saKeys[key] {
		return true, true
	}
	return false, false
}

func oauthError(w http.ResponseWriter, status int, code, description string) {
	writeJSON(w, status, map[string]any{"error": code, "error_description": description})
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// generateOAuthToken exchanges an OAuth client's credentials (HTTP Basic)
// for an access token, with the client_credentials grant.
func (s *Server) generateOAuthToken(w http.ResponseWriter, r *http.Request) {
	var body struct {
		GrantType          string `json:"grant_type"`
		InstallationAuthID string `json:"installationAuthId"`
		JWT                string `json:"jwt"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.GrantType != "client_credentials" {
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "Grant type not supported")
		return
	}
	id, secret, _ := r.BasicAuth()
	s.mu.Lock()
	defer s.mu.Unlock()
	st := &s.state.oauthState
	var client *OAuthClient
	for i, c := range st.oauthClients {
		if c.ID == id && c.Secret == secret {
			client = &st.oauthClients[i]
		}
	}
	switch {
	case client == nil:
		oauthError(w, http.StatusNotFound, "invalid_client", "OAuth client not found")
		return
	case client.InstallationAuthID != body.InstallationAuthID || body.JWT == "":
		oauthError(w, http.StatusNotFound, "invalid_client", "OAuth client installation not found")
		return
	}
	token := "PMAT-" + randomHex(16)
	st.authMu.Lock()
	defer st.authMu.Unlock()
	st.oauthToks[token] = &oauthToken{expiresAt: time.Now().Add(oauthTokenLifetime)}
	writeJSON(w, http.StatusOK, map[string]any{"access_token": token, "expires_in": int(oauthTokenLifetime / time.Second), "token_type": "Bearer"})
}

// revokeOAuthToken revokes an access token for good.
func (s *Server) revokeOAuthToken(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Token string `json:"token"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	st := &s.state.oauthState
	st.authMu.Lock()
	defer st.authMu.Unlock()
	t := st.oauthToks[body.Token]
	if t == nil || t.revoked {
		oauthError(w, http.StatusNotFound, "invalid_request", "Token not found")
		return
	}
	t.revoked = true
	writeJSON(w, http.StatusOK, map[string]any{"success": "true"})
}

// AddServiceAccount registers the API key of a service account: the
// server accepts it (even with WithAPIKey) and exchanges it for tokens at
// POST /service-account-tokens, which refuses other keys.
func (s *Server) AddServiceAccount(apiKey string) {
	st := &s.state.oauthState
	st.authMu.Lock()
	defer st.authMu.Unlock()
	st.saKeys[apiKey] = true
}

// ServiceAccountKey returns the service account API key a token from
// POST /service-account-tokens was issued to, and whether the server
// issued it: a test can check what a tool sent downstream.
func (s *Server) ServiceAccountKey(token string) (apiKey string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	apiKey, ok = s.state.saToks[token]
	return apiKey, ok
}

// generateServiceAccountToken exchanges a service account's API key for
// a JWT (unsigned: only its shape is Postman's).
func (s *Server) generateServiceAccountToken(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("X-Api-Key")
	s.mu.Lock()
	defer s.mu.Unlock()
	st := &s.state.oauthState
	st.authMu.Lock()
	known := st.saKeys[key]
	st.authMu.Unlock()
	if !known {
		writeProblem(w, http.StatusUnauthorized, map[string]any{"type": "https://api.postman.com/problems/unauthorized",
			"title": "Unauthorized", "detail": "Invalid or inactive API key", "status": 401})
		return
	}
	enc := base64.RawURLEncoding.EncodeToString
	now := time.Now()
	claims := `{"sub":"service-account","jti":"` + newID() + `","iat":` + strconv.FormatInt(now.Unix(), 10) + `,"exp":` + strconv.FormatInt(now.Add(15*time.Minute).Unix(), 10) + `}`
	token := enc([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + enc([]byte(claims)) + "." + enc([]byte(randomHex(16)))
	st.saToks[token] = key
	writeJSON(w, http.StatusOK, map[string]any{"access_token": token})
}
