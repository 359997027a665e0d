package postmantest

// routesScanning registers the endpoints that look into what a team
// stores: the Secret Scanner's detected secrets and secret types, API
// definition security validation, and search.
func (s *Server) routesScanning() {
	s.mux.HandleFunc("POST /detected-secrets-queries", s.searchDetectedSecrets)
	s.mux.HandleFunc("PUT /detected-secrets/{secretId}", s.resolveDetectedSecret)
	s.mux.HandleFunc("GET /detected-secrets/{secretId}/locations", s.detectedSecretLocations)
	s.mux.HandleFunc("GET /secret-types", s.listSecretTypes)

	s.mux.HandleFunc("POST /security/api-validation", s.validateDefinition)

	s.mux.HandleFunc("POST /search", s.search)
}

// scanState is what the Secret Scanner stores; it lives in
// state.scanning, created on first use by (*state).scan. Server.mu guards
// it.
type scanState struct {
	secrets     []*storedSecret
	secretSeq   int64 // the last secret number given out (IDs encode it)
	secretTypes []SecretType
}

// scan returns the Secret Scanner's state, creating it on first use.
func (st *state) scan() *scanState {
	if st.scanning == nil {
		st.scanning = &scanState{secretSeq: 927960, secretTypes: defaultSecretTypes()}
	}
	return st.scanning
}
