package postmantest

import "sync"

// tokensState is what the fake stores for SDK generation, OAuth clients
// and tokens, service accounts, webhooks and Postbot.
type tokensState struct {
	sdks    []*storedSDK
	sdkFail *SDKBuildError // the failure of SDK builds started from now on
	oauth   []OAuthClient

	// authMu guards oauthToks and saKeys, which authorize requests where
	// s.mu may be held already (lock order: s.mu, then authMu).
	authMu    sync.Mutex
	oauthToks map[string]*oauthToken // access token → its state
	saKeys    map[string]bool        // service account API keys
	saToks    map[string]string      // service account token → the key it was issued to
	webhooks  []Webhook
	public    map[string]bool // IDs of the collections on the Public API Network
}

// newTokensState returns the empty state of the token areas.
func newTokensState() *tokensState {
	return &tokensState{oauthToks: map[string]*oauthToken{}, saKeys: map[string]bool{},
		saToks: map[string]string{}, public: map[string]bool{}}
}

// tok returns the state of the token areas. The caller holds s.mu.
func (st *state) tok() *tokensState { return st.tokens }

// routesTokens registers the SDK generation, OAuth, service account,
// webhook and Postbot endpoints.
func (s *Server) routesTokens() {
	s.mux.HandleFunc("GET /sdks", s.listSDKs)
	s.mux.HandleFunc("POST /sdks", s.createSDK)
	s.mux.HandleFunc("GET /sdks/{sdkId}", s.getSDK)
	s.mux.HandleFunc("DELETE /sdks/{sdkId}", s.deleteSDK)
	s.mux.HandleFunc("GET /sdks/{sdkId}/downloads", s.sdkDownload)

	s.mux.HandleFunc("POST /oauth2/token", s.generateOAuthToken)
	s.mux.HandleFunc("POST /oauth2/token/revoke", s.revokeOAuthToken)
	s.mux.HandleFunc("POST /service-account-tokens", s.generateServiceAccountToken)
	s.mux.HandleFunc("POST /webhooks", s.createWebhook)
	s.mux.HandleFunc("POST /postbot/generations/tool", s.generateTool)
}
